import type { City } from '../city/types';
import type { CityModel } from '../hotline/city-model';
import type { CityMap } from './protocol';

/**
 * Where the city's departments and utilities are drawn: on two rings around the city's seat of
 * government. Synthetic positions for drawing, like those of streets and cells: they let a whistle's
 * summoned departments visibly converge on a street. Beijing's is its administrative sub-centre in
 * Tongzhou (城市副中心, where the municipal government sits since 2019).
 */
const BEIJING = { id: '110000', seat: { lon: 116.73, lat: 39.905 } } as const;
const RING_DEG = { department: 0.07, utility: 0.04 } as const;

/**
 * The centre of the departments' rings: Beijing's sub-centre; for any other city the seat of its
 * lowest-coded district, as NBS codes list the old city first, where municipal governments sit
 * (Shanghai's in 黄浦, Hangzhou's in 上城): a stated rule, not the government's address.
 */
export function ringCentre(city: City): { lon: number; lat: number } {
  if (city.id === BEIJING.id) return BEIJING.seat;
  const first = [...city.districts].sort((a, b) => (a.id < b.id ? -1 : 1))[0];
  return first ? { lon: first.lon, lat: first.lat } : BEIJING.seat;
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;

/**
 * What the dashboard's map draws of a city model (`key`: the city's key); array positions are the
 * indexes appeal moves use.
 */
export function cityMap(model: CityModel, key: string): CityMap {
  const { city } = model;
  const centre = ringCentre(city);
  const byKind = (kind: string) => model.units.filter((u) => u.kind === kind);
  const ringIndex = new Map<number, { i: number; n: number }>();
  for (const kind of ['department', 'utility']) {
    const ring = byKind(kind);
    ring.forEach((u, i) => ringIndex.set(u.index, { i, n: ring.length }));
  }
  const streetById = new Map(city.streets.map((s) => [s.id, s]));
  const districtById = new Map(city.districts.map((d) => [d.id, d]));
  return {
    key,
    name: city.name,
    nameEn: city.nameEn,
    bbox: [...city.bbox] as CityMap['bbox'],
    outline: city.outline,
    districts: city.districts.map((d) => ({
      id: d.id,
      name: d.name,
      nameEn: d.nameEn,
      lon: d.lon,
      lat: d.lat,
    })),
    streets: city.streets.map((s) => ({
      id: s.id,
      name: s.name,
      nameEn: s.nameEn,
      districtId: s.districtId,
      lon: s.lon,
      lat: s.lat,
    })),
    cells: {
      lon: city.cells.map((c) => round(c.lon)),
      lat: city.cells.map((c) => round(c.lat)),
      street: Array.from(model.cellStreet),
    },
    units: model.units.map((u) => {
      const place =
        u.kind === 'street'
          ? streetById.get(u.id)
          : u.kind === 'district'
            ? districtById.get(u.id)
            : undefined;
      let lon = place?.lon ?? centre.lon;
      let lat = place?.lat ?? centre.lat;
      const ring = ringIndex.get(u.index);
      if (ring && (u.kind === 'department' || u.kind === 'utility')) {
        const angle = (2 * Math.PI * ring.i) / ring.n;
        // Degrees of longitude are shorter than of latitude at 40°N: stretch so the ring looks round.
        lon += (RING_DEG[u.kind] * Math.cos(angle)) / Math.cos((lat * Math.PI) / 180);
        lat += RING_DEG[u.kind] * Math.sin(angle);
      }
      return { id: u.id, kind: u.kind, name: u.name, nameEn: u.nameEn, lon: round(lon), lat: round(lat) };
    }),
  };
}
