import type { SeatRole } from '@hotline-sim/shared';
import type { MessageKey } from '../../i18n';

/** A seat's role in words (派单 dispatch, 退单审核 review, 回访 callback). */
export const ROLE_LABELS: Record<SeatRole, MessageKey> = {
  dispatch: 'libRoleDispatch',
  review: 'libRoleReview',
  callback: 'libRoleCallback',
};
