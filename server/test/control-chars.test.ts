import type { RunInfo } from '@hotline-sim/shared';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toXml } from '../src/open311/format';
import type { RunningServer } from '../src/server';
import { api, liveTestScenario, startTestServer } from './helpers/live';
import { startTestRedis, type TestRedis } from './helpers/redis';

/*
 * Issue 13, point 6: a description with `\x01\x0b` was accepted, and that request's XML and the whole
 * `requests.xml` page were no longer well-formed. C0 controls (other than tab and line breaks) and
 * unpaired surrogates are refused in every text field, and every XML answer parses.
 */

async function post(base: string, path: string, body: string, type: string) {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': type }, body });
  return { status: res.status, text: await res.text() };
}

const wellFormed = (text: string) => XMLValidator.validate(text) === true;

describe('control characters and unpaired surrogates (issue 13, point 6)', () => {
  let redis: TestRedis;
  let server: RunningServer;
  let run: RunInfo;
  let key: string;

  beforeAll(async () => {
    redis = await startTestRedis();
    server = await startTestServer(redis.url, { OPEN311_RATE_LIMIT: '100000' });
    run = (
      await api<RunInfo>(server.url, '/api/runs', {
        body: { scenario: liveTestScenario(), speed: 60, paused: true },
      })
    ).body;
    key = (await api<{ key: string }>(server.url, '/api/open311/keys', { body: { name: 'client' } })).body
      .key;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  const fields = (description: string) => ({
    api_key: key,
    jurisdiction_id: run.id,
    service_code: 'noise-nuisance',
    lat: '39.93',
    long: '116.45',
    description,
  });

  it('Open311 refuses them in a form, a JSON body and an XML answer, naming the character', async () => {
    const cases: [string, string, string][] = [
      ['/open311/v2/requests.json', new URLSearchParams(fields('loud \x01\x0b music')).toString(), 'U+0001'],
      ['/open311/v2/requests.xml', new URLSearchParams(fields('bell \x07')).toString(), 'U+0007'],
      ['/open311/v2/requests.json', new URLSearchParams(fields('null \x00 byte')).toString(), 'U+0000'],
    ];
    for (const [path, body, character] of cases) {
      const res = await post(server.url, path, body, 'application/x-www-form-urlencoded');
      expect(res.status, body).toBe(400);
      expect(res.text, body).toContain(character);
      if (path.endsWith('.xml')) expect(wellFormed(res.text)).toBe(true);
    }
    // A lone surrogate arrives in JSON as an escape.
    const json = JSON.stringify(fields('x')).replace('"x"', '"half \\ud83d of an emoji"');
    const lone = await post(server.url, '/open311/v2/requests.json', json, 'application/json');
    expect(lone.status).toBe(400);
    expect(lone.text).toContain('U+D83D');
    const update = await post(
      server.url,
      '/open311/v2/servicerequestupdates.json',
      new URLSearchParams({ api_key: key, service_request_id: '1', description: 'no\x1bescape' }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(update.status).toBe(400);
  });

  it('accepts tab, line breaks, CJK and emoji, and every XML answer is well-formed', async () => {
    const ok = await post(
      server.url,
      '/open311/v2/requests.xml',
      new URLSearchParams(fields('楼上\t装修\r\n噪音 😀 every night')).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(ok.status).toBeLessThan(300);
    expect(wellFormed(ok.text), ok.text).toBe(true);
    for (const path of [
      '/open311/v2/discovery.xml',
      '/open311/v2/services.xml',
      '/open311/v2/services/heating.xml',
      `/open311/v2/requests.xml?jurisdiction_id=${run.id}&extensions=true`,
      `/open311/v2/requests.xml?jurisdiction_id=${run.id}&page_size=1000`,
      '/open311/v2/requests/nope-1.xml',
      '/open311/v2/tokens/nope.xml',
    ]) {
      const res = await fetch(server.url + path);
      const text = await res.text();
      expect(wellFormed(text), `${path}: ${text.slice(0, 200)}`).toBe(true);
    }
  });

  it('XML answers stay well-formed whatever text was stored before the check', () => {
    const doc = toXml('service_requests', 'request', [
      { description: 'stored \x01\x0b and \ud800 and \uffff', service_name: '噪音' },
    ]);
    expect(wellFormed(doc)).toBe(true);
    expect(doc).toContain('stored \ufffd\ufffd and \ufffd and \ufffd');
  });

  it('the REST API refuses them in every JSON body, naming the field', async () => {
    const cases: [string, unknown, string][] = [
      [`/api/runs/${run.id}/messages`, { text: 'hello\x07' }, 'body.text: contains U+0007'],
      ['/api/codes', { role: 'trainee', runId: run.id, seat: 'desk\x00' }, 'body.seat: contains U+0000'],
      ['/api/open311/keys', { name: 'key \ud800' }, 'body.name: contains U+D800'],
      [
        '/api/runs',
        { scenario: { ...liveTestScenario(), description: 'a\x1fb' }, paused: true },
        'body.scenario.description: contains U+001F',
      ],
    ];
    for (const [path, body, message] of cases) {
      const res = await api<{ error: string }>(server.url, path, { body });
      expect(res.status, path).toBe(400);
      expect(res.body.error, path).toContain(message);
    }
  });
});
