/**
 * What the training specs share: a small city whose exercise runs in seconds, and a JSON reader that
 * fails on an HTTP error with the server's message.
 */

/** A 12-hour small city (server/test/helpers/live.ts liveTestScenario). */
export const smallCity = {
  name: 'live-test',
  seed: 4242,
  start: '2025-03-12',
  hours: 12,
  warmupHours: 0,
  arrivals: { perHour: 150 },
  intake: {
    agents: 16,
    talkMinutes: { lognormal: { mean: 5.3, cv: 0.8 } },
    patienceMinutes: { exponential: { mean: 3 } },
  },
  lifecycle: {
    timeLimits: { '2h': 2, '24h': 8, '7d': 24, '15d': 36 },
    response: { hours: { lognormal: { mean: 3, cv: 1 } }, limitHours: 8 },
  },
};

export async function json<T>(res: Response | Promise<Response>): Promise<T> {
  const r = await res;
  if (!r.ok) throw new Error(`HTTP ${r.status}: ${await r.text()}`);
  return (await r.json()) as T;
}
