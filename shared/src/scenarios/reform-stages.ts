import type { LifecycleInput } from '../hotline/lifecycle-schema';
import type { ScenarioInput } from '../scenario/schema';

/**
 * The reform stages (DOMAIN.md §3, §5) as scenarios that share everything (city, demand, intake,
 * citizen model) and differ ONLY by policy levers. Their resolution and satisfaction rates are the
 * calibration targets: published 53.1 / 64.6 % (Jan 2019), 74.4 / 85.4 % (Oct 2019), 96.5 / 96.9 %
 * (Sep 2024). Demand is 2019's (19,000 contacts a day, §4) in all three, so only the levers move.
 */
const HOUR_OF_DAY = [
  0.25, 0.15, 0.1, 0.08, 0.08, 0.15, 0.4, 0.9, 1.5, 1.85, 1.9, 1.6, 1.2, 1.35, 1.75, 1.8, 1.65, 1.4, 1.15,
  1.05, 0.95, 0.8, 0.55, 0.4,
];
/** Agents by hour, sized for 85 % utilisation at 19,000 contacts a day (650 seats in 2019, §2). */
const AGENTS_BY_HOUR = [
  22, 13, 9, 8, 8, 13, 35, 78, 129, 159, 164, 138, 104, 116, 151, 155, 142, 121, 99, 91, 82, 69, 48, 35,
];

/**
 * A period's scenario: the shared city, 2019 demand and intake, and the period's levers. The hold-out
 * scenarios (hold-out/) use it too, so they differ from the stages only by levers and date.
 */
export function stage(
  name: string,
  description: string,
  start: string,
  levers: LifecycleInput,
): ScenarioInput {
  return {
    name,
    description,
    seed: 2019,
    start,
    hours: 168,
    warmupHours: 0,
    arrivals: { perHour: 19_000 / 24, hourOfDay: HOUR_OF_DAY },
    intake: {
      agents: Math.max(...AGENTS_BY_HOUR),
      agentsByHour: AGENTS_BY_HOUR,
      talkMinutes: { lognormal: { mean: 5.3, cv: 0.8 } },
      patienceMinutes: { exponential: { mean: 3 } },
    },
    lifecycle: levers,
  };
}

/**
 * Assessment under the Regulation on 接诉即办 (in force 2021-09-24; its art. 32 feeds the 三率 into
 * the government's performance assessment, DOMAIN.md §3): ranking and 治理类 list as before, the
 * default ranking pressure (0.6), and every unit's base pressure doubled from 0.25 to 0.5 (assumed:
 * the rates now count for every unit's and cadre's assessment, not only its place in a bulletin).
 * Stages and hold-outs from late 2021 on use it.
 */
export const REGULATION = {
  ranking: true,
  governanceList: true,
  rankingPressure: 0.6,
  basePressure: 0.5,
} as const;

/**
 * The levers of each stage; everything else is shared. Each setting says whether it is sourced
 * (DOMAIN.md section) or assumed. The citizen model's reform effects (lifecycle.citizens: dataSharing,
 * topicPolicies) are assumed, not fitted (docs/ASSUMPTIONS.md).
 */
