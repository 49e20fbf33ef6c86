export { loadBeijing } from './beijing';
export { loadHangzhou } from './hangzhou';
export { loadShanghai } from './shanghai';
export { defaultCity } from './default-city';
export {
  DEFAULT_CITY_KEY,
  addBuiltInCity,
  builtInCityKeys,
  cityByKey,
  cityOfScenario,
  knownCityKeys,
  registerCity,
} from './registry';
export { createCity } from './load';
export { STREET_TYPES, STREET_TYPE_INFO, streetType, type StreetType } from './street-type';
export { bboxOf, pointInGeometry, pointInPolygon, pointInRing } from './geo';
export type {
  AreaGeometry,
  BBox,
  DistrictFeature,
  DistrictFeatureProperties,
  DistrictOutlines,
  LinearRing,
  MultiPolygonGeometry,
  PolygonGeometry,
  Position,
} from './geo';
export type { CellKind, City, District, GridCell, Street, StreetKind } from './types';
