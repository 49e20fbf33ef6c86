import { LIBRARY_DATE, type LibraryExercise } from './types';

/** Beginner: an ordinary weekday at the desk, with one emergency to catch. */
export const normalDay: LibraryExercise = {
  id: 'lib-normal-day',
  builtin: true,
  level: 1,
  createdAt: LIBRARY_DATE,
  name: '平常的一天 · A normal weekday',
  title: { zh: '平常的一天', en: 'A normal weekday' },
  description: {
    zh: '2025 年北京一个普通工作日，节奏放慢、诉求文字清楚无歧义。学员熟悉座席：判断诉求类型、用知识库直接答复咨询、按派单目录派给主办单位并写好工单摘要；开场不久会有一件紧急诉求，必须转接相应热线。',
    en: 'An ordinary 2025 weekday in Beijing at a slow pace, every appeal worded plainly. Trainees learn the seat: record the appeal type, answer questions from the knowledge base, dispatch to the lead unit from the dispatch catalogue and write the order’s summary; early on one emergency must be redirected to its line.',
  },
  goals: [
    {
      zh: '准确判断诉求类型（咨询、求助、投诉、举报、建议）',
      en: 'Record the right appeal type (question, help, complaint, report, suggestion)',
    },
    {
      zh: '咨询类诉求用知识库直接答复，不派单',
      en: 'Answer questions from the knowledge base, without an order',
    },
    { zh: '按派单目录找准主办单位', en: 'Find the lead unit (主办) in the dispatch catalogue' },
    {
      zh: '工单摘要写明地点、问题和市民诉求',
      en: 'Write the order’s summary with the place, the problem and what the citizen asks',
    },
    { zh: '紧急情况立即转 110/119/120/122', en: 'Redirect an emergency to 110/119/120/122 at once' },
  ],
  emphasis: ['dispatch-accuracy', 'emergencies-redirected', 'decided-in-time'],
  scenario: 'beijing-weekday',
  difficulty: 'beginner',
  seats: ['T1', 'T2'],
  roles: { T1: 'dispatch', T2: 'dispatch' },
  // Assumed figures (training design): docs/ASSUMPTIONS.md, "The exercise library".
  script: [{ kind: 'emergency-batch', atHours: 0.25, hours: 0.5, count: 1 }],
};
