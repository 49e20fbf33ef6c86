import type { RunInfo } from '@hotline-sim/shared';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingMidnight } from '../src/live/wall-clock';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, startTestServer, waitFor } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/*
 * Issue 13, point 12: the Open311 API as real clients use it, end to end, on a run anchored to the
 * wall clock. First FixMyStreet's Open311 module (perllib/Open311.pm: form-encoded POSTs with every
 * field and an empty jurisdiction_id, XML answers read as its XML::Simple reads them, a token resolved
 * through tokens/<token>.xml, updates polled over the last two hours), then a generic GeoReport v2
 * JSON client. Other open311-*.test.ts files test each step's edges; this is the one client story.
 */

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Open311.pm's XML::Simple settings: these elements are always lists (ForceArray). */
const xml = new XMLParser({
  parseTagValue: false,
  isArray: (name) => ['service', 'attribute', 'value', 'request', 'error', 'request_update'].includes(name),
});

type XmlAnswer = { status: number; type: string; obj: Record<string, unknown> };
type Row = Record<string, string>;

/** The `item` list under the root element `root` (an empty root parses as ''). */
function listOf(obj: Record<string, unknown>, root: string, item: string): Row[] {
  const node = obj[root];
  return node && typeof node === 'object' ? ((node as Record<string, Row[]>)[item] ?? []) : [];
}

/** What FixMyStreet's Open311.pm does against an endpoint: its requests, in TypeScript. */
class FixMyStreetOpen311 {
  constructor(
    private readonly endpoint: string,
    private readonly apiKey: string,
    /** FixMyStreet's body setting; empty: the server's newest live run. */
    private readonly jurisdiction = '',
  ) {}

  /** `_request`: GET with a query string, POST form-encoded with the api key; always `jurisdiction_id`. */
  async request(method: 'GET' | 'POST', path: string, params: Row = {}): Promise<XmlAnswer> {
    const all = {
      ...params,
      jurisdiction_id: this.jurisdiction,
      ...(method === 'POST' ? { api_key: this.apiKey } : {}),
    };
    const form = new URLSearchParams(all).toString();
    const res =
      method === 'GET'
        ? await fetch(`${this.endpoint}${path}?${form}`)
        : await fetch(this.endpoint + path, {
            method,
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: form,
          });
    const text = await res.text();
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      obj: xml.parse(text) as Record<string, unknown>,
    };
  }

  async getServices(): Promise<Row[]> {
    return listOf((await this.request('GET', 'services.xml')).obj, 'services', 'service');
  }

  async getServiceMeta(code: string) {
    const { obj } = await this.request('GET', `services/${code}.xml`);
    type Attribute = Row & { values: { value: Row[] } };
    return obj.service_definition as { service_code: string; attributes: { attribute: Attribute[] } };
  }

  /** `send_service_request`: the service_request_id, at once or through the token. */
  async sendServiceRequest(params: Row): Promise<string> {
    const answer = await this.request('POST', 'requests.xml', params);
    expect(answer.status, JSON.stringify(answer.obj)).toBe(201);
    const [request] = listOf(answer.obj, 'service_requests', 'request');
    if (request?.service_request_id) return request.service_request_id;
    const token = request?.token ?? '';
    expect(token).not.toBe('');
    return waitFor('the token to name its request', () => this.getServiceRequestIdFromToken(token));
  }

  async getServiceRequestIdFromToken(token: string): Promise<string | undefined> {
    const { obj } = await this.request('GET', `tokens/${token}.xml`);
    return listOf(obj, 'service_requests', 'request')[0]?.service_request_id || undefined;
  }

  async getServiceRequests(ids: string[]): Promise<Row[]> {
    const { obj } = await this.request('GET', 'requests.xml', { service_request_id: ids.join(',') });
    return listOf(obj, 'service_requests', 'request');
  }

  /** `get_service_request_updates` as its fetch script calls it: now − 2 h to now. */
  async getServiceRequestUpdates(start: number, end: number): Promise<XmlAnswer & { updates: Row[] }> {
    const answer = await this.request('GET', 'servicerequestupdates.xml', {
      api_key: this.apiKey,
      start_date: iso(start),
      end_date: iso(end),
    });
    return { ...answer, updates: listOf(answer.obj, 'service_request_updates', 'request_update') };
  }

  /** `post_service_request_update`: the update_id. */
  async postServiceRequestUpdate(params: Row): Promise<string> {
    const answer = await this.request('POST', 'servicerequestupdates.xml', params);
    expect(answer.status, JSON.stringify(answer.obj)).toBe(201);
    return listOf(answer.obj, 'service_request_updates', 'request_update')[0]?.update_id ?? '';
  }
}

