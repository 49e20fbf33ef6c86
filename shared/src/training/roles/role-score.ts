import type {
  CallbackDecision,
  CallbackTruth,
  ReturnDecision,
  ReturnTruth,
  RoleSeatEvent,
} from './role-events';

/** One return a review seat was offered, with its decision (null: the hold ran out) and the right one. */
export interface ReturnReview {
  appealId: number;
  offeredAt: number;
  decidedAt: number | null;
  /** The unit that returned it. */
  unit: number;
  category: number;
  decision: ReturnDecision | null;
  truth: ReturnTruth;
  correct: boolean;
}

/** One callback a callback seat was offered, with its record (null: the hold ran out) and what the citizen said. */
export interface CallbackReview {
  appealId: number;
  offeredAt: number;
  decidedAt: number | null;
  unit: number;
  category: number;
  decision: CallbackDecision | null;
  truth: CallbackTruth;
  correct: boolean;
}

/** Pass marks of the review and callback items (as the dispatch items': exercise guides set them). */
export const ROLE_RUBRIC = { reviewAccuracy: 0.8, callbackAccuracy: 0.8, pressureNoticed: 0.7 } as const;

export const ROLE_SCORE_ITEMS = ['review-accuracy', 'callback-accuracy', 'pressure-noticed'] as const;

/** A rubric item (score.ts's ScoreItem, without importing it: score.ts imports this file). */
export interface RoleItem {
  id: (typeof ROLE_SCORE_ITEMS)[number];
  class: 'critical' | 'essential' | 'non-critical';
  zh: string;
  en: string;
  cases: number;
  met: number;
  value: number;
  threshold: number;
  passed: boolean;
}

export interface RoleScore {
  returns: ReturnReview[];
  callbacks: CallbackReview[];
  timedOut: number;
  items: RoleItem[];
}

/**
 * The review and callback part of a seat's score, from its seat events. A return or callback whose
 * hold ran out counts as missed (the model did the seat's job); pressure noticed is judged on every
 * recorded callback (flagged exactly when the unit pressed the citizen).
 */
export function roleScore(events: readonly { kind: string; seat: string }[], seat: string): RoleScore {
  const rs: ReturnReview[] = [];
  const cs: CallbackReview[] = [];
  // The latest offer of each appeal (a return can come back to the seat after a re-dispatch).
  const latest = new Map<string, ReturnReview | CallbackReview>();
  const missed = new Set<ReturnReview | CallbackReview>();
  let timedOut = 0;
  for (const x of events) {
    if (x.seat !== seat) continue;
    const e = x as RoleSeatEvent;
    const kind = e.kind.startsWith('return') ? 'return' : 'callback';
    if (e.kind === 'return-offer' || e.kind === 'callback-offer') {
      const row = {
        appealId: e.appealId,
        offeredAt: e.at,
        decidedAt: null,
        unit: e.unit,
        category: e.category,
        decision: null,
        correct: false,
      };
      const r = e.kind === 'return-offer' ? { ...row, truth: e.truth } : { ...row, truth: e.truth };
      if (e.kind === 'return-offer') rs.push(r as ReturnReview);
      else cs.push(r as CallbackReview);
      latest.set(`${kind}${e.appealId}`, r as ReturnReview | CallbackReview);
      continue;
    }
    const r = latest.get(`${kind}${e.appealId}`);
    if (!r) continue;
    if (e.kind === 'return-timeout' || e.kind === 'callback-timeout') {
      timedOut++;
      missed.add(r);
    } else if ((e.kind === 'return-decision' || e.kind === 'callback-decision') && e.accepted) {
      Object.assign(r, { decidedAt: e.at, decision: e.decision, correct: e.correct });
    }
  }
  const done = <T extends ReturnReview | CallbackReview>(rows: T[]) =>
    rows.filter((r) => r.decidedAt !== null || missed.has(r));
  const recorded = cs.filter((c) => c.decision !== null);
  const items = [
    roleItem(
      'review-accuracy',
      'essential',
      {
        zh: '退单审核准确率（错派的改派给权属单位，推诿的驳回）',
        en: 'Returns judged right (misroutes re-dispatched to the owner, dodges refused)',
      },
      done(rs),
      (r) => r.correct,
      ROLE_RUBRIC.reviewAccuracy,
    ),
    roleItem(
      'callback-accuracy',
      'essential',
      {
        zh: '回访记录准确率（解决情况与满意度如实记录）',
        en: 'Callbacks recorded as the citizen said (resolved, rating)',
      },
      done(cs),
      (c) => c.correct,
      ROLE_RUBRIC.callbackAccuracy,
    ),
    roleItem(
      'pressure-noticed',
      'non-critical',
      { zh: '发现诱导评价', en: 'Pressure for a good rating noticed (flagged exactly when it happened)' },
      recorded,
      (c) => (c.decision?.pressure ?? false) === c.truth.pressed,
      ROLE_RUBRIC.pressureNoticed,
    ),
  ];
  // A seat lists the items of the work it was given: a dispatch seat's rubric stays as it was.
  const given = items.filter((i) => (i.id === 'review-accuracy' ? rs.length > 0 : cs.length > 0));
  return { returns: rs, callbacks: cs, timedOut, items: given };
}

function roleItem<T>(
  id: (typeof ROLE_SCORE_ITEMS)[number],
  cls: RoleItem['class'],
  names: { zh: string; en: string },
  cases: readonly T[],
  met: (r: T) => boolean,
  threshold: number,
): RoleItem {
  const n = cases.filter(met).length;
  const value = cases.length === 0 ? 1 : n / cases.length;
  return {
    id,
    class: cls,
    ...names,
    cases: cases.length,
    met: n,
    value,
    threshold,
    passed: value >= threshold,
  };
}
