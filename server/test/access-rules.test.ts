import type { RunInfo } from '@hotline-sim/shared';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { endpoints } from './helpers/endpoints';
import { api, cookieFor, liveTestScenario, login, startTestServer } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/*
 * Issue 13, point 1: the access rule is checked on the route Express matched, so no spelling of a
 * path (case, trailing slash, `//`, `%2F`, escaped letters) reaches more than the canonical path does,
 * for any role. The endpoints come from the app's own router stack, so a new route is tried too.
 */

type Role = 'instructor' | 'observer' | 'trainee' | 'none';
/**
 * What a request came to: refused by the rule, matched no route, reached a route's handler, or (a
 * read) answered with data. A spelling may route a read to another route that refuses its
 * parameters (`/runs/ID%2Fschedule` is `/runs/:id` with a bad id: 400), so reads count as leaks
 * only when they answer; writes count as soon as they reach a handler.
 */
type Outcome = 'refused' | 'unmatched' | 'reached' | 'answered';

/** Outcome of an answer: 401/403 refused; the API's fallback 404 (or Express's own) unmatched. */
function outcome(status: number, body: unknown): Outcome {
  if (status === 401 || status === 403) return 'refused';
  if (status === 404 || status === 405) {
    const error = (body as { error?: unknown } | null)?.error;
    if (typeof body === 'string' || (typeof error === 'string' && error.startsWith('no such API endpoint')))
      return 'unmatched';
  }
  return status < 400 ? 'answered' : 'reached';
}

/** Spellings of `path` (its literal segments are those in `literal`) Express may route like it. */
function variants(path: string, literal: readonly boolean[]): string[] {
  const segments = path.split('/').slice(1);
  const join = (parts: string[], sep = '/') => '/' + parts.join(sep);
  const mapLiteral = (f: (s: string) => string) => segments.map((s, i) => (literal[i] ? f(s) : s));
  const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const out = [
    join(mapLiteral((s) => s.toUpperCase())),
    join(mapLiteral(capital)),
    // Only the last literal segment changes case (`/api/runs/:id/Schedule`).
    join(segments.map((s, i) => (i === literal.lastIndexOf(true) ? capital(s) : s))),
    // Only the segments after /api change case (`/api/CODES`).
    join(segments.map((s, i) => (i > 0 && literal[i] ? s.toUpperCase() : s))),
    `${path}/`,
    `${join(mapLiteral(capital))}/`,
    join(segments, '//'),
    `/${path}`,
    path.replace('/api/', '/api//'),
    // A letter escaped (`/api/%63odes`).
    join(segments.map((s, i) => (i > 0 && literal[i] ? `%${s.charCodeAt(0).toString(16)}${s.slice(1)}` : s))),
  ];
  // Each separator after /api written as %2F (or %2f).
  for (let i = 1; i < segments.length - 1; i++) {
    const a = segments.slice(0, i + 1).join('/');
    const b = segments.slice(i + 1).join('/');
    out.push(`/${a}%2F${b}`, `/${a}%2f${b}`);
  }
  return [...new Set(out)].filter((v) => v !== path);
}

