import type { LifecycleInput } from '../hotline/lifecycle-schema';
import type { ScenarioInput } from '../scenario/schema';
import type { TimelineEntryInput } from '../scenario/timeline';
import { REGULATION, STAGE_LEVERS } from './reform-stages';

/**
 * `reform-timeline`: Beijing 2018 → 2024 with each reform switched on at its date (DOMAIN.md §3, §5,
 * §6; the same levers as the reform stages and hold-outs) and demand by year (§4).
 *
 * Sampling (assumed, docs/ASSUMPTIONS.md "Reform timeline"): one virtual day per quarter, 2018-Q1 to
 * 2024-Q4 (28 days, 672 h), each carrying `SAMPLE_SHARE` of its quarter's average day. A tenth keeps
 * the live run near 110,000 contacts, which the live runtime plays in about ten minutes at ×4,000;
 * the CLI runs it in seconds. Orders live their real time limits, so a sampled day's orders are
 * still handled on the next sampled days: counts by period are counted at receipt.
 */

/** Share of a quarter's average day each sampled day carries (assumed: see above). */
export const SAMPLE_SHARE = 0.1;

/** Virtual hours per sampled quarter. */
const QUARTER_HOURS = 24;
const FIRST_YEAR = 2018;
const YEARS = 7;

/**
 * Contacts a day by year. Sourced (DOMAIN.md §4): 6.96 M in 2019, 11.04 M in 2020, 21.43 M in 2023,
 * ~25 M in 2025. Assumed: 2018 as 2019 (no 2018 figure found); 2021 and 2022 on the straight line
 * from 2020 to 2023; 2024 halfway from 2023 to 2025.
 */
export const CONTACTS_PER_DAY: Readonly<Record<number, number>> = {
  2018: 6_960_000 / 365,
  2019: 6_960_000 / 365,
  2020: 11_040_000 / 366,
  2021: (11_040_000 + (21_430_000 - 11_040_000) / 3) / 365,
  2022: (11_040_000 + ((21_430_000 - 11_040_000) * 2) / 3) / 365,
  2023: 21_430_000 / 365,
  2024: (21_430_000 + 25_000_000) / 2 / 366,
};

/** The reform stages' hour-of-day profile (09-11 h and 14-16 h peaks, §4). */
const HOUR_OF_DAY = [
  0.25, 0.15, 0.1, 0.08, 0.08, 0.15, 0.4, 0.9, 1.5, 1.85, 1.9, 1.6, 1.2, 1.35, 1.75, 1.8, 1.65, 1.4, 1.15,
  1.05, 0.95, 0.8, 0.55, 0.4,
];
const PEAK = Math.max(...HOUR_OF_DAY) / (HOUR_OF_DAY.reduce((a, b) => a + b, 0) / 24);
const TALK_MINUTES = 5.3;

/**
 * Agents all day, sized for the peak hour at 85 % utilisation (assumed: flat staffing, since the
 * timeline changes `intake.agents`, not the shifts; the reform stages size theirs the same way).
 */
const agentsFor = (perHour: number) => Math.ceil((perHour * PEAK * TALK_MINUTES) / 60 / 0.85);

/** The demand of a year's sampled day: its rate, the agents for it, and its category mix. */
function demand(year: number): Record<string, unknown> {
  const perHour = ((CONTACTS_PER_DAY[year] as number) * SAMPLE_SHARE) / 24;
  return {
    'arrivals.perHour': Math.round(perHour * 10) / 10,
    'intake.agents': agentsFor(perHour),
    // The category mix of the year's annual report; 2018 takes 2019's (the mix starts in 2019).
    'lifecycle.demandYear': Math.max(2019, year),
  };
}

/**
 * Slow changes that ride on a quarter's period entry rather than marking the axis (assumed steps, as
 * in the hold-outs): 最多跑一次 / 一网通办 progress, and the monthly topics' policies in force
 * (sourced counts: 27 topics in 2021, 17 in 2022, 18 in 2023; 14 by late 2021 assumed).
 */
