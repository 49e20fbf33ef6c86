import type { Layout } from './mapping';

/**
 * NYC 311 Service Requests (NYC Open Data): `Created Date` as `MM/DD/YYYY hh:mm:ss AM/PM`,
 * `Complaint Type`, `Open Data Channel Type` (PHONE / ONLINE / MOBILE / UNKNOWN), `Latitude`,
 * `Longitude`.
 */
export const NYC_LAYOUT: Layout = {
  name: 'nyc',
  created: { column: 'Created Date', format: 'mdy-12h' },
  type: ['Complaint Type'],
  lat: 'Latitude',
  lon: 'Longitude',
  channel: 'Open Data Channel Type',
  categories: {},
  channels: {},
  fallbackCategory: 'policy-consultation',
};

/**
 * Boston 311 Service Requests (Analyze Boston): `open_dt` as `YYYY-MM-DD HH:mm:ss`, the type from
 * `type` (else `reason`, else `case_title`), `source` (Constituent Call, Citizens Connect App, City
 * Worker App, ...), `latitude`, `longitude`.
 */
export const BOSTON_LAYOUT: Layout = {
  name: 'boston',
  created: { column: 'open_dt', format: 'iso' },
  type: ['type', 'reason', 'case_title'],
  lat: 'latitude',
  lon: 'longitude',
  channel: 'source',
  categories: {},
  channels: {},
  fallbackCategory: 'policy-consultation',
};

/** The built-in layouts by name, for `--layout`. */
export const LAYOUTS = { nyc: NYC_LAYOUT, boston: BOSTON_LAYOUT } as const;

/** Name of a built-in layout. */
export type LayoutName = keyof typeof LAYOUTS;

/** Every column a layout reads, in the order the summary names them. */
export function layoutColumns(layout: Layout): string[] {
  return [
    layout.created.column,
    ...layout.type,
    ...[layout.lat, layout.lon, layout.point, layout.channel, layout.closed, layout.agency].filter(
      (c): c is string => c !== undefined,
    ),
  ];
}

/** The columns of `layout` missing from `header`. */
export function missingColumns(layout: Layout, header: readonly string[]): string[] {
  const have = new Set(header);
  return layoutColumns(layout).filter((c) => !have.has(c));
}

/**
 * The built-in layout whose columns all appear in `header` (names trimmed, exact case), or
 * `undefined` when none fits.
 */
export function detectLayout(header: readonly string[]): Layout | undefined {
  return Object.values(LAYOUTS).find((layout) => missingColumns(layout, header).length === 0);
}

/** The columns a layout reads, by role, for the summary: `created "Opened", type "Request Type", ...`. */
export function describeColumns(layout: Layout): string {
  const roles: [string, string | readonly string[] | undefined][] = [
    ['created', layout.created.column],
    ['type', layout.type],
    ['lat', layout.lat],
    ['lon', layout.lon],
    ['point', layout.point],
    ['channel', layout.channel],
    ['closed', layout.closed],
    ['agency', layout.agency],
  ];
  return roles
    .flatMap(([role, c]) => {
      if (c === undefined) return [];
      const names = typeof c === 'string' ? [c] : c;
      return [`${role} ${names.map((n) => `"${n}"`).join(' / ')}`];
    })
    .join(', ');
}
