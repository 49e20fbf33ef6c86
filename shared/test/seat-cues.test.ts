import { describe, expect, it } from 'vitest';
import {
  DIFFICULTY,
  LiveRun,
  appealKind,
  dispatchTypes,
  seatWords,
  summaryCarries,
  type AppealType,
  type Scenario,
  type SeatEvent,
  type SeatOffer,
} from '../src';
import { makeLifecycleScenario } from './hotline-scenario';

/**
 * The acceptance test of issue 18's cues: every fact the rubric scores is in the words a seat reads
 * at difficulty "beginner", and the share of ambiguous cues follows the difficulty's `ambiguity`.
 */

/** Two seats taking every call of a 6-hour city, at the difficulty's ambiguity. */
function exercise(ambiguity: number): Scenario {
  return makeLifecycleScenario({
    hours: 6,
    lifecycle: { training: { seats: ['A', 'B'], share: 1, holdMinutes: 20, ambiguity } },
  });
}

const offersOf = (events: readonly SeatEvent[]) => events.filter((e): e is SeatOffer => e.kind === 'offer');

/** Offers of the first two hours of a run (seed 3), with the run's city. */
function offered(ambiguity: number, seed = 3) {
  const run = new LiveRun(exercise(ambiguity), seed);
  run.advanceTo(2 * 3600);
  return { run, city: run.model.city, offers: offersOf(run.seatEvents), seed };
}

/** The word each appeal type is said with, in the lead and the ask. */
const TYPE_WORDS: Record<AppealType, { zh: string; en: RegExp }> = {
  consult: { zh: '咨询', en: /asks/ },
  help: { zh: '求助', en: /help/ },
  complaint: { zh: '投诉', en: /complain/ },
  report: { zh: '举报', en: /report/ },
  suggestion: { zh: '建议', en: /suggest/ },
};

const EMERGENCY = new Set(['110', '119', '120', '122']);

