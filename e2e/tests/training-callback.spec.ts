import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import type { Stack } from '../support/stack';
import { json, smallCity } from '../support/training';

interface CallbackRow {
  appealId: number;
  decidedAt: number | null;
  truth: { outcome: string; rating: 'satisfied' | 'basically' | 'not'; pressed: boolean };
  correct: boolean;
}
interface SeatViewBody {
  role: string;
  virtualTime: number;
  callbacks: { appealId: number; holdUntil: number }[];
  score: { callbacks: CallbackRow[] } | null;
}

/** A callback waiting at `seat` with at least `margin` virtual seconds left, with what the citizen said. */
async function waitingCallback(stack: Stack, runId: string, seat: string, margin: number) {
  const v = await json<SeatViewBody>(stack.api(`/api/runs/${runId}/seats/${seat}`));
  for (const c of v.callbacks) {
    const truth = v.score?.callbacks.find((r) => r.appealId === c.appealId)?.truth;
    if (truth && c.holdUntil - v.virtualTime > margin) return { appealId: c.appealId, truth };
  }
  return null;
}

async function trainee(browser: Browser, url: string, code: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/?lang=en');
  await page.getByTestId('login').getByRole('button', { name: 'Join code' }).click();
  await page.getByTestId('login-input').fill(code);
  await page.getByTestId('login-submit').click();
  return page;
}

test.use({ stackOptions: { defaultSpeed: 1 } });

test('a trainee at a callback seat (回访) records a callback as the citizen said it, and sees it scored; the hot wash and replay show it', async ({
  page,
  stack,
  browser,
}) => {
  test.setTimeout(300_000);
  for (const r of (await json<{ runs: { id: string }[] }>(stack.api('/api/runs'))).runs)
    await stack.api(`/api/runs/${r.id}/pause`, { method: 'POST' });
  const exercise = await json<{ id: string }>(
    stack.api('/api/exercises', {
      method: 'POST',
      body: {
        name: 'callback drill',
        scenario: smallCity,
        difficulty: 'beginner',
        seats: ['T1', 'C1'],
        roles: { C1: 'callback' },
        script: [],
      },
    }),
  );
  const started = await json<{ run: { id: string }; codes: { seat: string; code: string }[] }>(
    stack.api(`/api/exercises/${exercise.id}/start`, { method: 'POST' }),
  );
  const runId = started.run.id;
  const c1 = await trainee(browser, stack.url, started.codes.find((c) => c.seat === 'C1')?.code ?? '');
  await expect(c1.getByTestId('role-seat')).toContainText('Callback seat (回访) C1');

  const speed = (x: number) => stack.api(`/api/runs/${runId}/speed`, { method: 'POST', body: { speed: x } });
  await speed(600);
  await stack.api(`/api/runs/${runId}/resume`, { method: 'POST' });
  await expect
    .poll(async () => (await waitingCallback(stack, runId, 'C1', 300)) !== null, {
      timeout: 120_000,
      intervals: [200],
    })
    .toBe(true);
  await speed(2);
  const call = await waitingCallback(stack, runId, 'C1', 300);
  if (!call) throw new Error('no callback with time left to record');

  // The trainee reads the conversation and records what the citizen said.
  const item = c1.locator(`[data-testid="waiting-callback"][data-appeal-id="${call.appealId}"]`);
  await item.getByRole('button').click();
  await expect(c1.getByTestId('conversation')).toContainText('12345');
  const { outcome, rating, pressed } = call.truth;
  await c1.getByTestId(`callback-resolved-${outcome === 'resolved' ? 'yes' : 'no'}`).check();
  await c1.getByTestId(`callback-rating-${rating}`).check();
  if (pressed) await c1.getByTestId('callback-pressure').check();
  await c1.getByTestId('callback-submit').click();
  await expect(c1.getByTestId('decision-status')).toHaveText('Callback recorded');
  await expect(item).toHaveCount(0);

  // The exercise ends: the trainee sees the score, the callback right beside what the citizen said.
  await stack.api(`/api/runs/${runId}/stop`, { method: 'POST' });
  await expect(c1.getByTestId('score-item-callback-accuracy')).toBeVisible({ timeout: 15_000 });
  const mine = c1.locator('[data-testid="role-row"][data-kind="callback"][data-correct]');
  await expect(mine).toHaveCount(1);
  await expect(mine).toHaveAttribute('data-correct', 'true');

  // The hot wash lists the item for C1; the replay shows the recorded callback.
  await page.goto('/?lang=en');
  await page.getByTestId('nav-training').click();
  await page.getByTestId('training-tab-review').click();
  await page.getByTestId('review-run').selectOption(runId);
  await expect(page.getByTestId('wash-C1').getByTestId('score-item-callback-accuracy')).toBeVisible();
  const row = page
    .getByTestId('replay')
    .locator('[data-testid="role-row"][data-kind="callback"][data-correct]');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-correct', 'true');
  await expect(row).toContainText(`#${call.appealId}`);
  await c1.context().close();
});
