import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isCategoryId, runScenario, validateScenario } from '@hotline-sim/shared';
import {
  BOSTON_CATEGORIES,
  BUILT_IN_CHANNELS,
  NYC_CATEGORIES,
  detectLayout,
  importCsv,
  parseCreatedTime,
  parseMapping,
} from '../src/import';
import { hotline } from './run-cli';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'hotline-import-'));
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('created time formats', () => {
  it('reads NYC 12-hour times, midnight and noon included', () => {
    const day = Date.UTC(2022, 4, 1) / 1000;
    expect(parseCreatedTime('05/01/2022 12:00:03 AM', 'mdy-12h')).toBe(day + 3);
    expect(parseCreatedTime('05/01/2022 12:59:53 PM', 'mdy-12h')).toBe(day + 12 * 3600 + 59 * 60 + 53);
    expect(parseCreatedTime('05/01/2022 01:00:01 PM', 'mdy-12h')).toBe(day + 13 * 3600 + 1);
  });

  it('reads ISO-like, 24-hour and day-first times as wall clock', () => {
    const day = Date.UTC(2022, 0, 31) / 1000;
    expect(parseCreatedTime('2022-01-31 11:46:00', 'iso')).toBe(day + 11 * 3600 + 46 * 60);
    expect(parseCreatedTime('2022-01-31T11:46:00.250', 'iso')).toBe(day + 11 * 3600 + 46 * 60 + 0.25);
    expect(parseCreatedTime('01/31/2022 23:05', 'mdy-24h')).toBe(day + 23 * 3600 + 5 * 60);
    expect(parseCreatedTime('31/01/2022 23:05:00', 'dmy-24h')).toBe(day + 23 * 3600 + 5 * 60);
  });

  it('refuses impossible dates, wrong formats and UTC offsets', () => {
    for (const [text, format] of [
      ['2022-02-30 10:00:00', 'iso'],
      ['2022-01-31 24:00:00', 'iso'],
      ['2022-01-31T11:46:00Z', 'iso'],
      ['05/01/2022 13:00:00 PM', 'mdy-12h'],
      ['05/01/2022 10:00:00', 'mdy-12h'],
      ['05/01/2022 10:00:00 AM', 'mdy-24h'],
      ['not a date', 'iso'],
      ['', 'mdy-12h'],
    ] as const) {
      expect(parseCreatedTime(text, format), `${text} as ${format}`).toBeUndefined();
    }
  });
});

describe('category and channel tables', () => {
  it('map only to catalogue categories', () => {
    for (const id of [...Object.values(NYC_CATEGORIES), ...Object.values(BOSTON_CATEGORIES)]) {
      expect(isCategoryId(id), id).toBe(true);
    }
  });

  it("treat a city worker's report as a grid discovery", () => {
    expect(BUILT_IN_CHANNELS['City Worker App']).toBe('grid');
    expect(BUILT_IN_CHANNELS['Employee Generated']).toBe('grid');
    expect(BUILT_IN_CHANNELS['Constituent Call']).toBe('phone');
    expect(BUILT_IN_CHANNELS.ONLINE).toBe('web');
  });
});

describe('layout detection', () => {
  const headerOf = (name: string) =>
    (readFileSync(fixture(name), 'utf8').split('\n')[0] ?? '').split(',').map((h) => h.trim());

  it('recognises the NYC and Boston exports by their header, and nothing else', () => {
    expect(detectLayout(headerOf('nyc311-2022-05-01-sample.csv'))?.name).toBe('nyc');
    expect(detectLayout(headerOf('boston311-100.csv'))?.name).toBe('boston');
    expect(detectLayout(['a', 'b', 'c'])).toBeUndefined();
  });
});

describe('mapping files', () => {
  it('name every bad field by its path', () => {
    const bad = JSON.stringify({
      created: { column: 'when', format: 'unix' },
      type: [],
      lat: 'y',
      categories: { Pothole: 'potholes' },
    });
    expect(() => parseMapping(bad, 'm.json')).toThrow(/^m\.json is invalid: created\.format: .*"unix"/);
    expect(() => parseMapping(bad, 'm.json')).toThrow(/; type: /);
    expect(() => parseMapping(bad, 'm.json')).toThrow(/categories\.Pothole: must be a catalogue category id/);
    expect(() =>
      parseMapping(
        JSON.stringify({ created: { column: 'w', format: 'iso' }, type: 't', lat: 'y' }),
        'm.json',
      ),
    ).toThrow(/lat: give both lat and lon columns, or neither/);
    expect(() => parseMapping('{ nope', 'm.json')).toThrow(/^m\.json is not valid JSON/);
  });
});

