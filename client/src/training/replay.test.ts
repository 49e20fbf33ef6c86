import type { DecisionReview, SeatTruth } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { consequenceText, decisionText, vclock, vspan } from './format';
import { replayEnd, replayRows } from './replay';

const truth: SeatTruth = {
  action: 'dispatch',
  channel: null,
  unit: 3,
  whistle: false,
  slaClass: '24h',
  appealType: 'complaint',
  assisting: [],
  kbEntry: null,
  mergeKey: null,
  facts: [],
};
const review = (over: Partial<DecisionReview>): DecisionReview => ({
  appealId: 1,
  offeredAt: 600,
  decidedAt: null,
  decision: null,
  truth,
  correct: false,
  summary: null,
  category: 0,
  textCategory: 0,
  consequences: [],
  ...over,
});
const decided = review({
  appealId: 7,
  offeredAt: 600,
  decidedAt: 900,
  decision: { appealId: 7, action: 'dispatch', unit: 5 },
  consequences: [{ kind: 'returned', at: 4000, detail: 'not-ours' }],
});
const missed = review({ appealId: 8, offeredAt: 1200 });

describe('the replay at a scrubber time', () => {
  it('shows only what had happened by then', () => {
    expect(replayRows([decided, missed], 500, 1800, true)).toEqual([]);
    const [before] = replayRows([decided, missed], 700, 1800, false);
    expect(before).toMatchObject({ decided: false, timedOut: false, consequences: [] });
    const [after] = replayRows([decided], 1000, 1800, false);
    expect(after).toMatchObject({ decided: true, consequences: [] });
    expect(replayRows([decided], 4000, 1800, false)[0]?.consequences).toEqual(decided.consequences);
  });

  it('lists undecided appeals on request, timed out only once their hold has passed', () => {
    expect(replayRows([decided, missed], 5000, 1800, false).map((r) => r.review.appealId)).toEqual([7]);
    const rows = (at: number) => replayRows([decided, missed], at, 1800, true);
    expect(rows(2000)[1]).toMatchObject({ decided: false, timedOut: false });
    expect(rows(3000)[1]).toMatchObject({ decided: false, timedOut: true });
  });

  it('ends a minute after the last event, on a whole minute', () => {
    expect(replayEnd([{ decisions: [decided] }, { decisions: [missed] }])).toBe(4080);
    expect(replayEnd([])).toBe(60);
  });
});

describe('training labels', () => {
  const t = (key: string, vars?: Record<string, string | number>) => `${key}${JSON.stringify(vars ?? {})}`;
  const units = [0, 1, 2, 3, 4, 5].map((i) => ({
    id: `s${i}`,
    kind: 'street',
    name: `街道${i}`,
    nameEn: `Street ${i}`,
    lon: 0,
    lat: 0,
  }));

  it('writes virtual times as day and clock, spans as h:mm:ss', () => {
    expect(vclock(0)).toBe('D1 00:00');
    expect(vclock(86400 + 3 * 3600 + 7 * 60 + 59)).toBe('D2 03:07');
    expect(vspan(65)).toBe('1:05');
    expect(vspan(3 * 3600 + 65)).toBe('3:01:05');
    expect(vspan(-5)).toBe('0:00');
  });

  it('names decisions and consequences', () => {
    expect(decisionText(t, null, units, 'en')).toBe('actionNone{}');
    expect(decisionText(t, { action: 'dispatch', unit: 5 }, units, 'en')).toBe(
      'actionDispatch{"unit":"Street 5"}',
    );
    expect(decisionText(t, { action: 'dispatch', unit: 5 }, units, 'zh')).toBe(
      'actionDispatch{"unit":"街道5"}',
    );
    expect(decisionText(t, { action: 'redirect', channel: '120' }, units, 'en')).toBe(
      'actionRedirect{"channel":"120"}',
    );
    expect(decisionText(t, { action: 'answer', kbEntry: 'kb:heating' }, units, 'en')).toBe(
      'deskAnswerKb{"entry":"kb:heating"}',
    );
    expect(decisionText(t, { action: 'answer' }, units, 'en')).toBe('actionAnswer{}');
    expect(decisionText(t, { action: 'merge', mergeInto: 42 }, units, 'en')).toBe(
      'deskMergedInto{"appeal":42}',
    );
    expect(consequenceText(t, { kind: 'returned', at: 0, detail: 'not-ours' })).toBe(
      'conseqReturned{"reason":"reasonNotOurs{}"}',
    );
  });
});
