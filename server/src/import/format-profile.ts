import type { DemandProfile } from './profile';
import { SPARSE_HOURS_SHARE } from './profile';

const pct = (x: number) => `${(x * 100).toFixed(1)} %`;

/** The warning printed when a literal replay would be sparse (see {@link SPARSE_HOURS_SHARE}). */
export function sparseWarning(p: DemandProfile): string {
  return (
    `warning: sparse replay: ${p.activeHours.toLocaleString('en-US')} of the ` +
    `${p.hoursSpanned.toLocaleString('en-US')} hours it spans hold a contact ` +
    `(${pct(p.activeHours / p.hoursSpanned)}, under ${pct(SPARSE_HOURS_SHARE)}): the run is mostly an ` +
    'idle queue; --profile builds a demand profile and a scenario scaled to a volume ' +
    '(警告：回放稀疏，建议使用 --profile)'
  );
}

/** The profile in a few lines, for stderr after the import summary. */
export function formatProfile(p: DemandProfile): string {
  const peakHour = p.hourOfDay.indexOf(Math.max(...p.hourOfDay));
  const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const peakDay = days[p.dayOfWeek.indexOf(Math.max(...p.dayOfWeek))];
  return [
    `  profile: ${p.perActiveDay} contacts per active day (${p.activeDays} of ${p.daysSpanned} days); ` +
      `busiest hour ${peakHour}:00 (×${p.hourOfDay[peakHour]}), busiest day ${peakDay}`,
    `  category mix: ${p.categoryMix
      .slice(0, 5)
      .map((c) => `${c.category} ${pct(c.share)}`)
      .join(', ')}${p.categoryMix.length > 5 ? ', ...' : ''}`,
    `  location density: ${p.locationDensity.length} cell(s) of about 1 km` +
      (p.locationDensity[0] ? `, densest ${pct(p.locationDensity[0].share)} of located contacts` : ''),
  ].join('\n');
}

/** JSON indented by two, with arrays of numbers kept on one line (a 7 × 24 shape stays 7 lines). */
export function compactJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2).replace(/\[\s+([-\d.,\s]+?)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s*/).join(', ')}]`)}\n`;
}
