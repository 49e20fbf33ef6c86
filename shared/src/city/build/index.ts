/**
 * The city builder (`@hotline-sim/shared/city-build`): kept out of the main entry so the dashboard and
 * the model never load pinyin-pro or the census tables; the generator and `hotline city` import it.
 */
export { buildCity, formatDocument, type BuildInput, type BuildOutput, type DivisionRow } from './build';
export { CITY_TOTALS_2020 } from './census';
export type { EchartsMap } from './echarts-decode';
export {
  ECHARTS_PROVINCE_FILE,
  cityRefs,
  findCity,
  planCity,
  type CityRef,
  type DivisionSource,
} from './plan';
