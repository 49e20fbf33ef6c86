import { performance } from 'node:perf_hooks';
import {
  CITY_TOTALS_2020,
  ECHARTS_PROVINCE_FILE,
  buildCity,
  cityRefs,
  findCity,
  formatDocument,
  planCity,
} from '@hotline-sim/shared/city-build';
import { writeCachedCity, type CityMeta } from './cache';
import { echartsProvinceMap, openDivisionSource } from './division-source';

/**
 * Placement density of a city built at run time: 12 sample points per community (the built-in cities
 * use 60) and at least 1,500 per district, so a city of 11,000 communities (Chongqing) builds within
 * the 10 s budget; the positions are as synthetic as the built-in cities', only coarser.
 */
const SAMPLES_PER_CELL = 12;
const MIN_SAMPLES = 1500;

/**
 * Build the city a query names (division code, Chinese name or pinyin) from the division data and
 * ECharts' outlines, and cache it in `dir/<key>/`. `say` gets one line per step.
 */
export function buildAndCacheCity(
  query: string,
  dir: string,
  say: (line: string) => void = () => {},
): { meta: CityMeta; path: string } {
  const started = performance.now();
  const source = openDivisionSource();
  try {
    const city = findCity(query, cityRefs(source));
    say(`${city.name} (${city.key}, ${city.id}): reading divisions and outlines`);
    const file = ECHARTS_PROVINCE_FILE[city.provinceCode];
    if (file === undefined) throw new Error(`no ECharts map for province ${city.provinceCode}`);
    const input = planCity(city, source, echartsProvinceMap(file), {
      samplesPerCell: SAMPLES_PER_CELL,
      minSamples: MIN_SAMPLES,
    });
    say(
      `placing ${input.streets.length} streets and ${input.cells.length} communities in ${input.districts.length} districts`,
    );
    const out = buildCity(input);
    const units = formatDocument(out.units);
    const outline = formatDocument(out.outline);
    const totals = CITY_TOTALS_2020[city.id];
    const meta: CityMeta = {
      key: city.key,
      id: city.id,
      name: city.name,
      nameEn: city.nameEn,
      ...out.counts,
      population: out.population,
      source: totals?.source ?? 'estimate: national residents per community and per village (2020 census)',
      outlines: input.attribution.startsWith('District outlines') ? 'echarts' : 'voronoi',
      buildSeconds: Math.round((performance.now() - started) / 100) / 10,
    };
    const path = writeCachedCity(dir, meta, units, outline);
    return { meta, path };
  } finally {
    source.close();
  }
}
