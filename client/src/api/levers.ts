import type { LeverChangeView, LeversAccepted, RunLevers } from '@hotline-sim/shared';
import { call } from './rest';

/** A lever change of a live run at its virtual second (`at`): the levers it set, its source and label. */
export type LeverChange = LeverChangeView;

const path = (id: string) => `/runs/${encodeURIComponent(id)}/levers`;

/**
 * The levers of a live run (contract C3). A refused change is an `ApiError`: 422 names the bad path
 * or value, 409 says the run has finished or stopped, 403 that only an instructor may change levers.
 */
export const leversApi = {
  get: (runId: string) => call<RunLevers>('GET', path(runId)),
  set: (runId: string, set: Record<string, unknown>) => call<LeversAccepted>('POST', path(runId), { set }),
};
