import { ratio } from '../util/ratio';
import type { HotlineCounter, HotlineObservation } from '../hotline/observation';
import { HOTLINE_COUNTERS } from '../hotline/observation';
import { BATCHES } from '../intake/intake-model';
import { QuantileSketch } from '../stats';

/** The 接诉即办 KPIs of a run with a lifecycle: 三率, score, and the reform's other measures. */
export const HOTLINE_KPIS = {
  responseRate: { en: 'Response rate: orders contacted within the limit', zh: '响应率', unit: 'share' },
  resolutionRate: { en: 'Resolution rate: callbacks saying resolved', zh: '解决率', unit: 'share' },
  satisfactionRate: {
    en: 'Satisfaction rate: callbacks satisfied or basically satisfied',
    zh: '满意率',
    unit: 'share',
  },
  score: { en: 'Score: 三率 weighted by the assessment weights', zh: '三率综合得分', unit: 'share' },
  directAnswerRate: {
    en: 'Answered on the spot (of contacts with an outcome)',
    zh: '直接答复率',
    unit: 'share',
  },
  workOrders: { en: 'Work orders (citizen and grid)', zh: '工单量', unit: 'count' },
  returnRate: { en: 'Orders returned at least once (退单)', zh: '退单率', unit: 'share' },
  whistles: { en: 'Whistles blown (吹哨)', zh: '吹哨次数', unit: 'count' },
  whistleOnTimeRate: { en: 'Department reports on time (报到)', zh: '报到及时率', unit: 'share' },
  supervisedRate: { en: 'Orders supervised as overdue (督办)', zh: '督办率', unit: 'share' },
  proactiveShare: {
    en: 'Proactive share: orders and tasks started without an appeal (grid orders, hot-spot tasks) of all orders and tasks',
    zh: '主动治理占比（网格派单与热点治理任务占全部工单和任务）',
    unit: 'share',
  },
  appealsAvoided: {
    en: 'Appeals avoided by 未诉先办 (hot spots, monthly topic, seasonal): the same seed without it has these more',
    zh: '未诉先办减少诉求量',
    unit: 'count',
  },
  gridAppealsAvoided: {
    en: 'Appeals avoided by grid patrols settling problems first',
    zh: '网格先行减少诉求量',
    unit: 'count',
  },
  selfServed: {
    en: 'Questions settled by self-service (一网通办) before calling',
    zh: '一网通办自助解决量',
    unit: 'count',
  },
  fullySatisfiedRate: {
    en: 'Callbacks fully satisfied (满意, not 基本满意)',
    zh: '满意（非基本满意）占比',
    unit: 'share',
  },
  meanMinutesToDispatch: {
    en: 'Mean minutes from call to dispatch',
    zh: '平均派单时长（分钟）',
    unit: 'min',
  },
  meanHoursToResponse: { en: 'Mean hours from dispatch to response', zh: '平均响应时长（小时）', unit: 'h' },
  p90HoursToClose: {
    en: '90th percentile hours from receipt to close',
    zh: '办结时长P90（小时）',
    unit: 'h',
  },
  gamingShare: {
    en: 'Gaming share: gamed orders (citizen pressed, exclusion asked, closed early) of callbacks reached',
    zh: '刷分工单占比（施压求好评、申请不合理诉求、提前办结）',
    unit: 'share',
  },
  excludedShare: {
    en: 'Callbacks reached excluded from the rates as unreasonable (不合理诉求)',
    zh: '不合理诉求剔除占比',
    unit: 'share',
  },
  repeatVisitsPerOrder: {
    en: 'Burden: repeat site visits per handled order (a unit going back after an attempt left the problem unresolved)',
    zh: '基层负担：每单重复上门次数',
    unit: 'share',
  },
  promiseKeptRate: {
    en: 'Promises kept: orders with a promised time (承诺时限) handled by it',
    zh: '承诺时限兑现率',
    unit: 'share',
  },
  epidemicResolutionRate: {
    en: 'Resolution rate of epidemic (疫情防控) callbacks',
    zh: '疫情防控诉求解决率',
    unit: 'share',
  },
  epidemicSatisfactionRate: {
    en: 'Satisfaction rate of epidemic (疫情防控) callbacks',
    zh: '疫情防控诉求满意率',
    unit: 'share',
  },
  staffHoursPerOrder: {
    en: 'Burden: unit staff-hours per handled order (work, contact, paperwork, repeat visits)',
    zh: '基层负担：每单人工时（小时）',
    unit: 'h',
  },
  paperworkShare: {
    en: "Burden: paperwork share of the units' staff-hours",
    zh: '基层负担：留痕材料工时占比',
    unit: 'share',
  },
  overdueRate: { en: 'Orders handled after their time limit', zh: '超时办结率', unit: 'share' },
  meanReportMinutes: {
    en: 'Mean minutes for a summoned local office to report (报到), a missing report counted at the give-up time',
    zh: '平均报到时长（分钟）',
    unit: 'min',
  },
  whistlesLateRate: {
    en: 'Whistles with an office late for the joint handling on site, or missing',
    zh: '吹哨后部门未及时到场占比',
    unit: 'share',
  },
  reportsMissingRate: {
    en: 'Reports missing: the street went on without the office',
    zh: '部门未报到占比',
    unit: 'share',
  },
} as const;