describe('access rules on the matched route (issue 13, point 1)', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let exercise: RunInfo;
  let other: RunInfo;
  const cookies: Record<Role, string | null> = {
    instructor: null,
    observer: null,
    trainee: null,
    none: null,
  };

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url);
    const scenario = liveTestScenario();
    const withSeats = {
      ...scenario,
      lifecycle: {
        ...scenario.lifecycle,
        training: { seats: ['desk-3', 'desk-4'], share: 0.2, holdMinutes: 60 },
      },
    };
    exercise = (
      await api<RunInfo>(server.url, '/api/runs', { body: { scenario: withSeats, speed: 60, paused: true } })
    ).body;
    other = (
      await api<RunInfo>(server.url, '/api/runs', {
        body: { scenario: { ...withSeats, name: 'other' }, speed: 60, paused: true },
      })
    ).body;
    expect(exercise.id).toBeTruthy();
    const o = await api<{ code: string }>(server.url, '/api/codes', { body: { role: 'observer' } });
    const t = await api<{ code: string }>(server.url, '/api/codes', {
      body: { role: 'trainee', runId: exercise.id, seat: 'desk-3' },
    });
    cookies.instructor = cookieFor(server.url);
    cookies.observer = await login(server.url, { code: o.body.code });
    cookies.trainee = await login(server.url, { code: t.body.code });
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  /** Concrete paths for a route: each parameter filled with the trainee's own value and with others'. */
  function fills(path: string): { path: string; literal: boolean[] }[] {
    const choices: Record<string, string[]> = {
      id: [exercise.id, other.id],
      runId: [exercise.id, other.id],
      seat: ['desk-3', 'desk-4'],
      entry: ['abcdef12'],
      appealId: ['1'],
      code: ['AAAA-AAAA'],
      keyId: ['abc'],
      name: ['mmc'],
      format: ['json'],
    };
    let out: { path: string; literal: boolean[] }[] = [{ path: '', literal: [] }];
    for (const segment of path.split('/').slice(1)) {
      const param = /:(\w+)/.exec(segment);
      const values = param ? (choices[param[1] as string] ?? ['x']) : [segment];
      out = out.flatMap((o) =>
        values.map((v) => ({
          path: `${o.path}/${param ? segment.replace(`:${param[1] as string}`, v) : v}`,
          literal: [...o.literal, !param || segment !== `:${param[1] as string}`],
        })),
      );
    }
    // The trainee's own run with another run's seat mixes are kept; drop the duplicates.
    return out.filter((o, i) => out.findIndex((x) => x.path === o.path) === i);
  }

  async function call(role: Role, method: string, path: string): Promise<Outcome> {
    const res = await api(server.url, path, {
      method,
      cookie: cookies[role],
      ...(method === 'GET' || method === 'HEAD' ? {} : { raw: '{}' }),
    });
    return outcome(res.status, res.body);
  }

  it('finds every route of the REST API, the ones the issue names among them', () => {
    const found = endpoints(server).map((e) => `${e.method} ${e.path}`);
    for (const route of [
      'GET /api/codes',
      'GET /api/exercises',
      'GET /api/training/results',
      'GET /api/open311/keys',
      'GET /api/runs/:id/schedule',
      'GET /api/runs/:id/seats/:seat',
      'POST /api/runs/:id/seats/:seat/decisions',
      'GET /api/runs/:id/export/appeals.:format',
    ])
      expect(found).toContain(route);
    expect(found.length).toBeGreaterThan(35);
  });

  it("the issue's cases: an observer gets no join codes by any spelling, a trainee no other seat", async () => {
    for (const path of [
      '/api/codes',
      '/api/CODES',
      '/api/Codes/',
      '/API//codes',
      '/api/Open311/Keys',
      '/api/Exercises',
      '/api/Training/results',
      `/api/runs/${exercise.id}/Schedule`,
    ])
      expect(await call('observer', 'GET', path), path).not.toBe('answered');
    expect(await call('trainee', 'GET', `/api/runs/${exercise.id}/seats/desk-3`)).toBe('answered');
    for (const path of [
      `/api/runs/${exercise.id}/Seats/desk-4`,
      `/api/runs/${exercise.id}/SEATS/desk-4/`,
      `/api/runs/${exercise.id}//seats/desk-4`,
      `/api/Runs/${exercise.id}/seats/desk-4`,
    ])
      expect(await call('trainee', 'GET', path), path).not.toBe('answered');
  });

  for (const role of ['instructor', 'observer', 'trainee', 'none'] as const) {
    it(`${role}: no spelling of any endpoint reaches more than its canonical path`, async () => {
      const leaks: string[] = [];
      let tried = 0;
      for (const endpoint of endpoints(server)) {
        // The instructor may do everything: reads only, so the test changes nothing.
        if (role === 'instructor' && endpoint.method !== 'GET') continue;
        // Public, and logging out would end the session the rest of the sweep needs.
        if (endpoint.path === '/api/session') continue;
        for (const { path, literal } of fills(endpoint.path)) {
          const canonical = await call(role, endpoint.method, path);
          if (role === 'instructor')
            expect(['reached', 'answered'], `${endpoint.method} ${path}`).toContain(canonical);
          // Nothing is more than reaching the route.
          if (canonical === 'reached' || canonical === 'answered') continue;
          const spelled = variants(path, literal);
          const outcomes = await Promise.all(spelled.map((v) => call(role, endpoint.method, v)));
          tried += spelled.length;
          const read = endpoint.method === 'GET';
          outcomes.forEach((o, i) => {
            if (o === 'answered' || (o === 'reached' && !read))
              leaks.push(`${endpoint.method} ${spelled[i] ?? ''} (canonical ${path}: ${canonical})`);
          });
        }
      }
      expect(leaks).toEqual([]);
      if (role !== 'instructor') expect(tried).toBeGreaterThan(100);
    }, 120_000);
  }

  it('bull-board (/admin/queues): no spelling opens it to anyone but the instructor', async () => {
    const paths = ['/admin/queues', '/admin/queues/api/queues'].flatMap((p) => [
      p,
      ...variants(
        p,
        p
          .split('/')
          .slice(1)
          .map(() => true),
      ),
    ]);
    for (const role of ['observer', 'trainee', 'none'] as const) {
      for (const path of paths) {
        const res = await api(server.url, path, { cookie: cookies[role] });
        expect(res.status, `${role} ${path}`).not.toBe(200);
        expect(res.status < 300 || (res.status >= 300 && res.status < 400), `${role} ${path}`).toBe(false);
      }
    }
    expect((await api(server.url, '/admin/queues/api/queues', { cookie: cookies.instructor })).status).toBe(
      200,
    );
  });

  it('Socket.IO: a trainee follows only their own seat of their own run, whatever the case', async () => {
    const socket = connect(server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { cookie: cookies.trainee as string },
    });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', () => resolve());
        socket.once('connect_error', reject);
      });
      const joinSeat = (run: string, seat: string) =>
        new Promise<unknown>((resolve) => socket.emit('joinSeat', run, seat, resolve));
      expect(await joinSeat(exercise.id, 'desk-3')).toEqual({ ok: true });
      // A run id of digits alone has no other case: then that spelling is the trainee's own run.
      const upper = exercise.id.toUpperCase();
      for (const [run, seat] of [
        [exercise.id, 'desk-4'],
        [exercise.id, 'Desk-3'],
        ...(upper === exercise.id ? [] : [[upper, 'desk-3'] as const]),
        [other.id, 'desk-3'],
      ] as const)
        expect(await joinSeat(run, seat), `${run} ${seat}`).toHaveProperty('error');
    } finally {
      socket.disconnect();
    }
  });
});
