import type { TraineeProgress } from '@hotline-sim/shared';
import { escapeHtml } from '../lessons/worksheet';

export type CertificateLang = 'zh' | 'en';

const TEXT = {
  zh: {
    title: '接诉即办派单员培训 · 结业证明',
    seat: '学员（座席）：',
    printed: '打印日期：',
    lead: '该学员在 12345 热线模拟器中完成了以下培训演练，各项评分如下。',
    runs: '完成的演练',
    exercise: '演练',
    difficulty: '难度',
    finished: '完成时间',
    decided: '处置 / 正确',
    result: '结果',
    passed: '通过',
    failed: '未通过',
    items: '评分项（最近一次与变化趋势）',
    item: '评分项',
    mark: '标准',
    latest: '最近',
    trend: '趋势',
    none: '无相关诉求',
    better: '进步',
    worse: '退步',
    same: '持平',
    goals: '已掌握的培训目标（已通过演练的学习目标）',
    noRuns: '该学员尚未完成任何演练。',
    trainer: '培训教员签字：',
    date: '日期：',
    levels: { beginner: '初级', intermediate: '中级', advanced: '高级' },
  },
  en: {
    title: '12345 dispatcher training · Certificate',
    seat: 'Trainee (seat):',
    printed: 'Printed:',
    lead: 'The trainee completed the following exercises on the 12345 hotline simulator, scored as below.',
    runs: 'Exercises completed',
    exercise: 'Exercise',
    difficulty: 'Difficulty',
    finished: 'Finished',
    decided: 'Decided / right',
    result: 'Result',
    passed: 'passed',
    failed: 'not passed',
    items: 'Rubric items (latest value and trend)',
    item: 'Item',
    mark: 'Mark',
    latest: 'Latest',
    trend: 'Trend',
    none: 'no cases',
    better: 'better',
    worse: 'worse',
    same: 'level',
    goals: 'Learning goals met (of the exercises passed)',
    noRuns: 'The trainee has not finished an exercise yet.',
    trainer: 'Trainer’s signature:',
    date: 'Date:',
    levels: { beginner: 'beginner', intermediate: 'intermediate', advanced: 'advanced' },
  },
} as const;

/** A rubric value as the hot wash shows it: minutes with one decimal, shares as percentages. */
const shown = (id: string, value: number) =>
  id === 'time-to-decide' ? value.toFixed(1) : `${Math.round(value * 100)} %`;

/**
 * A trainee's certificate-style summary as one printable page of HTML (A4): the exercises finished
 * with their results, each rubric item's latest value against its mark and its trend, the learning
 * goals of the exercises passed, and lines for the trainer to sign.
 */
export function certificateHtml(progress: TraineeProgress, lang: CertificateLang, printedAt: Date): string {
  const t = TEXT[lang];
  const runs = progress.runs
    .map(
      (r) =>
        `<tr><td>${escapeHtml(r.name)}</td><td>${r.difficulty ? t.levels[r.difficulty] : ''}</td><td class="nowrap">${escapeHtml(r.finishedAt.slice(0, 16).replace('T', ' '))}</td><td class="num">${r.decided} / ${r.correct}</td><td>${r.passed ? t.passed : t.failed}</td></tr>`,
    )
    .join('');
  const items = progress.items
    .map((i) => {
      const mark = `${i.higherIsBetter ? '≥' : '≤'} ${shown(i.id, i.threshold)}`;
      const latest = i.latest
        ? `${shown(i.id, i.latest.value)} ${i.latest.passed ? '✓' : '✗'}`
        : `<span class="muted">${t.none}</span>`;
      const trend = !i.trend
        ? ''
        : i.trend.change === 0
          ? `→ ${t.same}`
          : `${i.trend.change > 0 ? '↑' : '↓'} ${i.trend.better ? t.better : t.worse}`;
      return `<tr data-item="${escapeHtml(i.id)}"><td>${escapeHtml(i[lang])}</td><td class="nowrap">${mark}</td><td class="nowrap">${latest}</td><td class="nowrap">${trend}</td></tr>`;
    })
    .join('');
  const goals = progress.goalsMet.map((g) => `<li>${escapeHtml(g[lang])}</li>`).join('');
  const body =
    progress.runs.length === 0
      ? `<p class="muted">${t.noRuns}</p>`
      : `<h2>${t.runs}</h2>
<table><thead><tr><th>${t.exercise}</th><th>${t.difficulty}</th><th>${t.finished}</th><th>${t.decided}</th><th>${t.result}</th></tr></thead><tbody>${runs}</tbody></table>
<h2>${t.items}</h2>
<table><thead><tr><th>${t.item}</th><th>${t.mark}</th><th>${t.latest}</th><th>${t.trend}</th></tr></thead><tbody>${items}</tbody></table>
${goals ? `<h2>${t.goals}</h2><ul>${goals}</ul>` : ''}`;
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${t.title} · ${escapeHtml(progress.seat)}</title>
<style>
  @page { size: A4; margin: 18mm 16mm; }
  body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Zen Hei', 'WenQuanYi Micro Hei', 'PingFang SC', 'Microsoft YaHei', sans-serif; font-size: 11pt; line-height: 1.5; color: #111; }
  .frame { border: 3px double #444; padding: 14pt 18pt; }
  h1 { font-size: 20pt; text-align: center; margin: 0 0 8pt; }
  h2 { font-size: 13pt; margin: 12pt 0 4pt; }
  .who { font-size: 14pt; text-align: center; margin: 4pt 0; }
  table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
  th, td { border: 1px solid #999; padding: 3pt 5pt; text-align: left; vertical-align: top; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  .muted { color: #555; }
  .nowrap { white-space: nowrap; }
  .sign { display: flex; gap: 24pt; margin-top: 24pt; }
  .sign span { flex: 1; border-bottom: 1px solid #555; padding-bottom: 2pt; }
</style>
</head>
<body>
<div class="frame">
<h1>${t.title}</h1>
<p class="who">${t.seat} <strong data-testid="certificate-seat">${escapeHtml(progress.seat)}</strong></p>
<p class="muted">${t.printed} ${printedAt.toISOString().slice(0, 10)}</p>
<p>${t.lead}</p>
${body}
<div class="sign"><span>${t.trainer}</span><span>${t.date}</span></div>
</div>
</body>
</html>
`;
}
