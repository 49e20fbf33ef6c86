import type { City } from '@hotline-sim/shared';

/** Farther than this (degrees, about 11 km) from every community is outside the city. */
const MAX_DEGREES = 0.1;

/**
 * Where in the city a request is: the nearest community (grid cell) to a lat/long, or the community,
 * street or district an address or address_id names. Built once per city.
 */
export class Locator {
  private readonly lon: Float64Array;
  private readonly lat: Float64Array;
  private readonly byCode = new Map<string, number>();
  /** Names (Chinese and lower-cased English) of cells and streets, longest first, with a cell each. */
  private readonly names: { name: string; cell: number }[] = [];

  constructor(private readonly city: City) {
    this.lon = Float64Array.from(city.cells, (c) => c.lon);
    this.lat = Float64Array.from(city.cells, (c) => c.lat);
    city.cells.forEach((c, i) => this.byCode.set(c.id, i));
    const streetCell = new Map<string, number>();
    city.streets.forEach((s) => {
      const cell = this.nearest(s.lat, s.lon, s.id);
      if (cell >= 0) {
        streetCell.set(s.id, cell);
        this.byCode.set(s.id, cell);
      }
    });
    const add = (name: string, cell: number) => {
      if (name.length >= 2) this.names.push({ name: name.toLowerCase(), cell });
    };
    city.cells.forEach((c, i) => {
      add(c.name, i);
      add(c.nameEn, i);
    });
    city.streets.forEach((s) => {
      const cell = streetCell.get(s.id);
      if (cell === undefined) return;
      add(s.name, cell);
      add(s.nameEn, cell);
    });
    this.names.sort((a, b) => b.name.length - a.name.length);
  }

  /** The nearest cell to (lat, long) (of one street when `streetId` is given), or -1 when outside the city. */
  nearest(lat: number, long: number, streetId?: string): number {
    const k = Math.cos((lat * Math.PI) / 180);
    let best = -1;
    let bestD = MAX_DEGREES * MAX_DEGREES;
    for (let i = 0; i < this.lon.length; i++) {
      if (streetId !== undefined && this.city.cells[i]?.streetId !== streetId) continue;
      const dx = ((this.lon[i] as number) - long) * k;
      const dy = (this.lat[i] as number) - lat;
      const d = dx * dx + dy * dy;
      if (d < bestD || (streetId !== undefined && best < 0)) {
        best = i;
        bestD = d;
      }
    }
    return best;
  }

  /** A cell or street division code (`address_id`), or -1. */
  byId(code: string): number {
    return this.byCode.get(code.trim()) ?? -1;
  }

  /** The most specific community or street an address names (Chinese or English), or -1. */
  byAddress(address: string): number {
    const text = address.toLowerCase();
    return this.names.find((n) => text.includes(n.name))?.cell ?? -1;
  }
}
