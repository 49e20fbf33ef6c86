import { loadBeijing } from '../city/beijing';
import { MIN_RATED_TO_RANK, type HotlineObservation } from '../hotline/hotline-model';
import type { Scenario } from '../scenario/schema';

/** One street of the league table. */
export interface StreetRow {
  rank: number;
  id: string;
  name: string;
  nameEn: string;
  districtId: string;
  orders: number;
  evaluated: number;
  responseRate: number;
  resolutionRate: number;
  satisfactionRate: number;
  score: number;
  /** 治理类: among the worst by score, put under city supervision. */
  underSupervision: boolean;
}

/**
 * The street league table (三率 per street, ranked by the weighted score, best first); the worst
 * `governanceListSize` streets carry the 治理类 flag. Records of all replications are pooled.
 */
export function streetLeague(
  observations: readonly HotlineObservation[],
  lifecycle: NonNullable<Scenario['lifecycle']>,
): StreetRow[] {
  const city = loadBeijing();
  const first = observations[0];
  if (!first) return [];
  const w = first.weights;
  const rows: StreetRow[] = [];
  city.streets.forEach((street, s) => {
    let orders = 0;
    let responded = 0;
    let inTime = 0;
    let evaluated = 0;
    let resolved = 0;
    let positive = 0;
    for (const o of observations) {
      const r = o.streets[s];
      if (!r) continue;
      orders += r.orders;
      responded += r.responded;
      inTime += r.respondedInTime;
      evaluated += r.evaluated;
      resolved += r.resolved;
      positive += r.positive;
    }
    if (evaluated < MIN_RATED_TO_RANK) return;
    const responseRate = responded > 0 ? inTime / responded : 0;
    const resolutionRate = resolved / evaluated;
    const satisfactionRate = positive / evaluated;
    rows.push({
      rank: 0,
      id: street.id,
      name: street.name,
      nameEn: street.nameEn,
      districtId: street.districtId,
      orders,
      evaluated,
      responseRate,
      resolutionRate,
      satisfactionRate,
      score: w.response * responseRate + w.resolution * resolutionRate + w.satisfaction * satisfactionRate,
      underSupervision: false,
    });
  });
  rows.sort((a, b) => b.score - a.score || b.evaluated - a.evaluated || a.id.localeCompare(b.id));
  rows.forEach((row, i) => {
    row.rank = i + 1;
    row.underSupervision =
      lifecycle.assessment.governanceList && i >= rows.length - lifecycle.assessment.governanceListSize;
  });
  return rows;
}
