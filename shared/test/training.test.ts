import { describe, expect, it } from 'vitest';
import {
  LiveRun,
  RUBRIC,
  isRightDecision,
  appealKind,
  scoreSeat,
  seatAppealView,
  waitingOffers,
  type AppealTransition,
  type Scenario,
  type SeatDecision,
  type SeatEvent,
  type OrderFact,
  type SeatOffer,
  type SeatTruth,
} from '../src';
import { makeLifecycleScenario } from './hotline-scenario';

/** Two seats taking 5 % of the calls of a 6-hour city, decisions waited for 20 virtual minutes. */
function exercise(overrides: { share?: number; ambiguity?: number } = {}): Scenario {
  return makeLifecycleScenario({
    hours: 6,
    lifecycle: {
      training: {
        seats: ['A', 'B'],
        share: overrides.share ?? 0.05,
        holdMinutes: 20,
        ambiguity: overrides.ambiguity ?? 0,
      },
    },
  });
}

const offersOf = (events: readonly SeatEvent[]) => events.filter((e): e is SeatOffer => e.kind === 'offer');
const HORIZON = 40 * 24 * 3600;

/** The right decision for an offer (what a perfect dispatcher does). */
function rightDecision(o: SeatOffer): SeatDecision {
  const t = o.truth;
  return {
    appealId: o.appealId,
    action: t.action,
    ...(t.channel ? { channel: t.channel } : {}),
    appealType: t.appealType,
    ...(t.action === 'dispatch'
      ? { unit: t.unit, assisting: t.assisting, summary: t.facts.map((f) => f.phrases[0]).join('，') }
      : {}),
    ...(t.kbEntry ? { kbEntry: t.kbEntry } : {}),
  };
}

