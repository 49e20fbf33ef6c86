import type { Bilingual } from '../i18n';
import { call } from './rest';

/** Where a lever change came from: the scenario's timeline or the instructor (contract C3). */
export type LeverChangeSource = 'timeline' | 'instructor';

/** A lever change of a live run at its virtual second (`at`): the levers it set, by path. */
export interface LeverChange {
  at: number;
  set: Record<string, unknown>;
  source: LeverChangeSource;
  label?: Bilingual;
}

/** GET /api/runs/:id/levers: every catalogue lever's current value and the changes so far. */
export interface RunLevers {
  values: Record<string, unknown>;
  changes: LeverChange[];
}

/** POST /api/runs/:id/levers answers 202 with the virtual second the change takes effect at. */
export interface LeverChangeAccepted {
  at: number;
  set: Record<string, unknown>;
}

const path = (id: string) => `/runs/${encodeURIComponent(id)}/levers`;

/**
 * The levers of a live run (contract C3). A refused change is an `ApiError`: 422 names the bad path
 * or value, 409 says the run has finished or stopped, 403 that only an instructor may change levers.
 */
export const leversApi = {
  get: (runId: string) => call<RunLevers>('GET', path(runId)),
  set: (runId: string, set: Record<string, unknown>) =>
    call<LeverChangeAccepted>('POST', path(runId), { set }),
};