export type HotlineKpiName = keyof typeof HOTLINE_KPIS;
export type HotlineKpiValues = Record<HotlineKpiName, number>;

function sums(obs: HotlineObservation, batches: readonly number[]): Record<HotlineCounter, number> {
  const out = {} as Record<HotlineCounter, number>;
  HOTLINE_COUNTERS.forEach((name, c) => {
    let total = 0;
    for (const b of batches) total += obs.counters[c * BATCHES + b] as number;
    out[name] = total;
  });
  return out;
}

const ALL = Array.from({ length: BATCHES }, (_, b) => b);

/** Every counter summed over the whole observed window (a live run's running totals). */
export function observationTotals(obs: HotlineObservation): Record<HotlineCounter, number> {
  return sums(obs, ALL);
}

/** KPIs over some batches of one replication; counts scaled by `countScale` (batch means). */
function kpisOf(obs: HotlineObservation, batches: readonly number[], countScale: number): HotlineKpiValues {
  const s = sums(obs, batches);
  const close = new QuantileSketch();
  for (const b of batches) close.merge(obs.closeHours[b] as QuantileSketch);
  const response = ratio(s.respondedInTime, s.responded);
  const resolution = ratio(s.resolved, s.evaluated);
  const satisfaction = ratio(s.positive, s.evaluated);
  const w = obs.weights;
  const outcomes = s.answered + s.redirected + s.repeats + s.workOrders;
  // Work started without a citizen's appeal, of all the work units take on, each counted on its day of
  // receipt: so a day, a week or a year give the same share. Discoveries settled on the spot are not
  // orders, and the monthly topic is a share of every street's capacity, not a number of tasks.
  const proactive = s.gridOrders + s.hotSpotTasks;
  return {
    responseRate: response,
    resolutionRate: resolution,
    satisfactionRate: satisfaction,
    score: w.response * response + w.resolution * resolution + w.satisfaction * satisfaction,
    directAnswerRate: ratio(s.answered, outcomes),
    workOrders: (s.workOrders + s.gridOrders) * countScale,
    returnRate: ratio(s.returnedOrders, s.workOrders + s.gridOrders),
    whistles: s.whistles * countScale,
    whistleOnTimeRate: ratio(s.reportsOnTime, s.reports),
    supervisedRate: ratio(s.supervised, s.workOrders),
    proactiveShare: ratio(proactive, proactive + s.workOrders),
    appealsAvoided: s.avoided * countScale,
    gridAppealsAvoided: s.gridAvoided * countScale,
    selfServed: s.selfService * countScale,
    fullySatisfiedRate: ratio(s.satisfied, s.evaluated),
    meanMinutesToDispatch: ratio(s.dispatchMinutes, s.dispatches),
    meanHoursToResponse: ratio(s.responseHours, s.responded),
    p90HoursToClose: close.count > 0 ? close.quantile(0.9) : NaN,
    gamingShare: ratio(s.gamed, s.evaluated + s.excluded),
    excludedShare: ratio(s.excluded, s.evaluated + s.excluded),
    repeatVisitsPerOrder: ratio(s.repeatVisits, s.handled),
    promiseKeptRate: ratio(s.promiseKept, s.promised),
    epidemicResolutionRate: ratio(s.epidemicResolved, s.epidemicEvaluated),
    epidemicSatisfactionRate: ratio(s.epidemicPositive, s.epidemicEvaluated),
    staffHoursPerOrder: ratio(s.staffHours, s.handled),
    paperworkShare: ratio(s.paperworkHours, s.staffHours),
    overdueRate: ratio(s.overdue, s.handled),
    meanReportMinutes: ratio(s.reportMinutes, s.reports),
    whistlesLateRate: ratio(s.whistlesLate, s.whistles),
    reportsMissingRate: ratio(s.reportsMissing, s.reports),
  };
}

export function hotlineKpis(obs: HotlineObservation): HotlineKpiValues {
  return kpisOf(obs, ALL, 1);
}

export function hotlineBatchKpis(obs: HotlineObservation): HotlineKpiValues[] {
  return ALL.map((b) => kpisOf(obs, [b], BATCHES));
}
