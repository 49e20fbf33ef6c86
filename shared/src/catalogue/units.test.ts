import { describe, expect, it } from 'vitest';
import { CITY_UNITS, UNIT_KIND_INFO, UNIT_KINDS, cityUnitById, isCityUnitId } from './units';

describe('catalogue: city units', () => {
  it('lists about twenty departments and the four utilities', () => {
    const departments = CITY_UNITS.filter((u) => u.kind === 'department');
    const utilities = CITY_UNITS.filter((u) => u.kind === 'utility');
    expect(departments.length).toBeGreaterThanOrEqual(18);
    expect(departments.length).toBeLessThanOrEqual(24);
    expect(utilities.map((u) => u.id).sort()).toEqual(['gas', 'heat', 'power', 'water']);
  });

  it('has unique kebab-case ids and Chinese and English names', () => {
    const ids = CITY_UNITS.map((u) => u.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const u of CITY_UNITS) {
      expect(u.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(u.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(u.en.length).toBeGreaterThan(0);
    }
  });

  it('gives every unit valid working hours', () => {
    for (const u of CITY_UNITS) {
      expect(u.hours.start).toBeGreaterThanOrEqual(0);
      expect(u.hours.end).toBeLessThanOrEqual(24);
      expect(u.hours.start).toBeLessThan(u.hours.end);
    }
  });

  it('keeps utilities on call around the clock and signing 24/7', () => {
    for (const u of CITY_UNITS.filter((x) => x.kind === 'utility')) {
      expect(u.hours).toEqual({ days: 'everyday', start: 0, end: 24 });
    }
    expect(UNIT_KIND_INFO.utility.signing).toBe('always');
    expect(UNIT_KIND_INFO.street.signing).toBe('always');
  });

  it('names the six unit kinds of the system', () => {
    expect([...UNIT_KINDS]).toEqual(['agent', 'district', 'street', 'department', 'utility', 'grid']);
    expect(Object.keys(UNIT_KIND_INFO).sort()).toEqual([...UNIT_KINDS].sort());
  });

  it('looks units up by id', () => {
    expect(cityUnitById('heat')?.zh).toBe('北京市热力集团');
    expect(cityUnitById('nope')).toBeUndefined();
    expect(isCityUnitId('traffic-police')).toBe(true);
    expect(isCityUnitId('street')).toBe(false);
  });
});