let redis: TestRedis;
let server: RunningServer;
let run: RunInfo;
let key: string;

beforeAll(async () => {
  redis = await startTestRedis();
  server = await startTestServer(redis.url, { OPEN311_RATE_LIMIT: '100000' });
  key = (await api<{ key: string }>(server.url, '/api/open311/keys', { body: { name: 'fixmystreet' } })).body
    .key;
  run = (
    await api<RunInfo>(server.url, '/api/runs', {
      body: { scenario: liveTestScenario({ hours: 48, arrivals: { perHour: 20 } }), clock: 'wall' },
    })
  ).body;
  expect(run.clock).toBe('wall');
  // As a class would: the run has caught up with Beijing time before reports arrive.
  await waitFor(
    'the run to catch up with the wall clock',
    async () => {
      const info = (await api<RunInfo>(server.url, `/api/runs/${run.id}`)).body;
      return info.virtualTime >= (Date.now() - beijingMidnight(run.start)) / 1000 - 5;
    },
    90_000,
  );
}, 120_000);

afterAll(async () => {
  await server?.close();
  await redis?.stop();
});

describe("a FixMyStreet body on this endpoint (its Open311.pm's requests, XML only)", () => {
  it('reads the services, files a report, sees its update within the last two hours, and its comment listed back', async () => {
    const fms = new FixMyStreetOpen311(`${server.url}/open311/v2/`, key);
    // The body's categories: services.xml, then each category's definition for its extra fields.
    const services = await fms.getServices();
    const garbage = services.find((s) => s.service_code === 'garbage');
    expect(garbage).toMatchObject({ metadata: 'true', type: 'realtime' });
    const meta = await fms.getServiceMeta('garbage');
    expect(meta.service_code).toBe('garbage');
    const urgency = meta.attributes.attribute.find((a) => a.code === 'urgency');
    expect(urgency?.values.value.map((v) => v.key)).toEqual(['normal', 'urgent']);

    // A report as _populate_service_request_params builds it; empty fields are sent too.
    const sent = Date.now();
    const id = await fms.sendServiceRequest({
      service_code: 'garbage',
      lat: '39.93345',
      long: '116.45423',
      address_string: '朝阳区三里屯路19号',
      description:
        '垃圾桶满了三天没人清\n\nOverflowing bins for three days\n\nhttps://fixmystreet.example/report/42\n',
      email: 'citizen@example.org',
      first_name: 'Wei',
      last_name: 'Zhang',
      phone: '',
      media_url: '',
      'attribute[urgency]': urgency?.values.value[1]?.key ?? '',
    });
    // The empty jurisdiction filed into the newest live run.
    expect(id.startsWith(`${run.id}-`)).toBe(true);
    // Its check on sent reports; the record is stored a moment after the token names its id.
    const [request] = await waitFor('the report to be listed', async () => {
      const rows = await fms.getServiceRequests([id]);
      return rows.length > 0 ? rows : undefined;
    });
    expect(request).toMatchObject({ service_request_id: id, status: 'open', service_code: 'garbage' });
    expect(Math.abs(Date.parse(request?.requested_datetime ?? '') - sent)).toBeLessThan(5_000);

    // Its fetch script's poll: now − 2 h to now, until the report's first update shows.
    const mine = await waitFor('the report’s update in the two-hour window', async () => {
      const now = Date.now();
      const answer = await fms.getServiceRequestUpdates(now - 2 * 3600_000, now);
      expect(answer.status).toBe(200);
      expect(answer.type).toBe('text/xml; charset=utf-8');
      const ours = answer.updates.filter((u) => u.service_request_id === id);
      return ours.length > 0 ? ours : undefined;
    });
    expect(mine[0]).toMatchObject({ status: 'OPEN', description: expect.any(String) as string });
    expect(Date.parse(mine[0]?.updated_datetime ?? '')).toBeGreaterThanOrEqual(sent - 2_000);
    // A window that ended before the report holds none of its updates.
    const before = await fms.getServiceRequestUpdates(sent - 2 * 3600_000, sent - 5_000);
    expect(before.updates.filter((u) => u.service_request_id === id)).toEqual([]);

    // A comment on the report, as _populate_service_request_update_params builds it.
    const updateId = await fms.postServiceRequestUpdate({
      service_request_id: id,
      update_id: '9001',
      updated_datetime: iso(Date.now()),
      status: 'OPEN',
      description: '还是没人来 Still not collected',
      first_name: 'Wei',
      last_name: 'Zhang',
      email: 'citizen@example.org',
      media_url: '',
    });
    expect(updateId.startsWith(id)).toBe(true);
    const listed = await fms.getServiceRequestUpdates(Date.now() - 2 * 3600_000, Date.now() + 1_000);
    expect(listed.updates.find((u) => u.update_id === updateId)).toMatchObject({
      service_request_id: id,
      status: 'OPEN',
      description: '还是没人来 Still not collected',
    });
  }, 90_000);

  it('reads errors as its _process_error does: <errors><error> with code and description', async () => {
    const fms = new FixMyStreetOpen311(`${server.url}/open311/v2/`, 'not-a-key');
    const answer = await fms.request('POST', 'requests.xml', {
      service_code: 'garbage',
      lat: '39.9',
      long: '116.4',
    });
    expect(answer.status).toBe(403);
    const [error] = listOf(answer.obj, 'errors', 'error');
    expect(error).toMatchObject({ code: '403' });
    expect(error?.description).toMatch(/api_key/);
  });
});

