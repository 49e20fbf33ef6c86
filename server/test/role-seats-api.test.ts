import type { RunInfo, SeatView } from '@hotline-sim/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, login, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/**
 * The review (退单审核) and callback (回访) seats over REST with real sessions: each trainee sees their
 * seat's role and what waits there, decides it, and cannot decide at another seat or of another kind;
 * bad decisions are refused by name; the decisions reach the seat events and the score.
 */
describe('review and callback seats over the API', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let run: RunInfo;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    const scenario = liveTestScenario({
      lifecycle: {
        timeLimits: { '2h': 2, '24h': 8, '7d': 24, '15d': 36 },
        response: { hours: { lognormal: { mean: 3, cv: 1 } }, limitHours: 8 },
        dispatch: { manualAccuracy: 0.5 },
        training: {
          seats: ['D', 'R', 'C'],
          share: 0.05,
          holdMinutes: 240,
          roles: { R: 'review', C: 'callback' },
        },
      },
    });
    run = (await api<RunInfo>(server.url, '/api/runs', { body: { scenario, speed: 600 } })).body;
    for (const seat of ['R', 'C']) {
      const { code } = (
        await api<{ code: string }>(server.url, '/api/codes', {
          body: { role: 'trainee', runId: run.id, seat },
        })
      ).body;
      cookies[seat] = await login(server.url, { code });
    }
  });

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  const view = (seat: string, asInstructor = false) =>
    api<SeatView>(
      server.url,
      `/api/runs/${run.id}/seats/${seat}`,
      asInstructor ? {} : { cookie: cookies[seat] },
    );
  const post = (seat: string, kind: 'returns' | 'callbacks', body: unknown, cookie = cookies[seat]) =>
    api<{ error: string }>(server.url, `/api/runs/${run.id}/seats/${seat}/${kind}`, { cookie, body });

  it('a review seat accepts a misrouted return and re-dispatches it to the owner; bad reviews are refused by name', async () => {
    const { item, truth } = await waitFor(
      'a return waiting at seat R',
      async () => {
        const v = (await view('R')).body;
        expect(v.role).toBe('review');
        expect(v.waiting).toEqual([]);
        const rows = (await view('R', true)).body.score?.returns ?? [];
        const item = v.returns.find((r) =>
          rows.some((x) => x.appealId === r.appealId && x.truth.action === 'accept'),
        );
        const truth = rows.find((x) => x.appealId === item?.appealId)?.truth;
        return item && truth ? { item, truth } : undefined;
      },
      120_000,
    );
    expect(item.note.zh.length).toBeGreaterThan(0);
    expect(item.note.en.length).toBeGreaterThan(0);
    expect(item.unit).not.toBe(truth.unit);
    const bad: [unknown, number, RegExp][] = [
      [{ appealId: item.appealId, action: 'accept' }, 400, /unit: accepting a return needs the unit/],
      [{ appealId: item.appealId, action: 'refuse' }, 400, /reason: refusing a return needs a reason/],
      [{ appealId: 999_999_999, action: 'refuse', reason: 'own-duty' }, 409, /not waiting at seat "R"/],
    ];
    for (const [body, status, message] of bad) {
      const res = await post('R', 'returns', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error).toMatch(message);
    }
    // Not a callback seat's business, and not the trainee's at another seat.
    expect(
      (await post('R', 'callbacks', { appealId: item.appealId, resolved: true, rating: 'not' })).status,
    ).toBe(409);
    expect(
      (
        await post(
          'C',
          'returns',
          { appealId: item.appealId, action: 'refuse', reason: 'own-duty' },
          cookies.R,
        )
      ).status,
    ).toBe(403);
    expect(
      (await post('R', 'returns', { appealId: item.appealId, action: 'accept', unit: truth.unit })).status,
    ).toBe(202);
    const row = await waitFor('the review in the seat score', async () =>
      (await view('R', true)).body.score?.returns.find(
        (r) => r.appealId === item.appealId && r.decidedAt !== null,
      ),
    );
    expect(row).toMatchObject({ correct: true, decision: { action: 'accept', unit: truth.unit } });
    expect((await view('R')).body.returns.some((r) => r.appealId === item.appealId)).toBe(false);
    // Decided: no longer waiting, and a second review of it is refused.
    expect(
      (await post('R', 'returns', { appealId: item.appealId, action: 'refuse', reason: 'own-duty' })).status,
    ).toBe(409);
  });

  it('a callback seat hears the citizen and its record is scored against what they said', async () => {
    const { item, truth } = await waitFor(
      'a callback waiting at seat C',
      async () => {
        const v = (await view('C')).body;
        expect(v.role).toBe('callback');
        const rows = (await view('C', true)).body.score?.callbacks ?? [];
        const item = v.callbacks[0];
        const truth = rows.find((x) => x.appealId === item?.appealId)?.truth;
        return item && truth ? { item, truth } : undefined;
      },
      120_000,
    );
    expect(item.conversation.filter((l) => l.who === 'citizen').length).toBe(truth.pressed ? 3 : 2);
    const bad = await post('C', 'callbacks', {
      appealId: item.appealId,
      resolved: 'yes',
      rating: 'satisfied',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/resolved/);
    const body = {
      appealId: item.appealId,
      resolved: truth.outcome === 'resolved',
      rating: truth.rating,
      pressure: truth.pressed,
    };
    expect((await post('C', 'callbacks', body)).status).toBe(202);
    const row = await waitFor('the callback record in the seat score', async () =>
      (await view('C', true)).body.score?.callbacks.find(
        (r) => r.appealId === item.appealId && r.decidedAt !== null,
      ),
    );
    expect(row).toMatchObject({ correct: true, decision: body });
    const score = (await view('C', true)).body.score;
    expect(score?.items.find((i) => i.id === 'callback-accuracy')?.met).toBeGreaterThanOrEqual(1);
    // While the exercise runs the trainee does not see their score.
    expect((await view('C')).body.score).toBeNull();
  });
});
