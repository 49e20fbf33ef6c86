import { describe, expect, it } from 'vitest';
import { waterfallBars } from './waterfall';

const est = (mean: number, lo: number, hi: number) => ({ mean, ci95: [lo, hi] as [number, number] });

describe('waterfallBars', () => {
  it('stacks each part on the ones before and ends the last part where the total ends', () => {
    const bars = waterfallBars({
      total: est(0.3, 0.25, 0.35),
      parts: [
        { group: 'institution', ...est(0.25, 0.2, 0.3), alone: est(0.28, 0.2, 0.3) },
        { group: 'technology', ...est(0.07, 0.05, 0.09), alone: est(0.08, 0.06, 0.1) },
        { group: 'organization', ...est(-0.02, -0.05, 0.01), alone: est(0, -0.01, 0.01) },
      ],
      interaction: est(-0.06, -0.1, -0.02),
    });
    expect(bars.map((b) => b.group)).toEqual(['institution', 'technology', 'organization', 'total']);
    const ends = bars.map((b) => [b.from, b.to]).flat();
    [0, 0.25, 0.25, 0.32, 0.32, 0.3, 0, 0.3].forEach((v, i) => expect(ends[i]).toBeCloseTo(v, 12));
    expect(bars.map((b) => b.significant)).toEqual([true, true, false, true]);
    // A part's whisker is its own interval placed where the part starts.
    expect(bars[1]?.ci95[0]).toBeCloseTo(0.3, 12);
    expect(bars[1]?.ci95[1]).toBeCloseTo(0.34, 12);
  });
});
