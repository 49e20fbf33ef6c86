import type { Browser, Page } from '@playwright/test';
import type { Stack } from './stack';
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

interface CallbackSeatView {
  virtualTime: number;
  callbacks: { appealId: number; holdUntil: number }[];
  score: {
    callbacks: {
      appealId: number;
      truth: { outcome: string; rating: 'satisfied' | 'basically' | 'not'; pressed: boolean };
    }[];
  } | null;
}

/** A callback (回访) waiting at `seat` with at least `margin` virtual seconds left, with what the citizen said. */
export async function waitingCallback(stack: Stack, runId: string, seat: string, margin: number) {
  const v = await json<CallbackSeatView>(stack.api(`/api/runs/${runId}/seats/${seat}`));
  for (const c of v.callbacks) {
    const truth = v.score?.callbacks.find((r) => r.appealId === c.appealId)?.truth;
    if (truth && c.holdUntil - v.virtualTime > margin) return { appealId: c.appealId, truth };
  }
  return null;
}

/** A trainee's page, logged in with their join code (its own browser context). */
export async function traineePage(browser: Browser, url: string, code: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/?lang=en');
  await page.getByTestId('login').getByRole('button', { name: 'Join code' }).click();
  await page.getByTestId('login-input').fill(code);
  await page.getByTestId('login-submit').click();
  return page;
}
