import { LEVERS, VIOTE_DRIVERS, type Lever, type SlaClass, type VioteDriver } from '@hotline-sim/shared';
import { LEVER_UNITS, round, toDisplay, type LeverUnit } from './lever-units';
import { timeLimitClass, timeLimitUnit, type TimeLimitUnit } from './time-limits';

/** One time limit of the time-limits control: its lever, class and the unit its field is in. */
export interface TimeLimitField {
  lever: Lever;
  cls: SlaClass;
  unit: TimeLimitUnit;
}

/**
 * How a lever is edited. Switches for booleans, selects for choices, a slider with a number field
 * and unit for numbers with a fixed range, a number field alone for numbers relative to the scenario
 * (agents: the catalogue's range is a factor of the scenario's own count), and one control with a
 * labelled field per class for the time limits. Slider bounds and steps are in displayed units.
 */
export type LeverControl =
  | { kind: 'switch'; lever: Lever }
  | { kind: 'select'; lever: Lever; choices: readonly string[] }
  | { kind: 'slider'; lever: Lever; unit: LeverUnit; min: number; max: number; step: number }
  | { kind: 'number'; lever: Lever; unit: LeverUnit; min: number; step: number }
  | { kind: 'timeLimits'; driver: VioteDriver; fields: TimeLimitField[] };

/** The levers a control edits (one, or the time limits together). */
export function controlLevers(control: LeverControl): Lever[] {
  return control.kind === 'timeLimits' ? control.fields.map((f) => f.lever) : [control.lever];
}

/** A key for React lists and test ids: the lever's path, or the time limits' parent path. */
export function controlKey(control: LeverControl): string {
  return control.kind === 'timeLimits' ? 'lifecycle.timeLimits' : control.lever.path;
}

/** A step of about a hundredth of the range, a power of ten (1, 0.1, 0.01 …). */
function sliderStep(span: number): number {
  return span > 0 ? 10 ** Math.min(0, Math.round(Math.log10(span / 100))) : 1;
}

/** The control of one lever that is not a time limit. */
export function leverControl(lever: Lever): Exclude<LeverControl, { kind: 'timeLimits' }> {
  switch (lever.kind) {
    case 'boolean':
      return { kind: 'switch', lever };
    case 'choice':
      return { kind: 'select', lever, choices: lever.choices ?? [] };
    case 'number': {
      const unit = LEVER_UNITS[lever.path] ?? 'plain';
      if (!lever.range || lever.relative) {
        return { kind: 'number', lever, unit, min: lever.integer ? 1 : 0, step: lever.integer ? 1 : 0.01 };
      }
      const [lo, hi] = lever.range.map((v) => toDisplay(unit, v)) as [number, number];
      const step = lever.integer || unit === 'year' ? 1 : sliderStep(hi - lo);
      return { kind: 'slider', lever, unit, min: lo, max: hi, step };
    }
  }
}

/**
 * A slider's bounds for the value it shows: the catalogue's range, widened to take in a scenario
 * value outside it (the range is what a sensitivity analysis swings, not a rule of the schema).
 */
export function sliderBounds(
  control: { min: number; max: number; step: number },
  shown: number | undefined,
): [number, number] {
  if (shown === undefined || !Number.isFinite(shown)) return [control.min, control.max];
  const snap = (v: number, f: (x: number) => number) => round(f(v / control.step) * control.step, 6);
  return [Math.min(control.min, snap(shown, Math.floor)), Math.max(control.max, snap(shown, Math.ceil))];
}

/**
 * The controls of the given levers in catalogue order; the time limits become one control, where the
 * first of them stands.
 */
export function leverControls(levers: readonly Lever[] = LEVERS): LeverControl[] {
  const out: LeverControl[] = [];
  let limits: Extract<LeverControl, { kind: 'timeLimits' }> | null = null;
  for (const lever of levers) {
    const cls = timeLimitClass(lever.path);
    if (cls === null) {
      out.push(leverControl(lever));
      continue;
    }
    if (!limits) {
      limits = { kind: 'timeLimits', driver: lever.driver, fields: [] };
      out.push(limits);
    }
    limits.fields.push({ lever, cls, unit: timeLimitUnit(cls) });
  }
  return out;
}

/** One VIOTE driver's controls, with its heading (zh/en). */
export interface LeverGroup {
  driver: VioteDriver;
  heading: { zh: string; en: string };
  controls: LeverControl[];
}

/** The driver a control belongs to. */
export function controlDriver(control: LeverControl): VioteDriver {
  return control.kind === 'timeLimits' ? control.driver : control.lever.driver;
}

/**
 * The controls grouped by the five VIOTE drivers, in the drivers' order (value, institution,
 * organization, technology, environment); a driver without levers is left out.
 */
export function leverGroups(controls: readonly LeverControl[] = leverControls()): LeverGroup[] {
  return (Object.keys(VIOTE_DRIVERS) as VioteDriver[])
    .map((driver) => ({
      driver,
      heading: VIOTE_DRIVERS[driver],
      controls: controls.filter((c) => controlDriver(c) === driver),
    }))
    .filter((g) => g.controls.length > 0);
}