const BACKGROUND: Readonly<Record<string, Record<string, unknown>>> = {
  '2019-Q4': { 'lifecycle.reforms.dataSharing': 0.2, 'lifecycle.reforms.oneNetwork': 0.2 },
  '2020-Q1': { 'lifecycle.reforms.dataSharing': 0.3, 'lifecycle.reforms.oneNetwork': 0.3 },
  '2021-Q4': {
    'lifecycle.reforms.dataSharing': 0.5,
    'lifecycle.reforms.oneNetwork': 0.5,
    'lifecycle.proactive.monthlyTopic.topicsInForce': 14,
  },
  '2022-Q1': { 'lifecycle.proactive.monthlyTopic.topicsInForce': 27 },
  '2022-Q4': {
    'lifecycle.reforms.dataSharing': 0.6,
    'lifecycle.reforms.oneNetwork': 0.6,
    'lifecycle.proactive.monthlyTopic.topicsInForce': 44,
  },
  '2024-Q1': { 'lifecycle.proactive.monthlyTopic.topicsInForce': 62 },
  '2024-Q3': { 'lifecycle.reforms.dataSharing': 0.8, 'lifecycle.reforms.oneNetwork': 0.8 },
};

/** Pinggu district, where 街乡吹哨、部门报到 began. */
const PINGGU = '110117';

/**
 * The reforms, each at the start of the quarter it first shapes; the chart marks them. Dates are
 * sourced (DOMAIN.md §2, §3, §5) unless the comment says assumed.
 */
const REFORMS: readonly { period: string; zh: string; en: string; set: Record<string, unknown> }[] = [
  {
    // sourced: 吹哨报到 grew out of Pinggu (2018, §5)
    period: '2018-Q1',
    zh: '平谷吹哨报到',
    en: 'Whistle in Pinggu',
    set: { 'lifecycle.adoption.whistle': { share: 0, districts: [PINGGU] } },
  },
  {
    // sourced: the 2018 pilot covered 169 streets and townships, 51 %; assumed: from the second quarter
    period: '2018-Q2',
    zh: '吹哨报到试点',
    en: 'Whistle pilot',
    set: { 'lifecycle.adoption.whistle': { share: 0.51, districts: [PINGGU] } },
  },
  {
    // sourced: 接诉即办 and direct dispatch to streets from 2019-01-01 (§2)
    period: '2019-Q1',
    zh: '接诉即办',
    en: '接诉即办',
    set: { 'lifecycle.dispatch.mode': STAGE_LEVERS['stage-2019-01'].dispatch.mode },
  },
  {
    // assumed: the city-wide roll-out of 吹哨报到 after January 2019 (stage-2019-10 has every street)
    period: '2019-Q2',
    zh: '吹哨全市推开',
    en: 'Whistle city-wide',
    set: { 'lifecycle.adoption.whistle': { share: 1, districts: [] } },
  },
  {
    // sourced: monthly 三率 ranking and the 治理类 list (§3); return review assumed with them
    period: '2019-Q4',
    zh: '三率排名',
    en: '三率 ranking',
    set: {
      'lifecycle.assessment.ranking': true,
      'lifecycle.assessment.governanceList': true,
      'lifecycle.assessment.rankingPressure': STAGE_LEVERS['stage-2019-10'].assessment.rankingPressure,
      'lifecycle.returns.review': true,
    },
  },
  {
    // sourced: 每月一题 from 2021 (§5)
    period: '2021-Q1',
    zh: '每月一题',
    en: 'Monthly topic',
    set: { 'lifecycle.proactive.monthlyTopic.enabled': true },
  },
  {
    // sourced: the Regulation on 接诉即办, in force 2021-09-24 (§3); its pressures assumed (REGULATION)
    period: '2021-Q4',
    zh: '条例施行',
    en: 'Regulation',
    set: {
      'lifecycle.assessment.rankingPressure': REGULATION.rankingPressure,
      'lifecycle.assessment.basePressure': REGULATION.basePressure,
    },
  },
  {
    // sourced: the 未诉先办 / 主动治理 policy of December 2021: hot spots, seasonal pre-emption (§5)
    period: '2022-Q1',
    zh: '未诉先办',
    en: 'Proactive governance',
    set: {
      'lifecycle.proactive.hotSpots.enabled': true,
      'lifecycle.proactive.seasonal.enabled': true,
    },
  },
  {
    // sourced: grid discoveries share the dispatch pipeline (§6); assumed: merged in 2022 (hold-out 2022-12)
    period: '2022-Q3',
    zh: '热线+网格',
    en: 'Hotline + grid',
    set: { 'lifecycle.grid.enabled': true },
  },
  {
    // assumed: auto-classification in use by 2024 (AI assistance sourced for 2026, §2)
    period: '2024-Q3',
    zh: '智能派单',
    en: 'Smart dispatch',
    set: { 'lifecycle.dispatch.mode': STAGE_LEVERS['stage-2024'].dispatch.mode },
  },
];

