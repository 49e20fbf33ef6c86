import { BUSINESS_2021 } from './business-2021';
import { COVID_2020 } from './covid-2020';
import type { HeldOutPeriod } from './hold-out';
import { YEAR_2025 } from './year-2025';
import { YEAR_END_2022 } from './year-end-2022';

export type { HeldOutFigure, HeldOutPeriod } from './hold-out';

/**
 * Published figures calibration never sees (README: calibration and validation), one scenario per
 * period: `npm run calibrate` reports the model's value and its error for each, whatever it is.
 */
export const HELD_OUT: readonly HeldOutPeriod[] = [COVID_2020, BUSINESS_2021, YEAR_END_2022, YEAR_2025];
