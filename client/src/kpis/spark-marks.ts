/** A moment to mark on a sparkline: its virtual second and the tooltip saying what happened. */
export interface SparkMarkInput {
  at: number;
  title: string;
}

/** A mark placed on a sparkline: where along its width (0 = first point, 1 = last) and its tooltip. */
export interface SparkMark {
  position: number;
  title: string;
}

/**
 * Where each mark falls along a sparkline whose points were sampled at `times` (virtual seconds,
 * ascending; the points are drawn evenly spaced, so a mark is placed between the two points around
 * its time). A mark after the last point stands at the right end until the series reaches it; one
 * before the first at the left end. With fewer than two points there is no line to mark.
 */
export function sparkMarks(times: readonly number[], marks: readonly SparkMarkInput[]): SparkMark[] {
  const n = times.length;
  if (n < 2) return [];
  const first = times[0] as number;
  const last = times[n - 1] as number;
  return marks.map(({ at, title }) => {
    if (at <= first) return { position: 0, title };
    if (at >= last) return { position: 1, title };
    // Binary search: the last point at or before the mark.
    let lo = 0;
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if ((times[mid] as number) <= at) lo = mid;
      else hi = mid;
    }
    const a = times[lo] as number;
    const b = times[hi] as number;
    const index = lo + (b > a ? (at - a) / (b - a) : 0);
    return { position: index / (n - 1), title };
  });
}
