import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Wait (up to 30 s) until the server at `base` answers /healthz, then log in as the instructor and
 * return the session cookie: the start every bench that drives a server process shares.
 */
export async function instructorSession(base: string, password: string): Promise<string> {
  for (let i = 0; !(await fetch(`${base}/healthz`).catch(() => undefined))?.ok; i++) {
    if (i > 300) throw new Error('the server did not start');
    await sleep(100);
  }
  const login = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ password }),
  });
  if (!login.ok) throw new Error(`could not log in as the instructor: ${login.status} ${await login.text()}`);
  return login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
}
