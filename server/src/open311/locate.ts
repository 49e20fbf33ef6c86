import type { City, GridCell } from '@hotline-sim/shared';
import { AddressBook } from './address';

/** Farther than this (degrees, about 11 km) from every community is outside the city. */
const MAX_DEGREES = 0.1;

/**
 * Where in the city a request is: the nearest community (grid cell) to a lat/long, the community a
 * division code (`address_id`) names, or the most specific place an address names (see AddressBook).
 * Built once per city.
 */
export class Locator {
  private readonly lon: Float64Array;
  private readonly lat: Float64Array;
  private readonly byCode = new Map<string, number>();
  private readonly addresses: AddressBook;
  /** The city's name, for messages (`… lies outside Shanghai`). */
  readonly cityNameEn: string;

  constructor(city: City) {
    this.cityNameEn = city.nameEn;
    this.lon = Float64Array.from(city.cells, (c) => c.lon);
    this.lat = Float64Array.from(city.cells, (c) => c.lat);
    city.cells.forEach((c, i) => this.byCode.set(c.id, i));
    const streetCell = new Map<string, number>();
    for (const s of city.streets) {
      const cell = this.nearestOf(s.lat, s.lon, city.cellsByStreet.get(s.id) ?? []);
      if (cell >= 0) streetCell.set(s.id, cell);
    }
    const districtCell = new Map<string, number>();
    for (const d of city.districts) {
      const cell = this.nearestOf(d.lat, d.lon, city.cellsByDistrict.get(d.id) ?? []);
      if (cell >= 0) districtCell.set(d.id, cell);
    }
    streetCell.forEach((cell, id) => this.byCode.set(id, cell));
    this.addresses = new AddressBook(city, { streetCell, districtCell });
  }

  /** The nearest cell to (lat, long), or -1 when outside the city. */
  nearest(lat: number, long: number): number {
    const k = Math.cos((lat * Math.PI) / 180);
    let best = -1;
    let bestD = MAX_DEGREES * MAX_DEGREES;
    for (let i = 0; i < this.lon.length; i++) {
      const dx = ((this.lon[i] as number) - long) * k;
      const dy = (this.lat[i] as number) - lat;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        best = i;
        bestD = d;
      }
    }
    return best;
  }

  /** A cell or street division code (`address_id`; a street answers its cell nearest its centroid), or -1. */
  byId(code: string): number {
    return this.byCode.get(code.trim()) ?? -1;
  }

  /** The most specific community, street, road or district an address names (Chinese or pinyin), or -1. */
  byAddress(address: string): number {
    return this.addresses.locate(address);
  }

  /** The index of the cell among `cells` nearest (lat, long), or -1 when there are none. */
  private nearestOf(lat: number, long: number, cells: readonly GridCell[]): number {
    const k = Math.cos((lat * Math.PI) / 180);
    let best: GridCell | undefined;
    let bestD = Infinity;
    for (const c of cells) {
      const d = ((c.lon - long) * k) ** 2 + (c.lat - lat) ** 2;
      if (d < bestD) {
        best = c;
        bestD = d;
      }
    }
    return best ? (this.byCode.get(best.id) ?? -1) : -1;
  }
}