describe('training seats', () => {
  it('offers about the share of calls, split between the seats; undecided ones time out to the model', () => {
    const run = new LiveRun(exercise(), 7);
    run.advanceTo(HORIZON);
    expect(run.finished).toBe(true);
    const offers = offersOf(run.seatEvents);
    // Calls that reach the end of a talk: ~400/h × 6 h less those who hang up; 5 % of them.
    const calls = run.report().kpis.contacts?.mean as number;
    const answered = calls * (1 - (run.report().kpis.abandonRate?.mean as number));
    const expected = 0.05 * answered;
    const sd = Math.sqrt(answered * 0.05 * 0.95);
    expect(Math.abs(offers.length - expected)).toBeLessThan(4 * sd);
    const bySeat = {
      A: offers.filter((o) => o.seat === 'A').length,
      B: offers.filter((o) => o.seat === 'B').length,
    };
    expect(bySeat.A + bySeat.B).toBe(offers.length);
    expect(Math.abs(bySeat.A - bySeat.B)).toBeLessThan(4 * Math.sqrt(offers.length * 0.25));
    const timeouts = run.seatEvents.filter((e) => e.kind === 'timeout');
    expect(timeouts.map((e) => e.appealId).sort()).toEqual(offers.map((o) => o.appealId).sort());
    for (const t of timeouts) {
      const o = offers.find((x) => x.appealId === t.appealId) as SeatOffer;
      expect(t.at).toBe(o.holdUntil);
      expect(o.holdUntil - o.at).toBeCloseTo(20 * 60, 6);
    }
    expect(waitingOffers(run.seatEvents, 'A')).toEqual([]);
    const score = scoreSeat(run.seatEvents, 'A');
    expect(score.decided).toBe(0);
    expect(score.timedOut).toBe(bySeat.A);
  });

  it('applies decisions: the right unit signs, a wrong unit returns it; replaying the log repeats everything', () => {
    const scenario = exercise({ share: 0.08 });
    const run = new LiveRun(scenario, 11);
    run.advanceTo(3600);
    const waiting = waitingOffers(run.seatEvents, 'A');
    const dispatches = waiting.filter((o) => o.truth.action === 'dispatch');
    expect(dispatches.length).toBeGreaterThanOrEqual(2);
    const [right, wrong] = dispatches as [SeatOffer, SeatOffer];
    const city = run.model.city;
    // A wrong unit of the same kind: another street, say.
    const wrongUnit = city.units.findIndex(
      (u) => u.kind === city.units[wrong.truth.unit]?.kind && u.index !== wrong.truth.unit,
    );
    const inputs = [
      { at: 3600, kind: 'decision' as const, seat: 'A', decision: rightDecision(right) },
      {
        at: 3600,
        kind: 'decision' as const,
        seat: 'A',
        decision: { ...rightDecision(wrong), unit: wrongUnit },
      },
      // Another seat cannot decide A's appeal, and a decided appeal cannot be decided again.
      { at: 3600, kind: 'decision' as const, seat: 'B', decision: rightDecision(right) },
    ];
    for (const input of inputs) run.addInput(input);
    run.advanceTo(HORIZON);
    const decisions = run.seatEvents.filter((e) => e.kind === 'decision');
    expect(decisions.map((d) => [d.appealId, d.accepted, d.correct])).toEqual([
      [right.appealId, true, true],
      [wrong.appealId, true, false],
      [right.appealId, false, false],
    ]);
    const consequences = (id: number) =>
      run.seatEvents.filter((e) => e.appealId === id && e.kind !== 'offer' && e.kind !== 'decision');
    const wrongReturn = consequences(wrong.appealId).find((e) => e.kind === 'returned');
    expect(wrongReturn).toMatchObject({ kind: 'returned', reason: 'not-ours', unit: wrongUnit });
    expect(consequences(right.appealId).some((e) => e.kind === 'returned' && e.reason === 'not-ours')).toBe(
      false,
    );
    // Both orders end with a callback outcome reported back to the seat.
    expect(consequences(right.appealId).some((e) => e.kind === 'rated')).toBe(true);
    expect(consequences(wrong.appealId).some((e) => e.kind === 'rated')).toBe(true);

    const score = scoreSeat(run.seatEvents, 'A');
    expect(score.decided).toBe(2);
    expect(score.correct).toBe(1);
    const returns = score.items.find((i) => i.id === 'returns-caused');
    expect(returns).toMatchObject({ cases: 2, met: 1, value: 0.5, passed: false });
    expect(score.passed).toBe(false);

    // Event-sourced: the same scenario, seed and input log give the same seat events and report.
    const replay = new LiveRun(scenario, 11, inputs);
    replay.advanceTo(HORIZON);
    expect(replay.seatEvents).toEqual(run.seatEvents);
    expect(replay.report()).toEqual(run.report());
  });

  it('reads ambiguous appeals as a neighbouring category of the same group, at about the share asked', () => {
    const run = new LiveRun(exercise({ share: 0.1, ambiguity: 0.5 }), 3);
    run.advanceTo(6 * 3600);
    const offers = offersOf(run.seatEvents);
    const categories = run.model.city.categories;
    const ambiguous = offers.filter((o) => o.textCategory !== o.category);
    for (const o of ambiguous) expect(categories[o.textCategory]?.group).toBe(categories[o.category]?.group);
    expect(Math.abs(ambiguous.length / offers.length - 0.5)).toBeLessThan(
      4 * Math.sqrt(0.25 / offers.length) + 0.05,
    );
  });
});

