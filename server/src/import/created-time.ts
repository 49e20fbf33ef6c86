import { SECONDS_PER_DAY, civilFromDays, daysFromCivil } from '@hotline-sim/shared';

/**
 * How a 311 export writes the time a request was created, always as local wall-clock time:
 * - `iso`: `YYYY-MM-DD HH:mm[:ss[.fff]]` or with a `T` (Boston's `open_dt`, Socrata's floating
 *   timestamps). A trailing `Z` or UTC offset is refused: convert to local time first.
 * - `mdy-12h`: `MM/DD/YYYY hh:mm[:ss] AM/PM` (NYC's `Created Date`).
 * - `mdy-24h`: `MM/DD/YYYY HH:mm[:ss]`.
 * - `dmy-24h`: `DD/MM/YYYY HH:mm[:ss]`.
 * - `auto`: each value as `iso`, else `mdy-12h`, else `mdy-24h` (the US order, as 311 exports write
 *   it), else Unix time (10 digits of seconds or 13 of milliseconds, as PublicStuff exports write
 *   it; no time zone is known, so it is read as UTC wall clock): what a layout recognised by its
 *   columns uses.
 */
export const CREATED_FORMATS = ['iso', 'mdy-12h', 'mdy-24h', 'dmy-24h', 'auto'] as const;

/** One of {@link CREATED_FORMATS}. */
export type CreatedFormat = (typeof CREATED_FORMATS)[number];

/** How each format looks, for messages. */
export const CREATED_FORMAT_EXAMPLES = {
  iso: '2022-01-31 11:46:00',
  'mdy-12h': '05/01/2022 12:00:03 AM',
  'mdy-24h': '05/01/2022 00:00:03',
  'dmy-24h': '01/05/2022 00:00:03',
  auto: '2022-01-31 11:46:00 or 05/01/2022 12:00:03 AM',
} as const satisfies Record<CreatedFormat, string>;

const UNIX = /^(\d{10}(?:\.\d+)?|\d{13})$/;

/** Seconds since 1970 of a Unix time in seconds (10 digits) or milliseconds (13), else undefined. */
function unixTime(t: string): number | undefined {
  if (!UNIX.test(t)) return undefined;
  return t.length === 13 ? Number(t) / 1000 : Number(t);
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/;
const SLASHED = /^(\d{1,2})\/(\d{1,2})\/(\d{4})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AaPp][Mm]))?$/;

function wallClock(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number | undefined {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second >= 60) return undefined;
  const days = daysFromCivil(year, month, day);
  const back = civilFromDays(days);
  if (back.month !== month || back.day !== day) return undefined; // 02/30 and friends
  return days * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second;
}

/**
 * Seconds since 1970-01-01 00:00 of the local wall-clock time written in `text`, or `undefined` when
 * the text is not a real time in that format. No time zone is applied: only differences between
 * rows and the calendar day matter to a trace. (Across a daylight-saving change the clock jumps; the
 * trace follows the clock as written.)
 */
export function parseCreatedTime(text: string, format: CreatedFormat): number | undefined {
  if (format === 'auto') {
    return (
      parseCreatedTime(text, 'iso') ??
      parseCreatedTime(text, 'mdy-12h') ??
      parseCreatedTime(text, 'mdy-24h') ??
      unixTime(text.trim())
    );
  }
  const t = text.trim();
  if (format === 'iso') {
    const m = ISO.exec(t);
    if (!m) return undefined;
    const fraction = m[7] ? Number(m[7]) : 0;
    const s = wallClock(
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
      Number(m[4]),
      Number(m[5]),
      Number(m[6] ?? 0),
    );
    return s === undefined ? undefined : s + fraction;
  }
  const m = SLASHED.exec(t);
  if (!m) return undefined;
  const meridiem = m[7]?.toUpperCase();
  if ((format === 'mdy-12h') !== (meridiem !== undefined)) return undefined;
  let hour = Number(m[4]);
  if (meridiem !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'PM' ? 12 : 0);
  }
  const [first, second] = [Number(m[1]), Number(m[2])];
  const [month, day] = format === 'dmy-24h' ? [second, first] : [first, second];
  return wallClock(Number(m[3]), month, day, hour, Number(m[5]), Number(m[6] ?? 0));
}

/** `YYYY-MM-DD` of the day holding `seconds` (seconds since 1970-01-01 00:00 wall clock). */
export function isoDay(seconds: number): string {
  const { year, month, day } = civilFromDays(Math.floor(seconds / SECONDS_PER_DAY));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `YYYY-MM-DD HH:mm:ss` of `seconds` (seconds since 1970-01-01 00:00 wall clock), for summaries. */
export function formatWallClock(seconds: number): string {
  const s = Math.floor(seconds - Math.floor(seconds / SECONDS_PER_DAY) * SECONDS_PER_DAY);
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${isoDay(seconds)} ${hh}:${mm}:${ss}`;
}
