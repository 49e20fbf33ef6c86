import { REGULATION, stage } from '../reform-stages';
import type { HeldOutPeriod } from './hold-out';

/** 2025: resolution 97.3 %, satisfaction 97.7 % (DOMAIN.md §3). Not used in calibration. */
export const YEAR_2025: HeldOutPeriod = {
  scenario: stage(
    'holdout-2025',
    'Hold-out, 2025: the September 2024 levers, 75 monthly topics in force, data sharing and one network nearly complete.',
    '2025-06-09',
    {
      dispatch: { mode: 'smart' }, // sourced: AI-assisted dispatch (§2)
      whistle: { enabled: true }, // sourced (§5)
      supervision: { enabled: true }, // sourced (§2)
      returns: { review: true }, // assumed
      assessment: REGULATION, // sourced (§3): the Regulation in force from Sep 2021; pressures assumed
      grid: { enabled: true }, // sourced (§6)
      proactive: {
        hotSpots: { enabled: true }, // sourced (§5)
        seasonal: { enabled: true }, // sourced (§5)
        monthlyTopic: { enabled: true, topicsInForce: 75 }, // sourced: 27 + 17 + 18 + 13 topics by 2024 (§5)
      },
      reforms: { dataSharing: 0.9, oneNetwork: 0.9 }, // assumed: a step beyond 2024's 0.8
    },
  ),
  figures: [
    { kpi: 'resolutionRate', published: 0.973, source: 'published: 接诉即办 figures for 2025' },
    { kpi: 'satisfactionRate', published: 0.977, source: 'published: 接诉即办 figures for 2025' },
  ],
  caveat: 'a June week against the year; 2019 demand',
};