describe('legal channels (依法分类处置)', () => {
  it('offers matters already before a court or arbitration as redirects to the legal channel, scored like any line', () => {
    const run = new LiveRun(exercise({ share: 1 }), 13);
    run.advanceTo(4 * 3600);
    const categories = run.model.city.categories;
    const offers = offersOf(run.seatEvents);
    const legal = offers.filter((o) => o.truth.channel === 'legal');
    expect(legal.length).toBeGreaterThan(0);
    for (const o of legal) {
      expect(categories[o.category]?.legalChannel ?? 0).toBeGreaterThan(0);
      expect(o.truth).toMatchObject({ action: 'redirect', unit: -1 });
    }
    // About the catalogue's share among the calls of those categories (4 standard deviations).
    const eligible = offers.filter((o) => (categories[o.category]?.legalChannel ?? 0) > 0);
    const expected = eligible.reduce((sum, o) => sum + (categories[o.category]?.legalChannel ?? 0), 0);
    expect(Math.abs(legal.length - expected)).toBeLessThan(4 * Math.sqrt(expected) + 1);
    // The citizen says so, and a seat that sends it to the legal channel is right.
    let first = waitingOffers(run.seatEvents, 'A').find((o) => o.truth.channel === 'legal');
    while (!first && run.now < 6 * 3600) {
      run.advanceTo(run.now + 600);
      first = waitingOffers(run.seatEvents, 'A').find((o) => o.truth.channel === 'legal');
    }
    if (!first) throw new Error('no legal matter waiting at seat A');
    expect(seatAppealView(first, run.model.city, 13).text.zh).toContain('法院');
    run.addInput({
      at: run.now,
      kind: 'decision',
      seat: 'A',
      decision: {
        appealId: first.appealId,
        action: 'redirect',
        channel: 'legal',
      },
    });
    run.advanceTo(run.now + 60);
    const decided = run.seatEvents.find((e) => e.kind === 'decision' && e.appealId === first.appealId);
    expect(decided).toMatchObject({ accepted: true, correct: true });
  });
});

describe('batch injects (the exercise script)', () => {
  /** Seats take no regular calls here, so every offer comes from the batch. */
  const batchOf = (kind: 'ambiguous-batch' | 'emergency-batch' | 'duplicates-batch', seed = 5) => {
    const run = new LiveRun(exercise({ share: 0 }), seed, [
      { at: 3600, kind: 'inject', inject: { kind, atHours: 1, hours: 0.5, count: 12 } },
    ]);
    run.advanceTo(3 * 3600);
    return { run, offers: offersOf(run.seatEvents) };
  };

  it('sends every emergency of the batch to the seats in turn within its window, each to be redirected to its line', () => {
    const { run, offers } = batchOf('emergency-batch');
    expect(offers).toHaveLength(12);
    expect(offers.filter((o) => o.seat === 'A')).toHaveLength(6);
    expect(offers.filter((o) => o.seat === 'B')).toHaveLength(6);
    const categories = run.model.city.categories;
    for (const o of offers) {
      expect(o.at).toBeGreaterThanOrEqual(3600);
      expect(o.at).toBeLessThan(3600 + 1800);
      const line = categories[o.category]?.redirect?.channel;
      expect(line).toMatch(/^(110|119|120|122)$/);
      expect(o.truth).toMatchObject({ action: 'redirect', channel: line, unit: -1 });
    }
    // One in each sixth of the half hour's twelve slices: evenly spread, not all at once.
    const slices = offers.map((o) => Math.floor((o.at - 3600) / 150)).sort((a, b) => a - b);
    expect(slices).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // A trainee who dispatches one instead misses a critical action.
    const first = offers.find((o) => o.seat === 'A') as SeatOffer;
    run.addInput({
      at: run.now,
      kind: 'decision',
      seat: 'A',
      decision: { appealId: first.appealId, action: 'dispatch', unit: 0 },
    });
    run.advanceTo(run.now + 60);
    const emergencies = scoreSeat(run.seatEvents, 'A').items.find((i) => i.id === 'emergencies-redirected');
    expect(emergencies).toMatchObject({ passed: false });
  });

  it('makes every appeal of an ambiguous batch read like a sibling category that another unit owns', () => {
    const { run, offers } = batchOf('ambiguous-batch');
    expect(offers).toHaveLength(12);
    const categories = run.model.city.categories;
    for (const o of offers) {
      const truth = categories[o.category];
      const reads = categories[o.textCategory];
      expect(o.textCategory).not.toBe(o.category);
      expect(reads?.group).toBe(truth?.group);
      expect(JSON.stringify(reads?.owner)).not.toBe(JSON.stringify(truth?.owner));
      expect(o.truth.action).toBe('dispatch');
      expect(o.truth.unit).toBeGreaterThanOrEqual(0);
    }
  });

  it('sends a batch of duplicates (one problem at one place) to the seats in turn; merging one into another is right', () => {
    const { offers } = batchOf('duplicates-batch');
    expect(offers).toHaveLength(12);
    const [first] = offers as [SeatOffer];
    for (const o of offers) {
      expect([o.category, o.street, o.cell]).toEqual([first.category, first.street, first.cell]);
      expect(o.truth.mergeKey).toBe(first.truth.mergeKey);
      expect(o.truth.action).toBe('dispatch');
    }
    expect(offers.filter((o) => o.seat === 'A')).toHaveLength(6);
    // A quarter of an hour into the batch, A's first two wait at the seat (held for 20 minutes).
    const live = new LiveRun(exercise({ share: 0 }), 5, [
      { at: 3600, kind: 'inject', inject: { kind: 'duplicates-batch', atHours: 1, hours: 0.5, count: 12 } },
    ]);
    live.advanceTo(3600 + 900);
    const [lead, dup] = waitingOffers(live.seatEvents, 'A') as [SeatOffer, SeatOffer];
    expect(dup).toBeDefined();
    // The appeals read alike at the same place: the seat sees the same community.
    const view = (o: SeatOffer) => seatAppealView(o, live.model.city, 5).place;
    expect(view(dup)).toEqual(view(lead));
    live.addInput({ at: live.now, kind: 'decision', seat: 'A', decision: rightDecision(lead) });
    live.addInput({
      at: live.now,
      kind: 'decision',
      seat: 'A',
      decision: {
        appealId: dup.appealId,
        action: 'merge',
        mergeInto: lead.appealId,
        appealType: dup.truth.appealType,
      },
    });
    live.advanceTo(live.now + 60);
    const merged = live.seatEvents.find((e) => e.kind === 'decision' && e.appealId === dup.appealId);
    expect(merged).toMatchObject({ accepted: true, correct: true });
    expect(scoreSeat(live.seatEvents, 'A').items.find((i) => i.id === 'merges')).toMatchObject({
      cases: 1,
      met: 1,
      passed: true,
    });
  });

  it('replays the same batch from the log, and a scenario without seats leaves the batch to the model', () => {
    const a = batchOf('ambiguous-batch', 9);
    const b = batchOf('ambiguous-batch', 9);
    expect(b.offers).toEqual(a.offers);
    const plain = new LiveRun(makeLifecycleScenario({ hours: 6 }), 5, [
      {
        at: 3600,
        kind: 'inject',
        inject: { kind: 'emergency-batch', atHours: 1, hours: 0.5, count: 12 },
      },
    ]);
    const moves = plain.advanceTo(3 * 3600).flat();
    const batch = moves.filter((m) => appealKind(m.id) === 'batch');
    // The model's own intake redirects each of them when the call ends.
    expect(batch.filter((m) => m.to === 'received')).toHaveLength(12);
    expect(batch.filter((m) => m.to === 'redirected')).toHaveLength(12);
  });
});

