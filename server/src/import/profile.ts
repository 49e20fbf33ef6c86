import {
  SECONDS_PER_DAY,
  SECONDS_PER_HOUR,
  civilFromDays,
  dayOfWeek,
  type CategoryId,
} from '@hotline-sim/shared';
import type { ImportResult } from './import-csv';

/**
 * A literal replay is sparse when fewer than this share of the clock hours it spans hold a contact:
 * the run is then mostly an idle queue between stray arrivals (an 8-year sample of a few thousand
 * rows spans 66,401 hours, most of them empty), and a profile says more about the demand.
 */
export const SPARSE_HOURS_SHARE = 0.5;

/** Side of a location-density cell, in degrees of latitude and longitude (about 1 km). */
export const CELL_DEGREES = 0.01;

/** A demand profile: the shape of an export's demand, without its volume's accidents. */
export interface DemandProfile {
  /** Calendar days from the first contact's day to the last's, both included. */
  readonly daysSpanned: number;
  /** Of those, days with at least one contact. */
  readonly activeDays: number;
  /** Contacts per active day (the default volume of a scenario built from the profile). */
  readonly perActiveDay: number;
  /** Clock hours the export spans, and those with at least one contact. */
  readonly hoursSpanned: number;
  readonly activeHours: number;
  /** Whether a literal replay would be sparse (see {@link SPARSE_HOURS_SHARE}). */
  readonly sparse: boolean;
  /** Contacts by weekday (Monday first) × hour of day, as multipliers with mean 1. */
  readonly weekdayHour: readonly (readonly number[])[];
  /** Its marginals: by hour of day (24) and by weekday (7), each with mean 1. */
  readonly hourOfDay: readonly number[];
  readonly dayOfWeek: readonly number[];
  /** By month (12, January first, mean 1) when the export spans a year or more. */
  readonly monthOfYear?: readonly number[];
  /** Share of contacts per category, largest first. */
  readonly categoryMix: readonly { readonly category: CategoryId; readonly share: number }[];
  /** Share of located contacts per cell of {@link CELL_DEGREES}, densest first (cell's south-west corner). */
  readonly locationDensity: readonly { readonly lat: number; readonly lon: number; readonly share: number }[];
}

/** Counts scaled to mean 1 (all zeros stay zeros). */
function meanOne(counts: readonly number[]): number[] {
  const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
  return counts.map((c) => (mean > 0 ? Math.round((c / mean) * 1e4) / 1e4 : 0));
}

const share = (n: number, total: number) => Math.round((n / total) * 1e6) / 1e6;

/** The demand profile of an import's trace. */
export function buildProfile(result: ImportResult): DemandProfile {
  const firstDay = Math.floor(result.firstTime / SECONDS_PER_DAY);
  const weekdayHour = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const months = new Array<number>(12).fill(0);
  const days = new Set<number>();
  const hours = new Set<number>();
  const categories = new Map<CategoryId, number>();
  const cells = new Map<string, { lat: number; lon: number; n: number }>();
  const corner = (x: number) => Number((Math.floor(x / CELL_DEGREES) * CELL_DEGREES).toFixed(2));
  let located = 0;
  for (const e of result.trace) {
    const day = firstDay + Math.floor(e.at / SECONDS_PER_DAY);
    const hour = Math.floor((e.at % SECONDS_PER_DAY) / SECONDS_PER_HOUR);
    const row = weekdayHour[dayOfWeek(day)] as number[];
    row[hour] = (row[hour] as number) + 1;
    const month = civilFromDays(day).month - 1;
    months[month] = (months[month] as number) + 1;
    days.add(day);
    hours.add(Math.floor(e.at / SECONDS_PER_HOUR));
    categories.set(e.category, (categories.get(e.category) ?? 0) + 1);
    if (e.lat !== undefined && e.lon !== undefined) {
      located++;
      const [lat, lon] = [corner(e.lat), corner(e.lon)];
      const cell = cells.get(`${lat},${lon}`) ?? { lat, lon, n: 0 };
      cell.n++;
      cells.set(`${lat},${lon}`, cell);
    }
  }
  const total = result.trace.length;
  const daysSpanned = Math.floor(result.lastTime / SECONDS_PER_DAY) - firstDay + 1;
  const hoursSpanned =
    Math.floor(result.lastTime / SECONDS_PER_HOUR) - Math.floor(result.firstTime / SECONDS_PER_HOUR) + 1;
  const flat = meanOne(weekdayHour.flat());
  return {
    daysSpanned,
    activeDays: days.size,
    perActiveDay: Math.round((total / days.size) * 100) / 100,
    hoursSpanned,
    activeHours: hours.size,
    sparse: hours.size < SPARSE_HOURS_SHARE * hoursSpanned,
    weekdayHour: weekdayHour.map((_, d) => flat.slice(d * 24, d * 24 + 24)),
    hourOfDay: meanOne(weekdayHour.reduce((acc, row) => acc.map((x, h) => x + (row[h] as number)))),
    dayOfWeek: meanOne(weekdayHour.map((row) => row.reduce((a, b) => a + b, 0))),
    ...(daysSpanned >= 365 ? { monthOfYear: meanOne(months) } : {}),
    categoryMix: [...categories]
      .sort((a, b) => b[1] - a[1])
      .map(([category, n]) => ({ category, share: share(n, total) })),
    locationDensity: [...cells.values()]
      .sort((a, b) => b.n - a.n)
      .map(({ lat, lon, n }) => ({ lat, lon, share: share(n, located) })),
  };
}
