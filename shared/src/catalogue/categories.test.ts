import { describe, expect, it } from 'vitest';
import type { AppealCategory } from './categories';
import {
  CATEGORIES,
  CATEGORY_GROUPS,
  SLA_CLASSES,
  categoriesInGroup,
  categoryById,
  meanDirectAnswer,
  nonDispatchedShare,
  seasonalMultiplier,
  validateCatalogue,
} from './categories';
import { CITY_UNITS, cityUnitById } from './units';

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

describe('catalogue: categories', () => {
  it('has about thirty categories in about ten groups', () => {
    expect(CATEGORIES.length).toBeGreaterThanOrEqual(28);
    expect(CATEGORIES.length).toBeLessThanOrEqual(36);
    expect(CATEGORY_GROUPS.length).toBeGreaterThanOrEqual(9);
    expect(CATEGORY_GROUPS.length).toBeLessThanOrEqual(12);
    for (const g of CATEGORY_GROUPS) expect(categoriesInGroup(g.id).length).toBeGreaterThan(0);
  });

  it('has unique category and group ids', () => {
    const ids = CATEGORIES.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const groups = CATEGORY_GROUPS.map((g) => g.id);
    expect(new Set(groups).size).toBe(groups.length);
  });

  it('passes its own validation', () => {
    expect(validateCatalogue()).toEqual([]);
  });

  it('has shares summing to 1', () => {
    expect(Math.abs(sum(CATEGORIES.map((c) => c.share)) - 1)).toBeLessThanOrEqual(1e-9);
  });

  it('has monthly seasonality averaging 1 for every category', () => {
    for (const c of CATEGORIES) {
      expect(c.seasonality).toHaveLength(12);
      expect(Math.abs(sum(c.seasonality) / 12 - 1), c.id).toBeLessThanOrEqual(1e-9);
    }
  });

  it('gives every department or utility owner and whistle unit an existing unit of that kind', () => {
    for (const c of CATEGORIES) {
      const owner = c.owner;
      if (owner.kind === 'department' || owner.kind === 'utility') {
        expect(cityUnitById(owner.unitId)?.kind, c.id).toBe(owner.kind);
      }
      for (const u of c.whistleUnits) expect(cityUnitById(u), `${c.id} → ${u}`).toBeDefined();
    }
  });

  it('uses only the four SLA classes, with utilities on 24 h', () => {
    for (const c of CATEGORIES) {
      expect(Object.keys(SLA_CLASSES)).toContain(c.slaClass);
      if (c.owner.kind === 'utility') expect(c.slaClass, c.id).toBe('24h');
    }
    expect(SLA_CLASSES['2h'].hours).toBe(2);
    expect(SLA_CLASSES['15d'].hours).toBe(360);
  });

  it('answers directly about as often as DOMAIN.md reports consultations (58.5 %)', () => {
    expect(meanDirectAnswer()).toBeGreaterThan(0.5);
    expect(meanDirectAnswer()).toBeLessThan(0.65);
    expect(Math.abs(nonDispatchedShare() - 0.585)).toBeLessThan(0.02);
  });

  it('answers consultations more often than complaints', () => {
    const da = (id: string): number => categoryById(id)?.directAnswer ?? Number.NaN;
    expect(da('social-insurance')).toBeGreaterThan(da('illegal-construction'));
    expect(da('policy-consultation')).toBeGreaterThan(da('noise-nuisance'));
  });

  it('blows the whistle only from streets and districts, most for cross-department matters', () => {
    for (const c of CATEGORIES) {
      if (c.whistle > 0) {
        expect(['street', 'district'], c.id).toContain(c.owner.kind);
        expect(c.whistleUnits.length, c.id).toBeGreaterThan(0);
      }
    }
    const w = (id: string): number => categoryById(id)?.whistle ?? Number.NaN;
    for (const id of ['illegal-construction', 'group-rental', 'river-pollution']) {
      expect(w(id)).toBeGreaterThan(w('property-management'));
      expect(w(id)).toBeGreaterThanOrEqual(0.4);
    }
  });

  it('redirects emergencies to the right channel', () => {
    expect(categoryById('traffic-accident')?.redirect?.channel).toBe('122');
    expect(categoryById('fire-hazard')?.redirect?.channel).toBe('119');
    expect(categoryById('public-security')?.redirect?.channel).toBe('110');
    expect(categoryById('medical-services')?.redirect?.channel).toBe('120');
  });

  it('peaks heating in winter, waterlogging in the flood season and mosquitoes in summer', () => {
    const months = (id: string): readonly number[] => categoryById(id)?.seasonality ?? [];
    const h = months('heating');
    expect(h).toHaveLength(12);
    const winter = [0, 1, 2, 10, 11].map((m) => h[m] ?? 0);
    const summer = [5, 6, 7].map((m) => h[m] ?? 0);
    expect(Math.min(...winter)).toBeGreaterThan(Math.max(...summer));
    expect(Math.min(...winter)).toBeGreaterThanOrEqual(1);
    expect(h.indexOf(Math.max(...h))).toBe(10); // November: the season starts on 15 Nov

    const flood = months('waterlogging');
    expect(flood.indexOf(Math.max(...flood))).toBeGreaterThanOrEqual(6);
    expect(flood.indexOf(Math.max(...flood))).toBeLessThanOrEqual(7);
    const pests = months('pests');
    expect(pests[6]).toBeGreaterThan(pests[0] ?? Infinity);
  });

  it('spikes heating in the first week of the season without changing the month mean', () => {
    const heating = categoryById('heating');
    if (heating === undefined) throw new Error('heating missing');
    const days = Array.from({ length: 30 }, (_, i) => seasonalMultiplier(heating, 11, i + 1, 30));
    expect(sum(days) / 30).toBeCloseTo(heating.seasonality[10], 12);
    expect(days[15]).toBeGreaterThan(days[5] ?? Infinity); // 16 Nov vs 6 Nov
    expect(days[14]).toBeCloseTo((days[21] ?? 0) * 3, 12); // 15 Nov vs 22 Nov
    expect(seasonalMultiplier(heating, 1, 10, 31)).toBe(heating.seasonality[0]);
  });

  it('reports broken overrides: unknown owner unit, bad shares, bad seasonality', () => {
    const base = CATEGORIES[0] as AppealCategory;
    const broken: AppealCategory[] = [
      { ...base, id: 'a', share: 0.5, owner: { kind: 'department', unitId: 'nope' as 'health' } },
      { ...base, id: 'b', share: 0.4, seasonality: [2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1] },
    ];
    const problems = validateCatalogue({ categories: broken, groups: CATEGORY_GROUPS, units: CITY_UNITS });
    expect(problems.some((p) => p.includes('"nope" does not exist'))).toBe(true);
    expect(problems.some((p) => p.includes('shares must sum to 1'))).toBe(true);
    expect(problems.some((p) => p.includes('"b"') && p.includes('average 1'))).toBe(true);
  });

  it('finds categories by id', () => {
    expect(categoryById('heating')?.owner).toEqual({ kind: 'utility', unitId: 'heat' });
    expect(categoryById('no-such-thing')).toBeUndefined();
  });
});
