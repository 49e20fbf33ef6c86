import { REGULATION, stage } from '../reform-stages';
import type { HeldOutPeriod } from './hold-out';

/**
 * The business hotline (营商环境 line, from October 2019) to late 2021: response 99.7 %, resolution
 * 92.3 %, satisfaction 94.5 % (DOMAIN.md §9). Not used in calibration. The model has no separate
 * business stream: its city-wide rates under the levers of late 2021 stand in for it.
 */
export const BUSINESS_2021: HeldOutPeriod = {
  scenario: stage(
    'holdout-2021-11',
    'Hold-out, November 2021 (the business hotline to late 2021): the October 2019 levers plus the first year of 每月一题; 未诉先办 not yet policy.',
    '2021-11-01',
    {
      dispatch: { mode: 'direct' }, // sourced: 直派 (§2); smart dispatch assumed later
      whistle: { enabled: true }, // sourced (§5)
      supervision: { enabled: true }, // sourced (§2)
      returns: { review: true }, // assumed, as Oct 2019
      assessment: REGULATION, // sourced (§3): the Regulation in force from Sep 2021; pressures assumed
      grid: { enabled: false }, // assumed: hotline + grid merged later
      proactive: {
        // sourced: 每月一题 from 2021 with 27 topics, 未诉先办 policy only in Dec 2021 (§5); assumed:
        // half of 2021's topics have policies in force by November.
        monthlyTopic: { enabled: true, topicsInForce: 14 },
      },
      reforms: { dataSharing: 0.5, oneNetwork: 0.5 }, // assumed: halfway from Oct 2019 (0.2) to 2024 (0.8)
    },
  ),
  figures: [
    {
      kpi: 'responseRate',
      published: 0.997,
      source: 'published: the business hotline (企业服务热线), Oct 2019 to late 2021',
    },
    {
      kpi: 'resolutionRate',
      published: 0.923,
      source: 'published: the business hotline (企业服务热线), Oct 2019 to late 2021',
    },
    {
      kpi: 'satisfactionRate',
      published: 0.945,
      source: 'published: the business hotline (企业服务热线), Oct 2019 to late 2021',
    },
  ],
  caveat: "firms' appeals only; the model's city-wide rates stand in",
};
