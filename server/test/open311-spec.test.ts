import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LiveRun, appealKind, validateScenario, type RunInfo } from '@hotline-sim/shared';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, login, startTestServer, waitFor, waitForStill } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/*
 * Issue 13: the rest of point 9 (status codes, text/xml, newest first by requested time, POST
 * answering the request id, citizens' updates listed back), point 11 (Chicago-style `notes` and
 * `attributes`) and the Open311 part of point 4 (a trainee does not read the answer key).
 */

const SCHEMAS = join(import.meta.dirname, '../src/open311/schemas');
const schema = (name: string) => JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8')) as object;

function requestsValidator(): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(schema('service.json'), 'service.json');
  ajv.addSchema(schema('request.json'), 'request.json');
  return ajv.compile(schema('requests.json'));
}

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

interface Note {
  type: string;
  datetime: string;
  summary: string;
  description: string | null;
}
type Req = Record<string, unknown> & {
  service_request_id: string;
  service_code: string;
  status: string;
  requested_datetime: string;
  agency_responsible: string | null;
  notes?: Note[];
  attributes?: Record<string, unknown>;
  extended_attributes?: Record<string, unknown>;
};

describe('Open311 to the spec (issue 13, points 9, 11 and 4)', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let key: string;
  /** A running run, and the Open311 request POSTed into it at its start. */
  let run: RunInfo;
  let posted: { service_request_id?: string; token: string };
  let postedId: string;
  let validate: ValidateFunction;
  const scenario = validateScenario(liveTestScenario(), 'live test');
  const cell = new LiveRun(scenario, scenario.seed).model.city.city.cells[100];
  const at = { lat: String(cell?.lat), long: String(cell?.lon) };

  beforeAll(async () => {
    validate = requestsValidator();
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
    posted = (res.body as [typeof posted])[0];
    postedId = await waitFor('the token to map to a request', async () => {
      const t = await get(server.url, `/open311/v2/tokens/${posted.token}.json`);
      return (t.body as [{ service_request_id: string | null }])[0].service_request_id ?? undefined;
    });
    // Hundreds of the run's own appeals received after it, then hold still.
    await waitFor('appeals after the POSTed one', async () => {
      const r = await get(server.url, `/open311/v2/requests.json?jurisdiction_id=${run.id}&page_size=1000`);
      return (r.body as unknown[]).length >= 300;
    });
    await api(server.url, `/api/runs/${run.id}/pause`, { method: 'POST' });
    await waitForStill(server.url, run.id);
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

  it('POST answers the service_request_id when a running run admits the appeal (the services are realtime)', async () => {
    const services = (await get(server.url, '/open311/v2/services.json')).body as { type: string }[];
    expect(new Set(services.map((s) => s.type))).toEqual(new Set(['realtime']));
    expect(posted.service_request_id).toBe(postedId);
    expect(appealKind(Number(posted.service_request_id?.slice(run.id.length + 1)))).toBe('external');
    const token = await get(server.url, `/open311/v2/tokens/${posted.token}.json`);
    expect(token.body).toEqual([{ service_request_id: posted.service_request_id, token: posted.token }]);

    // A paused run admits at its next tick: the POST answers the token alone, without waiting.
    const began = Date.now();
    const paused = await form(server.url, '/open311/v2/requests.xml', {
      api_key: key,
      jurisdiction_id: run.id,
      service_code: 'heating',
      ...at,
    });
    expect(paused.status, paused.text).toBe(201);
    expect(Date.now() - began).toBeLessThan(1000);
    const [answer] = (xml.parse(paused.text) as { service_requests: { request: Record<string, string>[] } })
      .service_requests.request;
    expect(answer?.token).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer?.service_request_id).toBeUndefined();
  });

  it('lists requests newest first by requested_datetime across every kind, page after page', async () => {
    const base = `/open311/v2/requests.json?jurisdiction_id=${run.id}`;
    // Every request of the run, page by page (how many the run has before its pause depends on the
    // machine's speed: the POSTed one, the oldest, may lie beyond the first thousand).
    const all: Req[] = [];
    for (let page = 1; ; page++) {
      const rows = (await get(server.url, `${base}&page_size=1000&page=${page}`)).body as Req[];
      all.push(...rows);
      if (rows.length < 1000) break;
    }
    expect(validate(all), JSON.stringify(validate.errors)).toBe(true);
    const times = all.map((r) => Date.parse(r.requested_datetime));
    for (let i = 1; i < times.length; i++) expect(times[i], String(i)).toBeLessThanOrEqual(times[i - 1] ?? 0);
    // The Open311 appeal came first in the run: it is listed after the run's own, received later.
    const kinds = all.map((r) => appealKind(Number(r.service_request_id.slice(run.id.length + 1))));
    expect(kinds[0]).toBe('citizen');
    expect(kinds.indexOf('external')).toBeGreaterThan(200);
    const pages: Req[] = [];
    for (let page = 1; page <= 3; page++)
      pages.push(...((await get(server.url, `${base}&page_size=100&page=${page}`)).body as Req[]));
    expect(pages.map((r) => r.service_request_id)).toEqual(
      all.slice(0, 300).map((r) => r.service_request_id),
    );
  });

  it('lists the citizens’ updates POSTed to servicerequestupdates back, in JSON and XML', async () => {
    const id = postedId;
    const sent = await form(server.url, '/open311/v2/servicerequestupdates.json', {
      api_key: key,
      service_request_id: id,
      description: '还是很吵',
      status: 'OPEN',
    });
    expect(sent.status, sent.text).toBe(201);
    const [{ update_id }] = sent.body as [{ update_id: string }];
    const listed = (await get(server.url, `/open311/v2/servicerequestupdates.json?jurisdiction_id=${run.id}`))
      .body as Record<string, unknown>[];
    expect(listed.find((u) => u.update_id === update_id)).toEqual({
      update_id,
      service_request_id: id,
      status: 'OPEN',
      updated_datetime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) as string,
      description: '还是很吵',
      media_url: null,
    });
    // FixMyStreet polls the last two hours of the wall clock.
    const now = Date.now();
    const window = `start_date=${new Date(now - 2 * 3600_000).toISOString()}&end_date=${new Date(now + 60_000).toISOString()}`;
    const polled = xml.parse(
      (await get(server.url, `/open311/v2/servicerequestupdates.xml?jurisdiction_id=${run.id}&${window}`))
        .text,
    ) as { service_request_updates: { request_update: Record<string, string>[] } };
    // The citizen's update, and the hotline's own steps: dated on the wall clock, they are in the window.
    const updates = polled.service_request_updates.request_update;
    expect(updates).toContainEqual(
      expect.objectContaining({ update_id, service_request_id: id, description: '还是很吵' }),
    );
    expect(updates.filter((u) => u.service_request_id === id && u.update_id !== update_id)).not.toEqual([]);
  });

  it('extensions=true adds Chicago-style notes[] (opened, activity, closed) and attributes, in JSON and XML', async () => {
    const id = postedId;
    const one = (await get(server.url, `/open311/v2/requests/${id}.json?extensions=true&api_key=${key}`))
      .body as Req[];
    expect(validate(one), JSON.stringify(validate.errors)).toBe(true);
    const [request] = one;
    expect(request?.attributes).toEqual({ urgency: 'urgent' });
    const notes = request?.notes ?? [];
    expect(notes[0]).toMatchObject({ type: 'opened', datetime: request?.requested_datetime });
    expect(notes[0]?.summary).toMatch(/Received/);
    for (const n of notes.slice(1)) expect(['activity', 'closed']).toContain(n.type);
    // Without extensions, the plain GeoReport v2 fields only.
    const plain = (await get(server.url, `/open311/v2/requests/${id}.json`)).body as Req[];
    expect(plain[0]).not.toHaveProperty('notes');
    expect(plain[0]).not.toHaveProperty('attributes');

    // A closed appeal's timeline ends with its closing; a unit that holds an appeal is named.
    const list = (
      await get(
        server.url,
        `/open311/v2/requests.json?jurisdiction_id=${run.id}&extensions=true&page_size=1000`,
      )
    ).body as Req[];
    const closed = list.find((r) => r.status === 'closed');
    expect(closed?.notes?.at(-1)?.type).toBe('closed');
    expect(closed?.notes?.slice(1, -1).every((n) => n.type === 'activity')).toBe(true);
    const held = list.find((r) => r.agency_responsible !== null);
    expect(held?.notes?.some((n) => n.description === held.agency_responsible)).toBe(true);

    const parsed = xml.parse(
      (await get(server.url, `/open311/v2/requests/${closed?.service_request_id}.xml?extensions=true`)).text,
    ) as {
      service_requests: {
        request: { notes: { note: Record<string, string>[] }; attributes: unknown }[];
      };
    };
    const r = parsed.service_requests.request[0];
    expect(r?.notes.note.map((n) => n.type)).toEqual(closed?.notes?.map((n) => n.type));
    expect(r?.notes.note[0]?.datetime).toBe(closed?.notes?.[0]?.datetime);
    const mineXml = xml.parse(
      (await get(server.url, `/open311/v2/requests/${id}.xml?extensions=true&api_key=${key}`)).text,
    ) as { service_requests: { request: { attributes: Record<string, string> }[] } };
    expect(mineXml.service_requests.request[0]?.attributes).toEqual({ urgency: 'urgent' });
  });

  it('hides the answer key (category and unit) from a trainee until the exercise ends', async () => {
    const training = liveTestScenario({
      lifecycle: {
        timeLimits: { '2h': 2, '24h': 8, '7d': 24, '15d': 36 },
        response: { hours: { lognormal: { mean: 3, cv: 1 } }, limitHours: 8 },
        training: { seats: ['A'], share: 0.2, holdMinutes: 60 },
      },
    });
    const exercise = (
      await api<RunInfo>(server.url, '/api/runs', { body: { scenario: training, speed: 600 } })
    ).body;
    const code = (
      await api<{ code: string }>(server.url, '/api/codes', {
        body: { role: 'trainee', runId: exercise.id, seat: 'A' },
      })
    ).body.code;
    const trainee = await login(server.url, { code });
    const base = `/open311/v2/requests.json?jurisdiction_id=${exercise.id}&extensions=true&page_size=1000`;
    // Appeals that reached a unit: the instructor (any staff or api key) sees the unit and category.
    const truth = await waitFor('dispatched appeals', async () => {
      const list = (await get(server.url, base)).body as Req[];
      return list.filter((r) => r.agency_responsible !== null).length >= 5 ? list : undefined;
    });
    await api(server.url, `/api/runs/${exercise.id}/pause`, { method: 'POST' });
    const dispatched = truth.filter((r) => r.agency_responsible !== null);

    const seen = (await get(server.url, base, trainee)).body as Req[];
    expect(validate(seen), JSON.stringify(validate.errors)).toBe(true);
    expect(seen.length).toBeGreaterThanOrEqual(truth.length);
    for (const r of seen) {
      expect(r.service_code).toBe('withheld');
      expect(r.agency_responsible).toBeNull();
      expect(r.extended_attributes?.unit_kind).toBeNull();
      expect(r.extended_attributes?.sla_class).toBeNull();
      expect(r.notes?.every((n) => n.description === null)).toBe(true);
    }
    const one = dispatched[0]?.service_request_id ?? '';
    const single = (await get(server.url, `/open311/v2/requests/${one}.xml?extensions=true`, trainee)).text;
    expect(single).not.toContain(String(dispatched[0]?.agency_responsible));
    expect(single).not.toContain(`<service_code>${dispatched[0]?.service_code}</service_code>`);
    // Filtering by the true category tells a trainee nothing either.
    const code0 = dispatched[0]?.service_code ?? '';
    const filtered = (await get(server.url, `${base}&service_code=${code0}`, trainee)).body as Req[];
    expect(filtered).toEqual([]);

    // When the run ends, the trainee reads what everyone reads.
    await api(server.url, `/api/runs/${exercise.id}/stop`, { method: 'POST' });
    const after = (await get(server.url, `/open311/v2/requests/${one}.json`, trainee)).body as Req[];
    expect(after[0]).toMatchObject({
      service_code: dispatched[0]?.service_code,
      agency_responsible: dispatched[0]?.agency_responsible,
    });
  }, 90_000);
});
