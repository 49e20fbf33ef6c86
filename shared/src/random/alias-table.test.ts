import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AliasTable } from './alias-table';
import { createRng } from './rng';

describe('alias table', () => {
  it('draws each index with probability proportional to its weight', () => {
    const weights = [5, 0, 1, 3, 0.5, 10];
    const total = weights.reduce((a, b) => a + b, 0);
    const table = new AliasTable(weights);
    const rng = createRng(8);
    const n = 400_000;
    const counts = new Array<number>(weights.length).fill(0);
    for (let i = 0; i < n; i++) {
      const k = table.draw(rng.next());
      counts[k] = (counts[k] ?? 0) + 1;
    }
    weights.forEach((w, i) => {
      const p = w / total;
      expect(Math.abs((counts[i] as number) / n - p)).toBeLessThanOrEqual(
        4 * Math.sqrt((p * (1 - p)) / n) + 1e-12,
      );
    });
    expect(counts[1]).toBe(0);
  });

  it('always returns an index with positive weight', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        (weights, u) => {
          fc.pre(weights.some((w) => w > 0));
          const k = new AliasTable(weights).draw(u);
          expect(weights[k]).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('refuses empty or all-zero weights', () => {
    expect(() => new AliasTable([])).toThrow(/at least one/);
    expect(() => new AliasTable([0, 0])).toThrow(/positive total/);
  });
});
