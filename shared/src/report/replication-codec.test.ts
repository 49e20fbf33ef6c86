import { describe, expect, it } from 'vitest';
import { buildReport, replicationSeed, runReplication } from '../experiment/run-scenario';
import { validateScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { builtInScenario } from '../scenarios';
import type { Replication } from './kpis';
import { REPLICATION_FORMAT, decodeReplication, encodeReplication } from './replication-codec';

/** A Beijing lifecycle cut to a few quiet hours: orders, whistles, callbacks and the drain in ~0.2 s. */
function smallLifecycle(): Scenario {
  const weekday = builtInScenario('beijing-weekday');
  if (!weekday) throw new Error('beijing-weekday is missing');
  return validateScenario({
    ...structuredClone(weekday),
    name: 'codec-lifecycle',
    hours: 4,
    arrivals: { ...weekday.arrivals, perHour: 2000 },
    // A few hours rate few orders per street: rank streets from 2 rated orders so the league has rows.
    lifecycle: { ...weekday.lifecycle, streets: { ...weekday.lifecycle?.streets, minRatedToRank: 2 } },
  });
}

const stationary = validateScenario({
  name: 'codec-mmc',
  seed: 5,
  hours: 40,
  warmupHours: 2,
  arrivals: { perHour: 900 },
  intake: {
    agents: 16,
    talkMinutes: { exponential: { mean: 1 } },
    patienceMinutes: { exponential: { mean: 2 } },
  },
});

const lifecycle = smallLifecycle();

function replications(scenario: Scenario, n: number): Replication[] {
  return Array.from({ length: n }, (_, r) => runReplication(scenario, replicationSeed(scenario.seed, r)));
}

/** Encode, go through JSON text as a queue does, decode. */
function roundTrip(rep: Replication): Replication {
  return decodeReplication(JSON.parse(JSON.stringify(encodeReplication(rep))));
}

describe('replication codec', () => {
  it('gives a lifecycle report byte-identical to the one from the original replications', () => {
    const reps = replications(lifecycle, 3);
    const original = JSON.stringify(buildReport(lifecycle, lifecycle.seed, reps));
    const decoded = reps.map(roundTrip);
    expect(JSON.stringify(buildReport(lifecycle, lifecycle.seed, decoded))).toBe(original);
    // Enough happened for the comparison to mean something: orders, a league table, close times.
    const report = JSON.parse(original);
    expect(report.kpis.workOrders.mean).toBeGreaterThan(100);
    expect(report.streets.length).toBeGreaterThan(0);
  });

  it('keeps every field: the decoded replication is deep-equal to the original', () => {
    const [rep] = replications(lifecycle, 1);
    if (!rep?.hotline) throw new Error('expected a lifecycle replication');
    const back = roundTrip(rep);
    expect(back.hotline?.counters).toBeInstanceOf(Float64Array);
    expect(Array.from(back.hotline?.counters ?? [])).toEqual(Array.from(rep.hotline.counters));
    expect(back.intake.waits.toJSON()).toEqual(rep.intake.waits.toJSON());
    expect(back.hotline?.closeHours.map((s) => s.toJSON())).toEqual(
      rep.hotline.closeHours.map((s) => s.toJSON()),
    );
    expect({ ...back.intake, waits: null }).toEqual({ ...rep.intake, waits: null });
    expect(back.hotline?.streets).toEqual(rep.hotline.streets);
    expect(back.hotline?.weights).toEqual(rep.hotline.weights);
    expect(back.hotline?.open).toBe(rep.hotline.open);
    // The lifecycle's intake is the replication's own object again, as runReplication makes it.
    expect(back.hotline?.intake).toBe(back.intake);
  });

  it('keeps one replication of a stationary scenario exact (batch means use each batch)', () => {
    const reps = replications(stationary, 1);
    const original = buildReport(stationary, stationary.seed, reps);
    expect(original.ciMethod).toBe('batch-means');
    expect(JSON.stringify(buildReport(stationary, stationary.seed, reps.map(roundTrip)))).toBe(
      JSON.stringify(original),
    );
  });

  it('gives plain JSON data that survives JSON text unchanged and shares nothing with the input', () => {
    const [rep] = replications(stationary, 1);
    if (!rep) throw new Error('no replication');
    const encoded = encodeReplication(rep);
    expect(encoded.format).toBe(REPLICATION_FORMAT);
    expect(JSON.parse(JSON.stringify(encoded))).toEqual(encoded);
    const [batch] = encoded.intake.batches;
    if (!batch) throw new Error('no batch');
    batch.contacts = -1;
    expect(rep.intake.batches[0]?.contacts).not.toBe(-1);
  });

  it('encodes a lifecycle whose intake is not the replication’s own separately', () => {
    const [a, b] = replications(lifecycle, 2);
    if (!a?.hotline || !b) throw new Error('expected lifecycle replications');
    const mixed: Replication = { intake: b.intake, hotline: a.hotline };
    const back = roundTrip(mixed);
    expect(back.hotline?.intake).not.toBe(back.intake);
    expect(back.hotline?.intake.waits.toJSON()).toEqual(a.intake.waits.toJSON());
    expect(back.intake.waits.toJSON()).toEqual(b.intake.waits.toJSON());
  });

  it('refuses a number JSON cannot carry, naming the field', () => {
    const [rep] = replications(stationary, 1);
    if (!rep) throw new Error('no replication');
    const bad: Replication = { intake: { ...rep.intake, seconds: NaN } };
    expect(() => encodeReplication(bad)).toThrow(/replication\.intake\.seconds is NaN/);
  });

  it('refuses data in another format, or from a model with other counters', () => {
    const [rep] = replications(lifecycle, 1);
    if (!rep) throw new Error('no replication');
    const encoded = encodeReplication(rep);
    expect(() => decodeReplication({ ...encoded, format: 'other' } as never)).toThrow(
      /not an encoded replication: format is "other"/,
    );
    expect(() => decodeReplication({} as never)).toThrow(/format is missing/);
    if (!encoded.hotline) throw new Error('expected a lifecycle');
    const short = { ...encoded, hotline: { ...encoded.hotline, counters: [1, 2, 3] } };
    expect(() => decodeReplication(short)).toThrow(/lifecycle has 3 counters/);
  });
});
