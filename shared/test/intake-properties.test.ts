import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntakeModel, runScenario, validateScenario, type DistributionSpec } from '../src';

const distribution: fc.Arbitrary<DistributionSpec> = fc.oneof(
  fc.record({ exponential: fc.record({ mean: fc.double({ min: 0.2, max: 5, noNaN: true }) }) }),
  fc.record({ deterministic: fc.record({ value: fc.double({ min: 0, max: 5, noNaN: true }) }) }),
  fc.record({
    lognormal: fc.record({
      mean: fc.double({ min: 0.2, max: 5, noNaN: true }),
      cv: fc.double({ min: 0.1, max: 2, noNaN: true }),
    }),
  }),
  fc.record({
    erlang: fc.record({
      k: fc.integer({ min: 1, max: 5 }),
      mean: fc.double({ min: 0.2, max: 5, noNaN: true }),
    }),
  }),
);

const smallScenario = fc.record({
  name: fc.constant('prop'),
  seed: fc.nat(),
  hours: fc.double({ min: 0.5, max: 6, noNaN: true }),
  arrivals: fc.record({ perHour: fc.double({ min: 1, max: 400, noNaN: true }) }),
  intake: fc.record(
    { agents: fc.integer({ min: 1, max: 15 }), talkMinutes: distribution, patienceMinutes: distribution },
    { requiredKeys: ['agents', 'talkMinutes'] },
  ),
});

describe('intake model properties', () => {
  it('every contact ends in exactly one outcome, and no wait is negative', () => {
    fc.assert(
      fc.property(smallScenario, (input) => {
        const obs = new IntakeModel(validateScenario(input)).run();
        let contacts = 0;
        let outcomes = 0;
        for (const b of obs.batches) {
          contacts += b.contacts;
          outcomes += b.answered + b.abandoned;
          expect(b.waitSum).toBeGreaterThanOrEqual(0);
          expect(b.waited).toBeLessThanOrEqual(b.contacts);
          expect(b.withinServiceLevel).toBeLessThanOrEqual(b.answered);
        }
        expect(outcomes + obs.unfinished).toBe(contacts);
        expect(obs.directAnswers + obs.dispatched).toBe(obs.batches.reduce((a, b) => a + b.answered, 0));
        if (obs.waits.count > 0) expect(obs.waits.quantile(0)).toBeGreaterThanOrEqual(0);
        if (!input.intake.patienceMinutes) expect(obs.batches.every((b) => b.abandoned === 0)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('gives an identical report for the same seed', () => {
    fc.assert(
      fc.property(smallScenario, (input) => {
        const s = validateScenario(input);
        expect(JSON.stringify(runScenario(s, { replications: 2 }))).toBe(
          JSON.stringify(runScenario(s, { replications: 2 })),
        );
      }),
      { numRuns: 40 },
    );
  });

  it('gives different streams for different seeds', () => {
    fc.assert(
      fc.property(smallScenario, fc.nat(), (input, other) => {
        fc.pre(other !== input.seed);
        const busy = { ...input, hours: 3, arrivals: { perHour: 200 } };
        const a = new IntakeModel(validateScenario(busy)).run();
        const b = new IntakeModel(validateScenario({ ...busy, seed: other })).run();
        expect(a.batches.map((x) => x.contacts)).not.toEqual(b.batches.map((x) => x.contacts));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps arrivals fixed when only staffing changes (common random numbers)', () => {
    const base = {
      name: 'crn',
      seed: 12,
      hours: 10,
      arrivals: { perHour: 300 },
      intake: {
        agents: 5,
        talkMinutes: { exponential: { mean: 1 } },
        patienceMinutes: { exponential: { mean: 1 } },
      },
    };
    const few = new IntakeModel(validateScenario(base)).run();
    const many = new IntakeModel(validateScenario({ ...base, intake: { ...base.intake, agents: 9 } })).run();
    expect(many.batches.map((b) => b.contacts)).toEqual(few.batches.map((b) => b.contacts));
    const abandoned = (o: typeof few) => o.batches.reduce((a, b) => a + b.abandoned, 0);
    expect(abandoned(many)).toBeLessThan(abandoned(few));
  });
});

describe('intake model with a recorded trace', () => {
  it('serves exactly the recorded contacts', () => {
    const trace = Array.from({ length: 500 }, (_, i) => ({ at: i * 7.3 }));
    const obs = new IntakeModel(
      validateScenario({
        name: 'trace',
        hours: 2,
        arrivals: { trace },
        intake: { agents: 2, talkMinutes: { deterministic: { value: 0.1 } } },
      }),
    ).run();
    expect(obs.batches.reduce((a, b) => a + b.contacts, 0)).toBe(500);
    // 6 s of talk every 7.3 s: nobody ever waits.
    expect(obs.batches.reduce((a, b) => a + b.waited, 0)).toBe(0);
  });
});