/** The facts of the rubric's made-up offers (what a work order's summary must carry). */
const FACTS: OrderFact[] = [
  { id: 'place', phrases: ['和平里', 'Hepingli'] },
  { id: 'problem', phrases: ['噪音', 'noise'] },
  { id: 'request', phrases: ['处理', 'fix'] },
];

describe('the rubric', () => {
  const offer = (appealId: number, truth: Partial<SeatOffer['truth']>, at = 0): SeatEvent => ({
    kind: 'offer',
    at,
    seat: 'A',
    appealId,
    category: 0,
    textCategory: 0,
    street: 0,
    cell: 0,
    received: at,
    holdUntil: at + 1200,
    truth: {
      action: 'dispatch',
      channel: null,
      unit: 5,
      whistle: false,
      slaClass: '7d',
      appealType: 'complaint',
      assisting: [],
      kbEntry: null,
      mergeKey: null,
      facts: FACTS,
      ...truth,
    },
  });
  const decide = (
    appealId: number,
    decision: Partial<SeatDecision>,
    correct: boolean,
    at = 60,
  ): SeatEvent => ({
    kind: 'decision',
    at,
    seat: 'A',
    appealId,
    accepted: true,
    correct,
    decision: {
      appealId,
      action: 'dispatch',
      unit: 5,
      appealType: 'complaint',
      summary: '和平里街道兴化社区噪音扰民，市民希望尽快处理',
      ...decision,
    },
  });

  it('fails a trainee who misses one emergency, however good the rest', () => {
    const events: SeatEvent[] = [];
    for (let i = 0; i < 20; i++) events.push(offer(i, {}), decide(i, {}, true));
    events.push(offer(99, { action: 'redirect', channel: '119', unit: -1, slaClass: '2h' }));
    events.push(decide(99, { action: 'dispatch', unit: 5 }, false));
    const score = scoreSeat(events, 'A');
    const critical = score.items.find((i) => i.id === 'emergencies-redirected');
    expect(critical).toMatchObject({ class: 'critical', cases: 1, met: 0, passed: false });
    expect(score.items.find((i) => i.id === 'dispatch-accuracy')?.value).toBeCloseTo(20 / 21, 12);
    expect(score.passed).toBe(false);
  });

  it('fails a trainee who leaves too many appeals to the model, however right the decisions made', () => {
    const events: SeatEvent[] = [];
    for (let i = 0; i < 8; i++) events.push(offer(i, {}), decide(i, {}, true));
    for (let i = 8; i < 10; i++)
      events.push(offer(i, {}), { kind: 'timeout', at: 1200, seat: 'A', appealId: i });
    // One still waiting does not count yet: its hold has not run out.
    events.push(offer(10, {}, 1100));
    const score = scoreSeat(events, 'A');
    expect(score.items.find((i) => i.id === 'dispatch-accuracy')?.value).toBe(1);
    const handled = score.items.find((i) => i.id === 'decided-in-time');
    expect(handled).toMatchObject({ class: 'essential', cases: 10, met: 8, value: 0.8, passed: false });
    expect(score.timedOut).toBe(2);
    expect(score.passed).toBe(false);
  });

  it('passes a clean seat, and holds urgent cases to their minutes', () => {
    const events: SeatEvent[] = [
      offer(1, { action: 'redirect', channel: '120', unit: -1, slaClass: '2h' }),
      decide(1, { action: 'redirect', channel: '120' }, true, 5 * 60),
      offer(2, { slaClass: '2h' }),
      decide(2, {}, true, (RUBRIC.urgentMinutes + 1) * 60),
      offer(3, {}),
      decide(3, {}, true),
    ];
    const score = scoreSeat(events, 'A');
    expect(score.items.find((i) => i.id === 'emergencies-redirected')?.passed).toBe(true);
    const urgent = score.items.find((i) => i.id === 'urgent-on-time');
    expect(urgent).toMatchObject({ cases: 2, met: 1, value: 0.5, passed: false });
    expect(score.passed).toBe(false);
    const fixed = scoreSeat(
      events.map((e) => (e.kind === 'decision' && e.appealId === 2 ? { ...e, at: 60 } : e)),
      'A',
    );
    expect(fixed.passed).toBe(true);
    expect(fixed.decisions.map((d) => d.appealId)).toEqual([1, 2, 3]);
  });
});