describe('importing the real samples', () => {
  it('imports all 924 rows of the NYC sample on 2022-05-01, 00:00:03 to 02:06:26', async () => {
    const result = await importCsv(Readable.from([readFileSync(fixture('nyc311-2022-05-01-sample.csv'))]));
    expect(result.layout).toBe('nyc');
    expect(result.rowsRead).toBe(924);
    expect(result.imported).toBe(924);
    expect(result.malformed).toEqual({});
    expect(result.unmappedTypes).toEqual([]);
    expect(result.withoutLocation).toBe(11);
    expect(result.byChannel).toEqual({ phone: 139, web: 501, app: 280, grid: 0, none: 4 });
    expect(result.start).toBe('2022-05-01');
    expect(result.hours).toBe(3);
    expect(result.trace[0]?.at).toBe(3);
    expect(result.trace.at(-1)?.at).toBe(2 * 3600 + 6 * 60 + 26);
    expect(result.byCategory[0]).toEqual(['noise-nuisance', 379 + 159 + 116 + 67 + 6 + 2]);
  });

  it('imports all 100 rows of the Boston sample, City Worker App cases as grid discoveries', async () => {
    const result = await importCsv(Readable.from([readFileSync(fixture('boston311-100.csv'))]));
    expect(result.layout).toBe('boston');
    expect(result.rowsRead).toBe(100);
    expect(result.imported).toBe(100);
    expect(result.malformed).toEqual({});
    // ISD's "Electrical" is in no table; its keyword gives power-supply.
    expect(result.unmappedTypes).toEqual([['Animal Generic Request', 1]]);
    expect(result.byChannel).toEqual({ phone: 30, web: 3, app: 56, grid: 11, none: 0 });
    expect(result.start).toBe('2022-01-01');
    // 2022-01-31 11:46 is 30 days and 11.8 h after the first midnight.
    expect(result.hours).toBe(30 * 24 + 12);
    const times = result.trace.map((e) => e.at);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  for (const [file, rows, hours] of [
    ['nyc311-2022-05-01-sample.csv', 924, 3],
    ['boston311-100.csv', 100, 732],
  ] as const) {
    it(`writes a scenario from ${file} that validates as is and runs`, async () => {
      const out = join(dir, `${file}.json`);
      const { code, stdout, stderr } = await hotline('import', fixture(file), '--out', out);
      expect(code).toBe(0);
      expect(stdout).toBe('');
      expect(stderr).toContain(`${rows} rows read, ${rows} imported, 0 malformed`);
      expect(stderr).toMatch(/time span: 2022-0\d-01 /);
      const scenario = validateScenario(JSON.parse(readFileSync(out, 'utf8')), out);
      expect(scenario.arrivals.trace).toHaveLength(rows);
      expect(scenario.arrivals.perHour).toBeUndefined();
      expect(scenario.hours).toBe(hours);
      expect(scenario.warmupHours).toBe(0);
      expect(scenario.description).toMatch(/assumed, not from the data/);
      const report = runScenario(scenario, { replications: 3 });
      expect(report.kpis.contacts.mean).toBe(rows);
    });
  }

  it('names the scenario with --name and prints the unmapped types with counts', async () => {
    const out = join(dir, 'named.json');
    const { code, stderr } = await hotline(
      'import',
      fixture('boston311-100.csv'),
      '-o',
      out,
      '--name',
      'bos',
    );
    expect(code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).name).toBe('bos');
    expect(stderr).toMatch(/unmapped types: 1 row\(s\) of 1 type\(s\) → policy-consultation/);
    expect(stderr).toMatch(/ 1 {2}Animal Generic Request\n/);
    expect(stderr).toMatch(/grid 11/);
  });
});

describe('malformed rows', () => {
  // Boston's columns (a subset is enough to be recognised), with broken rows on known lines.
  const csv = [
    'case_enquiry_id,open_dt,type,reason,case_title,latitude,longitude,source', // line 1
    '1,2022-03-01 08:00:00,Request for Pothole Repair,,,42.35,-71.06,Constituent Call', // 2: ok
    '2,2022-03-01 08:05:00,Parking Enforcement,,,,,City Worker App', // 3: ok, no location
    '3,yesterday,Parking Enforcement,,,42.35,-71.06,Constituent Call', // 4: bad time
    '4,2022-03-01 09:00:00,Parking Enforcement,,,42.35', // 5: 6 columns
    '5,2022-03-01 09:10:00,Parking Enforcement,,,142.35,-71.06,Constituent Call', // 6: lat out of range
    '6,2022-03-01 09:20:00,Parking Enforcement,,,north,-71.06,Constituent Call', // 7: lat not a number
    '7,2022-03-01 09:30:00,"Alien, Abduction",,,42.35,-71.06,Carrier Pigeon', // 8: ok, unmapped
    '', // 9: blank, skipped
    '8,2022-03-02 00:30:00,,Street Cleaning,,42.35,-71.06,Employee Generated', // 10: ok, type from reason
    '9,2022-02-30 10:00:00,Parking Enforcement,,,42.35,-71.06,Constituent Call', // 11: no such day
    '10,2022-03-01 23:59:59,"Alien, Abduction",,,0,0,Self Service', // 12: ok, (0, 0) is no location
    '11,2022-03-01 10:00:00,Parking Enforcement,,,42.35,-71.06,Constituent Call,extra', // 13: 9 columns
  ].join('\n');

  it('counts each reason with its lines and imports the rest', async () => {
    const result = await importCsv(Readable.from([csv]));
    expect(result.rowsRead).toBe(11);
    expect(result.imported).toBe(5);
    expect(result.malformed).toEqual({
      'bad-time': { count: 2, lines: [4, 11] },
      'column-count': { count: 2, lines: [5, 13] },
      'bad-location': { count: 2, lines: [6, 7] },
    });
    expect(result.unmappedTypes).toEqual([['Alien, Abduction', 2]]);
    expect(result.unknownChannels).toEqual([['Carrier Pigeon', 1]]);
    expect(result.withoutLocation).toBe(2);
    expect(result.start).toBe('2022-03-01');
    expect(result.hours).toBe(25);
    expect(result.trace.map((e) => [e.at, e.category, e.channel])).toEqual([
      [8 * 3600, 'municipal-facilities', 'phone'],
      [8 * 3600 + 300, 'illegal-parking', 'grid'],
      [9 * 3600 + 1800, 'policy-consultation', undefined],
      [24 * 3600 - 1, 'policy-consultation', 'web'],
      [24 * 3600 + 1800, 'garbage', 'grid'],
    ]);
    expect(result.trace[0]).toEqual({
      at: 8 * 3600,
      category: 'municipal-facilities',
      lon: -71.06,
      lat: 42.35,
      channel: 'phone',
    });
  });

  it('reports them in the CLI summary and still writes the scenario', async () => {
    const out = join(dir, 'broken.json');
    const { code, stderr } = await hotline('import', write('broken.csv', csv), '--out', out);
    expect(code).toBe(0);
    expect(stderr).toContain('broken.csv (boston layout): 11 rows read, 5 imported, 6 malformed');
    expect(stderr).toContain('malformed, unparseable created time: 2 (line 4, 11)');
    expect(stderr).toContain('malformed, wrong column count: 2 (line 5, 13)');
    expect(stderr).toMatch(/malformed, lat\/lon .*: 2 \(line 6, 7\)/);
    expect(validateScenario(JSON.parse(readFileSync(out, 'utf8'))).arrivals.trace).toHaveLength(5);
  });

  it('counts an unterminated quote as a CSV syntax error', async () => {
    const text = `${csv.split('\n').slice(0, 3).join('\n')}\n12,2022-03-01 11:00:00,"Parking,,,42.35,-71.06,x\n`;
    const result = await importCsv(Readable.from([text]));
    expect(result.malformed).toEqual({ 'csv-syntax': { count: 1, lines: [4] } });
    expect(result.imported).toBe(2);
  });
});

describe('custom layouts with --mapping', () => {
  const csv = [
    'id,opened,category,subcategory,y,x,via',
    '1,31/12/2023 23:50,Streets,Pothole,37.77,-122.42,Phone',
    '2,01/01/2024 00:10,Streets,,37.78,-122.41,Mobile/Open311',
    '3,01/01/2024 00:20,Trees,Fallen branch,,,Integrated Agency',
    '4,13/13/2024 00:20,Trees,Fallen branch,,,Phone',
  ].join('\n');
  const mapping = {
    name: 'sf311',
    created: { column: 'opened', format: 'dmy-24h' },
    type: ['subcategory', 'category'],
    lat: 'y',
    lon: 'x',
    channel: 'via',
    categories: { Pothole: 'municipal-facilities', 'fallen branch': 'greening' },
    channels: { phone: 'phone', 'Mobile/Open311': 'app', 'Integrated Agency': 'grid' },
  };

  it('reads the columns and tables the mapping names', async () => {
    const out = join(dir, 'sf.json');
    const { code, stderr } = await hotline(
      'import',
      write('sf.csv', csv),
      '--out',
      out,
      '--mapping',
      write('sf-mapping.json', JSON.stringify(mapping)),
    );
    expect(code).toBe(0);
    expect(stderr).toContain('sf.csv (sf311 layout): 4 rows read, 3 imported, 1 malformed');
    expect(stderr).toMatch(/ 1 {2}Streets\n/);
    const scenario = validateScenario(JSON.parse(readFileSync(out, 'utf8')));
    expect(scenario.start).toBe('2023-12-31');
    expect(scenario.hours).toBe(25);
    expect(scenario.arrivals.trace).toEqual([
      {
        at: 23 * 3600 + 50 * 60,
        category: 'municipal-facilities',
        lon: -122.42,
        lat: 37.77,
        channel: 'phone',
      },
      { at: 24 * 3600 + 600, category: 'policy-consultation', lon: -122.41, lat: 37.78, channel: 'app' },
      { at: 24 * 3600 + 1200, category: 'greening', channel: 'grid' },
    ]);
    expect(runScenario(scenario, { replications: 2 }).kpis.contacts.mean).toBe(3);
  });

  it('names the bad fields of a mapping file in one line, exit code 2', async () => {
    const bad = write('bad-mapping.json', JSON.stringify({ ...mapping, created: { column: 'opened' } }));
    const { code, stderr } = await hotline(
      'import',
      write('sf2.csv', csv),
      '-o',
      join(dir, 'x.json'),
      '--mapping',
      bad,
    );
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/bad-mapping\.json is invalid: created\.format: /);
  });

  it('names the columns a mapping wants and the header lacks', async () => {
    const other = write(
      'other-mapping.json',
      JSON.stringify({ ...mapping, lat: 'latitude', lon: 'longitude' }),
    );
    const { code, stderr } = await hotline(
      'import',
      write('sf3.csv', csv),
      '-o',
      join(dir, 'x.json'),
      '--mapping',
      other,
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^hotline: .*sf3\.csv: the header has no column "latitude", "longitude" \(layout sf311\)\n$/,
    );
  });
});

