import { BUILT_IN_LESSONS, type Lesson, type RunInfo } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { worksheetHtml } from '../src/lessons';

const lesson: Lesson = {
  id: 'sheet',
  title: { zh: '练习 <一>', en: 'Sheet <one> & "two"' },
  summary: { zh: '摘要', en: 'Summary' },
  steps: [
    { narration: { zh: '第一步', en: '<script>alert(1)</script>' } },
    {
      narration: { zh: '第二步', en: 'Second' },
      question: { zh: '解决率？', en: 'Resolution?' },
      answer: { kpi: 'resolutionRate', at: 'now' },
    },
  ],
};

const run: RunInfo = {
  id: 'r1',
  scenario: 'beijing-weekday',
  city: 'beijing',
  seed: 1,
  status: 'paused',
  speed: 60,
  effectiveSpeed: 0,
  virtualTime: 7_260,
  horizon: 86_400,
  start: '2025-03-12',
  clock: 'virtual',
  createdAt: '',
  appeals: 10,
  transitions: 40,
};

describe('worksheet page', () => {
  it('prints the reader’s language, escaped, with blank lines under each question', () => {
    const en = worksheetHtml(lesson, 'en');
    expect(en).toContain('<h1>Sheet &#60;one&#62; &#38; &#34;two&#34;</h1>');
    expect(en).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(en).not.toContain('<script>');
    expect(en).not.toContain('第二步');
    expect(en.match(/class="question"/g)).toHaveLength(1);
    // Without a run: no figures, a note saying how to get them.
    expect(en).not.toContain('Figures from the run');
    expect(worksheetHtml(lesson, 'zh')).toContain('<p>第二步</p>');
  });

  it('with a run: its figures and the answers in a table, unanswered questions said so', () => {
    const latest = {
      n: 1,
      at: 7_200,
      kpis: { contacts: 1234, resolutionRate: 0.8768 },
      reactiveOrders: 0,
      gridOrders: 0,
      proactiveTasks: 0,
      appealsAvoided: 0,
      open: 0,
    };
    const page = worksheetHtml(lesson, 'en', { run, answers: [], latest });
    expect(page).toContain('Run r1: scenario beijing-weekday, virtual time d1 02:01');
    expect(page).toContain('<td class="num">87.7 %</td>');
    expect(page).toContain('<td class="num">1234</td>');
    expect(page).toContain('not answered yet');
    const answered = worksheetHtml(lesson, 'zh', {
      run,
      answers: [
        {
          step: 1,
          question: { zh: '解决率？', en: 'Resolution?' },
          answer: 87.7,
          unit: '%',
          text: { zh: '解决率：87.7%', en: 'x' },
        },
      ],
      latest,
    });
    expect(answered).toContain('解决率：87.7%');
    expect(answered).not.toContain('尚未作答');
  });

  it('every built-in lesson prints in both languages', () => {
    for (const l of BUILT_IN_LESSONS)
      for (const lang of ['zh', 'en'] as const)
        expect(worksheetHtml(l, lang)).toContain(`<h1>${l.title[lang].replace(/'/g, '&#39;')}</h1>`);
  });
});