describe('the rubric: classification, 协办, the order’s summary, knowledge-base answers and merges', () => {
  const truthOf = (t: Partial<SeatTruth> = {}): SeatTruth => ({
    action: 'dispatch',
    channel: null,
    unit: 5,
    whistle: false,
    slaClass: '7d',
    appealType: 'complaint',
    assisting: [],
    kbEntry: null,
    mergeKey: null,
    facts: FACTS,
    ...t,
  });
  const offer = (appealId: number, t: Partial<SeatTruth> = {}, at = 0): SeatEvent => ({
    kind: 'offer',
    at,
    seat: 'A',
    appealId,
    category: 0,
    textCategory: 0,
    street: 0,
    cell: 0,
    received: at,
    holdUntil: at + 1200,
    truth: truthOf(t),
  });
  const SUMMARY = '和平里街道兴化社区噪音扰民，市民希望尽快处理';
  /** A decision, its `correct` flag computed as the desk computes it (the merge target's truth given). */
  const decide = (
    appealId: number,
    t: Partial<SeatTruth>,
    d: Partial<SeatDecision>,
    target?: Partial<SeatTruth>,
  ): SeatEvent => {
    const decision: SeatDecision = {
      appealId,
      action: 'dispatch',
      unit: 5,
      appealType: 'complaint',
      summary: SUMMARY,
      ...d,
    };
    const correct = isRightDecision(truthOf(t), decision, target ? truthOf(target) : undefined);
    return { kind: 'decision', at: 60, seat: 'A', appealId, accepted: true, correct, decision };
  };
  const itemOf = (events: SeatEvent[], id: string) => scoreSeat(events, 'A').items.find((i) => i.id === id);

  it('fails the classification item on a wrong or missing appeal type', () => {
    const events = [
      offer(1),
      decide(1, {}, { appealType: 'complaint' }),
      offer(2, { appealType: 'report' }),
      decide(2, { appealType: 'report' }, { appealType: 'suggestion' }),
      offer(3),
      decide(3, {}, { appealType: undefined }),
    ];
    expect(itemOf(events, 'classification')).toMatchObject({ cases: 3, met: 1, passed: false });
    // The type alone does not make a dispatch wrong: the unit does.
    expect(itemOf(events, 'dispatch-accuracy')).toMatchObject({ cases: 3, met: 3 });
  });

  it('fails the 协办 item when the assisting units differ from the case’s (order does not matter)', () => {
    const t = { assisting: [7, 9] };
    const events = [
      offer(1, t),
      decide(1, t, { assisting: [9, 7] }),
      offer(2, t),
      decide(2, t, { assisting: [7] }),
      offer(3, t),
      decide(3, t, {}),
      offer(4),
      decide(4, {}, { assisting: [7] }),
    ];
    expect(itemOf(events, 'assisting-judgement')).toMatchObject({ cases: 4, met: 1, passed: false });
    expect(itemOf(events, 'dispatch-accuracy')).toMatchObject({ cases: 4, met: 4 });
  });

  it('fails the order-summary item on a summary missing the place, and shows which phrases count', () => {
    const events = [
      offer(1),
      decide(1, {}, {}),
      offer(2),
      decide(2, {}, { summary: '噪音扰民，请尽快处理' }),
      offer(3),
      decide(3, {}, { summary: 'Hepingli: NOISE at night, please fix it' }),
    ];
    const score = scoreSeat(events, 'A');
    expect(itemOf(events, 'order-summary')).toMatchObject({ cases: 3, met: 2, passed: false });
    const missing = score.decisions.find((r) => r.appealId === 2)?.summary;
    expect(missing).toEqual([
      { id: 'place', present: false, matched: null, phrases: ['和平里', 'Hepingli'] },
      { id: 'problem', present: true, matched: '噪音', phrases: ['噪音', 'noise'] },
      { id: 'request', present: true, matched: '处理', phrases: ['处理', 'fix'] },
    ]);
    expect(score.decisions.find((r) => r.appealId === 3)?.summary?.map((f) => f.matched)).toEqual([
      'Hepingli',
      'noise',
      'fix',
    ]);
    // A redirect writes no order: nothing to check.
    const redirect = [offer(4, { action: 'redirect', channel: '120', unit: -1 })];
    redirect.push(
      decide(4, { action: 'redirect', channel: '120', unit: -1 }, { action: 'redirect', channel: '120' }),
    );
    expect(scoreSeat(redirect, 'A').decisions[0]?.summary).toBeNull();
    expect(itemOf(redirect, 'order-summary')).toMatchObject({ cases: 0, passed: true });
  });

  it('scores a question answered from the right knowledge-base entry right, and a wrong entry wrong', () => {
    const q = { action: 'answer' as const, unit: -1, appealType: 'consult' as const, kbEntry: 'kb:heating' };
    const answer = { action: 'answer' as const, appealType: 'consult' as const };
    const events = [
      offer(1, q),
      decide(1, q, { ...answer, kbEntry: 'kb:heating' }),
      offer(2, q),
      decide(2, q, { ...answer, kbEntry: 'kb:water-supply' }),
      offer(3, q),
      decide(3, q, answer),
    ];
    const kb = itemOf(events, 'kb-answers');
    expect(kb).toMatchObject({ cases: 3, met: 1, passed: false });
    expect(scoreSeat(events, 'A').correct).toBe(1);
  });

  it('fails the merges item on a merge of different problems and on a duplicate sent as a new order', () => {
    const dup = { mergeKey: 'noise@3/12' };
    const other = { mergeKey: 'heating@3/12' };
    const events = [
      offer(1, dup),
      decide(1, dup, {}),
      // Right: the same problem at the same place joins the first order.
      offer(2, dup, 10),
      decide(2, dup, { action: 'merge', mergeInto: 1 }, dup),
      // Wrong: another problem merged into it.
      offer(3, other, 20),
      decide(3, other, { action: 'merge', mergeInto: 1 }, dup),
      // Missed: a duplicate dispatched as a new order.
      offer(4, dup, 30),
      decide(4, dup, {}),
    ];
    const merges = itemOf(events, 'merges');
    expect(merges).toMatchObject({ cases: 3, met: 1, passed: false });
    const right = events.filter((e) => e.kind === 'decision').map((e) => e.kind === 'decision' && e.correct);
    expect(right).toEqual([true, true, false, true]);
    // Appeals without a merge key cannot be merged rightly.
    expect(isRightDecision(truthOf(), { appealId: 5, action: 'merge', mergeInto: 1 }, truthOf())).toBe(false);
  });
});

