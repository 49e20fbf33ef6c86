import { LOCAL_OFFICE_KINDS } from '../../catalogue/local-offices';
import { makeSampler, type Sampler } from '../../random/distributions';
import { PURPOSES } from '../../random/keyed-random';
import type { ModelState } from '../model-state';
import { C, type StreetRecord, type WorkOrder } from '../observation';

/**
 * 街乡吹哨、部门报到 (DOMAIN.md §9): a street whose case needs departments summons its district's
 * local offices (派出所, 市场监管所, 城管执法队, 房管所 …: the 条 answer to the 块); the street's work
 * waits for the last report, or goes on without it after `giveUpMinutes` (a missing report).
 *
 * An office's report takes its base time (`reportMinutes`), stretched by the reports it is already on
 * (`loadPerReport` each), plus the drive from the district seat for district-level offices
 * (`travelKmh`), all scaled by the report limit's pull: the streets assess the offices' reporting
 * (双考核), so a tighter limit makes them come sooner (`limitPull`). Offices that come after the joint
 * handling on site (`jointMinutes`) or never lower the order's resolution (ratings.ts, lateReports);
 * their line's city department is scored on its offices' reports (league records).
 */
export class Whistle {
  private report!: Sampler;
  /** Per office: until when it is on each of its current reports (pruned as they end). */
  private readonly onReports: number[][];
  /** League record of each office kind's city department (its line), if the city has it. */
  private readonly lineRecord: (StreetRecord | undefined)[];
  /** Report times scale by this: (limit / reference limit)^limitPull. */
  private pull = 1;

  constructor(private readonly s: ModelState) {
    this.refresh();
    s.onLeversChanged(() => this.refresh());
    this.onReports = Array.from({ length: s.city.offices.count }, () => []);
    this.lineRecord = LOCAL_OFFICE_KINDS.map((k) => {
      const unit = s.city.cityUnit.get(k.parent);
      return unit === undefined ? undefined : s.cityUnitRecords[unit - s.city.firstCityUnit];
    });
  }

  /** The report time's sampler and the limit's pull, from the levers as they stand. */
  private refresh(): void {
    const w = this.s.lc.whistle;
    this.report = makeSampler(w.reportMinutes, 60);
    this.pull = (w.reportLimitMinutes / w.limitReferenceMinutes) ** w.limitPull;
  }

  /** The street summons the offices (吹哨); they report (报到). Returns the seconds the work waits. */
  blow(order: WorkOrder): number {
    const s = this.s;
    const w = s.lc.whistle;
    if (!w.enabled || !s.adoption.has('whistle', order.street)) {
      // Without a whistle a multi-unit case misses its departments, unless the dispatch named them (协办).
      order.whistle = order.coordinated ? 0 : -1;
      return 0;
    }
    order.whistle = 1;
    const offices = s.city.offices;
    const kinds = offices.kindsOf[order.category] as Int32Array;
    const now = s.sim.now;
    const rng = s.keyed.at(order.id, PURPOSES.reports);
    let latest = 0;
    let late = 0;
    for (let i = 0; i < kinds.length; i++) {
      const kind = kinds[i] as number;
      const office = offices.officeOf(kind, order.street);
      const busy = this.busyOn(office, now);
      const travel = (offices.km(kind, order.street) / w.travelKmh) * 60;
      const minutes = Math.min(
        w.giveUpMinutes,
        ((this.report(rng) / 60) * (1 + w.loadPerReport * busy) + travel) * this.pull,
      );
      latest = Math.max(latest, minutes);
      (this.onReports[office] as number[]).push(now + Math.max(minutes, w.jointMinutes) * 60);
      const onTime = minutes <= w.reportLimitMinutes;
      if (onTime) s.tally(order.batch, C.reportsOnTime);
      if (minutes > w.jointMinutes || minutes >= w.giveUpMinutes) late++;
      s.tally(order.batch, C.reportMinutes, minutes);
      if (minutes >= w.giveUpMinutes) s.tally(order.batch, C.reportsMissing);
      const line = this.lineRecord[kind];
      if (line && order.batch >= 0) {
        line.reports++;
        if (onTime) line.reportsOnTime++;
      }
    }
    order.lateReports = kinds.length > 0 ? late / kinds.length : 0;
    if (late > 0) s.tally(order.batch, C.whistlesLate);
    s.tally(order.batch, C.whistles);
    s.tally(order.batch, C.reports, kinds.length);
    return latest * 60;
  }

  /** How many reports the office is on at `now` (ended ones are dropped). */
  private busyOn(office: number, now: number): number {
    const until = this.onReports[office] as number[];
    let n = 0;
    for (let i = 0; i < until.length; i++) if ((until[i] as number) > now) until[n++] = until[i] as number;
    until.length = n;
    return n;
  }
}
