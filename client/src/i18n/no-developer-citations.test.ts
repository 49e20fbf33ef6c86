import {
  BUILT_IN_DESCRIPTIONS_ZH,
  builtInScenario,
  builtInScenarioNames,
  CATEGORIES,
  CATEGORY_GROUPS,
  KPIS,
  LEVERS,
  VIOTE_DRIVERS,
} from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { en } from './messages-en';
import { zh } from './messages-zh';

/** What a developer document's citation looks like: its file name, or a section sign (DOMAIN.md §4). */
const CITATION = /DOMAIN\.md|DESIGN\.md|ARCHITECTURE\.md|ASSUMPTIONS|SCALING\.md|STYLE\.md|§/;

/** Texts that cite a developer document, as `where: text`. */
function citing(texts: Record<string, string>): string[] {
  return Object.entries(texts).flatMap(([where, text]) => (CITATION.test(text) ? [`${where}: ${text}`] : []));
}

describe('user-facing text cites no developer document', () => {
  it('finds a citation when one is there (the check can fail)', () => {
    expect(citing({ probe: 'peaks 09-11 h (DOMAIN.md §4)' })).toHaveLength(1);
    expect(citing({ probe: 'see §2' })).toHaveLength(1);
  });

  it('in the built-in scenarios’ descriptions, English and Chinese', () => {
    const texts: Record<string, string> = {};
    for (const name of builtInScenarioNames) {
      texts[`${name} (en)`] = builtInScenario(name)?.description ?? '';
      texts[`${name} (zh)`] = BUILT_IN_DESCRIPTIONS_ZH[name] ?? '';
    }
    expect(Object.values(texts).filter((t) => t.length > 0).length).toBeGreaterThan(
      builtInScenarioNames.length,
    );
    expect(citing(texts)).toEqual([]);
  });

  it('in the lever catalogue: names and explanations', () => {
    const texts: Record<string, string> = {};
    for (const l of LEVERS) {
      texts[`${l.path} name`] = `${l.zh} ${l.en}`;
      texts[`${l.path} explain`] = `${l.explain.zh} ${l.explain.en}`;
    }
    for (const [id, d] of Object.entries(VIOTE_DRIVERS)) texts[`driver ${id}`] = `${d.zh} ${d.en}`;
    expect(citing(texts)).toEqual([]);
  });

  it('in the KPI definitions and the category names', () => {
    const texts: Record<string, string> = {};
    for (const [k, v] of Object.entries(KPIS)) texts[`kpi ${k}`] = `${v.zh} ${v.en}`;
    for (const c of CATEGORIES) texts[`category ${c.id}`] = `${c.zh} ${c.en}`;
    for (const g of CATEGORY_GROUPS) texts[`group ${g.id}`] = `${g.zh} ${g.en}`;
    expect(citing(texts)).toEqual([]);
  });

  it('in the dashboard’s messages, English and Chinese', () => {
    expect(citing(en)).toEqual([]);
    expect(citing(zh)).toEqual([]);
  });
});
