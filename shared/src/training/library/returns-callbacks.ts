import { LIBRARY_DATE, type LibraryExercise } from './types';

/**
 * Intermediate: a shift at the review (退单审核) and callback (回访) seats beside a dispatcher.
 * The ambiguous appeals give the units orders to send back, and the outage orders that run late.
 */
export const returnsCallbacks: LibraryExercise = {
  id: 'lib-returns-callbacks',
  builtin: true,
  level: 6,
  createdAt: LIBRARY_DATE,
  name: '退单审核与回访 · Returns and callbacks',
  title: { zh: '退单审核与回访', en: 'Returns and callbacks' },
  description: {
    zh: '一名派单员、一名退单审核员、一名回访员同班。审核员判断承办单位的退单：确非其职责的同意并改派，理由不成立的驳回并写明理由；回访员致电市民，按对话记录是否解决、是否满意，并留意承办单位诱导好评。',
    en: 'A dispatcher, a return reviewer and a callback agent share a shift. The reviewer judges the units’ returns: accepts and re-dispatches one that is truly not the unit’s, refuses one whose reason does not hold and says why; the callback agent calls citizens back, records from the conversation whether the problem is resolved and the citizen satisfied, and notices a unit pressing for a good rating.',
  },
  goals: [
    {
      zh: '退单审核：同意并改派，或驳回并说明理由',
      en: 'Review a return: accept and re-dispatch, or refuse with a reason',
    },
    {
      zh: '回访：据实记录解决情况与满意度',
      en: 'Callback: record resolution and satisfaction as the citizen says them',
    },
    { zh: '识别承办单位诱导好评', en: 'Notice a unit pressing the citizen for a good rating' },
  ],
  emphasis: ['dispatch-accuracy', 'returns-caused', 'decided-in-time'],
  scenario: 'beijing-weekday',
  difficulty: 'intermediate',
  seats: ['D1', 'R1', 'C1'],
  roles: { D1: 'dispatch', R1: 'review', C1: 'callback' },
  // Assumed figures (training design): docs/ASSUMPTIONS.md, "The exercise library".
  script: [
    { kind: 'ambiguous-batch', atHours: 0.25, hours: 2, count: 10 },
    { kind: 'outage', atHours: 1, hours: 4, unitId: 'water' },
  ],
};
