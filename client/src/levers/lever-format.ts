import { LEVERS, type Lever } from '@hotline-sim/shared';
import { makeFormatters, type Bilingual, type Lang } from '../i18n';
import { MESSAGES } from '../i18n/messages';
import { LEVER_UNITS, UNIT_LABELS } from './lever-units';
import { limitToField, timeLimitClass, timeLimitUnit } from './time-limits';

/** Labels of the choices the catalogue has (dispatch modes); any other choice shows as written. */
export const CHOICE_LABELS: Readonly<Record<string, Bilingual>> = {
  tiered: { zh: '逐级派单', en: 'Tiered (via the district)' },
  direct: { zh: '直派街乡', en: 'Direct to the street' },
  smart: { zh: '智能派单', en: 'Smart (auto-classified)' },
};

const BY_PATH = new Map(LEVERS.map((l) => [l.path, l]));

/** The catalogue lever at a path (undefined for a path the catalogue does not list). */
export function leverAt(path: string): Lever | undefined {
  return BY_PATH.get(path);
}

/** A lever's value in words, with its unit: "On", "直派街乡", "51.0 %", "7 days", "15 min". */
export function leverValueText(lang: Lang, lever: Lever | undefined, value: unknown): string {
  const m = MESSAGES[lang];
  const fmt = makeFormatters(lang);
  if (typeof value === 'boolean') return value ? m.leverOn : m.leverOff;
  if (typeof value === 'string') return CHOICE_LABELS[value]?.[lang] ?? value;
  if (typeof value !== 'number') return value === undefined ? m.leverNotSet : JSON.stringify(value);
  const cls = lever ? timeLimitClass(lever.path) : null;
  if (cls) {
    const unit = timeLimitUnit(cls);
    const key = unit === 'days' ? 'leverUnitDays' : 'leverUnitHours';
    return `${fmt.number(limitToField(unit, value), 2).replace(/\.?0+$/, '')} ${m[key]}`;
  }
  const unit = (lever && LEVER_UNITS[lever.path]) ?? 'plain';
  if (unit === 'share') return fmt.percent(value, 1);
  // A year is a name, not a quantity: no thousands separator.
  if (unit === 'year') return String(value);
  const label = UNIT_LABELS[unit];
  const digits = Number.isInteger(value) ? 0 : 2;
  const number = fmt.number(value, digits);
  if (unit === 'factor') return `×${number}`;
  return label ? `${number} ${m[label]}` : number;
}

/** What one change did to one lever, both languages: "报到时限（分钟）: 30 分钟 → 15 分钟". */
export function leverChangeText(path: string, from: unknown, to: unknown, fromKnown: boolean): Bilingual {
  const lever = leverAt(path);
  const line = (lang: Lang) => {
    const name = lever ? lever[lang] : path;
    const after = leverValueText(lang, lever, to);
    return fromKnown ? `${name}: ${leverValueText(lang, lever, from)} → ${after}` : `${name}: → ${after}`;
  };
  return { zh: line('zh'), en: line('en') };
}