export const STAGE_LEVERS = {
  /** January 2019: 接诉即办 starts. */
  'stage-2019-01': {
    dispatch: { mode: 'direct' }, // sourced: 直派 to streets from 2019-01-01 (§2)
    whistle: { enabled: true }, // sourced: 吹哨报到 since 2018 (§5)
    // sourced: the 2018 pilot of 吹哨报到 ran in 169 streets and townships, 51 % (beijing.gov.cn Q&A on
    // 吹哨报到, docs/ASSUMPTIONS.md); its city-wide roll-out came in 2019, so in January the pilot's share.
    adoption: { whistle: { share: 0.51 } },
    supervision: { enabled: true }, // sourced: 督办 of overdue orders, Regulation art. 20 (§2)
    returns: { review: false }, // assumed: return review came with the assessment (Oct 2019)
    assessment: { ranking: false, governanceList: false }, // sourced: ranking and 治理类 list from mid-2019 (§3)
    grid: { enabled: false }, // assumed: hotline and grid not yet on one platform
    proactive: {}, // sourced: 未诉先办 policy of Dec 2021, 每月一题 from 2021 (§5)
    reforms: { dataSharing: 0, oneNetwork: 0 }, // assumed: the starting point
  },
  /** October 2019: monthly 三率 ranking, the 治理类 list, return review. */
  'stage-2019-10': {
    dispatch: { mode: 'direct' }, // sourced (§2)
    whistle: { enabled: true }, // sourced (§5)
    supervision: { enabled: true }, // sourced (§2)
    returns: { review: true }, // assumed: 派单异议审核 with the assessment
    // sourced: monthly ranking, Guangwai listed May 2019 (§3). Assumed: the ranking was a bulletin
    // (通报) in 2019, at half the stakes it has once the 2021 Regulation puts the 三率 into performance
    // assessment (art. 32, §3): ranking pressure 0.3 instead of the default 0.6.
    assessment: { ranking: true, governanceList: true, rankingPressure: REGULATION.rankingPressure / 2 },
    grid: { enabled: false }, // assumed
    proactive: {}, // sourced: not before 2021 (§5)
    reforms: { dataSharing: 0.2, oneNetwork: 0.2 }, // assumed: early steps
  },
  /** September 2024. */
  'stage-2024': {
    dispatch: { mode: 'smart' }, // assumed: auto-classification in use (AI assistance sourced for 2026, §2)
    whistle: { enabled: true }, // sourced (§5)
    supervision: { enabled: true }, // sourced (§2)
    returns: { review: true }, // assumed
    assessment: REGULATION, // sourced (§3); pressures assumed (REGULATION)
    grid: { enabled: true }, // sourced: 热线+网格 on one dispatch pipeline (§6); the date is assumed
    proactive: {
      hotSpots: { enabled: true }, // sourced: hot spots down to the estate (§5)
      seasonal: { enabled: true }, // sourced: heating pre-repairs (§5)
      monthlyTopic: { enabled: true, topicsInForce: 62 }, // sourced: 27 + 17 + 18 topics in 2021-2023 (§5)
    },
    reforms: { dataSharing: 0.8, oneNetwork: 0.8 }, // assumed: far along, not complete
  },
} as const satisfies Record<string, LifecycleInput>;

export type StageName = keyof typeof STAGE_LEVERS;

/** Published resolution and satisfaction rates of each stage (DOMAIN.md §3). */
export const STAGE_TARGETS: Record<StageName, { resolutionRate: number; satisfactionRate: number }> = {
  'stage-2019-01': { resolutionRate: 0.5309, satisfactionRate: 0.6461 },
  'stage-2019-10': { resolutionRate: 0.7436, satisfactionRate: 0.8539 },
  'stage-2024': { resolutionRate: 0.965, satisfactionRate: 0.969 },
};

export const REFORM_STAGES: Record<StageName, ScenarioInput> = {
  'stage-2019-01': stage(
    'stage-2019-01',
    'Reform stage January 2019: 接诉即办 begins with direct dispatch to streets; no 三率 ranking yet.',
    '2019-01-07',
    STAGE_LEVERS['stage-2019-01'],
  ),
  'stage-2019-10': stage(
    'stage-2019-10',
    'Reform stage October 2019: monthly 三率 ranking, the 治理类 list of worst streets, return review.',
    '2019-01-07',
    STAGE_LEVERS['stage-2019-10'],
  ),
  'stage-2024': stage(
    'stage-2024',
    'Reform stage September 2024: smart dispatch, hotline + grid, 未诉先办 (hot spots, seasonal, monthly topics), shared data, one network.',
    '2019-01-07',
    STAGE_LEVERS['stage-2024'],
  ),
};
