import type { AppealCategory } from '../catalogue/categories';
import { LOCAL_OFFICE_KINDS, officeKindOf } from '../catalogue/local-offices';
import type { City } from '../city/types';

/** Mean Earth radius, km. */
const EARTH_KM = 6371;

/** Great-circle distance in km between two WGS 84 positions. */
export function distanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * EARTH_KM * Math.asin(Math.sqrt(a));
}

/**
 * The local offices that answer whistles (吹哨报到): for every kind in LOCAL_OFFICE_KINDS, one office
 * per street (street scope) or per district (district scope, at the district seat). A whistle in a
 * street summons the offices of its district only (the 条 answer to their own 块).
 */
export class LocalOffices {
  /** Number of offices of all kinds; an office is numbered `start[kind] + street or district index`. */
  readonly count: number;
  private readonly start: Int32Array;
  /** Office kinds each category's whistle summons (from the departments its catalogue entry names). */
  readonly kindsOf: Int32Array[];
  /** Km from each street to its district seat (where district-scope offices sit). */
  private readonly seatKm: Float64Array;

  constructor(
    city: City,
    categories: readonly AppealCategory[],
    private readonly streetDistrict: Int32Array,
  ) {
    this.start = new Int32Array(LOCAL_OFFICE_KINDS.length);
    let n = 0;
    LOCAL_OFFICE_KINDS.forEach((k, i) => {
      this.start[i] = n;
      n += k.scope === 'street' ? city.streets.length : city.districts.length;
    });
    this.count = n;
    this.kindsOf = categories.map((c) =>
      Int32Array.from(c.whistleUnits.map(officeKindOf).filter((k) => k >= 0)),
    );
    this.seatKm = Float64Array.from(city.streets, (s, i) => {
      const d = city.districts[streetDistrict[i] as number];
      return d ? distanceKm(s.lon, s.lat, d.lon, d.lat) : 0;
    });
  }

  /** The office of a kind that serves a street: the street's own, or its district's. */
  officeOf(kind: number, street: number): number {
    const local = LOCAL_OFFICE_KINDS[kind]?.scope === 'street';
    return (this.start[kind] as number) + (local ? street : (this.streetDistrict[street] as number));
  }

  /** Km an office of this kind drives to the street (0 for a street's own office). */
  km(kind: number, street: number): number {
    return LOCAL_OFFICE_KINDS[kind]?.scope === 'street' ? 0 : (this.seatKm[street] as number);
  }

  /** District index of an office (its street's district for street-scope offices). */
  districtOf(office: number): number {
    let kind = LOCAL_OFFICE_KINDS.length - 1;
    while (kind > 0 && (this.start[kind] as number) > office) kind--;
    const i = office - (this.start[kind] as number);
    return LOCAL_OFFICE_KINDS[kind]?.scope === 'street' ? (this.streetDistrict[i] as number) : i;
  }
}
