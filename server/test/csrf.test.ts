import { LiveRun, validateScenario, type RunInfo } from '@hotline-sim/shared';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';
import { EXPERIMENTS_QUEUE } from '../src/experiments';
import type { RunningServer } from '../src/server';
import { api, cookieFor, liveTestScenario, login, startTestServer } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/*
 * Issue 13, point 3: a text/plain POST with a foreign Origin paused a run, a form on another port of
 * the same host did it in Chromium, and that page opened the Socket.IO stream with the user's cookie.
 * Every write now needs JSON or a client header and, when it says where it comes from, this server's
 * origin or one in ALLOWED_ORIGINS; Socket.IO and bull-board check Origin the same way.
 */

const ALLOWED = 'http://dashboard.example:8080';
const FOREIGN = 'http://127.0.0.1:9';

/** A raw request with the instructor's cookie and exactly the headers given (no JSON type added). */
async function raw(
  base: string,
  path: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
) {
  const res = await fetch(base + path, {
    method,
    headers: { cookie: cookieFor(base), ...headers },
    ...(body !== undefined ? { body } : {}),
  });
  const text = await res.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: res.status, body: json as { error?: string }, headers: res.headers };
}

/** A Socket.IO client sending `origin` on its handshake; resolves when connected, rejects with the refusal. */
async function socketFrom(base: string, origin: string, transport: 'websocket' | 'polling') {
  const s = connect(base, {
    transports: [transport],
    forceNew: true,
    reconnection: false,
    extraHeaders: { cookie: cookieFor(base), origin },
  });
  try {
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', (err) => reject(err));
    });
  } finally {
    s.disconnect();
  }
}

