import type { LifecycleInput } from '../hotline/lifecycle-schema';
import { validateScenario } from '../scenario/load';
import { HELD_OUT, type HeldOutFigure } from '../scenarios/hold-out';
import { runScenario } from './run-scenario';

/** One published figure calibration never saw, against the model. */
export interface HeldOutRow {
  scenario: string;
  kpi: HeldOutFigure['kpi'];
  published: number;
  /** The model's mean over the replications and its 95 % interval. */
  model: number;
  ci95: [number, number];
  /** model − published. */
  error: number;
  source: string;
  caveat: string;
}

export interface HeldOutOptions {
  /** @defaultValue 3 */
  replications?: number;
  seed?: number;
  /** Citizen-model coefficients to use instead of the defaults (calibrate, before they are pasted). */
  citizens?: LifecycleInput['citizens'];
}

/**
 * Run every hold-out period (scenarios/hold-out) and set each published figure beside the model's
 * value: validation that can fail, since nothing here was fitted.
 */
export function heldOutTable(options: HeldOutOptions = {}): HeldOutRow[] {
  const rows: HeldOutRow[] = [];
  for (const period of HELD_OUT) {
    const input = structuredClone(period.scenario);
    if (options.citizens) input.lifecycle = { ...input.lifecycle, citizens: options.citizens };
    const report = runScenario(validateScenario(input, period.scenario.name), {
      replications: options.replications ?? 3,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
    });
    for (const figure of period.figures) {
      const kpi = report.kpis[figure.kpi];
      if (!kpi) throw new Error(`${period.scenario.name} reports no ${figure.kpi}`);
      rows.push({
        scenario: period.scenario.name,
        kpi: figure.kpi,
        published: figure.published,
        model: kpi.mean,
        ci95: [kpi.ci95[0], kpi.ci95[1]],
        error: kpi.mean - figure.published,
        source: figure.source,
        caveat: period.caveat,
      });
    }
  }
  return rows;
}
