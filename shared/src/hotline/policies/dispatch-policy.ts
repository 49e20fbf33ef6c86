import { makeSampler, type Sampler } from '../../random/distributions';
import { PURPOSES } from '../../random/keyed-random';
import type { Lifecycle, ModelState } from '../model-state';
import type { WorkOrder } from '../observation';

/** Dispatch modes a scenario chooses from (`lifecycle.dispatch.mode`). */
export type DispatchMode = Lifecycle['dispatch']['mode'];

/** Where a dispatch sends an order. */
export interface Route {
  /** The unit that receives it. */
  unit: number;
  /** Not the owner: the dispatcher got it wrong. */
  misrouted: boolean;
  /** The owner's district receives it and passes it on to the street (tiered mode). */
  viaDistrict: boolean;
}

/**
 * A dispatch mode (派单): how long dispatch takes after the call, and where an order goes on each
 * attempt. Every mode has this shape, so a model can hold one per district.
 */
export interface DispatchPolicy {
  /** Seconds from the end of the call to dispatch, keyed by the appeal id. */
  delay(id: number): number;
  /** Where the `attempt`-th dispatch of an order goes (0 = first; later ones follow returns). */
  route(order: WorkOrder, attempt: number): Route;
}

/** The policy of a dispatch mode over a model's state. */
export function dispatchPolicy(mode: DispatchMode, s: ModelState): DispatchPolicy {
  const d = s.lc.dispatch;
  const smart = mode === 'smart';
  const sampler: Sampler = makeSampler(smart ? d.smartMinutes : d.minutes, 60);
  const accuracy = smart ? d.smartAccuracy : d.manualAccuracy;
  const tiered = mode === 'tiered';
  return {
    delay: (id) => sampler(s.keyed.at(id, PURPOSES.dispatchMinutes)),
    route(order, attempt) {
      // Data sharing (最多跑一次) in the order's street spares part of the dispatcher's mistakes.
      const misrouteShare = (1 - accuracy) * (1 - 0.6 * s.adoption.dataSharing(order.street));
      // After the last allowed return the dispatcher gets it right.
      const wrong =
        attempt < s.lc.returns.maxReturns && s.draw(order.id, PURPOSES.misroute, attempt) < misrouteShare;
      if (wrong) return { unit: wrongUnit(s, order, attempt), misrouted: true, viaDistrict: false };
      const street = s.city.categories[order.category]?.owner.kind === 'street';
      if (tiered && street && attempt === 0) {
        const district = s.city.districtUnit[s.city.streetDistrict[order.street] as number] as number;
        return { unit: district, misrouted: false, viaDistrict: true };
      }
      return { unit: order.owner, misrouted: false, viaDistrict: false };
    },
  };
}

/** A plausible wrong unit: a street's neighbour in the same district, another district, another city unit. */
function wrongUnit(s: ModelState, order: WorkOrder, attempt: number): number {
  const u = s.draw(order.id, PURPOSES.wrongUnit, attempt);
  const pool = s.city.confusableWith(order.owner);
  return pool[Math.floor(u * pool.length)] ?? order.owner;
}
