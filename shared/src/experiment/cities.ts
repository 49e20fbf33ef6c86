import { DEFAULT_CITY_KEY } from '../city/registry';
import { VIOTE_DRIVERS, type VioteDriver } from '../hotline/levers';
import { leverValue, scenarioLevers, withLever, type LeverValue } from '../levers/scenario-levers';
import { replicationKpis, type KpiName, type KpiValues } from '../report/kpis';
import { validateScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { meanCI, pairedDifferenceCI } from '../stats';
import { replicationSeed, runReplication, type ProgressListener } from './run-scenario';

/*
 * The three cities side by side by VIOTE driver (issue 17 §4, DOMAIN.md §7 and §10): for each city's
 * latest scenario, the catalogue levers it uses and what each does, switched off one at a time on
 * common random numbers, to three citizen-side KPIs every model reports in some form.
 */

/** The latest scenario of each city the product ships, in display order. */
export const CITY_SCENARIOS = [
  { city: 'beijing', scenario: 'stage-2024' },
  { city: 'shanghai', scenario: 'shanghai-2024' },
  { city: 'hangzhou', scenario: 'hangzhou-2018' },
] as const;

/**
 * The common citizen-side KPIs and, per KPI, the report KPIs that measure it, first match wins: a
 * service-matter model's (一网通办, 最多跑一次) before the hotline's. The hotline has no mean time to
 * close and no contacts per appeal, so its closest existing KPIs stand in: the 90th percentile of
 * receipt → close (hours / 24), and repeat site visits per handled order (a unit going back to the
 * citizen after an attempt left the problem unresolved).
 */
export const CITIZEN_KPIS = {
  timeToResult: {
    zh: '办成一件事的用时（天）',
    en: 'Time to a result (days)',
    unit: 'd',
    measures: [
      { kpi: 'daysPerMatter', scale: 1 },
      { kpi: 'p90HoursToClose', scale: 1 / 24 },
    ],
  },
  visitsPerMatter: {
    zh: '件均跑动或上门次数',
    en: 'Visits or contacts per matter',
    unit: 'count',
    measures: [
      { kpi: 'visitsPerMatter', scale: 1 },
      { kpi: 'repeatVisitsPerOrder', scale: 1 },
    ],
  },
  satisfaction: {
    zh: '满意度',
    en: 'Satisfaction',
    unit: 'share',
    measures: [
      { kpi: 'serviceSatisfactionRate', scale: 1 },
      { kpi: 'satisfactionRate', scale: 1 },
    ],
  },
} as const satisfies Record<
  string,
  { zh: string; en: string; unit: string; measures: readonly { kpi: KpiName; scale: number }[] }
>;
export type CitizenKpi = keyof typeof CITIZEN_KPIS;
export const CITIZEN_KPI_NAMES = Object.keys(CITIZEN_KPIS) as CitizenKpi[];

/** A lever a scenario uses: its value there, and the value that switches it off. */
export interface LeverInUse {
  path: string;
  driver: VioteDriver;
  value: LeverValue;
  off: LeverValue;
  zh: string;
  en: string;
}

/** The schema's default at `path` (what the scenario would have if it said nothing there). */
function defaultAt(scenario: Scenario, path: string): unknown {
  const input = structuredClone(scenario) as unknown;
  const keys = path.split('.');
  const last = keys.pop() as string;
  const parent = leverValue(input, keys.join('.'));
  if (parent === null || typeof parent !== 'object') return undefined;
  Reflect.deleteProperty(parent, last);
  try {
    return leverValue(validateScenario(input, 'defaults'), path);
  } catch {
    return undefined; // a required field: no default, so no neutral value
  }
}

/**
 * The catalogue levers a scenario uses ("on"): a switch that is on (off = false); a choice other than
 * the catalogue's first, the traditional way (dispatch: tiered); a number the scenario sets away from
 * the schema's default (data sharing 0.8 where the default is 0; off = that default). A number without
 * a default (agents) is a setting, never "in use".
 */
export function leversInUse(scenario: Scenario): LeverInUse[] {
  const out: LeverInUse[] = [];
  for (const entry of scenarioLevers(scenario)) {
    let off: unknown;
    if (entry.kind === 'boolean') off = false;
    else if (entry.kind === 'choice') off = entry.choices?.[0];
    else off = defaultAt(scenario, entry.path);
    if (off === undefined || off === entry.value) continue;
    const { path, driver, value, zh, en } = entry;
    out.push({ path, driver, value, off: off as LeverValue, zh, en });
  }
  return out;
}

/** A city of the comparison: its scenario and levers, or why it is missing. */
export type CityEntry =
  { city: string; scenario: Scenario } | { city: string; name: string; missing: string };

/**
 * The cities to compare: each name (default: {@link CITY_SCENARIOS}) resolved by `resolve` (a built-in
 * scenario, a file …) and placed in its scenario's city; a name that resolves to nothing is listed as
 * missing, with a note, under the city the defaults give it (else under its own name).
 */
export function cityEntries(
  resolve: (name: string) => Scenario | undefined,
  names: readonly string[] = CITY_SCENARIOS.map((c) => c.scenario),
): CityEntry[] {
  return names.map((name) => {
    const scenario = resolve(name);
    if (scenario) return { city: scenario.city ?? DEFAULT_CITY_KEY, scenario };
    const city = CITY_SCENARIOS.find((c) => c.scenario === name)?.city ?? name;
    return { city, name, missing: `"${name}" is not a built-in scenario (yet)` };
  });
}

/** One replication batch to run: replication r of `scenario` on `replicationSeed(seed, r)`. */
export interface CityRun {
  scenario: Scenario;
  seed: number;
  replications: number;
  label: string;
}

/** What runs: each present city's scenario as it is, then with each lever in use switched off. */
export interface CityPlan {
  entries: CityEntry[];
  levers: LeverInUse[][];
  runs: CityRun[];
  replications: number;
  hours: number | null;
}

export interface CityPlanOptions {
  /** Replications of every run (≥ 2, a paired interval needs two). @defaultValue 3 */
  replications?: number;
  /** Base seed of every city. @defaultValue each scenario's own */
  seed?: number;
  /** Cap each scenario's horizon at this many hours. @defaultValue none */
  hours?: number;
  /** Only these lever paths. @defaultValue every lever in use */
  paths?: readonly string[];
}

const capped = (s: Scenario, hours: number | undefined): Scenario =>
  hours === undefined || hours >= s.hours
    ? s
    : validateScenario({ ...structuredClone(s), hours }, `${s.name} (${hours} h)`);

/** The runs of a three-city comparison; {@link citiesFromSamples} reads their KPI samples in this order. */
export function cityPlan(entries: readonly CityEntry[], options: CityPlanOptions = {}): CityPlan {
  const replications = options.replications ?? 3;
  if (!Number.isInteger(replications) || replications < 2) {
    throw new Error(
      `replications must be an integer of at least 2 (a paired interval needs two), got ${replications}`,
    );
  }
  const planned = entries.map((e) =>
    'scenario' in e ? { ...e, scenario: capped(e.scenario, options.hours) } : e,
  );
  const levers = planned.map((e) =>
    'scenario' in e
      ? leversInUse(e.scenario).filter((l) => !options.paths || options.paths.includes(l.path))
      : [],
  );
  const runs = planned.flatMap((e, i): CityRun[] => {
    if (!('scenario' in e)) return [];
    const seed = options.seed ?? e.scenario.seed;
    const base = { seed, replications };
    return [
      { ...base, scenario: e.scenario, label: `${e.city}: ${e.scenario.name}` },
      ...(levers[i] ?? []).map((l) => ({
        ...base,
        scenario: withLever(e.scenario, l.path, l.off),
        label: `${e.city}: ${l.path} off`,
      })),
    ];
  });
  return { entries: planned, levers, runs, replications, hours: options.hours ?? null };
}

/** A lever's effect on one citizen KPI: scenario − lever off, paired 95 % CI, in the KPI's unit. */
export interface CitizenEffect {
  /** The report KPI that measured it. */
  kpi: KpiName;
  /** Means with the lever off and as the scenario has it. */
  off: number;
  on: number;
  difference: number;
  ci95: [number, number];
  significant: boolean;
}

export interface CityLever extends LeverInUse {
  effects: Partial<Record<CitizenKpi, CitizenEffect>>;
}

/** What `hotline cities --json` prints and `GET /api/comparisons/cities/:id` returns when done. */
export interface CityComparison {
  replications: number;
  /** The horizon cap, if any. */
  hours: number | null;
  cities: {
    city: string;
    scenario: string;
    /** Why the city is not compared (its scenario is not built in yet); absent when it is. */
    missing?: string;
    seed?: number;
    /** The report KPI measuring each citizen KPI in this city (null: it reports none). */
    measures?: Record<CitizenKpi, KpiName | null>;
    /** Each citizen KPI's mean as the scenario has it, in the KPI's unit. */
    baseline?: Partial<Record<CitizenKpi, number>>;
  }[];
  /** VIOTE order; per driver, every city (same order as `cities`) with the levers it uses. */
  drivers: { driver: VioteDriver; cities: { city: string; levers: CityLever[] }[] }[];
}

function measureOf(kpi: CitizenKpi, sample: KpiValues | undefined): { kpi: KpiName; scale: number } | null {
  return CITIZEN_KPIS[kpi].measures.find((m) => Number.isFinite(sample?.[m.kpi] ?? NaN)) ?? null;
}

function effectOf(m: { kpi: KpiName; scale: number }, off: readonly KpiValues[], on: readonly KpiValues[]) {
  const pairs = on
    .map((v, r) => [(off[r]?.[m.kpi] ?? NaN) * m.scale, (v[m.kpi] ?? NaN) * m.scale] as const)
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  if (pairs.length < 2) return undefined;
  const d = pairedDifferenceCI(
    pairs.map(([, y]) => y),
    pairs.map(([x]) => x),
  );
  return {
    kpi: m.kpi,
    off: meanCI(pairs.map(([x]) => x)).mean,
    on: meanCI(pairs.map(([, y]) => y)).mean,
    difference: d.mean,
    ci95: [d.ci95[0], d.ci95[1]] as [number, number],
    significant: d.significant,
  };
}

/** The comparison from the plan's KPI samples: `samples[i][r]` is run i's replication r. */
export function citiesFromSamples(
  plan: CityPlan,
  samples: readonly (readonly KpiValues[])[],
): CityComparison {
  let next = 0;
  const cities: CityComparison['cities'] = [];
  const leversOf: CityLever[][] = [];
  plan.entries.forEach((e, i) => {
    if (!('scenario' in e)) {
      cities.push({ city: e.city, scenario: e.name, missing: e.missing });
      leversOf.push([]);
      return;
    }
    const base = samples[next++] ?? [];
    const measures = {} as Record<CitizenKpi, KpiName | null>;
    const baseline: Partial<Record<CitizenKpi, number>> = {};
    for (const k of CITIZEN_KPI_NAMES) {
      const m = measureOf(k, base[0]);
      measures[k] = m?.kpi ?? null;
      const values = m ? base.map((v) => (v[m.kpi] ?? NaN) * m.scale).filter(Number.isFinite) : [];
      if (values.length > 0) baseline[k] = meanCI(values).mean;
    }
    const seed = plan.runs.find((r) => r.scenario === e.scenario)?.seed ?? e.scenario.seed;
    cities.push({ city: e.city, scenario: e.scenario.name, seed, measures, baseline });
    leversOf.push(
      (plan.levers[i] ?? []).map((l) => {
        const off = samples[next++] ?? [];
        const effects: CityLever['effects'] = {};
        for (const k of CITIZEN_KPI_NAMES) {
          const m = measureOf(k, base[0]);
          const effect = m && effectOf(m, off, base);
          if (effect) effects[k] = effect;
        }
        return { ...l, effects };
      }),
    );
  });
  const drivers = (Object.keys(VIOTE_DRIVERS) as VioteDriver[]).map((driver) => ({
    driver,
    cities: cities.map((c, i) => ({
      city: c.city,
      levers: (leversOf[i] ?? []).filter((l) => l.driver === driver),
    })),
  }));
  return { replications: plan.replications, hours: plan.hours, cities, drivers };
}

/** The three-city comparison, in process: every run of the plan, replication r of each on the same seed. */
export function compareCities(
  entries: readonly CityEntry[],
  options: CityPlanOptions & { onProgress?: ProgressListener } = {},
): CityComparison {
  const plan = cityPlan(entries, options);
  const total = plan.runs.length * plan.replications;
  let done = 0;
  const samples = plan.runs.map((run) =>
    Array.from({ length: run.replications }, (_, r) => {
      const onProgress = options.onProgress;
      const kpis = replicationKpis(
        runReplication(
          run.scenario,
          replicationSeed(run.seed, r),
          onProgress && ((f) => onProgress((done + f) / total)),
        ),
      );
      done++;
      return kpis;
    }),
  );
  return citiesFromSamples(plan, samples);
}
