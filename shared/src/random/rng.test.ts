import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RngStreams, createRng, hashSeed } from './rng';

const draw = (next: () => number, n: number) => Array.from({ length: n }, next);

describe('seeded generator', () => {
  it('repeats itself for the same seed and differs for another', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat(), (a, b) => {
        const ra = createRng(a);
        const ra2 = createRng(a);
        expect(draw(() => ra.next(), 5)).toEqual(draw(() => ra2.next(), 5));
        if (a !== b) {
          const x = createRng(a);
          const y = createRng(b);
          expect(draw(() => x.next(), 5)).not.toEqual(draw(() => y.next(), 5));
        }
      }),
    );
  });

  it('stays strictly inside (0, 1) with mean 1/2 and variance 1/12', () => {
    const rng = createRng(42);
    let sum = 0;
    let sq = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      expect(u > 0 && u < 1).toBe(true);
      sum += u;
      sq += u * u;
    }
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it('gives neighbouring seeds uncorrelated first draws', () => {
    const firsts = Array.from({ length: 2000 }, (_, s) => createRng(s).next());
    const mean = firsts.reduce((a, b) => a + b, 0) / firsts.length;
    let cov = 0;
    for (let i = 1; i < firsts.length; i++)
      cov += ((firsts[i] as number) - mean) * ((firsts[i - 1] as number) - mean);
    const corr = cov / (firsts.length - 1) / (1 / 12);
    expect(Math.abs(corr)).toBeLessThan(0.1);
  });

  it('draws integers uniformly below n', () => {
    const rng = createRng(3);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) {
      const i = rng.int(6);
      counts[i] = (counts[i] ?? 0) + 1;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });
});

describe('independent sub-streams (common random numbers)', () => {
  const order = ['arrivals', 'talk', 'patience'] as const;

  it('gives each named stream its own sequence, the same for the same seed', () => {
    const a = new RngStreams(9, order);
    const b = new RngStreams(9, order);
    const arrivals = draw(() => a.stream('arrivals').next(), 1);
    expect(draw(() => b.stream('arrivals').next(), 1)).toEqual(arrivals);
    const s1 = a.stream('arrivals');
    const s2 = a.stream('talk');
    expect(draw(() => s1.next(), 10)).not.toEqual(draw(() => s2.next(), 10));
  });

  it('does not let drawing from one stream move another', () => {
    const quiet = new RngStreams(5, order);
    const busy = new RngStreams(5, order);
    const talk = busy.stream('talk');
    for (let i = 0; i < 10_000; i++) talk.next();
    const q = quiet.stream('arrivals');
    const b = busy.stream('arrivals');
    expect(draw(() => b.next(), 20)).toEqual(draw(() => q.next(), 20));
  });

  it('names an unknown stream in its error', () => {
    expect(() => new RngStreams(1, order).stream('nope' as 'talk')).toThrow(/unknown random stream "nope"/);
  });

  it('hashes seed parts into distinct seeds', () => {
    const seen = new Set<number>();
    for (let s = 0; s < 50; s++) for (let r = 0; r < 50; r++) seen.add(hashSeed(s, r));
    expect(seen.size).toBe(2500);
  });
});
