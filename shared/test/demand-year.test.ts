/**
 * Demand of the year (issue 14 point 8): the scenario's year picks the category mix; 疫情防控 exists
 * only in 2020-2022 (2020's share from the annual report), and 2025 appeals never talk of testing
 * sites (核酸).
 */
import { describe, expect, it } from 'vitest';
import {
  CATEGORIES,
  EPIDEMIC_CATEGORY,
  HotlineModel,
  appealWords,
  categorySharesForYear,
  type AppealTransition,
} from '../src';
import { makeLifecycleScenario, type LifecycleOverrides } from './hotline-scenario';

const epidemic = CATEGORIES.findIndex((c) => c.id === EPIDEMIC_CATEGORY);

describe('category mix by year', () => {
  it.each([2019, 2020, 2021, 2022, 2023, 2024, 2025])('%i: shares sum to 1', (year) => {
    const shares = categorySharesForYear(year);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const covid = shares[epidemic] as number;
    if (year >= 2020 && year <= 2022) expect(covid).toBeGreaterThan(0);
    else expect(covid).toBe(0);
  });

  it('2020 has the annual report share: 107.7万 of 1,103.94万 contacts', () => {
    expect(categorySharesForYear(2020)[epidemic]).toBeCloseTo(107.7 / 1103.94, 12);
  });
});

/** The small scenario's contacts and their appeal texts, one run. */
function received(overrides: LifecycleOverrides): { categories: number[]; texts: string[] } {
  const steps: AppealTransition[] = [];
  const scenario = makeLifecycleScenario({ hours: 12, ...overrides });
  const model = new HotlineModel(scenario, scenario.seed, { onTransition: (x) => steps.push(x) });
  model.run();
  const entered = steps.filter((x) => x.from === undefined && x.to === 'received');
  const texts = entered.map((x) => {
    const street = model.city.city.streets[x.street]?.name ?? '';
    const site = {
      district: '',
      street,
      community: '',
      districtEn: '',
      streetEn: '',
      communityEn: '',
      lon: 0,
      lat: 0,
    };
    return appealWords(model.city.categories[x.category]?.id, site, scenario.seed, x.id).zh;
  });
  return { categories: entered.map((x) => x.category), texts };
}

describe('the scenario year picks the mix', () => {
  it('2025 (from the start date): no epidemic appeals and no text mentions testing sites (核酸)', () => {
    const { categories, texts } = received({ start: '2025-03-12' });
    expect(categories.length).toBeGreaterThan(1000);
    expect(categories).not.toContain(epidemic);
    expect(texts.filter((t) => t.includes('核酸'))).toEqual([]);
  });

  it('2020 (from the start date), or demandYear 2020 on a 2025 start: about 9.8 % epidemic contacts', () => {
    for (const overrides of [
      { start: '2020-03-11' },
      { start: '2025-03-12', lifecycle: { demandYear: 2020 } },
    ]) {
      const { categories } = received(overrides);
      const share = categories.filter((k) => k === epidemic).length / categories.length;
      expect(share).toBeGreaterThan(0.08);
      expect(share).toBeLessThan(0.12);
    }
  });
});
