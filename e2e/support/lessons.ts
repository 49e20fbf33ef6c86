import type { Browser, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { PASSWORD, type Stack } from './stack';
import { json } from './training';

/** What the specs read of a lesson (GET /api/lessons/:id). */
export interface LessonBody {
  id: string;
  title: { zh: string; en: string };
  steps: {
    narration: { zh: string; en: string };
    run?: { scenario?: string; speed?: number; set?: Record<string, unknown>; pause?: true; resume?: true };
    focus?: { panel: string };
    question?: { zh: string; en: string };
    answer?: { kpi: string; at: 'now' } | { kpi: string; change: { fromStep: number } };
  }[];
}

export interface SeriesPointBody {
  at: number;
  kpis: Record<string, number | undefined>;
}

/** The instructor in a browser of their own, at the projector's size. */
export async function presenterPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1920, height: 1080 } });
  const res = await context.request.post('/api/session', { data: { password: PASSWORD } });
  if (!res.ok()) throw new Error(`instructor login failed: HTTP ${res.status()}`);
  return context.newPage();
}

/** An observer (a join code the instructor made) in a second browser, a laptop's size. */
export async function observerPage(browser: Browser, stack: Stack): Promise<Page> {
  const { code } = await json<{ code: string }>(
    stack.api('/api/codes', { method: 'POST', body: { role: 'observer' } }),
  );
  const context = await browser.newContext({ baseURL: stack.url, viewport: { width: 1280, height: 720 } });
  const res = await context.request.post('/api/session', { data: { code } });
  if (!res.ok()) throw new Error(`observer login failed: HTTP ${res.status()}`);
  return context.newPage();
}

/** The runs of the server, newest first. */
export async function runsOf(stack: Stack): Promise<{ id: string; scenario: string; status: string }[]> {
  const { runs } = await json<{
    runs: { id: string; scenario: string; status: string; createdAt: string }[];
  }>(stack.api('/api/runs'));
  return runs.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * A KPI as the class reads it from the run's own series, computed here from GET /api/runs/:id/series
 * (not from the answers endpoint): the last point at or before `at` that carries it; shares in per
 * cent with one decimal, other units with two.
 */
export function figureAt(
  series: readonly SeriesPointBody[],
  kpi: string,
  at: number,
  share: boolean,
): { value: number; at: number } | null {
  let found: { value: number; at: number } | null = null;
  for (const p of series) {
    const v = p.kpis[kpi];
    if (p.at <= at && v !== undefined && Number.isFinite(v)) found = { value: v, at: p.at };
  }
  if (!found) return null;
  const digits = share ? 1 : 2;
  const scaled = share ? found.value * 100 : found.value;
  return { value: Math.round(scaled * 10 ** digits) / 10 ** digits, at: found.at };
}

/** Both pages show step `step` of the lesson: the presenter's counter and the follower's. */
export async function expectStep(pages: Page[], step: number): Promise<void> {
  for (const p of pages) await expect(p.getByTestId('presenter')).toHaveAttribute('data-step', String(step));
}
