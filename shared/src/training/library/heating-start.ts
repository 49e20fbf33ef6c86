import { LIBRARY_DATE, type LibraryExercise } from './types';

/** Beginner to intermediate: the first days of the heating season, one matter swamping the desk. */
export const heatingStart: LibraryExercise = {
  id: 'lib-heating-start',
  builtin: true,
  level: 2,
  createdAt: LIBRARY_DATE,
  name: '供暖季开始 · Heating season starts',
  title: { zh: '供暖季开始', en: 'Heating season starts' },
  description: {
    zh: '2025 年 11 月 14 日，试供暖开始，“暖气不热”的来电成倍增加，次日正式供暖；供热企业的处置一度中断。学员在同类诉求扎堆时仍要分清归属：小区内管线归物业，楼外管网归供热企业，政策咨询用知识库答复。',
    en: '14 November 2025: trial heating begins and “the radiator is cold” calls multiply, with the season proper the next day; the heat utility’s handling stops for a while. Amid a pile of alike appeals trainees still tell owners apart: pipes inside the estate are the property manager’s, the network outside the heat utility’s, and policy questions are answered from the knowledge base.',
  },
  goals: [
    {
      zh: '同类诉求扎堆时仍按派单目录分清主办单位',
      en: 'Keep finding the owner in the catalogue when one matter floods in',
    },
    {
      zh: '区分供热咨询（直接答复）与报修（派单）',
      en: 'Tell a heating question (answered at once) from a repair request (an order)',
    },
    {
      zh: '供热企业停摆期间照常派单，不因积压改派',
      en: 'Keep dispatching to the heat utility while it is down: a backlog is no reason to reroute',
    },
  ],
  emphasis: ['dispatch-accuracy', 'returns-caused', 'decided-in-time'],
  scenario: 'heating-season',
  difficulty: 'beginner',
  seats: ['T1', 'T2'],
  roles: { T1: 'dispatch', T2: 'dispatch' },
  // Assumed figures (training design): docs/ASSUMPTIONS.md, "The exercise library".
  script: [
    // 试供暖 (trial heating) a day before the season: the heating surge from the first hour.
    { kind: 'heating-start', atHours: 0.25, hours: 48, factor: 3 },
    { kind: 'outage', atHours: 2, hours: 3, unitId: 'heat' },
  ],
};
