import { describe, expect, it } from 'vitest';
import { Simulation } from './simulation';

describe('simulation clock', () => {
  it('fires simultaneous events in the order they were scheduled', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    const ev = sim.defineEvent((ref) => seen.push(ref));
    for (const ref of [5, 1, 4, 2, 3]) sim.at(10, ev, ref);
    sim.runUntil(10);
    expect(seen).toEqual([5, 1, 4, 2, 3]);
  });

  it('resumes: runUntil in pieces equals one runUntil', () => {
    const trace = (cuts: number[]) => {
      const sim = new Simulation();
      const seen: [number, number][] = [];
      const tick = sim.defineEvent((n) => {
        seen.push([sim.now, n]);
        if (n < 50) sim.after(1.5, tick, n + 1);
      });
      sim.at(0, tick, 0);
      for (const t of cuts) sim.runUntil(t);
      return { seen, now: sim.now };
    };
    expect(trace([3, 3, 10.2, 40, 100])).toEqual(trace([100]));
  });

  it('step fires one event and moves the clock to it', () => {
    const sim = new Simulation();
    const ev = sim.defineEvent(() => undefined);
    sim.at(2, ev);
    sim.at(7, ev);
    expect(sim.step()).toBe(true);
    expect(sim.now).toBe(2);
    expect(sim.nextTime()).toBe(7);
    expect(sim.step()).toBe(true);
    expect(sim.step()).toBe(false);
    expect(sim.processed).toBe(2);
  });

  it('refuses to schedule into the past or at NaN, and to run backwards', () => {
    const sim = new Simulation();
    const ev = sim.defineEvent(() => undefined);
    sim.runUntil(5);
    expect(() => sim.at(4, ev)).toThrow(/clock is at 5/);
    expect(() => sim.at(NaN, ev)).toThrow();
    expect(() => sim.runUntil(1)).toThrow(/back/);
  });

  it('runAll fires everything and leaves the clock at the last event', () => {
    const sim = new Simulation(5);
    const ev = sim.defineEvent(() => undefined);
    for (const t of [3, 40, 12, 7]) sim.at(t, ev);
    expect(sim.runAll()).toBe(4);
    expect(sim.now).toBe(40);
    expect(sim.pending).toBe(0);
  });

  it('ignores events at infinity (a process that never fires again)', () => {
    const sim = new Simulation();
    const ev = sim.defineEvent(() => undefined);
    sim.at(Infinity, ev);
    expect(sim.pending).toBe(0);
  });
});
