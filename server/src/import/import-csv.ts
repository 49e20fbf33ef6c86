import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parse, type CsvError } from 'csv-parse';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, type CategoryId } from '@hotline-sim/shared';
import type { Channel } from './channel-map';
import { isoDay } from './created-time';
import { ImportError } from './import-error';
import { inferLayout } from './infer-layout';
import { describeColumns, detectLayout } from './layouts';
import type { Layout } from './mapping';
import { RowReader, type ImportedRow, type MalformedReason } from './row-reader';

/** How many example line numbers the summary keeps per malformed reason. */
export const EXAMPLE_LINES = 5;

/** One contact of the trace, as the scenario's `arrivals.trace` holds it. */
export interface TraceEntry {
  /** Seconds since midnight of the first day. */
  readonly at: number;
  readonly category: CategoryId;
  readonly lon?: number;
  readonly lat?: number;
  readonly channel?: Channel;
}

/** Malformed rows of one reason: how many, and the first few line numbers (1-based, header = 1). */
export interface MalformedCount {
  count: number;
  lines: number[];
}

/** Everything an import found: the trace and the counts the summary prints. */
export interface ImportResult {
  /** Name of the layout used (`nyc`, `boston`, `recognised`, or the mapping's name). */
  readonly layout: string;
  /** The columns read, by role (see {@link describeColumns}). */
  readonly columns: string;
  /** Data rows seen (the header not counted): imported + malformed. */
  readonly rowsRead: number;
  readonly imported: number;
  readonly malformed: Readonly<Partial<Record<MalformedReason, MalformedCount>>>;
  /** Source types no table knew (imported as the fallback category), most frequent first. */
  readonly unmappedTypes: readonly (readonly [string, number])[];
  /** The category rows of unknown type went to. */
  readonly fallbackCategory: CategoryId;
  /** Channel values no table knew (imported without a channel), most frequent first. */
  readonly unknownChannels: readonly (readonly [string, number])[];
  /** Imported rows without a location (empty, or the (0, 0) placeholder). */
  readonly withoutLocation: number;
  /** Imported rows per category, most frequent first. */
  readonly byCategory: readonly (readonly [CategoryId, number])[];
  /** Imported rows per channel (`none`: the source did not say). */
  readonly byChannel: Readonly<Record<Channel | 'none', number>>;
  /** Wall-clock seconds since 1970-01-01 of the earliest and latest imported row. */
  readonly firstTime: number;
  readonly lastTime: number;
  /** Calendar day of the earliest row: the scenario's `start`; `at` counts from its midnight. */
  readonly start: string;
  /** Hours from that midnight to the hour after the last arrival (so the last one is inside the run). */
  readonly hours: number;
  /** The contacts in time order (rows with equal times keep their file order). */
  readonly trace: readonly TraceEntry[];
}

/** What to import with. */
export interface ImportOptions {
  /** The layout to read; omitted: detect a built-in one from the header. */
  readonly layout?: Layout;
  /** Called every few thousand rows with the bytes parsed so far (for a progress bar). */
  readonly onProgress?: (bytes: number) => void;
}

