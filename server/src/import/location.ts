/** A row's place: coordinates, `null` for none, or `'bad'` for a malformed one (the row is counted). */
export type Location = { lat: number; lon: number } | null | 'bad';

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const NUMBER = '([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)';
/** `(lat, lon)`, the brackets optional: Socrata's point as San Francisco and Los Angeles export it. */
const PAIR = new RegExp(`^\\(?\\s*${NUMBER}\\s*,\\s*${NUMBER}\\s*\\)?$`);
/** WKT `POINT (lon lat)`. */
const WKT = new RegExp(`^POINT\\s*\\(\\s*${NUMBER}\\s+${NUMBER}\\s*\\)$`, 'i');

/** Values exports write for "no value" (R's NA, spreadsheets' N/A, databases' NULL). */
const EMPTY = new Set(['', 'na', 'n/a', 'null', 'none', 'nan', '-']);

/** Whether a field says nothing. */
export function isEmptyValue(text: string): boolean {
  return EMPTY.has(text.trim().toLowerCase());
}

/** Coordinates are kept to 6 decimals (about 0.1 m), which is all any 311 geocoder resolves. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

function checked(lat: number, lon: number): Location {
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return 'bad';
  if (lat === 0 && lon === 0) return null; // a common "not geocoded" placeholder
  return { lat: round6(lat), lon: round6(lon) };
}

/**
 * Separate latitude and longitude fields. Both empty (or NA, NULL, ...) or exactly (0, 0): no
 * location, not malformed. One without the other, text, or out of range: `'bad'`.
 */
export function readLatLon(latText: string, lonText: string): Location {
  const [la, lo] = [latText.trim(), lonText.trim()];
  if (isEmptyValue(la) && isEmptyValue(lo)) return null;
  if (!DECIMAL.test(la) || !DECIMAL.test(lo)) return 'bad';
  return checked(Number(la), Number(lo));
}

/**
 * A combined point field: `(lat, lon)` or WKT `POINT (lon lat)`. Anything else (empty, an address)
 * is no location; a pair out of range is `'bad'`.
 */
export function readPoint(text: string): Location {
  const t = text.trim();
  const pair = PAIR.exec(t);
  if (pair) return checked(Number(pair[1]), Number(pair[2]));
  const wkt = WKT.exec(t);
  if (wkt) return checked(Number(wkt[2]), Number(wkt[1]));
  return null;
}
