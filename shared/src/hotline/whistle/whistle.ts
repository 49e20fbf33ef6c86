import { makeSampler, type Sampler } from '../../random/distributions';
import { PURPOSES } from '../../random/keyed-random';
import type { ModelState } from '../model-state';
import { C, type WorkOrder } from '../observation';

/**
 * 街乡吹哨、部门报到: a street whose case needs departments summons them; they report on site and the
 * street's work waits for the last of them.
 */
export class Whistle {
  private readonly report: Sampler;

  constructor(private readonly s: ModelState) {
    this.report = makeSampler(s.lc.whistle.reportMinutes, 60);
  }

  /** The street summons the departments (吹哨); they report (报到). Returns the seconds the work waits. */
  blow(order: WorkOrder): number {
    const s = this.s;
    if (!s.lc.whistle.enabled) {
      order.whistle = -1;
      return 0;
    }
    order.whistle = 1;
    const summoned = s.city.whistleUnits[order.category] as Int32Array;
    let latest = 0;
    const rng = s.keyed.at(order.id, PURPOSES.reports);
    for (let i = 0; i < summoned.length; i++) {
      const report = this.report(rng);
      latest = Math.max(latest, report);
      if (report <= s.lc.whistle.reportLimitMinutes * 60) s.tally(order.batch, C.reportsOnTime);
    }
    s.tally(order.batch, C.whistles);
    s.tally(order.batch, C.reports, summoned.length);
    return latest;
  }
}
