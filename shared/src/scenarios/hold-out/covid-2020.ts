import { REGULATION, stage } from '../reform-stages';
import type { HeldOutPeriod } from './hold-out';

/**
 * COVID-related appeals in 2020: 1.65 M, resolution 94.3 %, satisfaction 94.1 % (DOMAIN.md §9). Not
 * used in calibration. The model's value is the rates of its epidemic (疫情防控) category's callbacks
 * in a week of March 2020, under 2020's demand mix (the epidemic 9.8 % of contacts, demand-years.ts).
 */
export const COVID_2020: HeldOutPeriod = {
  scenario: stage(
    'holdout-2020-03',
    'Hold-out, March 2020 (COVID-related appeals of 2020): the October 2019 levers a few months on; 2020 demand with epidemic appeals.',
    '2020-03-02',
    {
      dispatch: { mode: 'direct' }, // sourced: 直派 (§2)
      whistle: { enabled: true }, // sourced (§5)
      supervision: { enabled: true }, // sourced (§2)
      returns: { review: true }, // assumed, as Oct 2019
      // sourced: ranking and 治理类 list (§3); assumed: before the 2021 Regulation, at half its ranking pressure
      assessment: { ranking: true, governanceList: true, rankingPressure: REGULATION.rankingPressure / 2 },
      grid: { enabled: false }, // assumed, as Oct 2019
      proactive: {}, // sourced: 每月一题 from 2021, 未诉先办 policy Dec 2021 (§5)
      reforms: { dataSharing: 0.3, oneNetwork: 0.3 }, // assumed: a step beyond Oct 2019's 0.2
    },
  ),
  figures: [
    {
      kpi: 'epidemicResolutionRate',
      published: 0.943,
      source: 'published: COVID-related appeals in 2020 (1.65 M)',
    },
    {
      kpi: 'epidemicSatisfactionRate',
      published: 0.941,
      source: 'published: COVID-related appeals in 2020 (1.65 M)',
    },
  ],
  caveat: 'a March week against the year; the epidemic category stands in for COVID-related appeals',
};
