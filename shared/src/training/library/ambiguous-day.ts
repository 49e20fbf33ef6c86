import { LIBRARY_DATE, type LibraryExercise } from './types';

/** Intermediate to advanced: appeals whose words point at a neighbouring category. */
export const ambiguousDay: LibraryExercise = {
  id: 'lib-ambiguous-day',
  builtin: true,
  level: 4,
  createdAt: LIBRARY_DATE,
  name: '归类难辨的一天 · An ambiguous-categories day',
  title: { zh: '归类难辨的一天', en: 'An ambiguous-categories day' },
  description: {
    zh: '许多诉求的说法像是相邻类别：施工噪声还是生活噪声，群租还是物业纠纷，消费纠纷还是无照经营。学员要听清问题本身、查派单目录，找准主办单位，减少因派错造成的退单。',
    en: 'Many appeals read like a neighbouring category: building-site or neighbour noise, group rental or a property dispute, a consumer dispute or unlicensed trading. Trainees listen for the problem itself, check the dispatch catalogue and find the lead unit, so that few orders come back as not the unit’s.',
  },
  goals: [
    {
      zh: '听清问题本身，不被相似说法误导',
      en: 'Hear the problem itself, not the words that sound like another',
    },
    { zh: '拿不准时查派单目录', en: 'Check the dispatch catalogue when unsure' },
    { zh: '因派错造成的退单不超过 15%', en: 'Keep returns caused by wrong dispatches under 15 %' },
  ],
  emphasis: ['dispatch-accuracy', 'returns-caused'],
  scenario: 'beijing-weekday',
  difficulty: 'advanced',
  seats: ['T1', 'T2', 'T3'],
  roles: { T1: 'dispatch', T2: 'dispatch', T3: 'dispatch' },
  // Assumed figures (training design): docs/ASSUMPTIONS.md, "The exercise library".
  script: [
    { kind: 'ambiguous-batch', atHours: 0.25, hours: 2, count: 15 },
    { kind: 'ambiguous-batch', atHours: 4, hours: 2, count: 15 },
  ],
};
