import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLIENT_HEADER, call } from './rest';

describe('REST client: the client header (issue 13, point 3)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends X-Hotline-Client on every call, body-less POSTs included, and JSON only with a body', async () => {
    const sent: { method: string; headers: Record<string, string> }[] = [];
    vi.stubGlobal('fetch', (_url: string, init: RequestInit) => {
      sent.push({ method: String(init.method), headers: init.headers as Record<string, string> });
      return Promise.resolve(new Response('{}', { status: 200 }));
    });
    await call('POST', '/runs/r1/pause');
    await call('DELETE', '/session');
    await call('GET', '/runs');
    await call('POST', '/runs', { scenario: 'beijing-weekday' });
    expect(sent.map((s) => s.headers[CLIENT_HEADER])).toEqual([
      'dashboard',
      'dashboard',
      'dashboard',
      'dashboard',
    ]);
    expect(sent.map((s) => s.headers['content-type'])).toEqual([
      undefined,
      undefined,
      undefined,
      'application/json',
    ]);
  });
});
