import { describe, expect, it } from 'vitest';
import type { ScoreItem, SeatScore } from '../score';
import type { TrainingResult } from '../wire';
import { traineeProgress } from './progress';

const item = (id: ScoreItem['id'], value: number, cases: number, threshold: number, passed: boolean) =>
  ({ id, class: 'essential', zh: id, en: id, cases, met: 0, value, threshold, passed }) as ScoreItem;

const result = (runId: string, seat: string, finishedAt: string, items: ScoreItem[], passed = true) =>
  ({
    runId,
    exerciseId: 'lib-normal-day',
    seat,
    passed,
    finishedAt,
    score: { seat, offered: 5, decided: 4, timedOut: 1, correct: 3, items, passed } as SeatScore,
  }) satisfies TrainingResult;

describe('trainee progress', () => {
  const results = [
    // Given out of order, with another trainee's result among them.
    result('r2', 'ann', '2026-12-02T10:00:00Z', [
      item('dispatch-accuracy', 0.9, 10, 0.8, true),
      item('returns-caused', 0.1, 10, 0.15, true),
      item('emergencies-redirected', 1, 0, 1, true),
    ]),
    result('r9', 'bo', '2026-12-02T09:30:00Z', [item('dispatch-accuracy', 0.2, 5, 0.8, false)], false),
    result(
      'r1',
      'ann',
      '2026-12-02T09:00:00Z',
      [
        item('dispatch-accuracy', 0.5, 8, 0.8, false),
        item('returns-caused', 0.3, 8, 0.15, false),
        item('emergencies-redirected', 0, 1, 1, false),
      ],
      false,
    ),
  ];
  const goals = [{ zh: '派单', en: 'Dispatch' }];
  const progress = traineeProgress('ann', results, () => ({
    name: 'Normal day',
    difficulty: 'beginner',
    goals,
  }));

  it('lists the trainee’s runs oldest first, and no one else’s', () => {
    expect(progress.runs.map((r) => r.runId)).toEqual(['r1', 'r2']);
    expect(progress.runs[0]).toMatchObject({ name: 'Normal day', difficulty: 'beginner', passed: false });
  });

  it('gives each item its values per run and its trend, better by the item’s direction', () => {
    const byId = new Map(progress.items.map((i) => [i.id, i]));
    const accuracy = byId.get('dispatch-accuracy');
    expect(accuracy?.values).toEqual([0.5, 0.9]);
    expect(accuracy?.trend?.change).toBeCloseTo(0.4);
    expect(accuracy?.trend?.better).toBe(true);
    expect(accuracy?.latest).toEqual({ value: 0.9, passed: true });
    // Returns fell: lower is better.
    const returns = byId.get('returns-caused');
    expect(returns?.higherIsBetter).toBe(false);
    expect(returns?.trend?.change).toBeCloseTo(-0.2);
    expect(returns?.trend?.better).toBe(true);
    // No emergency in the second run: one point only, so no trend, and the latest is the first run's.
    const emergencies = byId.get('emergencies-redirected');
    expect(emergencies?.values).toEqual([0, null]);
    expect(emergencies?.trend).toBeNull();
    expect(emergencies?.latest).toEqual({ value: 0, passed: false });
  });

  it('credits the goals of the exercises passed only', () => {
    expect(progress.goalsMet).toEqual(goals);
    const none = traineeProgress('bo', results, () => ({ name: 'x', difficulty: 'beginner', goals }));
    expect(none.goalsMet).toEqual([]);
    expect(none.items[0]?.trend).toBeNull();
  });
});
