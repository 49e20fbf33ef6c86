import { describe, expect, it } from 'vitest';
import { Kind, Particles, ROUTE_FADE_MS, routeAlpha } from './particles';

describe('particles: an appeal`s route stays as a fading line', () => {
  it('is drawn fully while the mark travels, then fades out over a few seconds', () => {
    expect(routeAlpha(-1, 1400)).toBe(0);
    expect(routeAlpha(0, 1400)).toBe(1);
    expect(routeAlpha(1400, 1400)).toBe(1);
    expect(routeAlpha(1400 + ROUTE_FADE_MS / 2, 1400)).toBeCloseTo(0.5);
    expect(routeAlpha(1400 + ROUTE_FADE_MS, 1400)).toBe(0);
    expect(ROUTE_FADE_MS).toBeGreaterThanOrEqual(2_000);
  });

  it('keeps a dispatch in the pool until its route has faded, a new appeal only while it opens', () => {
    const ps = new Particles(8);
    ps.add(Kind.Dispatch, 0, 0, 0, 1);
    ps.add(Kind.Appear, 0, 0, 0, 2);
    ps.expire(1_000);
    expect(ps.size).toBe(1);
    ps.expire(1_400 + ROUTE_FADE_MS - 1);
    expect(ps.size).toBe(1);
    ps.expire(1_400 + ROUTE_FADE_MS + 1);
    expect(ps.size).toBe(0);
  });
});