/** The quarters' period entries with the reforms of each quarter after them. */
function timeline(): TimelineEntryInput[] {
  const entries: TimelineEntryInput[] = [];
  for (let y = 0; y < YEARS; y++) {
    const year = FIRST_YEAR + y;
    for (let q = 1; q <= 4; q++) {
      const period = `${year}-Q${q}`;
      const at = (y * 4 + q - 1) * QUARTER_HOURS;
      entries.push({
        at,
        label: { zh: `${year}年第${q}季度`, en: `${year} Q${q}` },
        period,
        set: { ...demand(year), ...BACKGROUND[period] },
      });
      for (const r of REFORMS.filter((reform) => reform.period === period)) {
        entries.push({ at, label: { zh: r.zh, en: r.en }, set: r.set });
      }
    }
  }
  return entries;
}

/**
 * Levers of 2018, before 接诉即办: dispatch via the districts (direct dispatch came on 2019-01-01,
 * §2), otherwise as January 2019. The grid and hot-spot settings are compressed to the sample
 * (assumed): a grid or hot-spot effect lasting 14 or 30 days of a 91-day quarter lasts the same share
 * of the sampled day; the hot-spot window is the sampled day, its threshold lowered from 5 to 2 so
 * that about as many orders open a task as at full volume over a week.
 */
const LEVERS_2018: LifecycleInput = {
  ...STAGE_LEVERS['stage-2019-01'],
  dispatch: { mode: 'tiered' },
  adoption: { whistle: { share: 0, districts: [PINGGU] } },
  grid: {
    enabled: false,
    perCellPerDay: 3.6 * SAMPLE_SHARE,
    effectDays: 14 / 91,
  },
  proactive: {
    hotSpots: { enabled: false, windowDays: 1, threshold: 2, durationDays: 30 / 91 },
  },
  demandYear: 2019,
};

const year2018 = demand(2018);

export const REFORM_TIMELINE: ScenarioInput = {
  name: 'reform-timeline',
  description:
    "Beijing from 2018 to 2024, each reform switched on at its date: 街乡吹哨、部门报到 (Pinggu, a pilot in 169 streets in 2018, city-wide in 2019), 接诉即办 with direct dispatch to streets (January 2019), the 三率 ranking and the 治理类 list (October 2019), 每月一题 (2021), the Regulation on 接诉即办 (September 2021), 未诉先办 (December 2021), hotline + grid (2022) and smart dispatch (2024). Demand follows each year: about 19,000 contacts a day in 2019, 30,000 in 2020, 59,000 in 2023, with the year's category mix. The run samples: each virtual day stands for one quarter (28 days for 28 quarters) and carries a tenth of that quarter's average day, so the counts are per sampled day and the shares compare across periods. Orders keep their real time limits, so a day's orders are still handled on the next sampled days. Sampled days follow the calendar, weekends included: a quarter sampled on a weekend is quieter, and the Monday after it busier (offices sign the weekend's orders then).",
  seed: 2018,
  // A spring weekday: outside the heating and flood seasons, so no season tilts one quarter's mix.
  start: '2018-04-02',
  hours: YEARS * 4 * QUARTER_HOURS,
  warmupHours: 0,
  arrivals: { perHour: year2018['arrivals.perHour'] as number, hourOfDay: HOUR_OF_DAY },
  intake: {
    agents: year2018['intake.agents'] as number,
    talkMinutes: { lognormal: { mean: TALK_MINUTES, cv: 0.8 } },
    patienceMinutes: { exponential: { mean: 3 } },
  },
  lifecycle: LEVERS_2018,
  timeline: timeline(),
};

/** Chinese description (the dashboard shows it when it is in Chinese). */
export const REFORM_TIMELINE_ZH =
  '北京 2018 至 2024 年，各项改革按各自日期启动：街乡吹哨、部门报到（2018 年平谷起步、169 个街乡试点，2019 年全市推开），接诉即办与工单直派街乡（2019 年 1 月），三率排名与治理类街乡（2019 年 10 月），每月一题（2021 年），《北京市接诉即办工作条例》施行（2021 年 9 月），未诉先办（2021 年 12 月），热线+网格（2022 年），智能派单（2024 年）。需求逐年变化：2019 年每天约 19,000 次来电，2020 年约 30,000 次，2023 年约 59,000 次，诉求结构按当年。本情景为抽样运行：每个虚拟日代表一个季度（28 个季度共 28 天），来电量为该季度日均的十分之一，因此各期数量为抽样日的数量，占比可跨期比较。工单仍按实际办理时限办理，一天的工单会延续到之后的抽样日。抽样日按日历排列、包括周末：落在周末的季度较清淡，其后的周一较繁忙（机关在周一签收周末的工单）。';
