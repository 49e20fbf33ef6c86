import type { CityModel } from '../hotline/city-model';
import type { CityMap } from './protocol';

/**
 * Where the city's departments and utilities are drawn: on two rings around Beijing's administrative
 * sub-centre in Tongzhou (城市副中心, where the municipal government sits since 2019). Synthetic
 * positions for drawing, like those of streets and cells: they let a whistle's summoned departments
 * visibly converge on a street.
 */
const SUB_CENTRE = { lon: 116.73, lat: 39.905 };
const RING_DEG = { department: 0.07, utility: 0.04 } as const;

const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** What the dashboard's map draws of a city model; array positions are the indexes appeal moves use. */
export function cityMap(model: CityModel): CityMap {
  const { city } = model;
  const byKind = (kind: string) => model.units.filter((u) => u.kind === kind);
  const ringIndex = new Map<number, { i: number; n: number }>();
  for (const kind of ['department', 'utility']) {
    const ring = byKind(kind);
    ring.forEach((u, i) => ringIndex.set(u.index, { i, n: ring.length }));
  }
  const streetById = new Map(city.streets.map((s) => [s.id, s]));
  const districtById = new Map(city.districts.map((d) => [d.id, d]));
  return {
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
      let lon = place?.lon ?? SUB_CENTRE.lon;
      let lat = place?.lat ?? SUB_CENTRE.lat;
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
