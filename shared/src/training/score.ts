import { checkSummary, type FactCheck } from './order-summary';
import { ROLE_SCORE_ITEMS, roleScore, type CallbackReview, type ReturnReview } from './roles/role-score';
import { isRightAssisting, type SeatDecision, type SeatEvent, type SeatTruth } from './seats';

/**
 * The exercise rubric (issue 7): every seat is scored the same way against ground truth, from its
 * seat events alone. Items are classed as the exercise doctrine does: a critical item must be met
 * every time, essential items have a pass mark, non-critical ones are reported but never fail a
 * trainee, so strengths elsewhere cannot hide a missed critical action.
 */

export type ItemClass = 'critical' | 'essential' | 'non-critical';

/** The rubric's items, in the order a score lists them (and the results CSV's columns). */
export const SCORE_ITEMS = [
  'emergencies-redirected',
  'dispatch-accuracy',
  'classification',
  'kb-answers',
  'order-summary',
  'merges',
  'urgent-on-time',
  'decided-in-time',
  'returns-caused',
  'assisting-judgement',
  'time-to-decide',
  ...ROLE_SCORE_ITEMS,
] as const;

export interface ScoreItem {
  id: (typeof SCORE_ITEMS)[number];
  class: ItemClass;
  zh: string;
  en: string;
  /** Cases the item applies to, and how many met it. */
  cases: number;
  met: number;
  /** met / cases (1 when there were none); for `time-to-decide`, the mean minutes. */
  value: number;
  /** The pass mark `value` is held to (≥, or ≤ for returns and time). */
  threshold: number;
  /** No cases count as passed: nothing was missed. */
  passed: boolean;
}

export interface SeatScore {
  seat: string;
  offered: number;
  decided: number;
  timedOut: number;
  correct: number;
  items: ScoreItem[];
  /** Every critical item met and every essential item at its mark. */
  passed: boolean;
  /** Each decision with the right one and what followed (the after-action review's rows). */
  decisions: DecisionReview[];
  /** A review seat's returns and a callback seat's callbacks (roles/role-score.ts). */
  returns: ReturnReview[];
  callbacks: CallbackReview[];
}

export interface DecisionReview {
  appealId: number;
  offeredAt: number;
  /** Null when the seat did not decide in time (the model's dispatcher took it). */
  decidedAt: number | null;
  decision: SeatDecision | null;
  truth: SeatTruth;
  correct: boolean;
  /** With a dispatch: each fact the order's summary must carry, and whether it does. */
  summary: FactCheck[] | null;
  category: number;
  textCategory: number;
  consequences: { kind: 'returned' | 'late' | 'rated'; at: number; detail: string }[];
}

/** Pass marks: critical items 100 %; essential and non-critical marks as exercise guides set them. */
export const RUBRIC = {
  emergenciesRedirected: 1,
  dispatchAccuracy: 0.8,
  classification: 0.8,
  kbAnswers: 0.8,
  orderSummary: 0.7,
  merges: 0.8,
  urgentOnTime: 0.9,
  /** Virtual minutes within which a 2-hour-class appeal must be decided. */
  urgentMinutes: 10,
  /** Share of the appeals whose hold ran out that the seat decided (not left to the model's dispatcher). */
  decidedInTime: 0.9,
  returnsCaused: 0.15,
  assistingJudgement: 0.7,
  meanMinutesToDecide: 15,
} as const;

const EMERGENCY = new Set(['110', '119', '120', '122']);

