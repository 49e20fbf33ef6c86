import { builtInCityKeys, cityByKey } from '@hotline-sim/shared';
import { buildAndCacheCity } from '../cities/build-city';
import { cachedCityMetas } from '../cities/cache';
import { loadCityDir } from '../cities/city-dir';
import { UsageError } from './usage-error';

interface CityRow {
  key: string;
  name: string;
  nameEn: string;
  districts: number;
  streets: number;
  cells: number;
  population: number;
  source: string;
  where: string;
}

/** `hotline city`: build and cache one city, or list them all. */
export async function city(
  query: string | undefined,
  opts: { list?: boolean; json?: boolean },
): Promise<void> {
  const dir = loadCityDir();
  if (opts.list) {
    if (query !== undefined) throw new UsageError('give either a city to build or --list, not both');
    return list(dir, opts.json === true);
  }
  if (query === undefined || query.trim() === '') {
    throw new UsageError(
      'name a city: a division code (510100), a Chinese name (成都市) or pinyin (chengdu); or --list',
    );
  }
  let built;
  try {
    built = buildAndCacheCity(query, dir, (line) => process.stderr.write(`${line}\n`));
  } catch (e) {
    // A query naming no city (or several) is the user's mistake: one line, exit code 2.
    if (e instanceof Error && /^(no prefecture-level city|".*" names \d+ cities)/.test(e.message))
      throw new UsageError(e.message);
    throw e;
  }
  const { meta, path } = built;
  if (opts.json) {
    process.stdout.write(`${JSON.stringify({ ...meta, path }, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    `${meta.key}: ${meta.name} ${meta.nameEn}, ${meta.districts} districts, ${meta.streets} streets, ` +
      `${meta.cells} communities/villages, population ${meta.population.toLocaleString('en')} ` +
      `(${meta.source}); outlines ${meta.outlines}; built in ${meta.buildSeconds} s\n` +
      `cached in ${path}\nrun a scenario there: hotline run beijing-weekday --city ${meta.key}\n`,
  );
}

function list(dir: string, json: boolean): void {
  const rows: CityRow[] = builtInCityKeys().map((key) => {
    const c = cityByKey(key);
    return {
      key,
      name: c.name,
      nameEn: c.nameEn,
      districts: c.districts.length,
      streets: c.streets.length,
      cells: c.cells.length,
      population: c.population,
      source: 'built in: 2020 census by district (SOURCES.md)',
      where: 'built-in',
    };
  });
  for (const m of cachedCityMetas(dir)) {
    if (rows.some((r) => r.key === m.key)) continue;
    const { key, name, nameEn, districts, streets, cells, population, source } = m;
    rows.push({ key, name, nameEn, districts, streets, cells, population, source, where: `${dir}/${key}` });
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    return;
  }
  const header = ['key', 'name', 'districts', 'streets', 'cells', 'population', 'source'];
  const table = rows.map((r) => [
    r.key,
    `${r.name} ${r.nameEn}`,
    String(r.districts),
    String(r.streets),
    String(r.cells),
    r.population.toLocaleString('en'),
    r.where === 'built-in' ? r.source : `${r.source}; cached in ${r.where}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => width(row[i] as string))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat((widths[i] as number) - width(c))))
      .join('  ');
  process.stdout.write(`${[line(header), ...table.map(line)].join('\n')}\n`);
}

/** Display width: a Chinese character takes two columns. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /\p{Script=Han}/u.test(ch) ? 2 : 1;
  return n;
}
