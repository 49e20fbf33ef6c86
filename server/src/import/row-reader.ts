import type { CategoryId } from '@hotline-sim/shared';
import { BUILT_IN_CATEGORY_TABLES, CategoryMap } from './category-map';
import { BUILT_IN_CHANNELS, ChannelMap, type Channel } from './channel-map';
import { parseCreatedTime } from './created-time';
import { ImportError } from './import-error';
import { missingColumns } from './layouts';
import type { Layout } from './mapping';

/** Why a row was not imported. Each is counted in the summary with example line numbers. */
export const MALFORMED_REASONS = {
  'csv-syntax': 'CSV syntax error',
  'column-count': 'wrong column count',
  'bad-time': 'unparseable created time',
  'bad-location': 'lat/lon not a number, out of range, or only one of them',
} as const;

/** One of {@link MALFORMED_REASONS}. */
export type MalformedReason = keyof typeof MALFORMED_REASONS;

/** A row that became a contact, its time still absolute (seconds since 1970-01-01, wall clock). */
export interface ImportedRow {
  readonly time: number;
  readonly category: CategoryId;
  readonly lon?: number;
  readonly lat?: number;
  readonly channel?: Channel;
  /** The source type when no table knew it (the row went to the fallback category). */
  readonly unmappedType?: string;
  /** The source channel value when no table knew it (the row has no channel). */
  readonly unknownChannel?: string;
}

/** What became of one row. */
export type RowOutcome =
  { readonly ok: true; readonly row: ImportedRow } | { readonly ok: false; readonly reason: MalformedReason };

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Coordinates are kept to 6 decimals (about 0.1 m), which is all any 311 geocoder resolves. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

type Location = { lat: number; lon: number } | null | 'bad';

/** Both empty, or exactly (0, 0) (a common "not geocoded" placeholder): no location, not malformed. */
function readLocation(latText: string, lonText: string): Location {
  const [la, lo] = [latText.trim(), lonText.trim()];
  if (la === '' && lo === '') return null;
  if (!DECIMAL.test(la) || !DECIMAL.test(lo)) return 'bad';
  const [lat, lon] = [Number(la), Number(lo)];
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return 'bad';
  if (lat === 0 && lon === 0) return null;
  return { lat: round6(lat), lon: round6(lon) };
}

/**
 * Turns the fields of one data row into a contact, given the export's header and layout. Pure: the
 * caller counts outcomes.
 */
export class RowReader {
  private readonly width: number;
  private readonly created: number;
  private readonly types: readonly number[];
  private readonly lat: number | undefined;
  private readonly lon: number | undefined;
  private readonly channel: number | undefined;
  private readonly categories: CategoryMap;
  private readonly channels: ChannelMap;

  /** Throws an {@link ImportError} when the header lacks a column the layout reads. */
  constructor(
    readonly layout: Layout,
    header: readonly string[],
  ) {
    const missing = missingColumns(layout, header);
    if (missing.length > 0) {
      throw new ImportError(
        `the header has no column ${missing.map((c) => `"${c}"`).join(', ')} (layout ${layout.name})`,
      );
    }
    const at = (c: string | undefined) => (c === undefined ? undefined : header.indexOf(c));
    this.width = header.length;
    this.created = header.indexOf(layout.created.column);
    this.types = layout.type.map((c) => header.indexOf(c));
    this.lat = at(layout.lat);
    this.lon = at(layout.lon);
    this.channel = at(layout.channel);
    this.categories = new CategoryMap(
      [...BUILT_IN_CATEGORY_TABLES, layout.categories],
      layout.fallbackCategory,
    );
    this.channels = new ChannelMap([BUILT_IN_CHANNELS, layout.channels]);
  }

  /** Read one row's fields (as the CSV parser split them). */
  read(fields: readonly string[]): RowOutcome {
    if (fields.length !== this.width) return { ok: false, reason: 'column-count' };
    const field = (i: number | undefined) => (i === undefined ? '' : (fields[i] ?? ''));

    const time = parseCreatedTime(field(this.created), this.layout.created.format);
    if (time === undefined) return { ok: false, reason: 'bad-time' };

    const location = this.lat === undefined ? null : readLocation(field(this.lat), field(this.lon));
    if (location === 'bad') return { ok: false, reason: 'bad-location' };

    const type = this.types.map(field).find((t) => t.trim() !== '') ?? '';
    const category = this.categories.lookup(type);

    const channelText = field(this.channel).trim();
    // An empty channel says nothing, like NYC's "UNKNOWN"; only values no table knows are counted.
    const channel =
      this.channel === undefined || channelText === '' ? null : this.channels.lookup(channelText);

    return {
      ok: true,
      row: {
        time,
        category: category ?? this.categories.fallback,
        ...(location ?? {}),
        ...(channel ? { channel } : {}),
        ...(category === undefined ? { unmappedType: type.trim().replace(/\s+/g, ' ') || '(empty)' } : {}),
        ...(channel === undefined ? { unknownChannel: channelText } : {}),
      },
    };
  }
}
