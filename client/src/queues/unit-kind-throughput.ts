import type { AppealMove, OpenAppeals } from '@hotline-sim/shared';

export type UnitKind = keyof OpenAppeals['byUnitKind'];
export const UNIT_KINDS: readonly UnitKind[] = ['none', 'district', 'street', 'department', 'utility'];

/** Seconds the rates are averaged over. */
export const THROUGHPUT_WINDOW_S = 5;

export interface UnitKindRates {
  /** Moves a second by the kind of unit holding the appeal after the move ('none': at the hotline). */
  perSecond: Record<UnitKind, number>;
  /** Moves a second the server left out of its updates (not counted above), over the same window. */
  droppedPerSecond: number;
}

function zero(): Record<UnitKind, number> {
  return { none: 0, district: 0, street: 0, department: 0, utility: 0 };
}

/**
 * Counts appeal moves per kind of unit in one-second buckets and gives the rate over the last
 * `window` whole seconds (fewer while the window fills). `unitKinds` maps a unit index (CityMap.units)
 * to its kind; a move with unit -1 is held by the hotline.
 */
export class UnitKindThroughput {
  private buckets: { second: number; counts: Record<UnitKind, number>; dropped: number }[] = [];

  constructor(
    private readonly unitKinds: readonly string[],
    private readonly window = THROUGHPUT_WINDOW_S,
  ) {}

  add(moves: readonly AppealMove[], dropped: number, nowMs: number): void {
    const second = Math.floor(nowMs / 1000);
    let bucket = this.buckets[this.buckets.length - 1];
    if (!bucket || bucket.second !== second) {
      bucket = { second, counts: zero(), dropped: 0 };
      this.buckets.push(bucket);
      this.prune(second);
    }
    for (const m of moves) {
      const kind = (m.unit < 0 ? 'none' : this.unitKinds[m.unit]) as UnitKind | undefined;
      if (kind !== undefined && kind in bucket.counts) bucket.counts[kind] += 1;
    }
    bucket.dropped += dropped;
  }

  /** Rates over the whole seconds before `nowMs` (the current second is still filling). */
  rates(nowMs: number): UnitKindRates {
    const current = Math.floor(nowMs / 1000);
    this.prune(current);
    const perSecond = zero();
    let dropped = 0;
    const full = this.buckets.filter((b) => b.second < current && b.second >= current - this.window);
    const first = this.buckets[0];
    // While the window fills, divide by the seconds since the first move, not the whole window.
    const span = first ? Math.min(this.window, Math.max(1, current - first.second)) : this.window;
    for (const b of full) {
      for (const k of UNIT_KINDS) perSecond[k] += b.counts[k];
      dropped += b.dropped;
    }
    for (const k of UNIT_KINDS) perSecond[k] /= span;
    return { perSecond, droppedPerSecond: dropped / span };
  }

  clear(): void {
    this.buckets = [];
  }

  private prune(current: number): void {
    this.buckets = this.buckets.filter((b) => b.second >= current - this.window);
  }
}
