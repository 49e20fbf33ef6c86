import { describe, expect, it } from 'vitest';
import { loadBeijing, pointInGeometry, type AreaGeometry } from './index';

const city = loadBeijing();

const DISTRICTS: readonly (readonly [string, string, string])[] = [
  ['110101', '东城区', 'Dongcheng'],
  ['110102', '西城区', 'Xicheng'],
  ['110105', '朝阳区', 'Chaoyang'],
  ['110106', '丰台区', 'Fengtai'],
  ['110107', '石景山区', 'Shijingshan'],
  ['110108', '海淀区', 'Haidian'],
  ['110109', '门头沟区', 'Mentougou'],
  ['110111', '房山区', 'Fangshan'],
  ['110112', '通州区', 'Tongzhou'],
  ['110113', '顺义区', 'Shunyi'],
  ['110114', '昌平区', 'Changping'],
  ['110115', '大兴区', 'Daxing'],
  ['110116', '怀柔区', 'Huairou'],
  ['110117', '平谷区', 'Pinggu'],
  ['110118', '密云区', 'Miyun'],
  ['110119', '延庆区', 'Yanqing'],
];

function outlineOf(districtId: string): AreaGeometry {
  const feature = city.outline.features.find((f) => f.id === districtId);
  if (feature === undefined) throw new Error(`no outline for ${districtId}`);
  return feature.geometry;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

describe('Beijing: hierarchy', () => {
  it('has the 16 districts with their real names, in code order', () => {
    expect(city.name).toBe('北京市');
    expect(city.districts.map((d) => [d.id, d.name, d.nameEn])).toEqual(DISTRICTS);
  });

  it('has 330-360 street-level units, 343 of them ranked streets/townships', () => {
    expect(city.streets.length).toBeGreaterThanOrEqual(330);
    expect(city.streets.length).toBeLessThanOrEqual(360);
    expect(city.streets.filter((s) => !s.devZone)).toHaveLength(343);
  });

  it('has 7,000-8,000 communities/villages as grid cells', () => {
    expect(city.cells.length).toBeGreaterThanOrEqual(7000);
    expect(city.cells.length).toBeLessThanOrEqual(8000);
  });

  it('links every street to a district and every cell to a street of the same district', () => {
    for (const s of city.streets) {
      expect(city.districtById.get(s.districtId), s.id).toBeDefined();
      expect(s.id.startsWith(s.districtId), s.id).toBe(true);
    }
    for (const c of city.cells) {
      const street = city.streetById.get(c.streetId);
      expect(street, c.id).toBeDefined();
      expect(c.districtId, c.id).toBe(street?.districtId);
      expect(c.id.startsWith(c.streetId), c.id).toBe(true);
    }
    for (const s of city.streets) expect(city.cellsByStreet.get(s.id)?.length ?? 0, s.id).toBeGreaterThan(0);
  });

  it('has unique ids at every level', () => {
    const ids = [...city.districts, ...city.streets, ...city.cells].map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(city.districtById.size).toBe(city.districts.length);
    expect(city.streetById.size).toBe(city.streets.length);
    expect(city.cellById.size).toBe(city.cells.length);
  });

  it('derives the street kind from the name suffix', () => {
    for (const s of city.streets) {
      const expected = s.name.endsWith('街道')
        ? 'street'
        : s.name.endsWith('镇')
          ? 'town'
          : s.name.endsWith('乡')
            ? 'township'
            : 'area';
      expect(s.kind, s.name).toBe(expected);
    }
  });

  it('gives every unit an English name without Chinese characters', () => {
    for (const u of [...city.districts, ...city.streets, ...city.cells]) {
      expect(u.nameEn, u.name).toMatch(/^[A-Za-z0-9][A-Za-z0-9 '(),.\-ü]*$/);
    }
  });

  it('groups streets and cells in the lookups exactly as the arrays hold them', () => {
    expect(sum([...city.streetsByDistrict.values()].map((l) => l.length))).toBe(city.streets.length);
    expect(sum([...city.cellsByStreet.values()].map((l) => l.length))).toBe(city.cells.length);
    expect(sum([...city.cellsByDistrict.values()].map((l) => l.length))).toBe(city.cells.length);
  });
});

describe('Beijing: positions', () => {
  it('puts every district seat, street and cell inside its district outline', () => {
    const outside: string[] = [];
    for (const d of city.districts) if (!pointInGeometry(d.lon, d.lat, outlineOf(d.id))) outside.push(d.id);
    for (const s of city.streets)
      if (!pointInGeometry(s.lon, s.lat, outlineOf(s.districtId))) outside.push(s.id);
    for (const c of city.cells)
      if (!pointInGeometry(c.lon, c.lat, outlineOf(c.districtId))) outside.push(c.id);
    expect(outside).toEqual([]);
  });

  it('rounds coordinates to 5 decimals', () => {
    const round5 = (x: number): number => Math.round(x * 1e5) / 1e5;
    for (const u of [...city.streets, ...city.cells]) {
      expect(u.lon).toBe(round5(u.lon));
      expect(u.lat).toBe(round5(u.lat));
    }
  });

  it('has one closed, counter-clockwise outline per district inside the city bbox', () => {
    expect(city.outline.features.map((f) => f.id)).toEqual(DISTRICTS.map(([id]) => id));
    const [minLon, minLat, maxLon, maxLat] = city.bbox;
    expect(minLon).toBeGreaterThan(115.3);
    expect(maxLon).toBeLessThan(117.6);
    expect(minLat).toBeGreaterThan(39.3);
    expect(maxLat).toBeLessThan(41.1);
    for (const f of city.outline.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const [exterior] of polygons) {
        expect(exterior?.[0]).toEqual(exterior?.[exterior.length - 1]);
        let area2 = 0;
        for (let i = 1; i < (exterior?.length ?? 0); i++) {
          const [x1, y1] = exterior?.[i - 1] ?? [0, 0];
          const [x2, y2] = exterior?.[i] ?? [0, 0];
          area2 += x1 * y2 - x2 * y1;
        }
        expect(area2, f.id).toBeGreaterThan(0);
      }
    }
  });
});

describe('Beijing: demand weights', () => {
  it('uses the 2020 census district populations', () => {
    expect(city.population).toBe(21_893_095);
    expect(city.districtById.get('110105')?.population).toBe(3_452_460);
    expect(city.districtById.get('110119')?.population).toBe(345_671);
  });

  it('makes street weights a distribution over the city', () => {
    expect(sum(city.streets.map((s) => s.weight))).toBeCloseTo(1, 12);
    expect(sum(city.districts.map((d) => d.weight))).toBeCloseTo(1, 12);
    for (const s of city.streets) expect(s.weight, s.id).toBeGreaterThan(0);
  });

  it('makes a district weight the sum of its street weights', () => {
    for (const d of city.districts) {
      const streets = city.streetsByDistrict.get(d.id) ?? [];
      expect(sum(streets.map((s) => s.weight)), d.id).toBeCloseTo(d.weight, 12);
    }
  });

  it('makes cell weights a distribution within each street', () => {
    for (const s of city.streets) {
      const cells = city.cellsByStreet.get(s.id) ?? [];
      expect(sum(cells.map((c) => c.weight)), s.id).toBeCloseTo(1, 12);
      expect(sum(cells.map((c) => c.population)), s.id).toBe(s.population);
    }
  });

  it('gives a residents committee more weight than a village of the same district', () => {
    const haidian = city.cellsByDistrict.get('110108') ?? [];
    const community = haidian.find((c) => c.kind === 'community');
    const village = haidian.find((c) => c.kind === 'village');
    expect(community?.population ?? 0).toBeGreaterThan(village?.population ?? Infinity);
  });
});

describe('Beijing: loading', () => {
  it('builds the city once and freezes it', () => {
    expect(loadBeijing()).toBe(city);
    expect(Object.isFrozen(city)).toBe(true);
    expect(Object.isFrozen(city.cells)).toBe(true);
    expect(Object.isFrozen(city.cells[0])).toBe(true);
    expect(Object.isFrozen(city.outline.features[0]?.geometry.coordinates)).toBe(true);
  });

  it('credits the outline source', () => {
    expect(city.outline.attribution).toMatch(/ECharts 4\.9\.0.*Apache/);
  });
});

describe('Beijing: committed data files', () => {
  it('stay under 2 MB in total', async () => {
    // WARNING: shared/ has no Node types (it must stay pure); tests run in Node, so fs and path are
    // loaded through computed specifiers and typed by hand.
    const node = async <T>(name: string): Promise<T> =>
      (await import(/* @vite-ignore */ ['node', name].join(':'))) as T;
    const fs = await node<{ readdirSync(path: string): string[]; statSync(path: string): { size: number } }>(
      'fs',
    );
    const url = await node<{ fileURLToPath(url: string): string }>('url');
    const path = await node<{ join(...parts: string[]): string; dirname(p: string): string }>('path');
    const dir = path.join(
      path.dirname(url.fileURLToPath(String((import.meta as { url?: string }).url))),
      'data',
    );
    const data = fs.readdirSync(dir).filter((f) => f.startsWith('beijing-') && f.endsWith('.json'));
    expect(data.sort()).toEqual(['beijing-districts.geo.json', 'beijing-units.json']);
    const bytes = sum(data.map((f) => fs.statSync(path.join(dir, f)).size));
    expect(bytes).toBeLessThan(2 * 1024 * 1024);
  });
});
