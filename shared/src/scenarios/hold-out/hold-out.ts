import type { ScenarioInput } from '../../scenario/schema';

/** A published figure kept out of calibration, and the KPI of the model it is compared with. */
export interface HeldOutFigure {
  kpi:
    | 'responseRate'
    | 'resolutionRate'
    | 'satisfactionRate'
    | 'epidemicResolutionRate'
    | 'epidemicSatisfactionRate';
  /** The published rate, 0-1. */
  published: number;
  /** Where it was published, in words a reader of the calibration output can follow (code comments cite DOMAIN.md). */
  source: string;
}

/** A period with published figures that calibration never sees, as a scenario of its levers. */
export interface HeldOutPeriod {
  scenario: ScenarioInput & { name: string };
  figures: readonly HeldOutFigure[];
  /** What the comparison cannot capture: say it next to the error. */
  caveat: string;
}
