import {
  CITIZEN_KPI_NAMES,
  type CitizenEffect,
  type CitizenKpi,
  type CityComparison,
  type VioteDriver,
} from '@hotline-sim/shared';

/** One effect bar: where its mean and interval fall on the KPI's axis, as fractions 0 … 1 (0 at ½). */
export interface EffectBar extends CitizenEffect {
  /** The bar runs from the axis's zero to `mean`; the whisker from `lo` to `hi`. */
  zero: number;
  mean: number;
  lo: number;
  hi: number;
}

/** One row of the view: a lever one city uses, with a bar per citizen KPI it measured. */
export interface EffectRow {
  city: string;
  path: string;
  zh: string;
  en: string;
  off: string;
  on: string;
  bars: Partial<Record<CitizenKpi, EffectBar>>;
}

/** The view's data: per driver its rows (cities in order), and the cities with nothing in use there. */
export interface CityEffects {
  /** Half-width of each KPI's axis: the largest |interval end| over every lever, so bars compare. */
  scale: Record<CitizenKpi, number>;
  drivers: { driver: VioteDriver; rows: EffectRow[]; idle: string[] }[];
  /** Cities compared (not missing). */
  present: string[];
  missing: { city: string; scenario: string; note: string }[];
}

const position = (x: number, scale: number) => 0.5 + (scale > 0 ? x / (2 * scale) : 0);

/** Shape a three-city comparison for the Compare view: rows by driver, bars on a common axis per KPI. */
export function cityEffects(c: CityComparison): CityEffects {
  const scale = Object.fromEntries(CITIZEN_KPI_NAMES.map((k) => [k, 0])) as Record<CitizenKpi, number>;
  for (const d of c.drivers)
    for (const city of d.cities)
      for (const l of city.levers)
        for (const k of CITIZEN_KPI_NAMES) {
          const e = l.effects[k];
          if (e) scale[k] = Math.max(scale[k], ...e.ci95.map(Math.abs).filter(Number.isFinite));
        }
  const missingCities = new Set(c.cities.filter((x) => x.missing).map((x) => x.city));
  return {
    scale,
    present: c.cities.filter((x) => !x.missing).map((x) => x.city),
    missing: c.cities.flatMap((x) =>
      x.missing ? [{ city: x.city, scenario: x.scenario, note: x.missing }] : [],
    ),
    drivers: c.drivers.map((d) => ({
      driver: d.driver,
      idle: d.cities.filter((x) => x.levers.length === 0 && !missingCities.has(x.city)).map((x) => x.city),
      rows: d.cities.flatMap((city) =>
        city.levers.map((l) => {
          const bars: EffectRow['bars'] = {};
          for (const k of CITIZEN_KPI_NAMES) {
            const e = l.effects[k];
            if (!e) continue;
            const s = scale[k];
            bars[k] = {
              ...e,
              zero: 0.5,
              mean: position(e.difference, s),
              lo: position(e.ci95[0], s),
              hi: position(e.ci95[1], s),
            };
          }
          return {
            city: city.city,
            path: l.path,
            zh: l.zh,
            en: l.en,
            off: String(l.off),
            on: String(l.value),
            bars,
          };
        }),
      ),
    })),
  };
}
