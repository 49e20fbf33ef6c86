import { createCity, type City } from '@hotline-sim/shared';

/**
 * A small made-up city for tests of "any loaded city" (not Beijing): 测试市 (Testville), code 990000,
 * two square districts side by side east of Shanghai's longitude, two streets each, three communities
 * a street. Built with `createCity` from the same document format as the shipped cities.
 */
export const TEST_CITY_KEY = 'testville';

const DISTRICTS = [
  { id: '990101', name: '甲区', nameEn: 'Jia', west: 121.0 },
  { id: '990102', name: '乙区', nameEn: 'Yi', west: 121.2 },
] as const;
const SOUTH = 31.0;
const SIDE = 0.2;
const CELL_POPULATION = 10_000;

export function testCity(): City {
  const streets = DISTRICTS.flatMap((d) =>
    [0, 1].map((k) => ({
      id: `${d.id}00${k + 1}`,
      name: `${d.name.slice(0, 1)}${k === 0 ? '东' : '西'}街道`,
      nameEn: `${d.nameEn} ${k === 0 ? 'East' : 'West'} Subdistrict`,
      kind: 'street',
      devZone: false,
      districtId: d.id,
      lon: d.west + SIDE * (k === 0 ? 0.75 : 0.25),
      lat: SOUTH + SIDE / 2,
    })),
  );
  const cells = streets.flatMap((s) =>
    [0, 1, 2].map((k) => [
      `${s.id}00${k + 1}`,
      `${s.name.slice(0, 2)}${k + 1}号社区`,
      `${s.nameEn.replace(' Subdistrict', '')} No. ${k + 1} Community`,
      'community',
      s.id,
      s.lon,
      SOUTH + (SIDE * (k + 1)) / 4,
      CELL_POPULATION,
    ]),
  );
  const units = {
    format: 'hotline-sim/city@1',
    city: { id: '990000', name: '测试市', nameEn: 'Testville' },
    districts: DISTRICTS.map((d) => ({
      id: d.id,
      name: d.name,
      nameEn: d.nameEn,
      lon: d.west + SIDE / 2,
      lat: SOUTH + SIDE / 2,
      population: 6 * CELL_POPULATION,
    })),
    streets,
    cellFields: ['id', 'name', 'nameEn', 'kind', 'streetId', 'lon', 'lat', 'population'],
    cells,
  };
  const outline = {
    type: 'FeatureCollection',
    features: DISTRICTS.map((d) => ({
      type: 'Feature',
      id: d.id,
      properties: { name: d.name, nameEn: d.nameEn },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [d.west, SOUTH],
            [d.west + SIDE, SOUTH],
            [d.west + SIDE, SOUTH + SIDE],
            [d.west, SOUTH + SIDE],
            [d.west, SOUTH],
          ],
        ],
      },
    })),
  };
  return createCity(units, outline, 'test city');
}
