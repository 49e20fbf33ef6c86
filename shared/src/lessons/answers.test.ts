import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../live/protocol';
import { computeAnswers, kpiAt, stepWindows } from './answers';
import type { Lesson, PresentedStep } from './lesson-schema';

const point = (n: number, resolutionRate: number, contacts: number): SeriesPoint => ({
  n,
  at: (n + 1) * 3600,
  kpis: { resolutionRate, contacts },
  reactiveOrders: 0,
  gridOrders: 0,
  proactiveTasks: 0,
  appealsAvoided: 0,
  open: 0,
});
const series = [point(0, 0.8, 100), point(1, 0.82, 250), point(2, 0.853, 400), point(3, 0.9, 520)];

const lesson: Lesson = {
  id: 'l',
  title: { zh: '课', en: 'L' },
  summary: { zh: '课', en: 'L' },
  steps: [
    { narration: { zh: '一', en: 'one' } },
    {
      narration: { zh: '二', en: 'two' },
      question: { zh: '多少？', en: 'How many?' },
      answer: { kpi: 'contacts', at: 'now' },
    },
    {
      narration: { zh: '三', en: 'three' },
      question: { zh: '变化？', en: 'Change?' },
      answer: { kpi: 'resolutionRate', change: { fromStep: 0 } },
    },
  ],
};

describe('lesson answers from the run’s series', () => {
  it('a KPI at a time is the last hourly point at or before it', () => {
    expect(kpiAt(series, 'resolutionRate', 3599)).toBeNull();
    expect(kpiAt(series, 'resolutionRate', 7300)).toEqual({ value: 0.82, at: 7200 });
    expect(kpiAt(series, 'resolutionRate', null)).toEqual({ value: 0.9, at: 14_400 });
  });

  it('a step is on screen from its (last) presentation to the next one', () => {
    const records: PresentedStep[] = [
      { lessonId: 'l', step: 0, vt: 10 },
      { lessonId: 'l', step: 1, vt: 20 },
      { lessonId: 'l', step: 0, vt: 30 },
      { lessonId: 'other', step: 4, vt: 40 },
    ];
    expect([...stepWindows('l', records)]).toEqual([
      [0, { from: 30, to: 40 }],
      [1, { from: 20, to: 30 }],
    ]);
  });

  it('"now" freezes when the class moves on; a change counts from when the earlier step was shown, in points', () => {
    const records: PresentedStep[] = [
      { lessonId: 'l', step: 0, vt: 4000 },
      { lessonId: 'l', step: 1, vt: 9000 },
      { lessonId: 'l', step: 2, vt: 11_000 },
    ];
    const answers = computeAnswers(lesson, records, series);
    expect(answers.map((a) => [a.step, a.answer, a.unit, a.at])).toEqual([
      [1, 400, 'count', 10_800],
      // Step 2 is still on screen: the latest point (90 %) against step 0's (80 %).
      [2, 10, 'points', 14_400],
    ]);
    expect(answers[1]?.text.en).toBe(
      'Resolution rate went from 80 % (d1 01:00) to 90 % (d1 04:00): +10 points',
    );
    expect(answers[1]?.text.zh).toContain('+10 个百分点');
  });

  it('a question whose steps were not shown, or have no figure yet, has no answer yet', () => {
    expect(computeAnswers(lesson, [{ lessonId: 'l', step: 2, vt: 5000 }], series)).toEqual([]);
    // Shown before the first hourly point: nothing to count from yet.
    expect(
      computeAnswers(
        lesson,
        [
          { lessonId: 'l', step: 0, vt: 100 },
          { lessonId: 'l', step: 1, vt: 200 },
          { lessonId: 'l', step: 2, vt: 300 },
        ],
        series,
      ),
    ).toEqual([]);
  });
});
