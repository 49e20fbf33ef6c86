import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { LiveRun, validateScenario, type RunInfo } from '@hotline-sim/shared';
import fc from 'fast-check';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKeys } from '../src/live/keys';
import type { RunningServer } from '../src/server';
import {
  api,
  cookieFor,
  liveTestScenario,
  login,
  loginInstructor,
  startTestServer,
  waitFor,
} from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Heap in use after full collections (the server runs in this process). */
async function settledHeap(): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
  }
  return process.memoryUsage().heapUsed;
}

interface Hostile {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const PATHS = [
  '/api/runs',
  '/api/runs/{run}',
  '/api/runs/{run}/pause',
  '/api/runs/{run}/resume',
  '/api/runs/{run}/speed',
  '/api/runs/{run}/injects',
  '/api/runs/{run}/report',
  '/api/runs/{run}/series',
  '/api/runs/{run}/appeals',
  '/api/runs/{run}/appeals/{x}',
  '/api/runs/{run}/audit',
  '/api/runs/{run}/export/{x}',
  '/api/runs/{run}/seats/{x}/decisions',
  '/api/scenarios/{x}',
  '/api/comparisons',
  '/api/comparisons/{x}',
  '/api/session',
  '/api/codes',
  '/api/codes/{x}',
  '/api/open311/keys',
  '/api/open311/keys/{x}',
  '/api/{x}',
  '/open311/v2/discovery.{x}',
  '/open311/v2/services.json',
  '/open311/v2/services/{x}.json',
  '/open311/v2/requests.json',
  '/open311/v2/requests.xml',
  '/open311/v2/requests/{x}.json',
  '/open311/v2/tokens/{x}.json',
  '/open311/v2/servicerequestupdates.json',
  '/open311/{x}',
  '/admin/queues/{x}',
  '/readyz',
  '/metrics',
];

/** Text meant to hurt: traversal, encodings, control characters, markup, huge, unicode. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '..%2F..%2Fetc%2Fpasswd',
    '%00',
    '%E0%A4%A',
    '<script>alert(1)</script>',
    '__proto__',
    'constructor',
    '-1',
    '1e309',
    '0x10',
    'NaN',
    ' ',
    "'; DROP TABLE runs; --",
    '{"$ne":null}',
    '😀'.repeat(50),
  ),
  fc.nat({ max: 5000 }).map((n) => 'x'.repeat(n)),
);

const segment = nasty.map((s) => encodeURIComponent(s).slice(0, 3000));

function hostile(run: string, cookies: string[], apiKey: string): fc.Arbitrary<Hostile> {
  const json = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.anything({ maxDepth: 3 }).map((v) => {
      try {
        return JSON.stringify(v) ?? 'undefined';
      } catch {
        return '{}';
      }
    }),
    fc.nat({ max: 200 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
    fc.string({ maxLength: 60 }),
    fc.constantFrom('{"scenario":', '{"__proto__":{"polluted":1}}', '{"speed":1e999}', 'null', '[]', '""'),
    fc
      .record({ scenario: fc.oneof(fc.string(), fc.jsonValue({ maxDepth: 3 })), speed: fc.anything() })
      .map((v) => JSON.stringify(v)),
  );
  const form = fc
    .dictionary(
      fc.constantFrom(
        'api_key',
        'service_code',
        'lat',
        'long',
        'address_string',
        'address_id',
        'description',
        'media_url',
        'jurisdiction_id',
        'attribute[urgency]',
        'attribute[x][y][z]',
        'page',
        'a[__proto__][b]',
        'email',
      ),
      nasty,
      { maxKeys: 8 },
    )
    .chain((fields) =>
      fc
        .boolean()
        .map((withKey) => new URLSearchParams(withKey ? { ...fields, api_key: apiKey } : fields).toString()),
    );
  return fc
    .record({
      method: fc.constantFrom('GET', 'GET', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
      path: fc
        .tuple(
          fc.constantFrom(...PATHS),
          segment,
          fc.boolean(),
          segment,
          fc.constantFrom('', '?', '?page=', '?page=1&page=2', '?state[]=x', '?jurisdiction_id='),
        )
        .map(
          ([p, x, realRun, q, query]) =>
            p.replace('{run}', realRun ? run : x).replace('{x}', x) + (query ? query + q : ''),
        ),
      contentType: fc.constantFrom(
        'application/json',
        'application/x-www-form-urlencoded',
        'text/plain',
        'application/json; charset=utf-16',
        'multipart/form-data; boundary=x',
        '',
      ),
      cookie: fc.constantFrom('', 'hotline_session=forged', 'hotline_session=%E0%A4%A', ...cookies),
      json,
      form,
    })
    .map(({ method, path, contentType, cookie, json: j, form: f }) => ({
      method,
      path,
      headers: { ...(contentType ? { 'content-type': contentType } : {}), ...(cookie ? { cookie } : {}) },
      ...(method === 'GET' || method === 'OPTIONS' ? {} : { body: contentType.includes('form') ? f : j }),
    }));
}

/** The fuzz: 10,000 hostile requests and 2,000 socket messages against one server with a live run. */
describe('fuzz: hostile requests and socket messages', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let run: RunInfo;
  /** The run hostile paths name: stopped, so a lucky pause, resume or stop changes nothing. */
  let decoy: RunInfo;
  let key: string;
  let observerCode: string;
  const scenario = validateScenario(liveTestScenario(), 'live test');
  const cells = new LiveRun(scenario, scenario.seed).model.city.city.cells;

  beforeAll(async () => {
    redis = await startTestRedis({ appendfsync: 'everysec' });
    server = await startTestServer(redis.url, { OPEN311_RATE_LIMIT: '10000000' });
    run = (
      await api<RunInfo>(server.url, '/api/runs', {
        body: { scenario: liveTestScenario(), speed: 600, paused: true },
      })
    ).body;
    decoy = (
      await api<RunInfo>(server.url, '/api/runs', {
        body: { scenario: liveTestScenario({ name: 'decoy' }), speed: 600, paused: true },
      })
    ).body;
    await api(server.url, `/api/runs/${decoy.id}/stop`, { method: 'POST' });
    key = (
      await api<{ key: string }>(server.url, '/api/open311/keys', { body: { name: 'fuzz', runId: run.id } })
    ).body.key;
    observerCode = (await api<{ code: string }>(server.url, '/api/codes', { body: { role: 'observer' } }))
      .body.code;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('never answers 5xx, never crashes, loses no accepted appeal, and its memory returns to baseline', async () => {
    const accepted: string[] = [];
    const file = async (i: number) => {
      const cell = cells[(i * 97) % cells.length];
      const res = await fetch(`${server.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        signal: AbortSignal.timeout(30_000),
        body: new URLSearchParams({
          api_key: key,
          service_code: 'garbage',
          lat: String(cell?.lat),
          long: String(cell?.lon),
          description: `fuzz ${i} <b>x</b>`,
        }).toString(),
      });
      expect(res.status).toBe(201);
      accepted.push(((await res.json()) as [{ token: string }])[0].token);
    };
    /** Hostile requests generated, answered by the server, and refused by fetch before sending. */
    let generated = 0;
    let requests = 0;
    let refused = 0;
    const statuses = new Map<number, number>();
    const arbitrary = fc.array(hostile(decoy.id, ['{instructor}', '{observer}'], key), {
      minLength: 100,
      maxLength: 100,
    });
    const send = async (batch: Hostile[]) => {
      // Fresh sessions for each batch: a hostile DELETE /api/session ends the one it carries.
      const sessions = {
        '{instructor}': await loginInstructor(server.url),
        '{observer}': await login(server.url, { code: observerCode }),
      };
      for (const h of batch)
        if (h.headers.cookie && h.headers.cookie in sessions)
          h.headers.cookie = sessions[h.headers.cookie as keyof typeof sessions];
      await Promise.all(
        batch.map(async (h, i) => {
          if (i % 25 === 0) await file(requests + i);
          let status: number;
          let text: string;
          generated++;
          try {
            const res = await fetch(server.url + h.path, {
              method: h.method,
              headers: h.headers,
              ...(h.body !== undefined ? { body: h.body } : {}),
              signal: AbortSignal.timeout(30_000),
            });
            status = res.status;
            text = await res.text();
          } catch (err) {
            // Only a request fetch itself refuses to send (a lone surrogate in the path, a header
            // that is no ByteString) may fail here: counted apart, never sent. A timeout fails.
            expect(String(err)).toMatch(/Invalid URL|invalid|ByteString/i);
            expect(String(err)).not.toMatch(/timeout|abort/i);
            refused++;
            return;
          }
          requests++;
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          expect(
            status,
            `${h.method} ${h.path.slice(0, 200)} → ${status} ${text.slice(0, 300)}`,
          ).toBeLessThan(500);
          expect(text).not.toMatch(/\n\s+at .+\(.*:\d+:\d+\)/);
          // A hostile request that happened to be a valid filing is an accepted appeal too.
          if (status === 201 && h.path.startsWith('/open311/v2/requests.'))
            accepted.push((JSON.parse(text) as [{ token: string }])[0].token);
        }),
      );
    };
    // Warm up every path (lazy city model, locator, rate-limit stores), then take the baseline.
    await fc.assert(fc.asyncProperty(arbitrary, send), { numRuns: 5, seed: 1 });
    expect(generated).toBe(5 * 100);
    [generated, requests, refused] = [0, 0, 0];
    statuses.clear();
    const baseline = await settledHeap();
    await fc.assert(fc.asyncProperty(arbitrary, send), { numRuns: 100, endOnFailure: true });

    // Socket messages: any event, any payload, with and without acks, from observers and the instructor.
    await loginInstructor(server.url);
    const sockets: Socket[] = [];
    for (const cookie of [cookieFor(server.url), await login(server.url, { code: observerCode })]) {
      const s = connect(server.url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { cookie },
      });
      await new Promise<void>((resolve, reject) => {
        s.once('connect', () => resolve());
        s.once('connect_error', reject);
      });
      sockets.push(s);
    }
    let messages = 0;
    let acked = 0;
    /** What went wrong inside an ack callback: collected, not thrown (a throw there would never resolve). */
    const ackProblems: string[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom('join', 'leave', 'join', 'update', 'snapshot', '__proto__', 'x'.repeat(300)),
            fc.anything({ maxDepth: 3 }),
            fc.boolean(),
            fc.nat({ max: 1 }),
          ),
          { minLength: 50, maxLength: 50 },
        ),
        async (messagesBatch) => {
          await Promise.all(
            messagesBatch.map(([event, payload, withAck, which]) => {
              const s = sockets[which] as Socket;
              messages++;
              if (!withAck) {
                s.emit(event as 'join', payload as string);
                return Promise.resolve();
              }
              return new Promise<void>((resolve) => {
                // Unknown events are dropped without an ack: wait briefly for those.
                s.timeout(event === 'join' || event === 'leave' ? 5_000 : 200).emit(
                  event as 'join',
                  payload as string,
                  (err: unknown, reply: unknown) => {
                    // Unknown events never ack (Socket.IO drops them); known ones answer ok or an error,
                    // always (the 5 s timeout is a missing ack).
                    const known = event === 'join' || event === 'leave';
                    if (known && err) ackProblems.push(`no ack to ${event} within 5 s`);
                    if (!known && !err) ackProblems.push(`unexpected ack to ${event}`);
                    if (!err) {
                      acked++;
                      const ok =
                        typeof reply === 'object' && reply !== null && ('ok' in reply || 'error' in reply);
                      if (!ok) ackProblems.push(`ack to ${event}: ${JSON.stringify(reply)?.slice(0, 200)}`);
                    }
                    resolve();
                  },
                );
              });
            }),
          );
          for (const s of sockets) expect(s.connected).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
    for (const s of sockets) s.disconnect();
    // The server is alive and well.
    expect((await api(server.url, '/healthz')).status).toBe(200);
    expect((await api<RunInfo>(server.url, `/api/runs/${run.id}`)).body.status).toBe('paused');
    console.log(
      `fuzz: ${generated} hostile requests (${requests} answered, ${refused} refused by fetch), ` +
        `${messages} socket messages (${acked} acked), ${accepted.length} appeals filed; ` +
        `statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
    );
    // Each kind counted and asserted: 100 runs of 100 hostile requests, each answered (below 500)
    // or refused by fetch itself (never more than 1 %); 40 runs of 50 socket messages; a filing
    // every 25 requests.
    expect(generated).toBe(10_000);
    expect(requests + refused).toBe(generated);
    expect(refused).toBeLessThanOrEqual(100);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(requests);
    expect(messages).toBe(2_000);
    expect(ackProblems).toEqual([]);
    expect(acked).toBeGreaterThan(0);
    expect(accepted).toHaveLength(500 / 25 + 10_000 / 25);

    // Memory back to baseline (the paused run holds still; accepted appeals wait in its inbox).
    const after = await settledHeap();
    console.log(
      `heap: baseline ${(baseline / 2 ** 20).toFixed(1)} MB, after ${(after / 2 ** 20).toFixed(1)} MB`,
    );
    expect(after - baseline).toBeLessThan(20 * 2 ** 20);

    // Every accepted appeal enters the run: its token maps to an appeal the run stores.
    await api(server.url, `/api/runs/${run.id}/resume`, { method: 'POST' });
    const tokens = await waitFor(
      'every accepted appeal in the input log',
      async () => {
        const map = await server.manager.redis.hgetall(runKeys(run.id).tokens);
        return accepted.every((t) => map[t] !== undefined) ? map : undefined;
      },
      60_000,
    );
    const ids = accepted.map((t) => Number(tokens[t]));
    expect(new Set(ids).size).toBe(accepted.length);
    await waitFor(
      'every accepted appeal stored',
      async () => {
        const stored = await Promise.all(
          ids.map((id) => server.manager.redis.hexists(runKeys(run.id).appeal(id), 'state')),
        );
        return stored.every((s) => s === 1) || undefined;
      },
      60_000,
    );
  }, 600_000);
});
