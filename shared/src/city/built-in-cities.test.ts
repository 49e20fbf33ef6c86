import { describe, expect, it } from 'vitest';
import { HANGZHOU_POPULATION_2020, SHANGHAI } from './build/census';
import { builtInCityKeys, cityByKey, pointInGeometry, streetType, type City } from './index';

function outlineOf(city: City, districtId: string) {
  const feature = city.outline.features.find((f) => f.id === districtId);
  if (feature === undefined) throw new Error(`no outline for ${districtId}`);
  return feature.geometry;
}

describe('built-in cities', () => {
  it('are Beijing, Shanghai and Hangzhou, by key', () => {
    expect(builtInCityKeys()).toEqual(['beijing', 'shanghai', 'hangzhou']);
    expect(cityByKey('shanghai').name).toBe('上海市');
    expect(cityByKey('hangzhou').name).toBe('杭州市');
  });

  it.each([
    ['shanghai', 16, 6000, 7000],
    ['hangzhou', 13, 3000, 3600],
  ])(
    '%s: %i districts, cells in range, every position inside its district outline',
    (key, districts, lo, hi) => {
      const city = cityByKey(key);
      expect(city.districts).toHaveLength(districts);
      expect(city.cells.length).toBeGreaterThanOrEqual(lo);
      expect(city.cells.length).toBeLessThanOrEqual(hi);
      for (const d of city.districts)
        expect(pointInGeometry(d.lon, d.lat, outlineOf(city, d.id)), d.id).toBe(true);
      for (const s of city.streets)
        expect(pointInGeometry(s.lon, s.lat, outlineOf(city, s.districtId)), s.id).toBe(true);
      for (const c of city.cells)
        expect(pointInGeometry(c.lon, c.lat, outlineOf(city, c.districtId)), c.id).toBe(true);
      for (const s of city.streets) expect(s.nameEn, s.id).toMatch(/^[A-Za-zü0-9' (),.-]+$/);
    },
  );

  it('carry the 2020 census district populations', () => {
    const shanghai = cityByKey('shanghai');
    expect(shanghai.districtById.get('310115')?.population).toBe(5_681_512); // Pudong, in the bulletin's text
    const suburbs = ['310112', '310113', '310114', '310116', '310117', '310118', '310120', '310151'];
    expect(suburbs.reduce((n, id) => n + (shanghai.districtById.get(id)?.population ?? 0), 0)).toBe(
      12_505_671,
    );
    expect(shanghai.population).toBe(Object.values(SHANGHAI.districts).reduce((n, d) => n + d.population, 0));
    expect(cityByKey('hangzhou').population).toBe(HANGZHOU_POPULATION_2020);
  });

  it('type streets by the stated district tiers', () => {
    const shanghai = cityByKey('shanghai');
    const huangpu = shanghai.streetsByDistrict.get('310101') ?? [];
    expect(huangpu.length).toBeGreaterThan(0);
    for (const s of huangpu) if (s.kind === 'street') expect(streetType(s, shanghai)).toBe('core');
    const xuhui = (shanghai.streetsByDistrict.get('310104') ?? []).filter((s) => s.kind === 'street');
    expect(xuhui.every((s) => streetType(s, shanghai) === 'urban')).toBe(true);
    const hangzhou = cityByKey('hangzhou');
    const xiaoshan = (hangzhou.streetsByDistrict.get('330109') ?? []).filter((s) => s.kind === 'street');
    expect(xiaoshan.length).toBeGreaterThan(0);
    expect(xiaoshan.every((s) => streetType(s, hangzhou) === 'fringe')).toBe(true);
  });
});
