import type { SeriesPoint } from '../live/protocol';
import { KPIS, type KpiName } from '../report/kpis';
import type { Bilingual, Lesson, LessonAnswer, PresentedStep } from './lesson-schema';

/**
 * When a presented step was on screen in a run: from the virtual second it was (last) presented to
 * the next presentation after it (any step), or open-ended while it is still the current one.
 */
export interface StepWindow {
  from: number;
  /** Null while the step is still the one on screen. */
  to: number | null;
}

/** Each step's window in `records` (a run's presentations in order); a step presented twice counts its last. */
export function stepWindows(lessonId: string, records: readonly PresentedStep[]): Map<number, StepWindow> {
  const windows = new Map<number, StepWindow>();
  records.forEach((r, i) => {
    if (r.lessonId !== lessonId) return;
    windows.set(r.step, { from: r.vt, to: records[i + 1]?.vt ?? null });
  });
  return windows;
}

/** The KPI's value in the last series point at or before `at` (any point when `at` is null); null if none carries it. */
export function kpiAt(
  series: readonly SeriesPoint[],
  kpi: KpiName,
  at: number | null,
): { value: number; at: number } | null {
  let found: SeriesPoint | undefined;
  for (const p of series) if (at === null || p.at <= at) found = p;
  const value = found?.kpis[kpi];
  return found && value !== undefined && Number.isFinite(value) ? { value, at: found.at } : null;
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The KPI's short name: the English label up to its colon. */
export function kpiLabel(kpi: KpiName): Bilingual {
  const d = KPIS[kpi];
  return { zh: d.zh, en: d.en.split(':')[0] ?? d.en };
}

/** A KPI value as the class reads it: rates in per cent (1 decimal), the rest in the KPI's unit (2 decimals). */
export function displayValue(kpi: KpiName, value: number): { value: number; unit: string } {
  const unit = KPIS[kpi].unit;
  return unit === 'share' ? { value: round(value * 100, 1), unit: '%' } : { value: round(value, 2), unit };
}

const UNIT_TEXT: Record<string, Bilingual> = {
  '%': { zh: '%', en: ' %' },
  points: { zh: ' 个百分点', en: ' points' },
  count: { zh: '', en: '' },
  h: { zh: ' 小时', en: ' h' },
  min: { zh: ' 分钟', en: ' min' },
  s: { zh: ' 秒', en: ' s' },
};
const withUnit = (value: number, unit: string, lang: 'zh' | 'en', sign = false) =>
  `${sign && value > 0 ? '+' : ''}${value}${UNIT_TEXT[unit]?.[lang] ?? ` ${unit}`}`;

/** Minutes and hours of a virtual second from the start, `d2 10:00` style (day 1 first). */
export function virtualClock(at: number): string {
  const day = Math.floor(at / 86_400) + 1;
  const h = Math.floor((at % 86_400) / 3600);
  const m = Math.floor((at % 3600) / 60);
  return `d${day} ${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/**
 * The answers of `lesson`'s questions from a run's own figures: its presentations (`records`, in
 * order) and its hourly series. `at: now` is the KPI when the class left the question's step (the
 * latest point while the step is still on screen); `change` is that minus the KPI when step
 * `fromStep` was presented (rates in percentage points). A question whose steps were not presented,
 * or whose KPI has no value yet at those times, has no answer yet and is left out.
 */
export function computeAnswers(
  lesson: Lesson,
  records: readonly PresentedStep[],
  series: readonly SeriesPoint[],
): (LessonAnswer & { at: number })[] {
  const windows = stepWindows(lesson.id, records);
  const out: (LessonAnswer & { at: number })[] = [];
  lesson.steps.forEach((step, i) => {
    const window = windows.get(i);
    if (!step.question || !step.answer || !window) return;
    const { kpi } = step.answer;
    const now = kpiAt(series, kpi, window.to);
    if (!now) return;
    const label = kpiLabel(kpi);
    const shown = displayValue(kpi, now.value);
    if ('at' in step.answer) {
      out.push({
        step: i,
        question: step.question,
        answer: shown.value,
        unit: shown.unit,
        at: now.at,
        text: {
          zh: `${label.zh}：${withUnit(shown.value, shown.unit, 'zh')}（虚拟时间 ${virtualClock(now.at)}）`,
          en: `${label.en}: ${withUnit(shown.value, shown.unit, 'en')} (virtual ${virtualClock(now.at)})`,
        },
      });
      return;
    }
    const fromWindow = windows.get(step.answer.change.fromStep);
    const before = fromWindow ? kpiAt(series, kpi, fromWindow.from) : null;
    if (!before) return;
    const was = displayValue(kpi, before.value);
    const change = round(shown.value - was.value, shown.unit === '%' ? 1 : 2);
    const unit = shown.unit === '%' ? 'points' : shown.unit;
    out.push({
      step: i,
      question: step.question,
      answer: change,
      unit,
      at: now.at,
      text: {
        zh: `${label.zh}从 ${withUnit(was.value, shown.unit, 'zh')}（${virtualClock(before.at)}）变为 ${withUnit(shown.value, shown.unit, 'zh')}（${virtualClock(now.at)}）：${withUnit(change, unit, 'zh', true)}`,
        en: `${label.en} went from ${withUnit(was.value, shown.unit, 'en')} (${virtualClock(before.at)}) to ${withUnit(shown.value, shown.unit, 'en')} (${virtualClock(now.at)}): ${withUnit(change, unit, 'en', true)}`,
      },
    });
  });
  return out;
}
