import type { CategoryId } from '@hotline-sim/shared';
import { BUILT_IN_CATEGORY_TABLES, CategoryMap } from './category-map';
import { BUILT_IN_CHANNELS, ChannelMap, channelByKeywords, type Channel } from './channel-map';
import { parseCreatedTime } from './created-time';
import { ImportError } from './import-error';
import { categoryByKeywords } from './keywords';
import { missingColumns } from './layouts';
import { isEmptyValue, readLatLon, readPoint, type Location } from './location';
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
  private readonly point: number | undefined;
  private readonly channel: number | undefined;
  private readonly agency: number | undefined;
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
    this.point = at(layout.point);
    this.channel = at(layout.channel);
    this.agency = at(layout.agency);
    this.categories = new CategoryMap(
      [...BUILT_IN_CATEGORY_TABLES, layout.categories],
      layout.fallbackCategory,
    );
    this.channels = new ChannelMap([BUILT_IN_CHANNELS, layout.channels]);
  }

  /**
   * The category of a row's type values (in the layout's order): a table's entry for any of them
   * first, else the first their keywords give, else the agency's keywords; `undefined` when nothing
   * knows (the caller counts the row under its first type).
   */
  private categoryOf(types: readonly string[], agency: string): CategoryId | undefined {
    for (const t of types) {
      const known = this.categories.lookup(t);
      if (known !== undefined) return known;
    }
    for (const t of [...types, agency]) {
      const guessed = categoryByKeywords(t);
      if (guessed !== undefined) return guessed;
    }
    return undefined;
  }

  /** Read one row's fields (as the CSV parser split them). */
  read(fields: readonly string[]): RowOutcome {
    if (fields.length !== this.width) return { ok: false, reason: 'column-count' };
    const field = (i: number | undefined) => (i === undefined ? '' : (fields[i] ?? ''));

    const time = parseCreatedTime(field(this.created), this.layout.created.format);
    if (time === undefined) return { ok: false, reason: 'bad-time' };

    const location: Location =
      this.lat !== undefined
        ? readLatLon(field(this.lat), field(this.lon))
        : this.point !== undefined
          ? readPoint(field(this.point))
          : null;
    if (location === 'bad') return { ok: false, reason: 'bad-location' };

    const types = this.types.map(field).filter((t) => !isEmptyValue(t));
    const category = this.categoryOf(types, field(this.agency));
    const type = types[0] ?? '';

    const channelText = field(this.channel).trim();
    // An empty channel says nothing, like NYC's "UNKNOWN"; only values nothing knows are counted.
    const known =
      this.channel === undefined || isEmptyValue(channelText) ? null : this.channels.lookup(channelText);
    const channel = known === undefined ? channelByKeywords(channelText) : known;

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
