import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import {
  APPEAL_PLACEHOLDERS,
  APPEAL_TEMPLATES,
  fillAppealTemplate,
  hasAppealTemplates,
  renderAppealText,
  renderAppealTextAs,
  renderAppealTextEn,
} from './appeal-text';
import { CATEGORIES } from './categories';

const zhPlace = { district: '朝阳区', street: '望京街道', community: '望花路东里社区' };
const enPlace = { district: 'Chaoyang', street: 'Wangjing', community: 'Wanghualu Dongli' };
const leftover = /[{}]/;

describe('catalogue: appeal text', () => {
  it('has at least three templates for every category', () => {
    for (const c of CATEGORIES) expect(APPEAL_TEMPLATES[c.id].length, c.id).toBeGreaterThanOrEqual(3);
  });

  it('uses only known placeholders and always names the district', () => {
    const known = new Set<string>(APPEAL_PLACEHOLDERS);
    for (const c of CATEGORIES) {
      for (const t of APPEAL_TEMPLATES[c.id]) {
        for (const text of [t.zh, t.en]) {
          for (const m of text.matchAll(/\{([^}]*)\}/g))
            expect(known.has(m[1] ?? ''), `${c.id}: ${m[0]}`).toBe(true);
          expect(text, c.id).toContain('{district}');
        }
        // The gloss must carry the same details as the Chinese text.
        const names = (s: string): string[] => [...s.matchAll(/\{([a-z]+)\}/g)].map((m) => m[1] ?? '').sort();
        expect(names(t.en), `${c.id}: ${t.zh}`).toEqual(names(t.zh));
        expect(t.zh).toMatch(/^(市民来电|来电人)(反映|咨询|建议)：/);
      }
    }
  });

  it('renders every template of every category without leftover placeholders', () => {
    const rng = createRng(1);
    for (const c of CATEGORIES) {
      for (const t of APPEAL_TEMPLATES[c.id]) {
        const zh = fillAppealTemplate(t.zh, 'zh', zhPlace, rng);
        expect(zh, c.id).not.toMatch(leftover);
        expect(zh).toContain('朝阳区');
        expect(fillAppealTemplate(t.en, 'en', enPlace, rng), c.id).not.toMatch(leftover);
      }
      for (let i = 0; i < 20; i++) {
        expect(renderAppealText(c.id, zhPlace, rng), c.id).not.toMatch(leftover);
        expect(renderAppealTextEn(c.id, enPlace, rng), c.id).not.toMatch(leftover);
      }
    }
  });

  it('picks each template of a category sometimes', () => {
    const rng = createRng(1);
    const texts = Array.from({ length: 300 }, () => renderAppealText('heating', zhPlace, rng));
    for (const t of APPEAL_TEMPLATES.heating) {
      // The literal text after the last placeholder identifies the template.
      const tail = t.zh.slice(t.zh.lastIndexOf('}') + 1);
      expect(
        texts.some((x) => x.endsWith(tail)),
        tail,
      ).toBe(true);
    }
  });

  it('rejects unknown placeholders', () => {
    expect(() => fillAppealTemplate('{district}{road}', 'zh', zhPlace, createRng(1))).toThrow(/\{road\}/);
  });

  it('is deterministic for a given seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    for (const c of CATEGORIES) {
      expect(renderAppealText(c.id, zhPlace, a)).toBe(renderAppealText(c.id, zhPlace, b));
    }
  });

  it('glosses the same template with the same details from the same rng state', () => {
    for (let seed = 1; seed <= 50; seed++) {
      for (const c of CATEGORIES) {
        const zh = renderAppealText(c.id, zhPlace, createRng(seed));
        const en = renderAppealTextEn(c.id, enPlace, createRng(seed));
        // Every number in the Chinese text appears in the gloss (amounts with thousands separators).
        const numbers = (s: string): string[] => (s.replace(/(\d),(\d)/g, '$1$2').match(/\d+/g) ?? []).sort();
        expect(numbers(en), `${zh} / ${en}`).toEqual(expect.arrayContaining(numbers(zh)));
      }
    }
  });

  it('draws a fixed number of numbers per text, whatever the template', () => {
    const a = createRng(7);
    const b = createRng(7);
    renderAppealText('heating', zhPlace, a);
    renderAppealText('garbage', zhPlace, b);
    expect(a.next()).toBe(b.next());
  });

  it("renders a question (咨询) or a problem on demand, from the category's templates of that kind", () => {
    let questions = 0;
    for (const c of CATEGORIES) {
      for (const kind of ['question', 'problem'] as const) {
        if (!hasAppealTemplates(c.id, kind)) continue;
        if (kind === 'question') questions++;
        for (let seed = 1; seed <= 10; seed++) {
          const zh = renderAppealTextAs(kind, 'zh', c.id, zhPlace, createRng(seed));
          expect(/^(市民|来电人)(来电)?咨询/.test(zh), zh).toBe(kind === 'question');
          // The gloss is of the same template: it asks when the Chinese asks.
          const en = renderAppealTextAs(kind, 'en', c.id, enPlace, createRng(seed));
          expect(en.startsWith('Caller asks'), en).toBe(kind === 'question');
        }
      }
    }
    expect(questions).toBeGreaterThan(5);
  });

  it('rejects a category without templates', () => {
    expect(() => renderAppealText('no-such-category', zhPlace, createRng(1))).toThrow(
      /no appeal text templates/,
    );
  });
});