describe('cues in the words at difficulty "beginner"', () => {
  const { city, offers, seed } = offered(DIFFICULTY.beginner.ambiguity);

  it('derives the truth consistently: type from the action, 协办 from the whistle, the knowledge-base entry of a 咨询', () => {
    expect(offers.length).toBeGreaterThan(300);
    for (const o of offers) {
      const t = o.truth;
      const cat = city.categories[o.category];
      if (!cat) throw new Error(`offer ${o.appealId} has no category`);
      if (t.action === 'answer') expect(t.appealType).toBe('consult');
      else if (t.channel && EMERGENCY.has(t.channel)) expect(t.appealType).toBe('help');
      else if (t.channel === 'legal') expect(t.appealType).toBe('complaint');
      else expect(dispatchTypes(cat.id)).toContain(t.appealType);
      expect(t.kbEntry).toBe(t.action === 'answer' ? `kb:${cat.id}` : null);
      // Regular calls are no surge: nothing to merge.
      expect(t.mergeKey).toBeNull();
      const whistleUnits = [...(city.whistleUnits[o.category] ?? [])];
      if (t.action === 'dispatch' && t.whistle) {
        expect(t.assisting.length).toBeGreaterThan(0);
        for (const u of t.assisting) {
          expect(whistleUnits).toContain(u);
          expect(u).not.toBe(t.unit);
        }
      } else expect(t.assisting).toEqual([]);
    }
    // The categories admitting several types give several.
    const types = new Set(offers.filter((o) => o.truth.action === 'dispatch').map((o) => o.truth.appealType));
    expect(types.size).toBeGreaterThanOrEqual(4);
  });

  it('says every scored fact plainly: type, place, problem, ask, question, emergency story, 协办 bodies', () => {
    const seen = { answer: 0, dispatch: 0, emergency: 0, legal: 0, repeat: 0, multi: 0 };
    for (const o of offers) {
      const t = o.truth;
      const w = seatWords(o, city, seed);
      expect(w.ambiguous).toBe(false);
      const kinds = w.facts.map((f) => f.kind);
      for (const f of w.facts) {
        expect(f.implicit).toBe(false);
        expect(w.text.zh).toContain(f.zh);
        expect(w.text.en).toContain(f.en);
        expect(f.zh.length).toBeGreaterThan(1);
      }
      expect(kinds).toContain('type');
      expect(kinds).toContain('place');
      const lead = w.text.zh.slice(0, w.text.zh.indexOf('：'));
      expect(lead).toContain(TYPE_WORDS[t.appealType].zh);
      expect(w.text.en.slice(0, w.text.en.indexOf(':'))).toMatch(TYPE_WORDS[t.appealType].en);
      if (t.channel && EMERGENCY.has(t.channel)) {
        seen.emergency++;
        expect(kinds).toContain('emergency');
        continue;
      }
      expect(kinds).toContain('problem');
      if (t.action === 'answer') {
        seen.answer++;
        expect(kinds).toContain('question');
        expect(w.text.zh).toMatch(/？$/);
        expect(w.text.en).toMatch(/\?$/);
      } else {
        expect(kinds).toContain('ask');
        // The order's summary facts: place, problem, ask.
        expect(w.facts.filter((f) => f.summary).map((f) => f.kind)).toEqual(['place', 'problem', 'ask']);
      }
      if (t.action === 'dispatch') seen.dispatch++;
      if (t.channel === 'legal') {
        seen.legal++;
        expect(kinds).toContain('legal');
      }
      if (t.channel === 'repeat') {
        seen.repeat++;
        expect(kinds).toContain('repeat');
      }
      if (t.assisting.length > 0) seen.multi++;
      // Each 协办 body is named in the words.
      const named = w.facts.filter((f) => f.kind === 'assisting').map((f) => f.unit);
      expect(named).toEqual(t.assisting);
      for (const u of t.assisting) {
        expect(w.text.zh).toContain(city.units[u]?.name);
        expect(w.text.en).toContain(city.units[u]?.nameEn);
      }
    }
    for (const [kind, n] of Object.entries(seen)) expect(n, kind).toBeGreaterThan(0);
  });

  it('scores an order summary for place, problem and ask by a transparent rule', () => {
    const dispatched = offers.filter((o) => o.truth.action === 'dispatch');
    expect(dispatched.length).toBeGreaterThan(50);
    for (const o of dispatched) {
      const facts = seatWords(o, city, seed).facts.filter((f) => f.summary);
      const [place, problem, ask] = facts;
      if (!place || !problem || !ask) throw new Error(`offer ${o.appealId} lacks a summary fact`);
      // The phrases of the text carry themselves, in either language.
      for (const f of facts) {
        expect(summaryCarries(f.zh, f)).toBe(true);
        expect(summaryCarries(f.en.toUpperCase(), f)).toBe(true);
      }
      // A summary in the dispatcher's own short words: the community without 社区居委会, the problem, an ask.
      const short = `${place.zh.replace(/社区居民委员会|社区居委会|村民委员会|村委会/, '')}${problem.zh}，请${ask.terms?.[0]}`;
      expect(facts.map((f) => summaryCarries(short, f))).toEqual([true, true, true]);
      // Saying nothing carries nothing.
      expect(facts.map((f) => summaryCarries('市民来电。', f))).toEqual([false, false, false]);
    }
  });

  it('tells an emergency as the whole story, never glued to an unrelated complaint', () => {
    const emergencies = offers.filter((o) => o.truth.channel && EMERGENCY.has(o.truth.channel));
    expect(emergencies.length).toBeGreaterThan(5);
    for (const o of emergencies) {
      const w = seatWords(o, city, seed);
      // One opening, no work-order body (whose asks say 希望相关部门 / "asks"), no problem of a category.
      expect(w.text.zh.match(/：/g)).toHaveLength(1);
      expect(w.text.zh).not.toContain('希望相关部门');
      expect(w.facts.map((f) => f.kind)).not.toContain('problem');
      // The story fits the line.
      const line = { '110': /刀/, '119': /着火|燃气/, '120': /救护车/, '122': /撞/ }[
        o.truth.channel as string
      ];
      expect(w.text.zh).toMatch(line as RegExp);
    }
  });
});

