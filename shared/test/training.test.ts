import { describe, expect, it } from 'vitest';
import {
  LiveRun,
  RUBRIC,
  appealKind,
  scoreSeat,
  seatAppealView,
  waitingOffers,
  type Scenario,
  type SeatDecision,
  type SeatEvent,
  type SeatOffer,
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
    ...(t.action === 'dispatch' ? { unit: t.unit } : {}),
    multiUnit: t.whistle,
    whistle: t.whistle,
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
        decision: { ...rightDecision(wrong), unit: wrongUnit, whistle: false },
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
        multiUnit: false,
        whistle: false,
      },
    });
    run.advanceTo(run.now + 60);
    const decided = run.seatEvents.find((e) => e.kind === 'decision' && e.appealId === first.appealId);
    expect(decided).toMatchObject({ accepted: true, correct: true });
  });
});

describe('batch injects (the exercise script)', () => {
  /** Seats take no regular calls here, so every offer comes from the batch. */
  const batchOf = (kind: 'ambiguous-batch' | 'emergency-batch', seed = 5) => {
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
      decision: { appealId: first.appealId, action: 'dispatch', unit: 0, multiUnit: false, whistle: false },
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
    decision: { appealId, action: 'dispatch', unit: 5, multiUnit: false, whistle: false, ...decision },
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
