import type { ModelHooks } from '../../hotline/hooks';
import type { Lifecycle, ModelState } from '../../hotline/model-state';
import type { CallbackStage } from '../../hotline/stages/callback-stage';
import type { DispatchStage } from '../../hotline/stages/dispatch-stage';
import { CallbackDesk } from './callback-desk';
import type { CallbackDecision, ReturnDecision, RoleSeatEvent } from './role-events';
import { seatsOfRole } from './role-seats';
import { ReviewDesk } from './review-desk';

/** The desks of a run's review and callback seats; a desk is there only when the run has seats of its kind. */
export interface RoleDesks {
  review?: ReviewDesk;
  callback?: CallbackDesk;
}

/** A review or callback seat's decision, as the live input log carries it. */
export type RoleInput =
  | { kind: 'review'; seat: string; decision: ReturnDecision }
  | { kind: 'callback'; seat: string; decision: CallbackDecision };

export function roleDesks(
  s: ModelState,
  training: NonNullable<Lifecycle['training']>,
  dispatch: Pick<DispatchStage, 'redispatch' | 'refuse'>,
  callback: Pick<CallbackStage, 'recorded'>,
  emit: ((event: RoleSeatEvent) => void) | undefined,
): RoleDesks {
  return {
    ...(seatsOfRole(training, 'review').length > 0
      ? { review: new ReviewDesk(s, training, dispatch, emit) }
      : {}),
    ...(seatsOfRole(training, 'callback').length > 0
      ? { callback: new CallbackDesk(s, training, callback, emit) }
      : {}),
  };
}

/** The model hooks the desks take over. */
export function roleHooks(desks: RoleDesks): Partial<ModelHooks> {
  const { review, callback } = desks;
  return {
    ...(review ? { holdReturn: review.hold.bind(review) } : {}),
    ...(callback ? { holdCallback: callback.hold.bind(callback) } : {}),
  };
}

/** Apply a role seat's decision; with no desk of its kind it is reported as not accepted. */
export function decideAtRole(
  desks: RoleDesks,
  input: RoleInput,
  emit: ((event: RoleSeatEvent) => void) | undefined,
  now: number,
): void {
  if (input.kind === 'review') {
    if (desks.review) desks.review.decide(input.seat, input.decision);
    else
      emit?.({
        kind: 'return-decision',
        at: now,
        seat: input.seat,
        appealId: input.decision.appealId,
        decision: input.decision,
        accepted: false,
        correct: false,
      });
    return;
  }
  if (desks.callback) desks.callback.decide(input.seat, input.decision);
  else
    emit?.({
      kind: 'callback-decision',
      at: now,
      seat: input.seat,
      appealId: input.decision.appealId,
      decision: input.decision,
      accepted: false,
      correct: false,
    });
}
