import { LiveRun, validateScenario, type RunInfo } from '@hotline-sim/shared';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/*
 * Issue 13: the rest of point 9 (status codes, text/xml, newest first by requested time, POST
 * answering the request id, citizens' updates listed back), point 11 (Chicago-style `notes` and
 * `attributes`) and the Open311 part of point 4 (a trainee does not read the answer key).
 */

const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['request', 'error', 'request_update', 'note'].includes(name),
});

interface Answer {
  status: number;
  type: string;
  text: string;
  body: unknown;
}

async function call(base: string, path: string, init: RequestInit = {}): Promise<Answer> {
  const res = await fetch(base + path, init);
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text,
    body: text.startsWith('[') || text.startsWith('{') ? (JSON.parse(text) as unknown) : undefined,
  };
}

const get = (base: string, path: string, cookie?: string) =>
  call(base, path, cookie ? { headers: { cookie } } : {});

const form = (base: string, path: string, fields: Record<string, string>) =>
  call(base, path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

describe('Open311 to the spec (issue 13, points 9, 11 and 4)', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let key: string;
  /** A running run, and the Open311 request POSTed into it at its start. */
  let run: RunInfo;
  const scenario = validateScenario(liveTestScenario(), 'live test');
  const cell = new LiveRun(scenario, scenario.seed).model.city.city.cells[100];
  const at = { lat: String(cell?.lat), long: String(cell?.lon) };

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url, { OPEN311_RATE_LIMIT: '100000' });
    key = (await api<{ key: string }>(server.url, '/api/open311/keys', { body: { name: 'fixmystreet' } }))
      .body.key;
    run = (
      await api<RunInfo>(server.url, '/api/runs', { body: { scenario: liveTestScenario(), speed: 10_000 } })
    ).body;
    const res = await form(server.url, '/open311/v2/requests.json', {
      api_key: key,
      jurisdiction_id: run.id,
      service_code: 'noise-nuisance',
      description: '晚上施工太吵',
      'attribute[urgency]': 'urgent',
      ...at,
    });
    expect(res.status, res.text).toBe(201);
    // Hundreds of the run's own appeals received after it, then hold still.
    await waitFor('appeals after the POSTed one', async () => {
      const r = await get(server.url, `/open311/v2/requests.json?jurisdiction_id=${run.id}&page_size=1000`);
      return (r.body as unknown[]).length >= 300;
    });
    await api(server.url, `/api/runs/${run.id}/pause`, { method: 'POST' });
  }, 90_000);

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('answers 403 for a missing api key and 404 for an unknown service_code or jurisdiction_id', async () => {
    const noKey = { service_code: 'noise-nuisance', ...at };
    const json = await form(server.url, '/open311/v2/requests.json', noKey);
    expect(json.status).toBe(403);
    expect(json.body).toEqual([{ code: 403, description: 'api_key is required' }]);
    const asXml = await form(server.url, '/open311/v2/requests.xml', noKey);
    expect(asXml.status).toBe(403);
    expect(xml.parse(asXml.text)).toMatchObject({ errors: { error: [{ code: '403' }] } });
    const update = await form(server.url, '/open311/v2/servicerequestupdates.json', {
      service_request_id: `${run.id}-1`,
      description: 'still noisy',
    });
    expect(update.status).toBe(403);

    const unknownCode = await form(server.url, '/open311/v2/requests.json', {
      api_key: key,
      ...noKey,
      service_code: 'no-such-service',
    });
    expect(unknownCode.status).toBe(404);
    expect(unknownCode.body).toEqual([
      { code: 404, description: expect.stringContaining('no-such-service') as string },
    ]);
    const unknownRun = await form(server.url, '/open311/v2/requests.json', {
      api_key: key,
      ...noKey,
      jurisdiction_id: 'no-such-run',
    });
    expect(unknownRun.status).toBe(404);
    for (const path of [
      '/open311/v2/requests.json?jurisdiction_id=no-such-run',
      '/open311/v2/servicerequestupdates.json?jurisdiction_id=no-such-run',
    ])
      expect((await get(server.url, path)).status, path).toBe(404);
  });

  it('answers XML as text/xml; charset=utf-8', async () => {
    for (const path of [
      '/open311/v2/discovery.xml',
      '/open311/v2/services.xml',
      '/open311/v2/services/heating.xml',
      `/open311/v2/requests.xml?jurisdiction_id=${run.id}`,
      `/open311/v2/servicerequestupdates.xml?jurisdiction_id=${run.id}`,
      '/open311/v2/services/no-such-thing.xml',
    ])
      expect((await get(server.url, path)).type, path).toBe('text/xml; charset=utf-8');
  });
});
