import { CITY_UNITS, cityUnitNames } from '../catalogue/units';
import { streetType } from '../city/street-type';
import type { City } from '../city/types';
import { emptyRecord, type HotlineObservation, type StreetRecord } from '../hotline/observation';
import type { Scenario } from '../scenario/schema';

/** 三率 and score of one unit of a league table, from its orders' records pooled over replications. */
export interface LeagueRates {
  orders: number;
  evaluated: number;
  responseRate: number;
  resolutionRate: number;
  satisfactionRate: number;
  score: number;
}

/** One street of the league table. */
export interface StreetRow extends LeagueRates {
  rank: number;
  id: string;
  name: string;
  nameEn: string;
  districtId: string;
  /** 治理类: among the worst by score, put under city supervision. */
  underSupervision: boolean;
}

/** One city department or utility of its league table (the orders it handled). */
export interface DepartmentRow extends LeagueRates {
  rank: number;
  id: string;
  name: string;
  nameEn: string;
  kind: 'department' | 'utility';
  /** 双考核: share of its line's local-office reports to streets' whistles on time; undefined without any. */
  reportRate: number | undefined;
}

type Lifecycle = NonNullable<Scenario['lifecycle']>;

/**
 * Records of unit `i` (from `pick`) pooled over replications, with its 三率 score; undefined when it
 * has fewer than `minRated` rated orders per replication (lifecycle.streets.minRatedToRank): a score
 * from a handful of ratings is noise, not performance.
 */
function pooledRates(
  observations: readonly HotlineObservation[],
  pick: (o: HotlineObservation) => readonly StreetRecord[],
  i: number,
  minRated: number,
): { rates: LeagueRates; reports: number; reportsOnTime: number } | undefined {
  const w = (observations[0] as HotlineObservation).weights;
  const sum = emptyRecord();
  for (const o of observations) {
    const r = pick(o)[i];
    if (!r) continue;
    sum.orders += r.orders;
    sum.responded += r.responded;
    sum.respondedInTime += r.respondedInTime;
    sum.evaluated += r.evaluated;
    sum.resolved += r.resolved;
    sum.positive += r.positive;
    sum.reports += r.reports;
    sum.reportsOnTime += r.reportsOnTime;
  }
  if (sum.evaluated < minRated * observations.length) return undefined;
  const responseRate = sum.responded > 0 ? sum.respondedInTime / sum.responded : 0;
  const resolutionRate = sum.resolved / sum.evaluated;
  const satisfactionRate = sum.positive / sum.evaluated;
  const rates = {
    orders: sum.orders,
    evaluated: sum.evaluated,
    responseRate,
    resolutionRate,
    satisfactionRate,
    score: w.response * responseRate + w.resolution * resolutionRate + w.satisfaction * satisfactionRate,
  };
  return { rates, reports: sum.reports, reportsOnTime: sum.reportsOnTime };
}

/** Best score first; ties by more rated orders, then by id. Ranks from 1. */
function ranked<T extends LeagueRates & { id: string; rank: number }>(rows: T[]): T[] {
  rows.sort((a, b) => b.score - a.score || b.evaluated - a.evaluated || a.id.localeCompare(b.id));
  rows.forEach((row, i) => (row.rank = i + 1));
  return rows;
}

/**
 * At most this share of a league's ranked streets carry the 治理类 flag (assumed, docs/ASSUMPTIONS.md):
 * the list names the exceptional worst, a small tail (Beijing's 10 of 343 streets, 3 %). A whole-city
 * league (150+ ranked) still flags the full list, but the 6 streets ranked early in a live run flag
 * none, and 40 ranked flag 4: a bottom-N taken from a handful would flag most of it.
 */
export const MAX_FLAGGED_SHARE = 0.1;

/**
 * How many of `ranked` streets carry the 治理类 flag with a list of `listSize`: never more than the
 * list, nor than {@link MAX_FLAGGED_SHARE} of the league (so never all of it).
 */
export function governanceFlagCount(ranked: number, listSize: number): number {
  return Math.max(0, Math.min(listSize, Math.floor(ranked * MAX_FLAGGED_SHARE)));
}

/**
 * The street league table (三率 per street, ranked by the weighted score, best first); the worst of
 * them carry the 治理类 flag, as many as {@link governanceFlagCount} allows (at most
 * `governanceListSize`). Records of all replications are pooled; their streets are the city's, in its
 * order. Development zones are not ranked with streets, nor is a street with too few rated orders
 * (lifecycle.streets.minRatedToRank per replication): neither can be flagged.
 */
export function streetLeague(
  observations: readonly HotlineObservation[],
  lifecycle: Lifecycle,
  city: City,
): StreetRow[] {
  if (observations.length === 0) return [];
  const rows = city.streets.flatMap((street, s): StreetRow[] => {
    if (streetType(street, city) === 'devZone') return [];
    const pooled = pooledRates(observations, (o) => o.streets, s, lifecycle.streets.minRatedToRank);
    if (!pooled) return [];
    const { id, name, nameEn, districtId } = street;
    return [{ rank: 0, id, name, nameEn, districtId, ...pooled.rates, underSupervision: false }];
  });
  const { governanceList, governanceListSize } = lifecycle.assessment;
  const flagged = governanceList ? governanceFlagCount(rows.length, governanceListSize) : 0;
  ranked(rows).forEach((row, i) => {
    row.underSupervision = i >= rows.length - flagged;
  });
  return rows;
}

/**
 * The same table for the city's departments and utilities, by the orders each handled. 双考核: the
 * streets' assessment of how the department's local offices report to their whistles enters its score
 * with `whistle.streetAssessmentWeight` (score = (1 − w) · 三率 score + w · reports on time).
 */
export function departmentLeague(
  observations: readonly HotlineObservation[],
  lifecycle: Lifecycle,
  city?: Pick<City, 'name' | 'nameEn'>,
): DepartmentRow[] {
  if (observations.length === 0) return [];
  const w = lifecycle.whistle.streetAssessmentWeight;
  return ranked(
    CITY_UNITS.flatMap((unit, i): DepartmentRow[] => {
      const pooled = pooledRates(observations, (o) => o.cityUnits, i, lifecycle.streets.minRatedToRank);
      if (!pooled) return [];
      const { rates, reports, reportsOnTime } = pooled;
      const reportRate = reports > 0 ? reportsOnTime / reports : undefined;
      const names = city === undefined ? unit : cityUnitNames(unit, city);
      const score = reportRate === undefined ? rates.score : (1 - w) * rates.score + w * reportRate;
      return [
        {
          rank: 0,
          id: unit.id,
          name: names.zh,
          nameEn: names.en,
          kind: unit.kind,
          ...rates,
          score,
          reportRate,
        },
      ];
    }),
  );
}
