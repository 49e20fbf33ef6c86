import { describe, expect, it } from 'vitest';
import { createCity } from './load';
import { pointInGeometry, type PolygonGeometry } from './geo';

const square = (x0: number, y0: number, size: number): [number, number][] => [
  [x0, y0],
  [x0 + size, y0],
  [x0 + size, y0 + size],
  [x0, y0 + size],
  [x0, y0],
];

function makeUnits(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    format: 'hotline-sim/city@1',
    city: { id: '990000', name: '示例市', nameEn: 'Example' },
    districts: [{ id: '990101', name: '甲区', nameEn: 'Jia', population: 400, lon: 0.5, lat: 0.5 }],
    streets: [
      {
        id: '990101001',
        name: '一街道',
        nameEn: 'Yi Subdistrict',
        kind: 'street',
        devZone: false,
        districtId: '990101',
        lon: 0.3,
        lat: 0.3,
      },
      {
        id: '990101002',
        name: '二镇',
        nameEn: 'Er Town',
        kind: 'town',
        devZone: false,
        districtId: '990101',
        lon: 0.7,
        lat: 0.7,
      },
    ],
    cellFields: ['id', 'name', 'nameEn', 'kind', 'streetId', 'lon', 'lat', 'population'],
    cells: [
      ['990101001001', '甲社区', 'Jia Community', 'community', '990101001', 0.2, 0.2, 300],
      ['990101002001', '乙村', 'Yi Village', 'village', '990101002', 0.8, 0.8, 60],
      ['990101002002', '丙村', 'Bing Village', 'village', '990101002', 0.9, 0.8, 40],
    ],
    ...overrides,
  };
}

const outline = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      id: '990101',
      properties: { id: '990101', name: '甲区', nameEn: 'Jia' },
      geometry: { type: 'Polygon', coordinates: [square(0, 0, 1)] },
    },
  ],
};

describe('createCity', () => {
  it('loads another city with the same types and derives weights from populations', () => {
    const city = createCity(makeUnits(), outline);
    expect(city.nameEn).toBe('Example');
    expect(city.streets.map((s) => s.weight)).toEqual([0.75, 0.25]);
    expect(city.cellsByStreet.get('990101002')?.map((c) => c.weight)).toEqual([0.6, 0.4]);
    expect(city.cellById.get('990101002002')?.districtId).toBe('990101');
    expect(city.bbox).toEqual([0, 0, 1, 1]);
  });

  it('takes the data files as JSON text too (the server bundle keeps city data as text until used)', () => {
    const fromText = createCity(JSON.stringify(makeUnits()), JSON.stringify(outline));
    const fromValue = createCity(makeUnits(), outline);
    expect(fromText.streets).toEqual(fromValue.streets);
    expect(fromText.outline).toEqual(fromValue.outline);
    expect(() => createCity('{"format":', outline, 'x.json')).toThrow(/^x\.json is not valid JSON: /);
    expect(() => createCity(makeUnits(), '[', 'x.json')).toThrow(/^x\.json outline is not valid JSON: /);
  });

  it('names the field and the rule when a value is wrong', () => {
    const units = makeUnits();
    (units.cells as unknown[][])[1] = [
      '990101002001',
      '乙村',
      'Yi Village',
      'village',
      '990101002',
      'east',
      0.8,
      60,
    ];
    expect(() => createCity(units, outline, 'x.json')).toThrow(
      'x.json.cells[1].lon must be a number, got "east"',
    );
  });

  it('rejects a cell whose street does not exist', () => {
    const units = makeUnits();
    (units.cells as unknown[][])[0] = [
      '990101009001',
      '甲社区',
      'Jia',
      'community',
      '990101009',
      0.2,
      0.2,
      300,
    ];
    expect(() => createCity(units, outline)).toThrow(/cells\[0\]\.streetId must name a street/);
  });

  it('rejects duplicate ids', () => {
    const units = makeUnits();
    const cells = units.cells as unknown[][];
    cells[2] = [...(cells[1] ?? [])];
    expect(() => createCity(units, outline)).toThrow(/id '990101002001' appears twice/);
  });

  it('rejects a district population that differs from its cells', () => {
    const units = makeUnits({
      districts: [{ id: '990101', name: '甲区', nameEn: 'Jia', population: 401, lon: 0.5, lat: 0.5 }],
    });
    expect(() => createCity(units, outline)).toThrow(/district 990101 has population 401, its cells 400/);
  });

  it('requires an outline for every district', () => {
    expect(() => createCity(makeUnits(), { type: 'FeatureCollection', features: [] })).toThrow(
      /no outline for district 990101/,
    );
  });
});

describe('pointInGeometry', () => {
  const withHole: PolygonGeometry = { type: 'Polygon', coordinates: [square(0, 0, 4), square(1, 1, 2)] };

  it('is true inside the exterior and false in a hole or outside', () => {
    expect(pointInGeometry(0.5, 0.5, withHole)).toBe(true);
    expect(pointInGeometry(2, 2, withHole)).toBe(false);
    expect(pointInGeometry(5, 2, withHole)).toBe(false);
  });

  it('accepts a point in any part of a MultiPolygon', () => {
    const two = { type: 'MultiPolygon' as const, coordinates: [[square(0, 0, 1)], [square(5, 5, 1)]] };
    expect(pointInGeometry(5.5, 5.5, two)).toBe(true);
    expect(pointInGeometry(3, 3, two)).toBe(false);
  });
});
