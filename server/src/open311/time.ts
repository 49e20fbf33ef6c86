/** Beijing keeps UTC+8 all year. */
const OFFSET_MS = 8 * 3600_000;

/**
 * Virtual seconds of a run (0 = midnight of its `start` day in Beijing) as ISO 8601 with the time
 * zone, whole seconds: `2025-03-12T09:15:00+08:00`.
 */
export function virtualToIso(start: string, seconds: number): string {
  const local = Date.parse(`${start}T00:00:00Z`) + Math.floor(seconds) * 1000;
  return `${new Date(local).toISOString().slice(0, 19)}+08:00`;
}

/** A wall time (ms since the epoch) as ISO 8601 Beijing time, whole seconds. */
export function wallToIso(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000 + OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** An ISO 8601 date-time (with a zone, or read as Beijing time) as ms since the epoch; NaN when unreadable. */
export function isoToWall(iso: string): number {
  return Date.parse(/([zZ]|[+-]\d\d:?\d\d)$/.test(iso) ? iso : `${iso}+08:00`);
}

/** An ISO 8601 date-time as whole seconds since the epoch (what a filter compares); NaN when unreadable. */
export const isoToSecond = (iso: string): number => Math.floor(isoToWall(iso) / 1000);

/** An ISO 8601 date-time (with a zone, or read as Beijing time) as virtual seconds of a run; NaN when unreadable. */
export function isoToVirtual(start: string, iso: string): number {
  const ms = isoToWall(iso);
  if (!Number.isFinite(ms)) return NaN;
  return (ms + OFFSET_MS - Date.parse(`${start}T00:00:00Z`)) / 1000;
}

/**
 * A date or date-time as clients send it, made ISO 8601: a date alone is its midnight
 * (`2025-03-12` → `2025-03-12T00:00:00`), and a zone whose `+` reached us unencoded (a space, as
 * query strings decode it: `…T09:00:00 08:00`) gets its `+` back.
 */
export function normalizeIso(value: string): string {
  const v = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return `${v}T00:00:00`;
  return v.replace(/(\d) (\d\d:?\d\d)$/, '$1+$2');
}
