import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CATEGORIES, LiveRun, appealKind, validateScenario, type RunInfo } from '@hotline-sim/shared';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKeys } from '../src/live/keys';
import type { RunningServer } from '../src/server';
import {
  api,
  liveTestScenario,
  login,
  MONDAY_DRAIN,
  startTestServer,
  waitFor,
  waitForEnd,
} from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

const SCHEMAS = join(import.meta.dirname, '../src/open311/schemas');
const schema = (name: string) => JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8')) as object;

/** Ajv with the official GeoReport v2 schemas, referenced by their file names as they reference each other. */
function validators(): Record<'services' | 'definition' | 'requests', ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(schema('service.json'), 'service.json');
  ajv.addSchema(schema('request.json'), 'request.json');
  return {
    services: ajv.compile(schema('services.json')),
    definition: ajv.compile(schema('service-definition.json')),
    requests: ajv.compile(schema('requests.json')),
  };
}

const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['service', 'request', 'attribute', 'value', 'error', 'request_update'].includes(name),
});

async function form(base: string, path: string, fields: Record<string, string>, cookie?: string) {
  const res = await fetch(base + path, {
    method: 'POST',
    // A session files like the dashboard would: with the client header (a bare form riding on a
    // cookie is refused as cross-site, csrf.test.ts).
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie, 'x-hotline-client': 'test' } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text,
    body: JSON.parse(text.startsWith('<') ? 'null' : text) as unknown,
  };
}

async function get(base: string, path: string) {
  const res = await fetch(base + path);
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    text,
    body: text.startsWith('<') ? undefined : (JSON.parse(text) as unknown),
  };
}

type Req = Record<string, unknown> & {
  service_request_id: string;
  status: string;
  extended_attributes?: Record<string, unknown>;
};

