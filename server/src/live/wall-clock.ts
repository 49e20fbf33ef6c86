/**
 * Wall time and a run's virtual time. A `wall` run's virtual second 0 is Beijing midnight of its start
 * day, so its virtual time is Beijing time. A `virtual` run's owner records, as it goes, pairs of a
 * virtual second and the wall time the run's clock reached it (`runKeys(id).clock`); Open311 dates
 * its steps by them (open311/run-clock.ts).
 */

/** Beijing keeps UTC+8 all year. */
const BEIJING_MS = 8 * 3600_000;

/** Today's date in Beijing (YYYY-MM-DD). */
export function beijingToday(now = Date.now()): string {
  return new Date(now + BEIJING_MS).toISOString().slice(0, 10);
}

/** Wall time (ms since the epoch) of Beijing midnight of `date` (YYYY-MM-DD). */
export function beijingMidnight(date: string): number {
  return Date.parse(`${date}T00:00:00+08:00`);
}

/** Record a clock pair at least this often, in virtual seconds (between pairs the map is linear). */
export const CLOCK_PAIR_EVERY = 600;

/** A clock pair as stored: `"<virtual seconds> <wall ms>"`. */
export const clockPair = (vt: number, wall: number) => `${vt} ${wall}`;
