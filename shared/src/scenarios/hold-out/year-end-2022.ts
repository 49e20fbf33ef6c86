import { REGULATION, stage } from '../reform-stages';
import type { HeldOutPeriod } from './hold-out';

/** End of 2022: resolution 94 %, satisfaction 95 % (DOMAIN.md §3). Not used in calibration. */
export const YEAR_END_2022: HeldOutPeriod = {
  scenario: stage(
    'holdout-2022-12',
    'Hold-out, December 2022: 未诉先办 in force (hot spots, seasonal pre-emption, 44 monthly topics), hotline + grid, smart dispatch.',
    '2022-12-05',
    {
      dispatch: { mode: 'smart' }, // assumed: auto-classification in use by 2022
      whistle: { enabled: true }, // sourced (§5)
      supervision: { enabled: true }, // sourced (§2)
      returns: { review: true }, // assumed
      assessment: REGULATION, // sourced (§3): the Regulation in force from Sep 2021; pressures assumed
      grid: { enabled: true }, // assumed: hotline + grid merged by 2022 (§6 gives no date)
      proactive: {
        hotSpots: { enabled: true }, // sourced: 未诉先办 policy of Dec 2021 (§5)
        seasonal: { enabled: true }, // sourced (§5)
        monthlyTopic: { enabled: true, topicsInForce: 44 }, // sourced: 27 (2021) + 17 (2022) topics (§5)
      },
      reforms: { dataSharing: 0.6, oneNetwork: 0.6 }, // assumed: two thirds of the way to 2024's 0.8
    },
  ),
  figures: [
    { kpi: 'resolutionRate', published: 0.94, source: 'published: 接诉即办 annual report, end of 2022' },
    { kpi: 'satisfactionRate', published: 0.95, source: 'published: 接诉即办 annual report, end of 2022' },
  ],
  caveat: 'a December week against a year-end figure; 2019 demand',
};