describe('并单 in the model', () => {
  it('merges an appeal into an order the seat dispatched: no new order, it closes with that order', () => {
    const run = new LiveRun(exercise({ share: 0.08 }), 11);
    run.advanceTo(3600);
    const dispatches = waitingOffers(run.seatEvents, 'A').filter((o) => o.truth.action === 'dispatch');
    const [lead, dup, third] = dispatches as [SeatOffer, SeatOffer, SeatOffer];
    expect(third).toBeDefined();
    const steps: AppealTransition[] = [];
    // Merged into an appeal still waiting at the seat, then that appeal is dispatched: both follow it.
    run.addInput({
      at: 3600,
      kind: 'decision',
      seat: 'A',
      decision: { appealId: dup.appealId, action: 'merge', mergeInto: lead.appealId },
    });
    run.addInput({ at: 3600, kind: 'decision', seat: 'A', decision: rightDecision(lead) });
    // Not into another seat's appeal, nor into one that is unknown: not accepted, still waiting.
    run.addInput({
      at: 3600,
      kind: 'decision',
      seat: 'B',
      decision: { appealId: third.appealId, action: 'merge', mergeInto: lead.appealId },
    });
    run.addInput({
      at: 3600,
      kind: 'decision',
      seat: 'A',
      decision: { appealId: third.appealId, action: 'merge', mergeInto: 999_999_999 },
    });
    for (const g of run.advanceTo(HORIZON)) steps.push(...g);
    const decisions = run.seatEvents.filter((e) => e.kind === 'decision');
    expect(decisions.map((d) => [d.appealId, d.accepted])).toEqual([
      [dup.appealId, true],
      [lead.appealId, true],
      [third.appealId, false],
      [third.appealId, false],
    ]);
    const of = (id: number) => steps.filter((s) => s.id === id).map((s) => s.to);
    expect(of(lead.appealId)).toContain('dispatched');
    expect(of(lead.appealId).at(-1)).toBe('closed');
    // The duplicate never becomes an order of its own; it closes when the lead's order does.
    expect(of(dup.appealId)).toEqual(['closed']);
    const closedAt = (id: number) => steps.find((s) => s.id === id && s.to === 'closed')?.at;
    expect(closedAt(dup.appealId)).toBe(closedAt(lead.appealId));
    // A merge of appeals about different problems or places is wrong; the third timed out to the model's dispatcher.
    expect(decisions[0]?.correct).toBe(false);
    expect(run.seatEvents.some((e) => e.kind === 'timeout' && e.appealId === third.appealId)).toBe(true);
  });
});