/** The score of one seat from the exercise's seat events (any order; other seats' are ignored). */
export function scoreSeat(events: readonly SeatEvent[], seat: string): SeatScore {
  const reviews = new Map<number, DecisionReview>();
  for (const e of events) {
    if (e.seat !== seat) continue;
    if (e.kind === 'offer') {
      reviews.set(e.appealId, {
        appealId: e.appealId,
        offeredAt: e.at,
        decidedAt: null,
        decision: null,
        truth: e.truth,
        correct: false,
        summary: null,
        category: e.category,
        textCategory: e.textCategory,
        consequences: [],
      });
      continue;
    }
    const r = reviews.get(e.appealId);
    if (!r) continue;
    if (e.kind === 'decision') {
      if (!e.accepted) continue;
      r.decidedAt = e.at;
      r.decision = e.decision;
      r.correct = e.correct;
      r.summary = e.decision.action === 'dispatch' ? checkSummary(e.decision.summary, r.truth.facts) : null;
    } else if (e.kind === 'returned') {
      r.consequences.push({ kind: 'returned', at: e.at, detail: e.reason });
    } else if (e.kind === 'late') {
      r.consequences.push({ kind: 'late', at: e.at, detail: 'response after the limit' });
    } else if (e.kind === 'rated') {
      r.consequences.push({ kind: 'rated', at: e.at, detail: `${e.outcome}/${e.rating ?? 'not reached'}` });
    }
  }
  const all = [...reviews.values()].sort((a, b) => a.offeredAt - b.offeredAt);
  const decided = all.filter((r) => r.decision !== null);
  const item = (
    id: ScoreItem['id'],
    cls: ItemClass,
    names: { zh: string; en: string },
    cases: readonly DecisionReview[],
    met: (r: DecisionReview) => boolean,
    threshold: number,
    higherIsBetter = true,
  ): ScoreItem => {
    const n = cases.filter(met).length;
    const value = cases.length === 0 ? (higherIsBetter ? 1 : 0) : n / cases.length;
    return {
      id,
      class: cls,
      ...names,
      cases: cases.length,
      met: n,
      value,
      threshold,
      passed: higherIsBetter ? value >= threshold : value <= threshold,
    };
  };
  // An emergency offered to the seat counts whether or not the seat decided in time: a missed one is missed.
  const emergencies = all.filter(
    (r) => r.truth.action === 'redirect' && EMERGENCY.has(r.truth.channel ?? ''),
  );
  const dispatches = decided.filter(
    (r) =>
      r.truth.action === 'dispatch' || r.decision?.action === 'dispatch' || r.decision?.action === 'merge',
  );
  const urgent = all.filter((r) => r.truth.slaClass === '2h');
  // Appeals no longer waiting: decided, or left to the model's dispatcher when their hold ran out.
  const timedOut = new Set(
    events.filter((e) => e.seat === seat && e.kind === 'timeout').map((e) => e.appealId),
  );
  const held = all.filter((r) => r.decidedAt !== null || timedOut.has(r.appealId));
  const sentOut = decided.filter((r) => r.decision?.action === 'dispatch');
  const needsJudgement = decided.filter(
    (r) => r.decision?.action === 'dispatch' && r.truth.action === 'dispatch',
  );
  const answers = decided.filter((r) => r.truth.action === 'answer' || r.decision?.action === 'answer');
  // A merge is due when an appeal needing an order came to this seat after one about the same problem and place.
  const keys = new Set<string>();
  const mergeCases = all.filter((r) => {
    const due = r.truth.action === 'dispatch' && r.truth.mergeKey !== null && keys.has(r.truth.mergeKey);
    if (r.truth.mergeKey !== null) keys.add(r.truth.mergeKey);
    return r.decision !== null && (due || r.decision.action === 'merge');
  });
  const minutes = decided.map((r) => ((r.decidedAt as number) - r.offeredAt) / 60);
  const meanMinutes = minutes.length === 0 ? 0 : minutes.reduce((a, b) => a + b, 0) / minutes.length;
  const items: ScoreItem[] = [
    item(
      'emergencies-redirected',
      'critical',
      { zh: '紧急诉求全部转110/119/120/122', en: 'Every emergency redirected to 110/119/120/122' },
      emergencies,
      (r) => r.decision?.action === 'redirect' && r.decision.channel === r.truth.channel,
      RUBRIC.emergenciesRedirected,
    ),
    item(
      'dispatch-accuracy',
      'essential',
      { zh: '派单准确率', en: 'Dispatch accuracy (right action and unit)' },
      dispatches,
      (r) => r.correct,
      RUBRIC.dispatchAccuracy,
    ),
    item(
      'classification',
      'essential',
      { zh: '诉求类型判定', en: 'Appeal type recorded right (咨询/求助/投诉/举报/建议)' },
      decided,
      (r) => r.decision?.appealType === r.truth.appealType,
      RUBRIC.classification,
    ),
    item(
      'kb-answers',
      'essential',
      { zh: '知识库直接答复', en: 'Questions answered from the right knowledge-base entry' },
      answers,
      (r) => r.decision?.action === 'answer' && r.correct,
      RUBRIC.kbAnswers,
    ),
    item(
      'order-summary',
      'essential',
      { zh: '工单要素齐全（地点、问题、诉求）', en: 'Work orders carry the place, problem and request' },
      sentOut,
      (r) => (r.summary ?? []).every((f) => f.present),
      RUBRIC.orderSummary,
    ),
    item(
      'merges',
      'essential',
      { zh: '并单（同一地点同一问题）', en: 'Duplicates merged, and only duplicates (并单)' },
      mergeCases,
      (r) => r.decision?.action === 'merge' && r.correct,
      RUBRIC.merges,
    ),
    item(
      'urgent-on-time',
      'essential',
      {
        zh: `2小时类诉求${RUBRIC.urgentMinutes}分钟内处置`,
        en: `2-hour cases decided within ${RUBRIC.urgentMinutes} min`,
      },
      urgent,
      (r) => r.decidedAt !== null && r.decidedAt - r.offeredAt <= RUBRIC.urgentMinutes * 60,
      RUBRIC.urgentOnTime,
    ),
    item(
      'decided-in-time',
      'essential',
      { zh: '等待时限内处置（未交由系统派单）', en: 'Appeals decided before their hold ran out' },
      held,
      (r) => r.decidedAt !== null,
      RUBRIC.decidedInTime,
    ),
    item(
      'returns-caused',
      'essential',
      { zh: '派错导致的退单率', en: 'Dispatches returned as not the unit’s' },
      sentOut,
      (r) => r.consequences.some((c) => c.kind === 'returned' && c.detail === 'not-ours'),
      RUBRIC.returnsCaused,
      false,
    ),
    item(
      'assisting-judgement',
      'non-critical',
      { zh: '协办判断', en: 'Assisting units (协办) named exactly as the case needs' },
      needsJudgement,
      (r) => r.decision !== null && isRightAssisting(r.truth, r.decision),
      RUBRIC.assistingJudgement,
    ),
    {
      id: 'time-to-decide',
      class: 'non-critical',
      zh: '平均处置时长（分钟）',
      en: 'Mean minutes to decide',
      cases: decided.length,
      met: minutes.filter((m) => m <= RUBRIC.meanMinutesToDecide).length,
      value: meanMinutes,
      threshold: RUBRIC.meanMinutesToDecide,
      passed: meanMinutes <= RUBRIC.meanMinutesToDecide,
    },
  ];
  const roles = roleScore(events, seat);
  items.push(...roles.items);
  const roleRows = [...roles.returns, ...roles.callbacks];
  const roleDecided = roleRows.filter((r) => r.decision !== null);
  return {
    seat,
    offered: all.length + roleRows.length,
    decided: decided.length + roleDecided.length,
    timedOut: timedOut.size + roles.timedOut,
    correct: decided.filter((r) => r.correct).length + roleDecided.filter((r) => r.correct).length,
    items,
    passed: items.every((i) => i.class === 'non-critical' || i.passed),
    decisions: all,
    returns: roles.returns,
    callbacks: roles.callbacks,
  };
}
