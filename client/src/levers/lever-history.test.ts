import { describe, expect, it } from 'vitest';
import type { LeverChange } from '../api';
import { leverAt, leverValueText } from './lever-format';
import { changeLabel, changeMarks, historyFromServer, withChanges } from './lever-history';

const LIMIT = 'lifecycle.whistle.reportLimitMinutes';
const WHISTLE = 'lifecycle.whistle.enabled';

const change = (at: number, set: Record<string, unknown>, source: LeverChange['source'] = 'instructor') => ({
  at,
  set,
  source,
});

describe('lever history: values and changes of a live run', () => {
  it('takes a change’s previous value from the change before it of the same lever', () => {
    const h = historyFromServer({
      values: { [LIMIT]: 15, [WHISTLE]: true },
      changes: [change(7200, { [LIMIT]: 15 }), change(3600, { [LIMIT]: 30, [WHISTLE]: true }, 'timeline')],
    });
    expect(h.changes.map((c) => c.at)).toEqual([3600, 7200]);
    // The first change of each lever: the server does not say what it was before.
    expect(h.changes[0]?.from).toEqual({});
    expect(h.changes[1]?.from).toEqual({ [LIMIT]: 30 });
  });

  it('applies a change from a socket update once, with the values held before it', () => {
    const h = historyFromServer({ values: { [LIMIT]: 60 }, changes: [] });
    const once = withChanges(h, [change(3600, { [LIMIT]: 20 })]);
    expect(once.values[LIMIT]).toBe(20);
    expect(once.changes).toEqual([{ ...change(3600, { [LIMIT]: 20 }), from: { [LIMIT]: 60 } }]);
    // The POST's answer and the socket's update report the same change: counted once.
    const twice = withChanges(once, [change(3600, { [LIMIT]: 20 })]);
    expect(twice).toBe(once);
  });

  it('keeps what it saw when the server answers again (after a reconnect), and later socket changes', () => {
    const seen = withChanges(historyFromServer({ values: { [LIMIT]: 60 }, changes: [] }), [
      change(3600, { [LIMIT]: 20 }),
      change(5400, { [WHISTLE]: false }),
    ]);
    // The server's answer was read before the second change took effect.
    const again = historyFromServer(
      { values: { [LIMIT]: 20, [WHISTLE]: true }, changes: [change(3600, { [LIMIT]: 20 })] },
      seen,
    );
    expect(again.changes.map((c) => c.at)).toEqual([3600, 5400]);
    expect(again.changes[0]?.from).toEqual({ [LIMIT]: 60 });
    expect(again.values[WHISTLE]).toBe(false);
  });
});

describe('lever change labels and marks', () => {
  it('says which lever changed from what to what, in both languages', () => {
    const [c] = withChanges(historyFromServer({ values: { [LIMIT]: 60 }, changes: [] }), [
      change(3600, { [LIMIT]: 15 }),
    ]).changes;
    if (!c) throw new Error('no change');
    expect(changeLabel(c)).toEqual({
      zh: '报到时限（分钟）: 60 分钟 → 15 分钟',
      en: 'Report limit, minutes: 60 min → 15 min',
    });
  });

  it('puts a timeline entry’s label first and says only the new value when the old is unknown', () => {
    const h = historyFromServer({
      values: {},
      changes: [{ ...change(0, { [WHISTLE]: true }, 'timeline'), label: { zh: '吹哨报到', en: 'Whistle' } }],
    });
    const [mark] = changeMarks(h.changes);
    expect(mark).toEqual({
      at: 0,
      source: 'timeline',
      label: {
        zh: '吹哨报到; 街乡吹哨、部门报到: → 开启',
        en: 'Whistle; Street whistle, departments report: → On',
      },
    });
  });

  it('writes values with their unit: shares as percentages, long time limits in days, choices by name', () => {
    const find = (path: string) => leverAt(path);
    expect(leverValueText('en', find('lifecycle.adoption.whistle.share'), 0.51)).toBe('51.0%');
    expect(leverValueText('en', find('lifecycle.timeLimits.7d'), 120)).toBe('5 days');
    expect(leverValueText('zh', find('lifecycle.timeLimits.2h'), 4)).toBe('4 小时');
    expect(leverValueText('en', find('lifecycle.dispatch.mode'), 'direct')).toBe('Direct to the street');
    expect(leverValueText('en', find('lifecycle.demandYear'), 2024)).toBe('2024');
    expect(leverValueText('en', find('lifecycle.units.capacity.street'), 0.5)).toBe('×0.50');
  });
});