describe('Open311 GeoReport v2', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let run: RunInfo;
  let key: string;
  let v: ReturnType<typeof validators>;
  const scenario = validateScenario(liveTestScenario(MONDAY_DRAIN), 'live test');
  const cell = new LiveRun(scenario, scenario.seed).model.city.city.cells[100];

  beforeAll(async () => {
    v = validators();
    redis = await startTestRedis();
    server = await startTestServer(redis.url, { OPEN311_RATE_LIMIT: '100000' });
    run = (
      await api<RunInfo>(server.url, '/api/runs', {
        body: { scenario: liveTestScenario(MONDAY_DRAIN), speed: 10_000, paused: true },
      })
    ).body;
    const created = await api<{ key: string; runId: string | null }>(server.url, '/api/open311/keys', {
      body: { name: 'test client' },
    });
    expect(created.status).toBe(201);
    key = created.body.key;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('serves discovery, services and service definitions in JSON (valid against the schemas) and XML', async () => {
    const discovery = await get(server.url, '/open311/v2/discovery.json');
    expect(discovery.status).toBe(200);
    expect(discovery.body).toMatchObject({
      endpoints: [
        { specification: 'http://wiki.open311.org/GeoReport_v2', formats: ['application/json', 'text/xml'] },
      ],
    });
    const services = await get(server.url, '/open311/v2/services.json');
    expect(services.type).toContain('charset=utf-8');
    expect(v.services(services.body), JSON.stringify(v.services.errors)).toBe(true);
    const list = services.body as {
      service_code: string;
      group: string;
      keywords: string;
      service_name: string;
    }[];
    expect(list.map((s) => s.service_code)).toEqual(CATEGORIES.map((c) => c.id));
    const noise = list.find((s) => s.service_code === 'noise-nuisance');
    expect(noise?.service_name).toMatch(/噪.*Noise/);
    expect(noise?.group).toContain('Social order');
    expect(noise?.keywords).toMatch(/[\u4e00-\u9fff]/);
    expect(noise?.keywords).toMatch(/[a-z]/);
    const servicesXml = await get(server.url, '/open311/v2/services.xml');
    expect(servicesXml.type).toBe('text/xml; charset=utf-8');
    const parsed = xml.parse(servicesXml.text) as { services: { service: Record<string, string>[] } };
    expect(parsed.services.service.map((s) => s.service_code)).toEqual(list.map((s) => s.service_code));
    expect(parsed.services.service[0]?.service_name).toBe(list[0]?.service_name);

    const def = await get(server.url, '/open311/v2/services/heating.json');
    expect(v.definition(def.body), JSON.stringify(v.definition.errors)).toBe(true);
    expect(def.body).toMatchObject({
      service_code: 'heating',
      attributes: [{ code: 'urgency', datatype: 'singlevaluelist' }],
    });
    const defXml = xml.parse((await get(server.url, '/open311/v2/services/heating.xml')).text) as {
      service_definition: {
        service_code: string;
        attributes: { attribute: { code: string; values: { value: { key: string }[] } }[] };
      };
    };
    expect(defXml.service_definition.attributes.attribute[0]?.values.value.map((x) => x.key)).toEqual([
      'normal',
      'urgent',
    ]);
  });

  it('answers errors exactly as the spec: an array of {code, description} with 400, 403 or 404, in JSON and XML', async () => {
    const missing = await get(server.url, '/open311/v2/services/no-such-thing.json');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual([
      { code: 404, description: expect.stringContaining('no-such-thing') as string },
    ]);
    const missingXml = await get(server.url, '/open311/v2/services/no-such-thing.xml');
    expect(missingXml.status).toBe(404);
    expect(xml.parse(missingXml.text)).toMatchObject({ errors: { error: [{ code: '404' }] } });
    const noKey = await form(server.url, '/open311/v2/requests.json', {
      service_code: 'noise-nuisance',
      lat: '39.9',
      long: '116.4',
    });
    expect(noKey.status).toBe(403);
    expect(noKey.body).toEqual([{ code: 403, description: 'api_key is required' }]);
    const badKey = await form(server.url, '/open311/v2/requests.json', {
      api_key: 'nope',
      service_code: 'noise-nuisance',
      lat: '39.9',
      long: '116.4',
    });
    expect(badKey.status).toBe(403);
    const cases: [Record<string, string>, number, string][] = [
      [{ service_code: 'no-such', lat: '39.9', long: '116.4' }, 404, 'service_code "no-such"'],
      [{ service_code: 'noise-nuisance' }, 400, 'location is required'],
      [{ service_code: 'noise-nuisance', lat: '39.9' }, 400, 'lat and long go together'],
      [{ service_code: 'noise-nuisance', lat: '10', long: '10' }, 400, 'outside Beijing'],
      [{ service_code: 'noise-nuisance', lat: 'north', long: '116.4' }, 400, 'lat: must be a decimal number'],
      [{ service_code: 'noise-nuisance', address_string: 'somewhere nowhere' }, 400, 'names no community'],
      [
        { service_code: 'noise-nuisance', lat: '39.9', long: '116.4', jurisdiction_id: 'nope' },
        404,
        'not found',
      ],
      [
        { service_code: 'noise-nuisance', lat: '39.9', long: '116.4', description: 'x'.repeat(4001) },
        400,
        'description',
      ],
      [
        { service_code: 'noise-nuisance', lat: '39.9', long: '116.4', media_url: 'javascript:alert(1)' },
        400,
        'media_url',
      ],
      [
        { service_code: 'noise-nuisance', lat: '39.9', long: '116.4', 'attribute[urgency]': 'panic' },
        400,
        'attribute.urgency',
      ],
    ];
    for (const [fields, status, text] of cases) {
      const res = await form(server.url, '/open311/v2/requests.json', { api_key: key, ...fields });
      expect(res.status, JSON.stringify(fields)).toBe(status);
      const [error] = res.body as { code: number; description: string }[];
      expect(error?.code).toBe(status);
      expect(error?.description).toContain(text);
    }
    expect((await get(server.url, '/open311/v2/requests/nope-1.json')).status).toBe(404);
    expect((await get(server.url, '/open311/v2/tokens/nope.json')).status).toBe(404);
    expect((await get(server.url, '/open311/v2/requests.json?page=0')).status).toBe(400);
    expect((await get(server.url, '/open311/v2/requests.json?updated_after=yesterday')).status).toBe(400);
    expect((await get(server.url, '/open311/v2/services.html')).status).toBe(404);
    // Bodies: 64 KB at most, JSON must parse; both answered in the spec's shape.
    const big = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: key, service_code: 'garbage', description: 'x'.repeat(70_000) }),
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toEqual([{ code: 413, description: 'request body too large (limit 64kb)' }]);
    const malformed = await fetch(`${server.url}/open311/v2/requests.xml`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"api_key": ',
    });
    expect(malformed.status).toBe(400);
    expect(xml.parse(await malformed.text())).toMatchObject({ errors: { error: [{ code: '400' }] } });
    // JSON bodies work like forms.
    const asJson = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        api_key: key,
        service_code: 'garbage',
        lat: String(cell?.lat),
        long: String(cell?.lon),
      }),
    });
    expect(asJson.status).toBe(201);
  });

  it('refuses writes by role: no key, an observer, a key bound to another run, a trainee of another run', async () => {
    const observerCode = (
      await api<{ code: string }>(server.url, '/api/codes', { body: { role: 'observer' } })
    ).body.code;
    const observer = await login(server.url, { code: observerCode });
    const asObserver = await form(
      server.url,
      '/open311/v2/requests.json',
      { service_code: 'noise-nuisance', lat: '39.9', long: '116.4' },
      observer,
    );
    expect(asObserver.status).toBe(403);
    expect(asObserver.body).toEqual([{ code: 403, description: 'an observer may not file requests' }]);
    const bound = (
      await api<{ key: string }>(server.url, '/api/open311/keys', { body: { name: 'bound', runId: run.id } })
    ).body.key;
    const other = await form(server.url, '/open311/v2/requests.json', {
      api_key: bound,
      jurisdiction_id: 'another',
      service_code: 'noise-nuisance',
      lat: '39.9',
      long: '116.4',
    });
    expect(other.status).toBe(403);
    const traineeCode = (
      await api<{ code: string }>(server.url, '/api/codes', {
        body: { role: 'trainee', runId: run.id, seat: 'A1' },
      })
    ).body.code;
    const trainee = await login(server.url, { code: traineeCode });
    const elsewhere = await form(
      server.url,
      '/open311/v2/requests.json',
      { jurisdiction_id: 'another', service_code: 'noise-nuisance', lat: '39.9', long: '116.4' },
      trainee,
    );
    expect(elsewhere.status).toBe(403);
    // The trainee's own run takes it (their session stands for a key).
    const own = await form(
      server.url,
      '/open311/v2/requests.json',
      { service_code: 'garbage', lat: String(cell?.lat), long: String(cell?.lon) },
      trainee,
    );
    expect(own.status).toBe(201);
  });

  it('round trip: POST → token → service_request_id → request flows through the lifecycle to closed', async () => {
    const posted = await form(server.url, '/open311/v2/requests.json', {
      api_key: key,
      jurisdiction_id: run.id,
      service_code: 'noise-nuisance',
      lat: String(cell?.lat),
      long: String(cell?.lon),
      description: '楼下KTV每晚噪音到凌晨 <script>alert(1)</script>',
      'attribute[urgency]': 'urgent',
      email: 'citizen@example.org',
    });
    expect(posted.status, posted.text).toBe(201);
    const [{ token }] = posted.body as [{ token: string }];
    expect(token).toMatch(/^[0-9a-f-]{36}$/);
    // The run is paused: the token waits for the owner's next tick.
    const waiting = await get(server.url, `/open311/v2/tokens/${token}.json`);
    expect(waiting.body).toEqual([{ service_request_id: null, token }]);
    await api(server.url, `/api/runs/${run.id}/resume`, { method: 'POST' });
    const id = await waitFor(
      'the token to map to a request',
      async () => {
        const res = await get(server.url, `/open311/v2/tokens/${token}.json`);
        return (res.body as [{ service_request_id: string | null }])[0].service_request_id ?? undefined;
      },
      30_000,
    );
    expect(id).toMatch(new RegExp(`^${run.id}-\\d+$`));
    const appealId = Number(id.slice(run.id.length + 1));
    expect(appealKind(appealId)).toBe('external');
    const tokenXml = xml.parse((await get(server.url, `/open311/v2/tokens/${token}.xml`)).text) as {
      service_requests: { request: { service_request_id: string }[] };
    };
    expect(tokenXml.service_requests.request[0]?.service_request_id).toBe(id);

    const end = await waitForEnd(server.url, run.id, 240_000);
    expect(end.status).toBe('finished');
    const one = await get(server.url, `/open311/v2/requests/${id}.json?extensions=true&api_key=${key}`);
    expect(v.requests(one.body), JSON.stringify(v.requests.errors)).toBe(true);
    const [request] = one.body as Req[];
    expect(request).toMatchObject({
      service_request_id: id,
      status: 'closed',
      service_code: 'noise-nuisance',
      description: '楼下KTV每晚噪音到凌晨 <script>alert(1)</script>',
    });
    expect(request?.status_notes).toMatch(/^已办结 Closed/);
    expect(request?.agency_responsible).toBeTruthy();
    // Dated on the wall clock (issue 13, point 8): between the run's creation and now.
    expect(request?.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    expect(Date.parse(String(request?.requested_datetime))).toBeGreaterThanOrEqual(
      Date.parse(run.createdAt) - 1_000,
    );
    expect(Date.parse(String(request?.requested_datetime))).toBeLessThanOrEqual(Date.now());
    expect(String(request?.expected_datetime) > String(request?.requested_datetime)).toBe(true);
    expect(request?.extended_attributes).toMatchObject({
      state: 'closed',
      channel: 'open311',
      urgency: 'urgent',
    });
    expect(typeof request?.extended_attributes?.whistle).toBe('boolean');
    // The same appeal as the REST API and the audit see it: the citizen's own words, a clean history.
    const detail = await api<{ text: { zh: string }; state: string }>(
      server.url,
      `/api/runs/${run.id}/appeals/${appealId}`,
    );
    expect(detail.body).toMatchObject({
      state: 'closed',
      text: { zh: '楼下KTV每晚噪音到凌晨 <script>alert(1)</script>' },
    });
    const audit = (await api<{ problems: unknown[] }>(server.url, `/api/runs/${run.id}/audit`)).body;
    expect(audit.problems).toEqual([]);
    const log = await server.manager.redis.lrange(runKeys(run.id).inputs, 0, -1);
    // This one, the trainee's and the JSON-bodied one of the errors test.
    expect(log.filter((l) => l.includes('"kind":"appeal"'))).toHaveLength(3);

    // XML carries the same fields.
    const oneXml = xml.parse(
      (await get(server.url, `/open311/v2/requests/${id}.xml?api_key=${key}`)).text,
    ) as {
      service_requests: { request: Record<string, string>[] };
    };
    const r = oneXml.service_requests.request[0] as Record<string, string>;
    for (const k of [
      'service_request_id',
      'status',
      'status_notes',
      'service_code',
      'description',
      'requested_datetime',
      'expected_datetime',
    ])
      expect(r[k], k).toBe(String(request?.[k]));

    // Updates (FixMyStreet): a comment posted, and the lifecycle's steps listed.
    const comment = await form(server.url, '/open311/v2/servicerequestupdates.json', {
      api_key: key,
      service_request_id: id,
      description: '谢谢，已经安静了',
      status: 'FIXED',
    });
    expect(comment.status, comment.text).toBe(201);
    const updates = await get(server.url, `/open311/v2/servicerequestupdates.json?jurisdiction_id=${run.id}`);
    const list = updates.body as {
      service_request_id: string;
      status: string;
      updated_datetime: string;
      description: string;
    }[];
    const mine = list.filter((u) => u.service_request_id === id);
    // The hotline's steps end closed; the citizen's comment is listed back after them (issue 13, point 9).
    expect(mine.filter((u) => u.description !== '谢谢，已经安静了').at(-1)?.status).toBe('CLOSED');
    expect(mine.at(-1)).toMatchObject({ status: 'FIXED', description: '谢谢，已经安静了' });
    expect(list[0]?.status).toBe('OPEN');
  }, 300_000);

  it('lists requests with page/page_size, updated_after/updated_before, status and service_code filters, valid against the schema', async () => {
    const page1 = await get(server.url, `/open311/v2/requests.json?jurisdiction_id=${run.id}&page_size=20`);
    expect(v.requests(page1.body), JSON.stringify(v.requests.errors?.slice(0, 3))).toBe(true);
    const first = page1.body as Req[];
    expect(first).toHaveLength(20);
    const page2 = (
      await get(server.url, `/open311/v2/requests.json?jurisdiction_id=${run.id}&page_size=20&page=2`)
    ).body as Req[];
    expect(page2).toHaveLength(20);
    expect(new Set([...first, ...page2].map((x) => x.service_request_id)).size).toBe(40);
    const garbage = (
      await get(
        server.url,
        `/open311/v2/requests.json?jurisdiction_id=${run.id}&service_code=garbage&page_size=100`,
      )
    ).body as Req[];
    expect(garbage.length).toBeGreaterThan(0);
    expect(garbage.every((x) => x.service_code === 'garbage')).toBe(true);
    const updated = first.map((x) => String(x.updated_datetime)).sort();
    const mid = updated[10] as string;
    const after = (
      await get(
        server.url,
        `/open311/v2/requests.json?jurisdiction_id=${run.id}&updated_after=${encodeURIComponent(mid)}&page_size=1000`,
      )
    ).body as Req[];
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((x) => String(x.updated_datetime) > mid)).toBe(true);
    const before = (
      await get(
        server.url,
        `/open311/v2/requests.json?jurisdiction_id=${run.id}&updated_before=${encodeURIComponent(mid)}&page_size=50`,
      )
    ).body as Req[];
    expect(before.every((x) => String(x.updated_datetime) < mid)).toBe(true);
    const ext = (
      await get(server.url, `/open311/v2/requests.json?jurisdiction_id=${run.id}&page_size=5&extensions=true`)
    ).body as Req[];
    expect(v.requests(ext)).toBe(true);
    expect(ext[0]?.extended_attributes).toHaveProperty('street');
    expect(ext[0]?.extended_attributes).toHaveProperty('whistle');
    const closed = (await get(server.url, `/open311/v2/requests.json?jurisdiction_id=${run.id}&status=open`))
      .body as Req[];
    expect(closed).toEqual([]);
    const listXml = xml.parse(
      (await get(server.url, `/open311/v2/requests.xml?jurisdiction_id=${run.id}&page_size=20`)).text,
    ) as { service_requests: { request: Record<string, string>[] } };
    expect(listXml.service_requests.request.map((x) => x.service_request_id)).toEqual(
      first.map((x) => x.service_request_id),
    );
  }, 60_000);
});
