import { LIBRARY_DATE, type LibraryExercise } from './types';

/**
 * Advanced: a mass event, many callers about one problem at one place, to be merged (并单): a
 * batch of duplicates (one merge key, several callers) inside a surge of alike appeals, and an
 * ambiguous batch so that not everything that looks alike is.
 */
export const massEvent: LibraryExercise = {
  id: 'lib-mass-event',
  builtin: true,
  level: 5,
  createdAt: LIBRARY_DATE,
  name: '群体性诉求 · A mass event',
  title: { zh: '群体性诉求', en: 'A mass event' },
  description: {
    zh: '朝阳区一个新建小区延期交房、物业停水，业主们在同一上午接连来电。同一地点的同一问题应并单为一张工单，不同问题不能并；在高峰中仍要看清每一件是否另有主办单位。',
    en: 'In Chaoyang a new estate’s handover is late and its property manager has cut the water: owners call one after another the same morning. The same problem at the same place is merged into one order (并单), different problems never are; in the rush each call is still read for a different lead unit.',
  },
  goals: [
    { zh: '同一地点、同一问题的诉求并单', en: 'Merge appeals about the same problem at the same place' },
    { zh: '不把不同问题误并为一单', en: 'Never merge different problems' },
    { zh: '高峰时段保持派单准确并按时处置', en: 'Keep dispatches right and on time at the peak' },
  ],
  emphasis: ['merges', 'dispatch-accuracy', 'decided-in-time', 'time-to-decide'],
  scenario: 'beijing-weekday',
  difficulty: 'advanced',
  seats: ['T1', 'T2', 'T3', 'T4'],
  roles: { T1: 'dispatch', T2: 'dispatch', T3: 'dispatch', T4: 'dispatch' },
  // Assumed figures (training design): docs/ASSUMPTIONS.md, "The exercise library".
  script: [
    {
      kind: 'surge',
      atHours: 0.25,
      hours: 4,
      factor: 8,
      categories: ['real-estate', 'property-management', 'water-supply'],
      districtId: '110105',
    },
    { kind: 'duplicates-batch', atHours: 0.5, hours: 1, count: 8 },
    { kind: 'ambiguous-batch', atHours: 1, hours: 2, count: 8 },
  ],
};
