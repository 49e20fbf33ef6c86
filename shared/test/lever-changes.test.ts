/**
 * Levers that change during a run (HotlineModel.setLevers, contract C1): a change at virtual time T
 * leaves everything before T exactly as the run without it, moves the part after T the expected way
 * (paired on common random numbers: one seed per replication, with and without the change), and the
 * same change at the same time gives the same run.
 */
import { describe, expect, it } from 'vitest';
import {
  BATCHES,
  HOTLINE_COUNTERS,
  HotlineModel,
  pairedDifferenceCI,
  runScenario,
  type HotlineCounter,
  type HotlineObservation,
} from '../src';
import { makeLifecycleScenario } from './hotline-scenario';

const HOURS = 24;
/** The change comes half-way: batches 10-19 hold the contacts received after it. */
const T = 12 * 3600;
const SEEDS = [11, 12, 13];

function run(seed: number, set?: Record<string, unknown>) {
  const scenario = makeLifecycleScenario({ hours: HOURS });
  const before: string[] = [];
  const model = new HotlineModel(scenario, seed, {
    onTransition: ({ id, from, to, at }) => {
      if (at < T) before.push(`${id}:${from}>${to}@${at}`);
    },
  });
  model.advance(T);
  if (set) model.setLevers(set);
  const obs = model.run();
  return { obs, before, changes: model.leverChanges };
}

/** A counter summed over the batches of contacts received after T (or before it). */
function sum(obs: HotlineObservation, name: HotlineCounter, after = true): number {
  const c = HOTLINE_COUNTERS.indexOf(name);
  let total = 0;
  for (let b = after ? BATCHES / 2 : 0; b < (after ? BATCHES : BATCHES / 2); b++) {
    total += obs.counters[c * BATCHES + b] as number;
  }
  return total;
}

describe('levers changed mid-run (setLevers)', () => {
  it('street staff cut at T: everything before T identical, orders received after T more often overdue', () => {
    const overdueShare = (obs: HotlineObservation) => sum(obs, 'overdue') / sum(obs, 'handled');
    const base: number[] = [];
    const cut: number[] = [];
    for (const seed of SEEDS) {
      const a = run(seed);
      const b = run(seed, { 'lifecycle.units.capacity.street': 0.3 });
      expect(b.before.length).toBeGreaterThan(1000);
      expect(b.before).toEqual(a.before);
      base.push(overdueShare(a.obs));
      cut.push(overdueShare(b.obs));
    }
    const d = pairedDifferenceCI(cut, base);
    expect(
      d.ci95[0],
      `overdue share after T: cut − base = ${d.mean} (${d.ci95.join(' … ')})`,
    ).toBeGreaterThan(0);
  });

  it('arrivals.perHour doubled at T: the contacts after T double, those before stay', () => {
    const ratio: number[] = [];
    for (const seed of SEEDS.slice(0, 2)) {
      const a = run(seed);
      const b = run(seed, { 'arrivals.perHour': 800 });
      expect(b.before).toEqual(a.before);
      const contacts = (obs: HotlineObservation, from: number, to: number) =>
        obs.intake.batches.slice(from, to).reduce((n, x) => n + x.contacts, 0);
      expect(contacts(b.obs, 0, 10)).toBe(contacts(a.obs, 0, 10));
      ratio.push(contacts(b.obs, 10, 20) / contacts(a.obs, 10, 20));
    }
    for (const r of ratio) expect(r).toBeGreaterThan(1.85);
    for (const r of ratio) expect(r).toBeLessThan(2.15);
  });

  it('gives the same run for the same change at the same time, and logs it', () => {
    const set = { 'lifecycle.whistle.enabled': false, 'intake.agents': 30 };
    const a = run(5, set);
    const b = run(5, set);
    expect(Array.from(b.obs.counters)).toEqual(Array.from(a.obs.counters));
    expect(a.changes).toEqual([{ at: T, set, source: 'instructor' }]);
  });

  it('refuses a bad change with an error naming the path, and changes nothing', () => {
    const model = new HotlineModel(makeLifecycleScenario({ hours: HOURS }), 1);
    model.advance(3600);
    expect(() => model.setLevers({ 'lifecycle.whistle.enabled': 3 })).toThrow(
      /lifecycle\.whistle\.enabled: expected boolean/,
    );
    expect(() => model.setLevers({ 'lifecycle.grid.nope': 1 })).toThrow(
      /lifecycle\.grid: unknown field\(s\) nope/,
    );
    expect(() => model.setLevers({ 'lifecycle.timeLimits.7d': -1 })).toThrow(/lifecycle\.timeLimits\.7d/);
    expect(() => model.setLevers({ hours: 100 })).toThrow(/hours: cannot change during a run/);
    expect(() => model.setLevers({ 'lifecycle.injects': [] })).toThrow(
      /lifecycle\.injects: cannot change during a run/,
    );
    expect(() => model.setLevers({})).toThrow(/at least one lever/);
    expect(model.leverChanges).toEqual([]);
    expect(model.scenarioNow.lifecycle?.whistle.enabled).toBe(true);
  });
});

describe('the scenario timeline', () => {
  it('applies each entry at its hour, as setLevers at that time would', () => {
    const set = { 'lifecycle.units.capacity.street': 0.3, 'arrivals.perHour': 600 };
    const label = { zh: '人手削减', en: 'Staff cut' };
    const timed = makeLifecycleScenario({ hours: HOURS, timeline: [{ at: T / 3600, label, set }] });
    const model = new HotlineModel(timed, 3);
    const obs = model.run();
    expect(model.leverChanges).toEqual([{ at: T, set, source: 'timeline', label }]);
    expect(model.scenarioNow.arrivals.perHour).toBe(600);
    const byHand = run(3, set);
    expect(Array.from(obs.counters)).toEqual(Array.from(byHand.obs.counters));
  });
});

describe('engine replications of a scenario with a timeline', () => {
  it('run each replication through the timeline', () => {
    const set = { 'arrivals.perHour': 800 };
    const timed = makeLifecycleScenario({
      hours: HOURS,
      timeline: [{ at: 12, label: { zh: '翻倍', en: 'Double' }, set }],
    });
    const plain = makeLifecycleScenario({ hours: HOURS });
    const options = { replications: 2, seed: 9 };
    const a = runScenario(plain, options).kpis.contacts.mean;
    const b = runScenario(timed, options).kpis.contacts.mean;
    expect(b / a).toBeGreaterThan(1.4);
    expect(b / a).toBeLessThan(1.6);
  });
});
