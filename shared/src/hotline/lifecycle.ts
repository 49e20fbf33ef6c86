/**
 * The appeal lifecycle as a typed state machine (北京市接诉即办工作条例; DOMAIN.md §2):
 *
 *   received → answered | redirected | dispatched
 *   dispatched → signed | returned | dispatched (tiered: the district passes it on) | supervised
 *   returned → dispatched (review re-dispatches) | signed (review upholds) | supervised
 *   signed → contacted | supervised;  contacted → handled | supervised
 *   supervised (督办, overdue) → the step it was waiting for
 *   handled → replied → evaluated (citizen callback, 回访) | verified (grid discovery) → closed;
 *   replied → closed when the callback reaches nobody
 *
 * Terminal states: answered, redirected, closed. Grid discoveries enter at dispatched.
 */
export const APPEAL_STATES = [
  'received',
  'answered',
  'redirected',
  'dispatched',
  'returned',
  'signed',
  'contacted',
  'supervised',
  'handled',
  'replied',
  'evaluated',
  'verified',
  'closed',
] as const;

export type AppealState = (typeof APPEAL_STATES)[number];

export const TERMINAL_STATES: ReadonlySet<AppealState> = new Set(['answered', 'redirected', 'closed']);

const NEXT: Record<AppealState, readonly AppealState[]> = {
  received: ['answered', 'redirected', 'dispatched'],
  dispatched: ['signed', 'returned', 'dispatched', 'supervised'],
  returned: ['dispatched', 'signed', 'supervised'],
  signed: ['contacted', 'supervised'],
  contacted: ['handled', 'supervised'],
  supervised: ['dispatched', 'returned', 'signed', 'contacted', 'handled'],
  handled: ['replied'],
  replied: ['evaluated', 'verified', 'closed'],
  evaluated: ['closed'],
  verified: ['closed'],
  answered: [],
  redirected: [],
  closed: [],
};

/** State names in Chinese and English, for reports and the UI. */
export const STATE_LABELS = {
  received: { zh: '受理', en: 'Received' },
  answered: { zh: '直接答复', en: 'Answered directly' },
  redirected: { zh: '转办/告知', en: 'Redirected' },
  dispatched: { zh: '已派单', en: 'Dispatched' },
  returned: { zh: '退单', en: 'Returned' },
  signed: { zh: '已签收', en: 'Signed' },
  contacted: { zh: '已响应', en: 'Contacted' },
  supervised: { zh: '督办', en: 'Supervised' },
  handled: { zh: '已办理', en: 'Handled' },
  replied: { zh: '已反馈', en: 'Replied' },
  evaluated: { zh: '已回访', en: 'Evaluated' },
  verified: { zh: '已核查', en: 'Verified' },
  closed: { zh: '已办结', en: 'Closed' },
} as const satisfies Record<AppealState, { zh: string; en: string }>;

/** An attempt to move an appeal along a transition the lifecycle does not have. */
export class IllegalTransitionError extends Error {
  constructor(
    readonly from: AppealState,
    readonly to: AppealState,
  ) {
    super(
      `illegal appeal transition ${from} → ${to} (allowed: ${NEXT[from].join(', ') || 'none, terminal'})`,
    );
    this.name = 'IllegalTransitionError';
  }
}

/** The same table as nested lookups: checking a step costs two property reads on the hot path. */
const ALLOWED = Object.fromEntries(
  APPEAL_STATES.map((from) => [from, Object.fromEntries(NEXT[from].map((to) => [to, true]))]),
) as Record<AppealState, Partial<Record<AppealState, true>>>;

/** Whether `from → to` is a transition of the lifecycle. */
export function canTransition(from: AppealState, to: AppealState): boolean {
  return ALLOWED[from][to] === true;
}

/** The state after `from → to`; throws IllegalTransitionError when the lifecycle has no such step. */
export function transition(from: AppealState, to: AppealState): AppealState {
  if (ALLOWED[from][to] !== true) throw new IllegalTransitionError(from, to);
  return to;
}
