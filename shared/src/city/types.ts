import type { BBox, DistrictOutlines } from './geo';

/** From the name suffix: 街道 street office, 镇 town, 乡 township, anything else (地区, 开发区 …) area. */
export type StreetKind = 'street' | 'town' | 'township' | 'area';

/** 社区 (residents' committee, urban) or 村 (villagers' committee, rural). */
export type CellKind = 'community' | 'village';

/**
 * Positions (`lon`, `lat`, WGS 84 degrees) of districts are their seats as ECharts marks them;
 * positions of streets and cells are synthetic, made for drawing (see data/SOURCES.md), and always lie
 * inside their district's outline.
 */
export interface District {
  /** Division code, e.g. `'110105'`. */
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly lon: number;
  readonly lat: number;
  /** Resident population (for Beijing: the 2020 census). Equals the sum over its cells. */
  readonly population: number;
  /** Share of the city's demand: the sum of its streets' weights. */
  readonly weight: number;
}

/** A street office, town or township (街乡镇): the unit appeals are dispatched to. */
export interface Street {
  /** Division code, e.g. `'110105001'`. */
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: StreetKind;
  /**
   * A development zone or similar unit that ranks like a township in the division codes but is not
   * one of the city's ranked streets/townships (Beijing: 349 units, 343 without these).
   */
  readonly devZone: boolean;
  readonly districtId: string;
  readonly lon: number;
  readonly lat: number;
  /** Estimated residents: the sum over its cells. */
  readonly population: number;
  /** Share of the city's demand; all streets add up to 1. */
  readonly weight: number;
}

/** A community or village (社区/村), used as a grid cell (网格). */
export interface GridCell {
  /** Division code, e.g. `'110105001001'`. */
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly kind: CellKind;
  readonly streetId: string;
  readonly districtId: string;
  readonly lon: number;
  readonly lat: number;
  /** Estimated residents (a proxy, not a count: see data/SOURCES.md). */
  readonly population: number;
  /** Share of its street's demand; the cells of a street add up to 1. */
  readonly weight: number;
}

/**
 * A city is data: the hierarchy, positions, demand weights and outlines, frozen, with lookups built
 * once. Arrays are ordered by code: districts; streets by district; cells by street.
 */
export interface City {
  /** Division code of the city, e.g. `'110000'`. */
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
  readonly population: number;
  readonly districts: readonly District[];
  readonly streets: readonly Street[];
  readonly cells: readonly GridCell[];
  /** District outlines, one feature per district, feature id = district id. */
  readonly outline: DistrictOutlines;
  readonly bbox: BBox;
  readonly districtById: ReadonlyMap<string, District>;
  readonly streetById: ReadonlyMap<string, Street>;
  readonly cellById: ReadonlyMap<string, GridCell>;
  readonly streetsByDistrict: ReadonlyMap<string, readonly Street[]>;
  readonly cellsByStreet: ReadonlyMap<string, readonly GridCell[]>;
  readonly cellsByDistrict: ReadonlyMap<string, readonly GridCell[]>;
}
