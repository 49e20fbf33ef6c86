import type {
  RunInfo,
  SeatDecisionInput,
  SeatEvent,
  SeatScore,
  SeatSummary,
  SeatView,
} from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, login, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/**
 * Training seats over REST with real sessions: a trainee sees the appeals offered to their seat
 * (text with its cues, caller, pin, SLA class) and decides them; they cannot see or act at another
 * seat; the instructor sees every seat; a wrong unit's return and the score reach the seat.
 */
describe('training seats over the API', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let run: RunInfo;
  let traineeA: string;
  /** The two decisions seat A takes, with the ground truth of their appeals. */
  let decided: { first: number; second: number };

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    const scenario = liveTestScenario({
      lifecycle: {
        timeLimits: { '2h': 2, '24h': 8, '7d': 24, '15d': 36 },
        response: { hours: { lognormal: { mean: 3, cv: 1 } }, limitHours: 8 },
        training: { seats: ['A', 'B'], share: 0.2, holdMinutes: 60 },
      },
    });
    run = (await api<RunInfo>(server.url, '/api/runs', { body: { scenario, speed: 600 } })).body;
    const code = (
      await api<{ code: string }>(server.url, '/api/codes', {
        body: { role: 'trainee', runId: run.id, seat: 'A' },
      })
    ).body.code;
    traineeA = await login(server.url, { code });
  });

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  /** Seat A as its trainee sees it, or (`asInstructor`) as the instructor does. */
  const seatA = (asInstructor = false) =>
    api<SeatView>(server.url, `/api/runs/${run.id}/seats/A`, asInstructor ? {} : { cookie: traineeA });

  it('shows a trainee the appeals waiting at their seat, without the score while the exercise runs', async () => {
    const view = await waitFor('appeals at seat A', async () => {
      const v = (await seatA()).body;
      return v.waiting.length >= 3 ? v : undefined;
    });
    for (const a of view.waiting) {
      expect(a.text.zh.length).toBeGreaterThan(10);
      expect(a.text.en.length).toBeGreaterThan(10);
      expect(a.caller.phone).toMatch(/^13\d\*{4}\d{4}$/);
      expect(a.place.lon).toBeGreaterThan(115);
      expect(['2h', '24h', '7d', '15d']).toContain(a.slaClass);
      expect(a.holdUntil - a.offeredAt).toBeCloseTo(3600, 6);
      // The SLA clock a dispatch would start: the scenario's limit for the appeal's class.
      expect(a.slaHours).toBe(view.timeLimits[a.slaClass]);
    }
    expect(view.timeLimits).toEqual({ '2h': 2, '24h': 8, '7d': 24, '15d': 36 });
    expect(view.score).toBeNull();
    expect(view.injects).toEqual([]);
  });

  it('shows every seat the injects fired', async () => {
    await api(server.url, `/api/runs/${run.id}/injects`, {
      body: { kind: 'surge', atHours: 0, hours: 1, factor: 2 },
    });
    const seen = await waitFor('the surge at seat A', async () => {
      const v = (await seatA()).body;
      return v.injects.length > 0 ? v.injects : undefined;
    });
    expect(seen.map((i) => i.kind)).toEqual(['surge']);
    const b = (await api<SeatView>(server.url, `/api/runs/${run.id}/seats/B`)).body;
    expect(b.injects).toEqual(seen);
  });

  it('keeps a trainee to their own seat', async () => {
    const other = await api<{ error: string }>(server.url, `/api/runs/${run.id}/seats/B`, {
      cookie: traineeA,
    });
    expect(other.status).toBe(403);
    expect(other.body.error).toMatch(/only seat "A"/);
    expect((await api(server.url, `/api/runs/${run.id}/seats`, { cookie: traineeA })).status).toBe(403);
    const post = await api(server.url, `/api/runs/${run.id}/seats/B/decisions`, {
      cookie: traineeA,
      body: { appealId: 1, action: 'answer' },
    });
    expect(post.status).toBe(403);
    expect(
      (await api(server.url, `/api/runs/${run.id}/pause`, { cookie: traineeA, method: 'POST' })).status,
    ).toBe(403);
  });

  it('takes decisions, refuses bad ones by name, and brings back a wrong unit’s return', async () => {
    const city = (await api<{ units: { kind: string; name: string }[] }>(server.url, '/api/city')).body;
    // The instructor's view carries the ground truth (the score's rows); pick an appeal that needs a
    // dispatch, to send it to a street that is not its owner, and another to answer.
    const { first, second, t1, t2 } = await waitFor('an appeal needing a dispatch at seat A', async () => {
      const truths = (await seatA(true)).body.score?.decisions ?? [];
      const waiting = (await seatA()).body.waiting;
      const truthOf = (id: number) => truths.find((d) => d.appealId === id)?.truth;
      const needing = waiting.find((a) => truthOf(a.appealId)?.action === 'dispatch');
      const other = waiting.find((a) => a !== needing);
      return needing && other
        ? { first: needing, second: other, t1: truthOf(needing.appealId), t2: truthOf(other.appealId) }
        : undefined;
    });
    const wrongUnit = city.units.findIndex((u, i) => u.kind === 'street' && i !== t1?.unit);
    decided = { first: first.appealId, second: second.appealId };
    const bad: [SeatDecisionInput | Record<string, unknown>, number, RegExp][] = [
      [{ appealId: first.appealId, action: 'dispatch' }, 400, /unit: a dispatch needs the receiving unit/],
      [{ appealId: first.appealId, action: 'merge' }, 400, /mergeInto: a merge needs the appeal id/],
      [
        { appealId: first.appealId, action: 'merge', mergeInto: 999_999_999 },
        409,
        /mergeInto: appeal 999999999 is neither waiting at seat "A" nor an order it dispatched/,
      ],
      [{ appealId: first.appealId, action: 'redirect' }, 400, /channel: a redirect needs the line/],
      [{ appealId: first.appealId, action: 'teleport' }, 400, /action/],
      [{ appealId: 999_999_999, action: 'answer' }, 409, /not waiting at seat "A"/],
    ];
    for (const [body, status, message] of bad) {
      const res = await api<{ error: string }>(server.url, `/api/runs/${run.id}/seats/A/decisions`, {
        cookie: traineeA,
        body,
      });
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error).toMatch(message);
    }
    const decide = (body: SeatDecisionInput) =>
      api(server.url, `/api/runs/${run.id}/seats/A/decisions`, { cookie: traineeA, body });
    // 协办 units beside the case's own (one more than it needs): a wrong judgement.
    const extra = city.units.findIndex((_, i) => i !== wrongUnit && !t1?.assisting.includes(i));
    expect(
      (
        await decide({
          appealId: first.appealId,
          action: 'dispatch',
          unit: wrongUnit,
          assisting: [...(t1?.assisting ?? []), extra],
        })
      ).status,
    ).toBe(202);
    // An answer is right only from the knowledge-base entry that answers the question (知识库).
    const kbEntry = t2?.kbEntry ?? undefined;
    expect((await decide({ appealId: second.appealId, action: 'answer', kbEntry })).status).toBe(202);
    // Decided once: a second decision on the same appeal is refused once the first is logged.
    await waitFor('both decisions logged', async () => (await seatA()).body.history.length >= 2);
    const again = await decide({ appealId: second.appealId, action: 'answer' });
    expect(again.status).toBe(409);
    await api(server.url, `/api/runs/${run.id}/speed`, { body: { speed: 5000 } });
    const returned = await waitFor(
      'the wrong unit to return the order',
      async () => {
        const h = (await seatA()).body.history.find((d) => d.appealId === first.appealId);
        return h?.consequences.find((c) => c.kind === 'returned');
      },
      60_000,
    );
    expect(returned.detail).toBe('not-ours');
    const summary = (await api<{ seats: SeatSummary[] }>(server.url, `/api/runs/${run.id}/seats`)).body.seats;
    expect(summary.map((s) => s.seat)).toEqual(['A', 'B']);
    expect(summary[0]?.decided).toBe(2);
    expect(summary[1]?.decided).toBe(0);
  });

  it('shows the trainee their score once the exercise has ended, each item worked out from the decisions', async () => {
    await api(server.url, `/api/runs/${run.id}/stop`, { method: 'POST' });
    const score = await waitFor('the score', async () => (await seatA()).body.score ?? undefined);
    const s = score as SeatScore;
    // What the seat was offered and what timed out, read from the run's stored seat events.
    const events = (await server.manager.seatEvents(run.id)).filter((e) => e.seat === 'A');
    const offers = events.filter((e): e is Extract<SeatEvent, { kind: 'offer' }> => e.kind === 'offer');
    const offerOf = (id: number) => offers.find((o) => o.appealId === id) as (typeof offers)[number];
    const decisionAt = (id: number) =>
      (events.find((e) => e.kind === 'decision' && e.appealId === id && e.accepted) as SeatEvent).at;
    const { first, second } = decided;
    const t2 = offerOf(second).truth;
    const timedOut = new Set(events.flatMap((e) => (e.kind === 'timeout' ? [e.appealId] : [])));
    expect(timedOut.has(first) || timedOut.has(second)).toBe(false);
    const minutes = [first, second].map((id) => (decisionAt(id) - offerOf(id).at) / 60);

    expect(s.offered).toBe(offers.length);
    expect(s.decided).toBe(2);
    expect(s.timedOut).toBe(timedOut.size);
    // The first went to a wrong unit; the second was answered, right only if answering was right.
    expect(s.correct).toBe(t2.action === 'answer' ? 1 : 0);
    const item = (id: string) => s.items.find((i) => i.id === id);
    // Critical: every emergency offered must be redirected; the seat redirected none.
    const emergencies = offers.filter(
      (o) => o.truth.action === 'redirect' && ['110', '119', '120', '122'].includes(o.truth.channel ?? ''),
    ).length;
    expect(item('emergencies-redirected')).toMatchObject({
      class: 'critical',
      cases: emergencies,
      met: 0,
      value: emergencies === 0 ? 1 : 0,
      passed: emergencies === 0,
    });
    // Dispatch accuracy: the wrong dispatch, and the answer too when a dispatch was right: none right.
    const dispatchCases = t2.action === 'dispatch' ? 2 : 1;
    expect(item('dispatch-accuracy')).toMatchObject({
      cases: dispatchCases,
      met: 0,
      value: 0,
      passed: false,
    });
    // 2-hour cases: those offered, met when decided within 10 minutes.
    const urgent = offers.filter((o) => o.truth.slaClass === '2h');
    const urgentMet = urgent.filter(
      (o) => [first, second].includes(o.appealId) && decisionAt(o.appealId) - o.at <= 600,
    ).length;
    expect(item('urgent-on-time')).toMatchObject({ cases: urgent.length, met: urgentMet });
    // Decided before the hold ran out: the two decided, of those decided or timed out.
    expect(item('decided-in-time')).toMatchObject({
      cases: 2 + timedOut.size,
      met: 2,
      value: 2 / (2 + timedOut.size),
      passed: 2 / (2 + timedOut.size) >= 0.9,
    });
    // Returns: the one dispatch came back as not the unit's.
    expect(item('returns-caused')).toMatchObject({ cases: 1, met: 1, value: 1, passed: false });
    // 协办: the wrong dispatch needed a judgement, and the seat named one unit too many.
    expect(item('assisting-judgement')).toMatchObject({ cases: 1, met: 0, value: 0, passed: false });
    // Classification: neither decision recorded the appeal type.
    expect(item('classification')).toMatchObject({ cases: 2, met: 0, passed: false });
    // The order's summary: the dispatch carried none, so none of its facts.
    expect(item('order-summary')).toMatchObject({ cases: 1, met: 0, passed: false });
    const mean = minutes.reduce((a, b) => a + b, 0) / minutes.length;
    expect(item('time-to-decide')?.cases).toBe(2);
    expect(item('time-to-decide')?.value).toBeCloseTo(mean, 9);
    expect(item('time-to-decide')?.passed).toBe(mean <= 15);
    expect(s.items.map((i) => i.id)).toEqual([
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
    ]);
    // Failed on an essential item (returns), whatever else.
    expect(s.passed).toBe(false);
  });
});
