import { describe, expect, it } from 'vitest';
import { sparkMarks } from './spark-marks';

const hours = (n: number) => Array.from({ length: n }, (_, i) => i * 3600);

describe('sparkline marks', () => {
  it('places a mark between the points around its virtual time', () => {
    // Points at 0 h … 4 h drawn evenly: 2.5 h is at 2.5 / 4 of the width.
    expect(sparkMarks(hours(5), [{ at: 2.5 * 3600, title: 'x' }])).toEqual([{ position: 0.625, title: 'x' }]);
    expect(sparkMarks(hours(5), [{ at: 3600, title: 'y' }])[0]?.position).toBe(0.25);
  });

  it('follows the points, not the clock, when they are unevenly spaced', () => {
    const times = [0, 3600, 36000];
    // Half-way between the 2nd and 3rd points is 3/4 of the width.
    expect(sparkMarks(times, [{ at: (3600 + 36000) / 2, title: 'z' }])[0]?.position).toBeCloseTo(0.75, 10);
  });

  it('keeps a change newer than the last point at the right end, an older one at the left', () => {
    expect(sparkMarks(hours(3), [{ at: 99_999, title: 'new' }])[0]?.position).toBe(1);
    expect(sparkMarks([3600, 7200], [{ at: 0, title: 'old' }])[0]?.position).toBe(0);
  });

  it('marks nothing without a line (fewer than two points)', () => {
    expect(sparkMarks([0], [{ at: 0, title: 'x' }])).toEqual([]);
    expect(sparkMarks([], [{ at: 0, title: 'x' }])).toEqual([]);
  });
});