function counted<K extends string>(counts: Map<K, number>): [K, number][] {
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function bump<K>(counts: Map<K, number>, key: K): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function headerPreview(header: readonly string[]): string {
  const shown = header.slice(0, 6).join(', ');
  return header.length > 6 ? `${shown}, ... (${header.length} columns)` : shown;
}

/** The layout {@link inferLayout} recognises, or an error that shows the header and asks for a mapping. */
function recognise(header: readonly string[]): Layout {
  try {
    return inferLayout(header);
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    throw new ImportError(
      `unknown layout (header: ${headerPreview(header)}): ${e.message.replace(/^cannot recognise the layout: /, '')}; ` +
        'give --mapping with a column mapping',
    );
  }
}

/**
 * Read a 311 export (CSV, UTF-8, first line the header) into an arrival trace. Bad rows never stop
 * the import: each is counted under a {@link MalformedReason} with example line numbers. Throws an
 * {@link ImportError} when the layout is unknown (no `layout` given, no built-in one fits and the
 * columns say no created time or type: see {@link inferLayout}), when the
 * header lacks a column the layout reads, or when no row could be imported.
 *
 * CSV is parsed by csv-parse with `relax_quotes` (a stray quote inside a field is kept as text) and
 * blank lines skipped; a quoting error it cannot recover from counts as `csv-syntax`.
 */
export async function importCsv(source: Readable, options: ImportOptions = {}): Promise<ImportResult> {
  let reader: RowReader | undefined;
  const rows: ImportedRow[] = [];
  const malformed: Partial<Record<MalformedReason, MalformedCount>> = {};
  const unmapped = new Map<string, number>();
  const unknownChannels = new Map<string, number>();
  let rowsRead = 0;
  // Where the last record ended, to give the line a record starts on (quoted fields may span lines).
  let lastLine = 0;
  let lastEmpty = 0;

  const countMalformed = (reason: MalformedReason, line: number) => {
    const m = (malformed[reason] ??= { count: 0, lines: [] });
    m.count++;
    if (m.lines.length < EXAMPLE_LINES) m.lines.push(line);
  };

  const onRecord = (record: string[], info: { lines: number; empty_lines: number; bytes: number }) => {
    const line = lastLine + 1 + (info.empty_lines - lastEmpty);
    lastLine = info.lines;
    lastEmpty = info.empty_lines;
    if (!reader) {
      const header = record.map((h) => h.trim());
      reader = new RowReader(options.layout ?? detectLayout(header) ?? recognise(header), header);
      return null;
    }
    rowsRead++;
    const outcome = reader.read(record);
    if (!outcome.ok) {
      countMalformed(outcome.reason, line);
    } else {
      rows.push(outcome.row);
      if (outcome.row.unmappedType !== undefined) bump(unmapped, outcome.row.unmappedType);
      if (outcome.row.unknownChannel !== undefined) bump(unknownChannels, outcome.row.unknownChannel);
    }
    if (options.onProgress && rowsRead % 4096 === 0) options.onProgress(info.bytes);
    return null; // every record is handled here, in file order; nothing flows downstream
  };

  const onSkip = (err: CsvError | undefined): undefined => {
    const line = lastLine + 1;
    const end = err?.['lines'];
    lastLine = typeof end === 'number' ? end : line;
    if (!reader)
      throw new ImportError(`the header line is not valid CSV: ${err?.message ?? 'unknown error'}`);
    rowsRead++;
    countMalformed('csv-syntax', line);
    return undefined;
  };

  const parser = parse({
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_record: onRecord,
    on_skip: onSkip,
  });
  const sink = new Writable({ objectMode: true, write: (_record, _encoding, done) => done() });
  await pipeline(source, parser, sink);

  if (!reader) throw new ImportError('the file is empty: no header line');
  const imported = rows.length;
  if (imported === 0) {
    const why = Object.entries(malformed)
      .map(([reason, m]) => `${m.count} ${reason}`)
      .join(', ');
    throw new ImportError(`no row imported: ${rowsRead} data row(s)${why ? `, malformed: ${why}` : ''}`);
  }

  let firstTime = Infinity;
  let lastTime = -Infinity;
  for (const r of rows) {
    if (r.time < firstTime) firstTime = r.time;
    if (r.time > lastTime) lastTime = r.time;
  }
  const day0 = Math.floor(firstTime / SECONDS_PER_DAY) * SECONDS_PER_DAY;
  const byCategory = new Map<CategoryId, number>();
  const byChannel: Record<Channel | 'none', number> = { phone: 0, web: 0, app: 0, grid: 0, none: 0 };
  let withoutLocation = 0;
  const trace: TraceEntry[] = rows
    .map((r): TraceEntry => {
      bump(byCategory, r.category);
      byChannel[r.channel ?? 'none']++;
      if (r.lat === undefined) withoutLocation++;
      return {
        // Fractional seconds are kept to the millisecond.
        at: Math.round((r.time - day0) * 1000) / 1000,
        category: r.category,
        ...(r.lat === undefined ? {} : { lon: r.lon, lat: r.lat }),
        ...(r.channel ? { channel: r.channel } : {}),
      };
    })
    .sort((a, b) => a.at - b.at);
  const lastAt = trace[trace.length - 1]?.at ?? 0;

  return {
    layout: reader.layout.name,
    columns: describeColumns(reader.layout),
    rowsRead,
    imported,
    malformed,
    unmappedTypes: counted(unmapped),
    fallbackCategory: reader.layout.fallbackCategory,
    unknownChannels: counted(unknownChannels),
    withoutLocation,
    byCategory: counted(byCategory),
    byChannel,
    firstTime,
    lastTime,
    start: isoDay(day0),
    hours: Math.floor(lastAt / SECONDS_PER_HOUR) + 1,
    trace,
  };
}
