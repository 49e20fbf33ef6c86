import type { SeatRole } from '@hotline-sim/shared';
import { useEffect, useState } from 'react';
import { trainingApi } from '../../api';
import { useI18n } from '../../i18n';
import { SeatPanel } from '../SeatPanel';
import { RoleSeatPanel } from './RoleSeatPanel';

/** A trainee's seat by its role: the dispatch desk (派单), or a review (退单审核) or callback (回访) seat. */
export function SeatByRole({
  runId,
  seat,
  ended = false,
}: {
  runId: string;
  seat: string;
  /** The run has ended (the console knows; a trainee's page reads it from the live store). */
  ended?: boolean;
}) {
  const { t } = useI18n();
  const [role, setRole] = useState<SeatRole | null>(null);
  useEffect(() => {
    let alive = true;
    // The role never changes during a run: one read; on an error the dispatch desk shows it.
    trainingApi.seat(runId, seat).then(
      (v) => alive && setRole(v.role),
      () => alive && setRole('dispatch'),
    );
    return () => {
      alive = false;
    };
  }, [runId, seat]);
  if (role === null) return <p className="note">{t('loading')}</p>;
  return role === 'dispatch' ? (
    <SeatPanel runId={runId} seat={seat} ended={ended} />
  ) : (
    <RoleSeatPanel runId={runId} seat={seat} />
  );
}
