import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../catalogue/categories';
import { defaultCity } from '../../city/default-city';
import { parseIsoDate } from '../../engine/calendar';
import { CityModel } from '../../hotline/city-model';
import { validateScenario } from '../../scenario/load';
import { catalogueRow, searchCatalogue } from './catalogue';
import { KNOWLEDGE_BASE, isRightKbAnswer, kbEntryById, searchKnowledge } from './knowledge-base';

/** Beijing, with the general class's limit set to one day so the rows' limits can be seen to follow the levers. */
const scenario = validateScenario({
  name: 'knowledge',
  seed: 3,
  start: '2025-03-12',
  hours: 2,
  warmupHours: 0,
  arrivals: { perHour: 10 },
  intake: { agents: 2, talkMinutes: { exponential: { mean: 5 } } },
  lifecycle: { timeLimits: { '2h': 2, '24h': 24, '7d': 24, '15d': 360 } },
});
const model = new CityModel(defaultCity(), scenario, parseIsoDate(scenario.start), 1);
const city = model.city;
const streetIndex = (district: string, name: string) =>
  city.streets.findIndex((s) => s.name === name && city.districtById.get(s.districtId)?.name === district);

describe('派单目录: the dispatch catalogue', () => {
  it('names, for every matter in every street, the owner the catalogue entry says', () => {
    for (let c = 0; c < CATEGORIES.length; c++) {
      const owner = (CATEGORIES[c] as (typeof CATEGORIES)[number]).owner;
      for (let s = c % 7; s < city.streets.length; s += 7) {
        const street = city.streets[s] as (typeof city.streets)[number];
        const unit = catalogueRow(model, c, s).unit;
        const expected =
          owner.kind === 'street' ? street.id : owner.kind === 'district' ? street.districtId : owner.unitId;
        expect(unit?.id, `${CATEGORIES[c]?.id} in ${street.name}`).toBe(expected);
        expect(unit?.kind).toBe(owner.kind);
      }
    }
  });

  it('finds matter and place in one Chinese sentence, with the 条块 note and 协办 candidates', () => {
    const [row] = searchCatalogue(model, { q: '朝阳区望京街道噪音扰民' });
    expect(row?.category.id).toBe('noise-nuisance');
    expect(row?.street?.index).toBe(streetIndex('朝阳区', '望京街道'));
    expect(row?.unit?.zh).toBe('望京街道');
    expect(row?.note.zh).toContain('望京派出所');
    expect(row?.assisting.map((u) => u.id).sort()).toEqual(['ecology', 'public-security']);
    expect(row?.limitHours).toBe(24);
  });

  it('finds places by pinyin and communities, and streets that share a name in both districts', () => {
    expect(searchCatalogue(model, { q: 'Wangjing noise' })[0]?.unit?.en).toBe('Wangjing Subdistrict');
    const [garbage] = searchCatalogue(model, { q: '多福巷 垃圾' });
    expect(garbage?.community?.zh).toBe('多福巷社区居委会');
    expect(garbage?.unit?.zh).toBe('东华门街道');
    const both = searchCatalogue(model, { q: '违建', street: '八里庄街道' });
    expect(both.map((r) => r.street?.districtZh).sort()).toEqual(['朝阳区', '海淀区']);
    const one = searchCatalogue(model, { q: '违建', street: '朝阳区八里庄街道' });
    expect(one.map((r) => r.street?.index)).toEqual([streetIndex('朝阳区', '八里庄街道')]);
    expect(searchCatalogue(model, { street: city.streets[5]?.id ?? '' })[0]?.street?.index).toBe(5);
  });

  it('a district named alone is not its namesake street', () => {
    const rows = searchCatalogue(model, { q: '海淀区 噪音' });
    const haidian = city.districts.find((d) => d.name === '海淀区')?.id;
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(city.streets[r.street?.index ?? -1]?.districtId).toBe(haidian);
  });

  it('gives one row for a city-level owner wherever the place, and none for words it does not know', () => {
    const heat = searchCatalogue(model, { q: '暖气不热 望京' });
    expect(heat.map((r) => [r.category.id, r.unit?.id])).toEqual([['heating', 'heat']]);
    expect(searchCatalogue(model, { q: 'xyzzy' })).toEqual([]);
    expect(searchCatalogue(model, { q: '噪音', street: 'no such street' })).toEqual([]);
  });

  it('without a place, a territorial matter says "by place" and names no unit', () => {
    const all = searchCatalogue(model, {});
    expect(all).toHaveLength(CATEGORIES.length);
    const noise = all.find((r) => r.category.id === 'noise-nuisance');
    expect(noise?.unit).toBeNull();
    expect(noise?.note.en).toMatch(/^By place/);
    expect(searchCatalogue(model, { q: 'chaoyang', limit: 7 })).toHaveLength(7);
  });
});

describe('知识库: the knowledge base', () => {
  it('has one entry per category, kb:<categoryId>, in both languages', () => {
    expect(KNOWLEDGE_BASE.map((e) => e.id)).toEqual(CATEGORIES.map((c) => `kb:${c.id}`));
    for (const e of KNOWLEDGE_BASE) {
      for (const text of [e.title, e.answer, e.unit, e.hours]) {
        expect(text.zh.length, e.id).toBeGreaterThan(0);
        expect(text.en.length, e.id).toBeGreaterThan(0);
      }
      expect(e.questions.zh.length).toBeGreaterThan(0);
      expect(e.questions.en.length).toBe(e.questions.zh.length);
      expect(/[\u4e00-\u9fff]/.test(e.answer.en), e.id).toBe(false);
    }
    expect(kbEntryById('kb:heating')?.unit.zh).toBe('北京市热力集团');
  });

  it('finds every entry first by each of its own questions, in Chinese and in English', () => {
    for (const e of KNOWLEDGE_BASE)
      for (const q of [...e.questions.zh, ...e.questions.en])
        expect(searchKnowledge(q)[0]?.id, `"${q}"`).toBe(e.id);
  });

  it('finds entries by words a caller uses that no question holds whole', () => {
    expect(searchKnowledge('我家暖气一直不热')[0]?.id).toBe('kb:heating');
    expect(searchKnowledge('孩子上学')[0]?.id).toBe('kb:school-enrolment');
    expect(searchKnowledge('pension')[0]?.id).toBe('kb:social-insurance');
    expect(searchKnowledge('xyzzy')).toEqual([]);
  });

  it('scores a knowledge-base answer right only for the entry of a question it answers', () => {
    const truth = { action: 'answer' as const, kbEntry: 'kb:heating' };
    expect(isRightKbAnswer(truth, 'kb:heating')).toBe(true);
    expect(isRightKbAnswer(truth, 'kb:water-supply')).toBe(false);
    expect(isRightKbAnswer(truth, undefined)).toBe(false);
    expect(isRightKbAnswer({ action: 'answer', kbEntry: null }, 'kb:heating')).toBe(false);
    expect(isRightKbAnswer({ action: 'dispatch', kbEntry: 'kb:heating' }, 'kb:heating')).toBe(false);
  });
});