describe('cross-site writes (issue 13, point 3)', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let run: RunInfo;
  let own: string;
  const status = async () => (await api<RunInfo>(server.url, `/api/runs/${run.id}`)).body.status;

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url, { ALLOWED_ORIGINS: `${ALLOWED}, https://other.example` });
    own = server.url;
    run = (
      await api<RunInfo>(server.url, '/api/runs', {
        body: { scenario: liveTestScenario(), speed: 1, paused: false },
      })
    ).body;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('refuses a text/plain POST with a foreign Origin: 403 naming the origin and ALLOWED_ORIGINS; the run keeps running', async () => {
    const res = await raw(server.url, `/api/runs/${run.id}/pause`, 'POST', {
      'content-type': 'text/plain',
      origin: FOREIGN,
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toContain(`Origin ${FOREIGN}`);
    expect(res.body.error).toContain('ALLOWED_ORIGINS');
    // Even with a client header: the origin is foreign.
    const headed = await raw(server.url, `/api/runs/${run.id}/pause`, 'POST', {
      'x-hotline-client': 'x',
      origin: FOREIGN,
    });
    expect(headed.status).toBe(403);
    // A Referer stands for the Origin when there is none.
    const referred = await raw(server.url, `/api/runs/${run.id}/pause`, 'POST', {
      'content-type': 'application/json',
      referer: `${FOREIGN}/attack.html`,
    });
    expect(referred.status).toBe(403);
    expect(referred.body.error).toContain(`Referer ${FOREIGN}`);
    expect(await status()).toBe('running');
  });

  it('refuses body-less, text/plain and form-encoded writes without a client header, whatever the origin', async () => {
    for (const headers of <Record<string, string>[]>[
      {},
      { 'content-type': 'text/plain' },
      { 'content-type': 'text/plain', origin: own },
      { 'content-type': 'application/x-www-form-urlencoded', origin: FOREIGN },
      { 'content-type': 'application/x-www-form-urlencoded', origin: own },
      { 'content-type': 'multipart/form-data; boundary=x' },
    ]) {
      const res = await raw(server.url, `/api/runs/${run.id}/pause`, 'POST', headers, 'a=b');
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(res.body.error).toMatch(/cross-site request refused/);
    }
    const plain = await raw(server.url, `/api/runs/${run.id}/pause`, 'POST', {
      'content-type': 'text/plain',
    });
    expect(plain.body.error).toContain('Content-Type: application/json');
    expect(plain.body.error).toContain('X-Hotline-Client');
    // Logging in is a write too (a forged login would put the user in someone else's session).
    const loginForm = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', origin: FOREIGN },
      body: '{"password":"x"}',
    });
    expect(loginForm.status).toBe(403);
    expect(await status()).toBe('running');
  });

  it('accepts JSON or a client header from its own origin, from an allowed one, or with no Origin at all', async () => {
    const json = { 'content-type': 'application/json' };
    const pause = (headers: Record<string, string>) =>
      raw(server.url, `/api/runs/${run.id}/pause`, 'POST', headers);
    const resume = (headers: Record<string, string>) =>
      raw(server.url, `/api/runs/${run.id}/resume`, 'POST', headers);
    expect((await pause({ ...json, origin: own })).status).toBe(200);
    expect((await resume({ 'x-hotline-client': 'dashboard', origin: own })).status).toBe(200);
    const allowed = await pause({ ...json, origin: ALLOWED });
    expect(allowed.status).toBe(200);
    // The allowed page may read the answer with its cookie.
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect((await resume({ 'x-requested-with': 'XMLHttpRequest', referer: `${ALLOWED}/x` })).status).toBe(
      200,
    );
    expect((await pause({ 'x-hotline-client': 'cli' })).status).toBe(200);
    expect((await resume({ ...json, origin: 'https://other.example' })).status).toBe(200);
    expect(await status()).toBe('running');
  });

  it('answers CORS preflights for allowed origins only', async () => {
    const preflight = (origin: string) =>
      fetch(`${server.url}/api/runs/${run.id}/pause`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const ok = await preflight(ALLOWED);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/content-type/);
    const foreign = await preflight(FOREIGN);
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a Socket.IO handshake from a foreign Origin (WebSocket and polling); allows its own and listed ones', async () => {
    await expect(socketFrom(server.url, FOREIGN, 'websocket')).rejects.toThrow();
    await expect(socketFrom(server.url, FOREIGN, 'polling')).rejects.toThrow();
    // The handshake's answer names the rule.
    const handshake = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, {
      headers: { cookie: cookieFor(server.url), origin: FOREIGN },
    });
    expect(handshake.status).toBe(403);
    expect(await handshake.text()).toContain('ALLOWED_ORIGINS');
    await expect(socketFrom(server.url, 'null', 'websocket')).rejects.toThrow();
    await socketFrom(server.url, own, 'websocket');
    await socketFrom(server.url, ALLOWED, 'websocket');
    await socketFrom(server.url, ALLOWED, 'polling');
  });

  it("refuses bull-board's writes from a foreign Origin; its own page's body-less PUTs still work", async () => {
    const base = `/admin/queues/api/queues/${EXPERIMENTS_QUEUE}`;
    const add = await raw(
      server.url,
      `${base}/add`,
      'POST',
      { 'content-type': 'text/plain', origin: FOREIGN },
      JSON.stringify({ name: 'x', data: {} }),
    );
    expect(add.status).toBe(403);
    const pause = await raw(server.url, `${base}/pause`, 'PUT', { origin: FOREIGN });
    expect(pause.status).toBe(403);
    expect(pause.body.error).toContain('ALLOWED_ORIGINS');
    expect((await raw(server.url, `${base}/pause`, 'PUT', { origin: own })).status).toBe(200);
    expect((await raw(server.url, `${base}/resume`, 'PUT', { origin: own })).status).toBe(200);
  });

  it('Open311: api-key writes from other sites go through; a session cookie files only with the rule met', async () => {
    const scenario = validateScenario(liveTestScenario(), 'live test');
    const cell = new LiveRun(scenario, scenario.seed).model.city.city.cells[100];
    const fields = { service_code: 'garbage', lat: String(cell?.lat), long: String(cell?.lon) };
    const key = (
      await api<{ key: string }>(server.url, '/api/open311/keys', { body: { name: 'other site' } })
    ).body.key;
    const post = (body: Record<string, string>, headers: Record<string, string>) =>
      fetch(`${server.url}/open311/v2/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams({ jurisdiction_id: run.id, ...body }).toString(),
      });
    const trainee = await login(server.url, {
      code: (
        await api<{ code: string }>(server.url, '/api/codes', {
          body: { role: 'trainee', runId: run.id, seat: 'A1' },
        })
      ).body.code,
    });
    // A form on another site, with the key: Open311 is a public API for such clients.
    expect((await post({ ...fields, api_key: key }, { origin: FOREIGN })).status).toBe(201);
    // The same form riding on the trainee's cookie instead of a key: a 403 naming the Origin rule.
    const forged = await post(fields, { origin: FOREIGN, cookie: trainee });
    expect(forged.status).toBe(403);
    const forgedError = ((await forged.json()) as { description: string }[])[0]?.description;
    expect(forgedError).toContain(`Origin ${FOREIGN}`);
    expect(forgedError).toContain('ALLOWED_ORIGINS');
    expect(forgedError).toContain('api_key');
    // A form from no stated origin riding on the cookie: 403 naming the JSON-or-header rule.
    const formOnly = await post(fields, { cookie: trainee });
    expect(formOnly.status).toBe(403);
    expect(await formOnly.text()).toContain('X-Hotline-Client');
    // With the key the foreign form files even when the browser adds the cookie (the key decides).
    expect((await post({ ...fields, api_key: key }, { origin: FOREIGN, cookie: trainee })).status).toBe(201);
    // With a client header from no foreign origin, the session files as before.
    expect((await post(fields, { cookie: trainee, 'x-hotline-client': 'x' })).status).toBe(201);
  });

  it('Open311: a cross-site write on a session cookie is a 403 naming the Origin rule, whatever its body or endpoint', async () => {
    const body = JSON.stringify({ jurisdiction_id: run.id, service_code: 'garbage', lat: 39.9, long: 116.4 });
    for (const [path, type, accept] of [
      ['requests.json', 'application/json', 'application/json'],
      ['requests.json', 'text/plain', 'application/json'],
      ['requests.xml', 'application/json', 'text/xml'],
      ['servicerequestupdates.json', 'application/json', 'application/json'],
      ['servicerequestupdates.xml', 'text/plain', 'text/xml'],
    ] as const) {
      const res = await raw(
        server.url,
        `/open311/v2/${path}`,
        'POST',
        { 'content-type': type, origin: FOREIGN },
        body,
      );
      expect(res.status, `${path} ${type}`).toBe(403);
      expect(res.headers.get('content-type'), path).toContain(accept);
      expect(JSON.stringify(res.body), path).toContain(`Origin ${FOREIGN} is neither this server`);
    }
  });
});

describe('config: ALLOWED_ORIGINS', () => {
  it('defaults to none (same origin only), normalises origins and refuses anything else', () => {
    expect(loadConfig({}).allowedOrigins).toEqual([]);
    expect(
      loadConfig({ ALLOWED_ORIGINS: ' https://Hotline.example:443/ ,http://127.0.0.1:5173,' }).allowedOrigins,
    ).toEqual(['https://hotline.example', 'http://127.0.0.1:5173']);
    for (const bad of [
      '*',
      'hotline.example',
      'https://a.example/app',
      'ftp://a.example',
      'https://u:p@a.example',
    ])
      expect(() => loadConfig({ ALLOWED_ORIGINS: bad }), bad).toThrow(ConfigError);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://a.example/app' })).toThrow(/ALLOWED_ORIGINS/);
  });
});
