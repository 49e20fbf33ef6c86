import type { LifecycleInput } from '../hotline/lifecycle-schema';
import type { ScenarioInput } from '../scenario/schema';
import { serviceCityScenario, type ServiceCity } from './service-city';

/**
 * Shanghai at the start of 一网通办 (2018) and in 2024 (DOMAIN.md §10). The two weeks share demand,
 * staffing and the hotline's settings and differ by levers only. Sources and assumptions: docs/CITIES.md.
 */
const SHANGHAI: ServiceCity = {
  key: 'shanghai',
  population: 24_870_895, // sourced: Shanghai Statistics Bureau, 2021-05-18, 7th census bulletin
  start: '2019-01-07',
  seed: 2018,
  // A sample: 1/500 of 2022's daily cases (over 280,000 a day: Shanghai government office, reply to
  // proposal 0618, 2023-06-01); the sample share is assumed.
  applicantsPerDay: 560,
  // fitted: with a scale of 1, 8 replications of shanghai-2018 average 514 matter contacts beside
  // 13,329 others: 0.1 / 0.9 × 13,329 / 514 = 2.88 (service-city.ts, MATTER_CONTACT_SHARE)
  callsPerMatterCall: 2.9,
};

/** Shanghai's 12345 (since 2012): orders through the districts; no Beijing 三率 ranking (assumed). */
const HOTLINE: LifecycleInput = {
  whistle: { enabled: false },
  supervision: { enabled: true },
  returns: { review: true },
  assessment: { ranking: false, governanceList: false },
};

export const SHANGHAI_SCENARIOS: Record<'shanghai-2018' | 'shanghai-2024', ScenarioInput> = {
  'shanghai-2018': serviceCityScenario(
    SHANGHAI,
    'shanghai-2018',
    'Shanghai, 2018: 一网通办 just launched; most cases at department windows, little data shared; 12345 answers questions and takes complaints.',
    {
      ...HOTLINE,
      dispatch: { mode: 'tiered' },
      grid: { enabled: false },
      reforms: { dataSharing: 0.1, oneNetwork: 0.1 },
    },
    {
      oneWindow: false,
      dataSharing: 0.2, // assumed: the electronic licence library began in 2018
      onlineMatters: 0.5, // assumed
      onlineAdoption: 0.3, // calibrated: cases applied online under 20 % before the reform (docs/CITIES.md)
      hotlineAnswers: true, // assumed: 12345 answered government questions before 2018
    },
  ),
  'shanghai-2024': serviceCityScenario(
    SHANGHAI,
    'shanghai-2024',
    'Shanghai, 2024: one portal and 随申办, 一件事 bundles, 两个免于提交, 双减半, 免申即享, 好差评 acted on; 一网统管 finds problems before appeals (grid patrols and hot spots on the hotline).',
    {
      ...HOTLINE,
      dispatch: { mode: 'smart' }, // assumed
      // 一网统管 (city operations finding problems before appeals) mapped onto the hotline's own
      // mechanisms: grid patrols feeding the same pipeline and proactive hot spots (docs/CITIES.md).
      grid: { enabled: true },
      proactive: { hotSpots: { enabled: true } },
      reforms: { dataSharing: 0.8, oneNetwork: 0.8 }, // assumed
    },
    {
      oneWindow: true, // sourced: 综合窗口 in every district's centre (一网通办, 2019 presser)
      dataSharing: 0.9, // sourced in kind: 两个免于提交, 604 kinds of e-licences (2021); share assumed
      materialsCut: 0.5, // sourced: 双减半, materials halved (2019-10-17 presser)
      timeLimitCut: 0.6, // sourced: promised times cut 62 % on average (2021-07-27 presser)
      onlineMatters: 0.9, // assumed from 1,400 of 2,035 matters fully online in 2019 (69 %), more by 2024
      onlineAdoption: 0.9, // calibrated: cases applied online over 80 % (2024; docs/CITIES.md)
      bundles: true, // sourced: 49 一件事 online by March 2023
      grantFromData: 0.5, // sourced in kind: 148 免申即享 matters in 2022; share assumed
      reviewsActedOn: 0.8, // assumed: 好差评 cases reviewed and fixed (2024 good-practice cases)
      hotlineAnswers: true,
    },
  ),
};

export const SHANGHAI_DESCRIPTIONS_ZH = {
  'shanghai-2018':
    '上海 2018 年，一网通办刚上线：多数事项仍在部门窗口办理，共享数据少；12345 解答咨询、受理投诉。需求按人口由北京 2019 年人均来电量折算（模拟十分之一），办事人每个工作日 560 人（2022 年日均办件量的五百分之一），运行一周。',
  'shanghai-2024':
    '上海 2024 年：一网通办总门户和随申办、一件事一次办、两个免于提交、双减半、免申即享、好差评整改；一网统管在诉求之前发现问题（热线的网格巡查和热点发现）。需求、人手同 2018 年，只有杠杆不同，运行一周。',
} as const;