describe('the share of ambiguous cues follows the difficulty', () => {
  for (const level of ['intermediate', 'advanced'] as const) {
    it(`${level}: about ${DIFFICULTY[level].ambiguity} of the offers read ambiguously, with implicit cues`, () => {
      const p = DIFFICULTY[level].ambiguity;
      const { city, offers, seed } = offered(p);
      let ambiguous = 0;
      for (const o of offers) {
        const w = seatWords(o, city, seed);
        const implicit = w.facts.filter((f) => f.implicit);
        if (w.ambiguous) {
          ambiguous++;
          // The type is not said; the other cues are implied; the place still is.
          expect(w.facts.map((f) => f.kind)).not.toContain('type');
          expect(implicit.length).toBeGreaterThan(0);
          expect(w.facts.find((f) => f.kind === 'place')?.implicit).toBe(false);
        } else expect(implicit).toEqual([]);
      }
      // A 99.99 % binomial interval around the difficulty's ambiguity.
      const n = offers.length;
      expect(n).toBeGreaterThan(300);
      expect(Math.abs(ambiguous / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    });
  }
});

describe('wording by place and matter', () => {
  const { city, offers, seed } = offered(0, 5);

  /** An offer moved to another category, channel or place, as the words would be for it. */
  const as = (
    o: SeatOffer,
    patch: Partial<SeatOffer>,
    truth: Partial<SeatOffer['truth']> = {},
  ): SeatOffer => ({
    ...o,
    ...patch,
    truth: { ...o.truth, ...truth },
  });
  const base = offers.find((o) => o.truth.action === 'dispatch') as SeatOffer;

  it('gives villages no building numbers, flats, stairwells, lifts or radiators', () => {
    const villages = city.city.cells.flatMap((c, i) => (c.kind === 'village' ? [i] : [])).slice(0, 40);
    expect(villages.length).toBeGreaterThan(10);
    let n = 0;
    for (const cell of villages) {
      const street = city.cellStreet[cell] as number;
      city.categories.forEach((cat, category) => {
        for (const channel of [null, 'legal', cat.redirect?.channel ?? null] as const) {
          const truth = {
            action: channel ? ('redirect' as const) : ('dispatch' as const),
            channel,
            appealType: dispatchTypes(cat.id)[0] as AppealType,
            assisting: [...(city.whistleUnits[category] ?? [])].filter((u) => u >= 0),
          };
          const o = as(base, { category, textCategory: category, street, cell, appealId: n++ }, truth);
          const w = seatWords(o, city, seed);
          expect(w.text.zh).not.toMatch(/号楼|单元|小区|暖气|电梯|楼道|居民楼/);
          expect(w.text.en).not.toMatch(/Building|\bflats?\b|stairwell|radiator|\blift\b/);
        }
      });
    }
  });

  it('names the legal route that fits the matter: 劳动仲裁 only for labour disputes', () => {
    const legal = city.categories.flatMap((c, i) => ((c.legalChannel ?? 0) > 0 ? [i] : []));
    expect(legal.length).toBeGreaterThan(2);
    for (const category of legal) {
      const cat = city.categories[category];
      const o = as(
        base,
        { category, textCategory: category },
        {
          action: 'redirect',
          channel: 'legal',
          appealType: 'complaint',
          assisting: [],
        },
      );
      const w = seatWords(o, city, seed);
      const cue = w.facts.find((f) => f.kind === 'legal')?.zh ?? '';
      expect(w.text.zh).toContain(cue);
      if (cat?.group === 'labour') expect(cue).toContain('劳动仲裁');
      else expect(cue).not.toContain('劳动仲裁');
      if (cat?.id === 'consumer-disputes') expect(cue).toContain('消协');
      expect(cue).toMatch(/法院|仲裁/);
    }
  });

  it('keys the appeals of a surge batch for merging: same category, same community', () => {
    const batch = new LiveRun(exercise(0), 5, [
      { at: 3600, kind: 'inject', inject: { kind: 'ambiguous-batch', atHours: 1, hours: 0.5, count: 12 } },
    ]);
    batch.advanceTo(2 * 3600);
    const surge = offersOf(batch.seatEvents).filter((o) => appealKind(o.appealId) === 'batch');
    expect(surge.length).toBe(12);
    for (const o of surge)
      expect(o.truth.mergeKey).toBe(`${batch.model.city.categories[o.category]?.id}@${o.cell}`);
  });
});