describe('a generic GeoReport v2 client (JSON)', () => {
  type Request = {
    service_request_id: string;
    status: string;
    description: string | null;
    service_code: string;
  };

  const getJson = async <T>(url: string) => {
    const res = await fetch(url);
    expect(res.status, url).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return (await res.json()) as T;
  };

  it('discovers the endpoint, lists services, files by JSON and reads its requests by id and by status', async () => {
    const discovery = await getJson<{
      endpoints: { url: string; formats: string[]; specification: string }[];
    }>(`${server.url}/open311/v2/discovery.json`);
    const endpoint = discovery.endpoints.find((e) => e.formats.includes('application/json'));
    expect(endpoint?.specification).toBe('http://wiki.open311.org/GeoReport_v2');
    const base = endpoint?.url ?? '';
    const services = await getJson<{ service_code: string; service_name: string }[]>(`${base}/services.json`);
    expect(services.length).toBeGreaterThan(10);
    const codes = services.slice(0, 2).map((s) => s.service_code);

    const ids: string[] = [];
    for (const [i, code] of codes.entries()) {
      const res = await fetch(`${base}/requests.json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          api_key: key,
          jurisdiction_id: run.id,
          service_code: code,
          lat: 39.9087,
          long: 116.3975 + i / 100,
          description: `generic client ${i}`,
        }),
      });
      expect(res.status).toBe(201);
      const [answer] = (await res.json()) as { service_request_id?: string; token: string }[];
      ids.push(
        answer?.service_request_id ??
          (await waitFor('the token to name its request', async () => {
            const [t] = await getJson<{ service_request_id: string | null }[]>(
              `${base}/tokens/${answer?.token}.json`,
            );
            return t?.service_request_id ?? undefined;
          })),
      );
    }

    const byId = await waitFor('both requests to be listed', async () => {
      const rows = await getJson<Request[]>(
        `${base}/requests.json?jurisdiction_id=${run.id}&api_key=${key}&service_request_id=${ids.join(',')}`,
      );
      return rows.length === ids.length ? rows : undefined;
    });
    expect(byId.map((r) => r.service_request_id).sort()).toEqual([...ids].sort());
    expect(byId.map((r) => r.service_code).sort()).toEqual([...codes].sort());
    expect(byId.map((r) => r.description).sort()).toEqual(['generic client 0', 'generic client 1']);

    const list = (status: string) =>
      getJson<Request[]>(`${base}/requests.json?jurisdiction_id=${run.id}&status=${status}&page_size=1000`);
    const open = await list('open');
    expect(open.every((r) => r.status === 'open')).toBe(true);
    expect(ids.every((id) => open.some((r) => r.service_request_id === id))).toBe(true);
    const closed = await list('closed');
    expect(closed.every((r) => r.status === 'closed')).toBe(true);
    expect(closed.some((r) => ids.includes(r.service_request_id))).toBe(false);
    // Both at once: every request either list held (a live run adds and closes some meanwhile).
    const either = new Set((await list('open,closed')).map((r) => r.service_request_id));
    expect([...open, ...closed].every((r) => either.has(r.service_request_id))).toBe(true);
  }, 60_000);
});
