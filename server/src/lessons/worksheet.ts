import {
  displayValue,
  kpiLabel,
  virtualClock,
  type KpiName,
  type Lesson,
  type LessonAnswer,
  type RunInfo,
  type SeriesPoint,
} from '@hotline-sim/shared';

export type WorksheetLang = 'zh' | 'en';

/** The run whose figures fill the worksheet: its info, its presentations' answers, its latest series point. */
export interface WorksheetRun {
  run: RunInfo;
  answers: readonly LessonAnswer[];
  latest: SeriesPoint | undefined;
}

/** The run's headline figures in the table, when the run has them. */
const HEADLINE_KPIS: readonly KpiName[] = [
  'contacts',
  'workOrders',
  'responseRate',
  'resolutionRate',
  'satisfactionRate',
  'proactiveShare',
];

const TEXT = {
  zh: {
    sheet: '课堂练习',
    name: '姓名：',
    date: '日期：',
    step: '第 {n} 步',
    steps: '课堂步骤',
    question: '问题',
    figures: '本次运行的数据',
    figure: '指标',
    value: '数值',
    when: '虚拟时间',
    answers: '问题的答案（来自本次运行）',
    answer: '答案',
    run: '运行 {id}：情景 {scenario}，虚拟时间 {time}',
    noRun: '课堂运行后，用本次运行的数据打印，表中会填入答案。',
    noAnswer: '尚未作答（这一步还没有演示，或还没有数据）',
  },
  en: {
    sheet: 'Worksheet',
    name: 'Name:',
    date: 'Date:',
    step: 'Step {n}',
    steps: 'Steps',
    question: 'Question',
    figures: 'Figures from the run',
    figure: 'Figure',
    value: 'Value',
    when: 'Virtual time',
    answers: 'Answers (from this run)',
    answer: 'Answer',
    run: 'Run {id}: scenario {scenario}, virtual time {time}',
    noRun: 'Print it again after the class from its run, and the table is filled in with the answers.',
    noAnswer: 'not answered yet (the step was not presented, or had no figures yet)',
  },
} as const;

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_m, key: string) => String(values[key] ?? ''));

/** Text made safe to place in HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const UNIT_SUFFIX: Record<string, string> = { '%': ' %', points: ' pt', count: '' };
const withUnit = (value: number, unit: string) => `${value}${UNIT_SUFFIX[unit] ?? ` ${unit}`}`;

function figuresTable(lang: WorksheetLang, lesson: Lesson, data: WorksheetRun): string {
  const t = TEXT[lang];
  const { latest } = data;
  const rows = HEADLINE_KPIS.flatMap((kpi) => {
    const v = latest?.kpis[kpi];
    if (v === undefined || !latest) return [];
    const shown = displayValue(kpi, v);
    return [
      `<tr><td>${escapeHtml(kpiLabel(kpi)[lang])}</td><td class="num">${escapeHtml(withUnit(shown.value, shown.unit))}</td><td>${virtualClock(latest.at)}</td></tr>`,
    ];
  });
  const answerRows = lesson.steps.flatMap((step, i) => {
    if (!step.question || !step.answer) return [];
    const a = data.answers.find((x) => x.step === i);
    const cell = a ? escapeHtml(a.text[lang]) : `<span class="muted">${escapeHtml(t.noAnswer)}</span>`;
    return [
      `<tr><td>${fill(t.step, { n: i + 1 })}</td><td>${escapeHtml(step.question[lang])}</td><td>${cell}</td></tr>`,
    ];
  });
  const run = fill(t.run, {
    id: escapeHtml(data.run.id),
    scenario: escapeHtml(data.run.scenario),
    time: virtualClock(data.run.virtualTime),
  });
  return `<section class="figures">
<h2>${t.figures}</h2>
<p class="muted">${run}</p>
<table><thead><tr><th>${t.figure}</th><th>${t.value}</th><th>${t.when}</th></tr></thead><tbody>${rows.join('')}</tbody></table>
<h3>${t.answers}</h3>
<table><thead><tr><th></th><th>${t.question}</th><th>${t.answer}</th></tr></thead><tbody>${answerRows.join('')}</tbody></table>
</section>`;
}

/**
 * A lesson's worksheet as one printable page of HTML (A4): the title and summary, each step's
 * narration in the reader's language with its question and blank lines to answer on, and, when a
 * run is given, a table of the run's figures with the questions' answers filled in.
 */
export function worksheetHtml(lesson: Lesson, lang: WorksheetLang, data?: WorksheetRun): string {
  const t = TEXT[lang];
  const steps = lesson.steps
    .map((step, i) => {
      const question = step.question
        ? `<div class="question"><strong>${escapeHtml(step.question[lang])}</strong><div class="lines"><span></span><span></span></div></div>`
        : '';
      return `<li><h3>${fill(t.step, { n: i + 1 })}</h3><p>${escapeHtml(step.narration[lang])}</p>${question}</li>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(lesson.title[lang])} · ${t.sheet}</title>
<style>
  @page { size: A4; margin: 16mm 14mm; }
  body { font-family: 'Noto Sans CJK SC', 'Noto Sans SC', 'WenQuanYi Micro Hei', 'PingFang SC', 'Microsoft YaHei', sans-serif; font-size: 11pt; line-height: 1.5; color: #111; }
  h1 { font-size: 18pt; margin: 0 0 4pt; }
  h2 { font-size: 14pt; margin: 14pt 0 4pt; }
  h3 { font-size: 11pt; margin: 8pt 0 2pt; }
  .who { display: flex; gap: 24pt; margin: 6pt 0 10pt; }
  .who span { flex: 1; border-bottom: 1px solid #555; padding-bottom: 2pt; }
  ol { list-style: none; padding: 0; margin: 0; }
  li { break-inside: avoid; margin-bottom: 6pt; }
  .question { margin: 4pt 0 0 12pt; }
  .lines span { display: block; border-bottom: 1px solid #999; height: 20pt; }
  table { border-collapse: collapse; width: 100%; margin: 4pt 0; }
  th, td { border: 1px solid #999; padding: 3pt 5pt; text-align: left; vertical-align: top; }
  .num { text-align: right; font-variant-numeric: tabular-nums; }
  .muted { color: #555; }
  .nowrap { white-space: nowrap; }
  .figures { break-before: auto; }
</style>
</head>
<body>
<h1>${escapeHtml(lesson.title[lang])}</h1>
<p>${escapeHtml(lesson.summary[lang])}</p>
<div class="who"><span>${t.name}</span><span>${t.date}</span></div>
<h2>${t.steps}</h2>
<ol>
${steps}
</ol>
${data ? figuresTable(lang, lesson, data) : `<p class="muted">${t.noRun}</p>`}
</body>
</html>
`;
}
