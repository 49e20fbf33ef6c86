/**
 * 每月一题 chosen and led (issue 14 point 4): a heating topic in November cuts heating appeals in the
 * following weeks and after the month; the campaign costs its lead department's time, not the
 * streets'; heating is a valid topic and only city departments lead. Paired 95 % CIs on common random
 * numbers, 5 replications, fixed seeds.
 */
import { describe, expect, it } from 'vitest';
import {
  HotlineModel,
  pairedDifferenceCI,
  replicationSeed,
  type AppealTransition,
  type PairedCI,
  type Scenario,
} from '../src';
import {
  POLICY_REPLICATIONS,
  POLICY_SEED,
  makeLifecycleScenario,
  type LifecycleOverrides,
} from './hotline-scenario';

const DAY = 86_400;
const HEATING = { month: 11, category: 'heating', leadUnit: 'city-management' };

/** A variant of the small scenario with 每月一题 on and the given topics. */
function withTopics(topics: unknown[], overrides: LifecycleOverrides = {}): Scenario {
  return makeLifecycleScenario({
    ...overrides,
    lifecycle: { ...overrides.lifecycle, proactive: { monthlyTopic: { enabled: true, topics } } },
  } as LifecycleOverrides);
}

/** Per replication (common seeds), the value `measure` takes from the run's transitions. */
function perReplication<T>(
  scenario: Scenario,
  measure: (steps: AppealTransition[], model: HotlineModel) => T,
): T[] {
  return Array.from({ length: POLICY_REPLICATIONS }, (_, r) => {
    const steps: AppealTransition[] = [];
    const model = new HotlineModel(scenario, replicationSeed(POLICY_SEED, r), {
      onTransition: (step) => steps.push(step),
    });
    model.run();
    return measure(steps, model);
  });
}

/** The paired CI of b − a. */
function paired(a: number[], b: number[]): PairedCI {
  return pairedDifferenceCI(b, a);
}

describe('a heating topic in November (led by the city-management commission)', () => {
  // 1 November - 15 December 2025 at 40 contacts an hour: the topic's month and two weeks after it.
  const run = { start: '2025-11-01', hours: 24 * 44, arrivals: { perHour: 40 }, intake: { agents: 8 } };
  /** Heating appeals received in days [from, to) of the run, per replication: one run each, shared. */
  const windows = [
    [7, 14],
    [7, 30],
    [30, 44],
    [37, 44],
  ] as const;
  const heatingByWindow = (steps: AppealTransition[], model: HotlineModel) => {
    const heating = model.city.categories.findIndex((c) => c.id === 'heating');
    const received = steps.filter(
      (x) => x.from === undefined && x.to === 'received' && x.category === heating,
    );
    return windows.map(([from, to]) => received.filter((x) => x.at >= from * DAY && x.at < to * DAY).length);
  };
  const none = perReplication(withTopics([], run), heatingByWindow);
  const heat = perReplication(withTopics([HEATING], run), heatingByWindow);
  const counts = (runs: number[][], w: number) => runs.map((r) => r[w] as number);

  it('cuts heating appeals in the weeks after it starts and after its month ends', () => {
    // Weeks 2-4 of November, then 1-14 December (the campaign month is over; its policies stay).
    for (const w of [1, 2]) {
      const d = paired(counts(none, w), counts(heat, w));
      expect(d.ci95[1], `days ${windows[w]?.join('-')}: ${d.mean} (${d.ci95.join(' … ')})`).toBeLessThan(0);
    }
  });

  it('cuts more after the month than in its first weeks: the policy stock builds up and stays', () => {
    const cut = (w: number) =>
      counts(heat, w).map((b, r) => (b - (none[r]?.[w] as number)) / (none[r]?.[w] as number));
    const d = paired(cut(0), cut(3));
    expect(d.ci95[1], `${d.mean} (${d.ci95.join(' … ')})`).toBeLessThan(0);
  });
});

describe('who pays for a topic', () => {
  it("costs the lead department's time, not the streets' (garbage, a street matter, led by housing)", () => {
    const lead = { month: 3, category: 'garbage', leadUnit: 'housing' };
    const hoursToHandle = (kind: 'lead' | 'street') => (steps: AppealTransition[], model: HotlineModel) => {
      const housing = model.city.cityUnit.get('housing');
      const contacted = new Map<number, number>();
      let sum = 0;
      let n = 0;
      for (const x of steps) {
        const mine = kind === 'lead' ? x.unit === housing : model.city.units[x.unit]?.kind === 'street';
        if (!mine) continue;
        if (x.to === 'contacted') contacted.set(x.id, x.at);
        const from = contacted.get(x.id);
        if (x.to === 'handled' && from !== undefined) {
          sum += (x.at - from) / 3600;
          n++;
        }
      }
      return sum / n;
    };
    const none = withTopics([]);
    const led = withTopics([lead]);
    const dept = paired(
      perReplication(none, hoursToHandle('lead')),
      perReplication(led, hoursToHandle('lead')),
    );
    expect(dept.ci95[0], `housing: +${dept.mean} h (${dept.ci95.join(' … ')})`).toBeGreaterThan(0);
    const streets = paired(
      perReplication(none, hoursToHandle('street')),
      perReplication(led, hoursToHandle('street')),
    );
    // Streets give no time to the campaign (fewer garbage appeals can only lighten their load).
    expect(streets.ci95[0], `streets: ${streets.mean} h (${streets.ci95.join(' … ')})`).toBeLessThanOrEqual(
      0,
    );
  });
});

describe('the topic list', () => {
  it('takes heating as a topic and only city departments as leads', () => {
    expect(() => withTopics([HEATING])).not.toThrow();
    // The heat utility owns heating appeals but does not lead a topic: a city department does.
    expect(() => withTopics([{ ...HEATING, leadUnit: 'heat' }])).toThrow();
    expect(() => withTopics([{ ...HEATING, category: 'radiators' }])).toThrow();
  });
});
