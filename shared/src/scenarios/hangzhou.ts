import type { LifecycleInput } from '../hotline/lifecycle-schema';
import type { ScenarioInput } from '../scenario/schema';
import { serviceCityScenario, type ServiceCity } from './service-city';

/**
 * Hangzhou before and after 最多跑一次 (proposed late 2016, province-wide 2017; DOMAIN.md §10). The two
 * weeks share demand, staffing and the hotline's settings and differ by levers only. Sources and
 * assumptions: docs/CITIES.md.
 */
const HANGZHOU: ServiceCity = {
  key: 'hangzhou',
  population: 11_936_010, // sourced: Hangzhou Statistics Bureau, 2021, 7th census bulletin
  start: '2018-01-08',
  seed: 2017,
  // assumed: Shanghai's sample (shanghai.ts) scaled by population (11.94 M / 24.87 M × 560)
  applicantsPerDay: 270,
  // fitted: with a scale of 1, 8 replications of hangzhou-2016 average 50.1 matter contacts (complaints
  // only) beside 6,482 others: 0.1 / 0.9 × 6,482 / 50.1 = 14.4 (service-city.ts, MATTER_CONTACT_SHARE)
  callsPerMatterCall: 14.4,
};

/**
 * Hangzhou's 12345 (市长公开电话, the city's one line for complaints): orders go through the districts,
 * no Beijing-style 三率 ranking, 治理类 list or 吹哨报到 (assumed: none is reported for Hangzhou).
 */
const HOTLINE: LifecycleInput = {
  dispatch: { mode: 'tiered' },
  whistle: { enabled: false },
  supervision: { enabled: true },
  returns: { review: false },
  assessment: { ranking: false, governanceList: false },
  grid: { enabled: false },
};

export const HANGZHOU_SCENARIOS: Record<'hangzhou-2016' | 'hangzhou-2018', ScenarioInput> = {
  'hangzhou-2016': serviceCityScenario(
    HANGZHOU,
    'hangzhou-2016',
    'Hangzhou, late 2016, before 最多跑一次: a window per department, every paper submitted, few matters online; the city 12345 for complaints.',
    { ...HOTLINE, reforms: { dataSharing: 0, oneNetwork: 0 } },
    {
      oneWindow: false,
      dataSharing: 0,
      materialsCut: 0,
      timeLimitCut: 0,
      onlineMatters: 0.3, // assumed: 浙江政务服务网 online since 2014, few matters fully online
      onlineAdoption: 0.1, // assumed
      hotlineAnswers: false, // assumed: matter questions went to each department's own line
    },
  ),
  'hangzhou-2018': serviceCityScenario(
    HANGZHOU,
    'hangzhou-2018',
    'Hangzhou, 2018, 最多跑一次 in force: 一窗受理 with results mailed, proof materials cut by more than half, data shared, 浙里办 online, 12345 answering matter questions.',
    { ...HOTLINE, reforms: { dataSharing: 0.4, oneNetwork: 0.2 } }, // assumed: the data also reach the hotline
    {
      oneWindow: true, // sourced: 一窗受理、集成服务 (Zhejiang, 2017; docs/CITIES.md)
      dataSharing: 0.5, // assumed: the province's public database in build-up
      materialsCut: 0.5, // sourced in kind: proof materials 860 → 359 by Oct 2017 (−58 %); applied to all materials, assumed
      timeLimitCut: 0.3, // assumed
      onlineMatters: 0.6, // assumed
      onlineAdoption: 0.3, // assumed: 浙里办 launched 2018
      hotlineAnswers: true, // assumed: the province's unified 12345 (统一政务咨询投诉举报平台)
    },
  ),
};

export const HANGZHOU_DESCRIPTIONS_ZH = {
  'hangzhou-2016':
    '杭州 2016 年底，最多跑一次改革之前：各部门各设窗口，材料全部自带，可网办事项少；12345 受理投诉。需求按人口由北京 2019 年人均来电量折算（模拟十分之一），办事人每个工作日 270 人（样本），运行一周。',
  'hangzhou-2018':
    '杭州 2018 年，最多跑一次全面推行：一窗受理、结果寄递，证明材料减半以上，数据共享，浙里办网上办理，12345 统一解答办事咨询。需求、人手同 2016 年，只有杠杆不同，运行一周。',
} as const;