describe('hotline import: usage errors', () => {
  const oneLine = (stderr: string) => expect(stderr.trim().split('\n')).toHaveLength(1);

  it('names a missing file in one line and exits 2', async () => {
    const { code, stderr, stdout } = await hotline(
      'import',
      join(dir, 'no-such.csv'),
      '--out',
      join(dir, 'x.json'),
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    oneLine(stderr);
    expect(stderr).toMatch(/^hotline: cannot read .*no-such\.csv: no such file\n$/);
  });

  it('asks for a mapping when the layout is unknown, showing the header', async () => {
    const { code, stderr } = await hotline(
      'import',
      write('odd.csv', 'when,what\n1,2\n'),
      '--out',
      join(dir, 'x.json'),
    );
    expect(code).toBe(2);
    oneLine(stderr);
    expect(stderr).toMatch(
      /odd\.csv: unknown layout \(header: when, what\): no created-time column .* and no request-type column .*; give --mapping/,
    );
  });

  it('refuses an empty result', async () => {
    const csv = 'case_enquiry_id,open_dt,type,reason,case_title,latitude,longitude,source\n1,never,x,,,,,\n';
    const { code, stderr } = await hotline('import', write('none.csv', csv), '--out', join(dir, 'x.json'));
    expect(code).toBe(2);
    oneLine(stderr);
    expect(stderr).toMatch(/none\.csv: no row imported: 1 data row\(s\), malformed: 1 bad-time/);
  });

  it('rejects a forced layout the header does not fit, an unknown layout name and a missing --out', async () => {
    const nyc = await hotline(
      'import',
      fixture('boston311-100.csv'),
      '-o',
      join(dir, 'x.json'),
      '--layout',
      'nyc',
    );
    expect(nyc.code).toBe(2);
    expect(nyc.stderr).toMatch(/the header has no column "Created Date"/);
    expect(
      (await hotline('import', fixture('boston311-100.csv'), '-o', 'x.json', '--layout', 'paris')).code,
    ).toBe(2);
    expect((await hotline('import', fixture('boston311-100.csv'))).code).toBe(2);
  });
});
