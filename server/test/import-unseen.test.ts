import { readFileSync, readdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../src/import';

/**
 * 311 exports of cities the importer was not written for (see fixtures/unseen-311/SOURCES.md): no
 * mapping file, no table of their types. Each must land ≥ 80 % of its rows in a specific category
 * and read every location the file holds.
 */
const dir = fileURLToPath(new URL('./fixtures/unseen-311/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));

/** A field holding coordinates: a number with decimals, or a `(lat, lon)` pair. */
const COORDINATE = /^\(?\s*-?\d{1,3}\.\d+\s*(?:,\s*-?\d{1,3}\.\d+\s*\)?)?$/;

/** Rows with a non-zero coordinate somewhere, counted without the importer's help. */
function rowsWithCoordinates(text: string): number {
  const records: string[][] = parse(text, { bom: true, from_line: 2, relax_column_count: true });
  return records.filter((r) => r.some((f) => COORDINATE.test(f.trim()) && Number(f) !== 0)).length;
}

describe('311 exports of unseen cities', () => {
  it('are all here: at least two cities', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  for (const file of files) {
    it(`${file}: ≥ 80 % in a specific category, every location read`, async () => {
      const text = readFileSync(`${dir}${file}`, 'utf8');
      const result = await importCsv(Readable.from([text]));
      expect(result.layout).toBe('recognised');
      expect(result.malformed).toEqual({});
      const catchAll = result.byCategory.find(([id]) => id === result.fallbackCategory)?.[1] ?? 0;
      expect((result.imported - catchAll) / result.imported).toBeGreaterThanOrEqual(0.8);
      expect(result.imported - result.withoutLocation).toBe(rowsWithCoordinates(text));
    });
  }
});
