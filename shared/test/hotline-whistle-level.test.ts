/**
 * 吹哨报到 at the right level (issue 14, point 3): a street's whistle summons its own district's local
 * offices; their report time follows load, distance and the report limit (双考核); late or missing
 * reports slow the work and lower resolution; the streets' assessment enters the departments' league.
 */
import { describe, expect, it } from 'vitest';
import {
  CITY_UNITS,
  CATEGORIES,
  HotlineModel,
  LOCAL_OFFICE_KINDS,
  defaultCity,
  departmentLeague,
  emptyRecord,
  type AppealTransition,
  type HotlineObservation,
  type Scenario,
} from '../src';
import {
  POLICY_REPLICATIONS,
  POLICY_SEED,
  makeLifecycleScenario,
  type LifecycleOverrides,
} from './hotline-scenario';

/** Two-sided 97.5 % quantile of Student's t with 4 degrees of freedom (five paired replications). */
const T4 = 2.776;

/** Mean and 95 % CI of paired differences. */
function pairedCi(diffs: readonly number[]): { mean: number; lo: number; hi: number } {
  const n = diffs.length;
  const mean = diffs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(diffs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const half = (T4 * sd) / Math.sqrt(n);
  return { mean, lo: mean - half, hi: mean + half };
}

/** Whistled orders of one replication: mean hours from receipt to the reply, and their resolution rate. */
function whistleCases(overrides: LifecycleOverrides, seed: number): { hours: number; resolved: number } {
  const received = new Map<number, number>();
  const replied: number[] = [];
  const whistled = new Set<number>();
  let evaluated = 0;
  let resolved = 0;
  new HotlineModel(makeLifecycleScenario(overrides), seed, {
    onTransition: (t: AppealTransition) => {
      if (t.from === undefined) received.set(t.id, t.at);
      if (t.to === 'handled' && t.whistle) {
        whistled.add(t.id);
        replied.push((t.at - (received.get(t.id) ?? t.at)) / 3600);
      }
      if (t.to === 'evaluated' && whistled.has(t.id)) {
        evaluated++;
        if (t.outcome === 'resolved') resolved++;
      }
    },
  }).run();
  expect(replied.length).toBeGreaterThan(100);
  return { hours: replied.reduce((a, b) => a + b, 0) / replied.length, resolved: resolved / evaluated };
}

describe('a whistle summons its own district’s local offices', () => {
  const model = new HotlineModel(makeLifecycleScenario(), 1);
  const city = model.city;
  const offices = city.offices;

  it('has a local office kind for every department a category’s whistle names', () => {
    CATEGORIES.forEach((c, k) => {
      expect(offices.kindsOf[k]?.length, c.id).toBe(c.whistleUnits.length);
      for (const kind of offices.kindsOf[k] ?? []) {
        expect(c.whistleUnits).toContain(LOCAL_OFFICE_KINDS[kind]?.parent);
      }
    });
    // Police stations, market offices and law-enforcement teams in every street; the rest per district.
    const beijing = defaultCity();
    expect(offices.count).toBe(3 * beijing.streets.length + (LOCAL_OFFICE_KINDS.length - 3) * 16);
  });

  it('in district X, summons only district X’s offices: each street its own or its district’s', () => {
    let checked = 0;
    city.city.streets.forEach((_, street) => {
      const district = city.streetDistrict[street] as number;
      for (const kinds of offices.kindsOf)
        for (const kind of kinds) {
          const office = offices.officeOf(kind, street);
          expect(offices.districtOf(office), `street ${street}, kind ${kind}`).toBe(district);
          checked++;
        }
    });
    expect(checked).toBeGreaterThan(349 * 20);
    // Two streets of different districts never share an office; two of one district share its branch.
    const [a, b] = [0, city.city.streets.length - 1];
    const housing = LOCAL_OFFICE_KINDS.findIndex((k) => k.id === 'housing-office');
    expect(offices.officeOf(housing, a)).not.toBe(offices.officeOf(housing, b));
    expect(offices.officeOf(housing, 0)).toBe(offices.officeOf(housing, 1));
    expect(offices.km(housing, a)).toBeGreaterThan(0);
    const police = LOCAL_OFFICE_KINDS.findIndex((k) => k.id === 'police-station');
    expect(offices.officeOf(police, 0)).not.toBe(offices.officeOf(police, 1));
    expect(offices.km(police, a)).toBe(0);
  });
});

describe('the report limit bites through the streets’ assessment (双考核)', () => {
  it('30 vs 120 min: whistle cases are replied to sooner and resolved more often (paired 95 % CIs)', () => {
    const limit = (reportLimitMinutes: number): LifecycleOverrides => ({
      lifecycle: { whistle: { reportLimitMinutes } },
    });
    const hours: number[] = [];
    const resolved: number[] = [];
    for (let r = 0; r < POLICY_REPLICATIONS; r++) {
      const tight = whistleCases(limit(30), POLICY_SEED + r);
      const loose = whistleCases(limit(120), POLICY_SEED + r);
      hours.push(tight.hours - loose.hours);
      resolved.push(tight.resolved - loose.resolved);
    }
    const h = pairedCi(hours);
    const p = pairedCi(resolved);
    // Measured (5 replications): −0.71 h to the reply (−0.76 … −0.67) and +6.3 points of resolution
    // of whistle cases (+5.4 … +7.3).
    expect(h.hi, `hours to reply, tight − loose: ${h.mean} (${h.lo} … ${h.hi})`).toBeLessThan(0);
    expect(p.lo, `resolution, tight − loose: ${p.mean} (${p.lo} … ${p.hi})`).toBeGreaterThan(0);
  });

  it('reports take longer from busier and farther offices: whistle cases wait longer (paired 95 % CIs)', () => {
    const whistle = (w: { loadPerReport?: number; travelKmh?: number }): LifecycleOverrides => ({
      lifecycle: { whistle: w },
    });
    const effect = (a: LifecycleOverrides, b: LifecycleOverrides) =>
      pairedCi(
        Array.from(
          { length: POLICY_REPLICATIONS },
          (_, r) => whistleCases(b, POLICY_SEED + r).hours - whistleCases(a, POLICY_SEED + r).hours,
        ),
      );
    // Measured: load +0.53 h to the reply (+0.46 … +0.60), distance +0.49 h (+0.45 … +0.54).
    // Load: each report an office is already on stretching the next by 2 instead of 0.
    const load = effect(whistle({ loadPerReport: 0 }), whistle({ loadPerReport: 2 }));
    expect(load.lo, `load: ${load.mean} h (${load.lo} … ${load.hi})`).toBeGreaterThan(0);
    // Distance: district-level offices driving at 15 km/h instead of 60.
    const far = effect(whistle({ travelKmh: 60 }), whistle({ travelKmh: 15 }));
    expect(far.lo, `distance: ${far.mean} h (${far.lo} … ${far.hi})`).toBeGreaterThan(0);
  });

  it('enters the departments’ league: reports on time weigh streetAssessmentWeight in the score', () => {
    const lifecycle = makeLifecycleScenario().lifecycle as NonNullable<Scenario['lifecycle']>;
    const rated = {
      orders: 40,
      responded: 40,
      respondedInTime: 40,
      evaluated: 40,
      resolved: 40,
      positive: 40,
    };
    const cityUnits = CITY_UNITS.map(() => emptyRecord());
    const police = CITY_UNITS.findIndex((u) => u.id === 'public-security');
    const market = CITY_UNITS.findIndex((u) => u.id === 'market');
    cityUnits[police] = { ...rated, reports: 10, reportsOnTime: 10 };
    cityUnits[market] = { ...rated, reports: 10, reportsOnTime: 2 };
    const obs = {
      cityUnits,
      weights: { response: 0.1, resolution: 0.45, satisfaction: 0.45 },
    } as unknown as HotlineObservation;
    const rows = departmentLeague([obs], lifecycle);
    const w = lifecycle.whistle.streetAssessmentWeight;
    expect(rows.map((r) => r.id)).toEqual(['public-security', 'market']);
    expect(rows[0]?.reportRate).toBe(1);
    expect(rows[1]?.reportRate).toBeCloseTo(0.2, 12);
    // Perfect 三率 for both: the streets' assessment alone separates them.
    expect(rows[1]?.score).toBeCloseTo(1 - w + w * 0.2, 12);
    expect(rows[0]?.score).toBeCloseTo(1, 12);
  });
});
