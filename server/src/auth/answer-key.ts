import type { RunInfo } from '@hotline-sim/shared';
import { ApiError } from '../http/errors';
import type { Session } from './roles';

/** Whether a run's exercise is over: its answers may be shown to everyone who may read the run. */
export const exerciseEnded = (run: Pick<RunInfo, 'status'>): boolean =>
  run.status === 'finished' || run.status === 'stopped';

/**
 * Throws 403 when a trainee asks for `what` of an exercise still running: the appeal log is the
 * answer key. Masking single fields would not do: an appeal's words are drawn from its true category,
 * its deadline from that category's time limit, its history names the units that held it, and the
 * list filters by category. The trainee's own seat (seat-routes.ts) shows what a dispatcher may know.
 * Instructors and observers always pass; trainees pass once the run is finished or stopped.
 */
export function hideAnswersFromTrainee(
  session: Session | undefined,
  run: Pick<RunInfo, 'id' | 'status'>,
  what: string,
): void {
  if (session?.role !== 'trainee' || exerciseEnded(run)) return;
  throw new ApiError(
    403,
    `forbidden: ${what} of run "${run.id}" holds the answers (each appeal's category and unit); a trainee may read it once the exercise has ended`,
  );
}
