import { expect, test } from '../support/fixtures';
import type { Stack } from '../support/stack';
import { json, smallCity as scenario } from '../support/training';
import { snap } from '../support/views';

/** Ids of the appeals a batch inject sends (shared/src/hotline/hotline-model.ts BATCH_ID_BASE). */
const BATCH_ID_BASE = 2 ** 30 + 2 ** 29 + 2 ** 28;

interface SeatViewBody {
  virtualTime: number;
  waiting: { appealId: number; holdUntil: number }[];
  score: { decisions: { appealId: number; truth: { action: string; channel: string | null } }[] } | null;
}

/** A batch emergency waiting at `seat` (the instructor's view carries its truth: the line it belongs to). */
async function batchEmergency(stack: Stack, runId: string, seat: string) {
  const v = await json<SeatViewBody>(stack.api(`/api/runs/${runId}/seats/${seat}`));
  const truths = new Map((v.score?.decisions ?? []).map((d) => [d.appealId, d.truth]));
  for (const a of v.waiting) {
    const truth = truths.get(a.appealId);
    if (a.appealId >= BATCH_ID_BASE && truth?.action === 'redirect' && truth.channel)
      return { appealId: a.appealId, channel: truth.channel };
  }
  return null;
}

// The default run (the whole city) crawls at ×1 and is paused at once: the exercise gets the cores.
test.use({ stackOptions: { defaultSpeed: 1 } });

test('the instructor edits a running exercise’s script; a fired batch of emergencies reaches the seat unannounced, which redirects one', async ({
  page,
  stack,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const running = (await json<{ runs: { id: string }[] }>(stack.api('/api/runs'))).runs;
  for (const r of running) await stack.api(`/api/runs/${r.id}/pause`, { method: 'POST' });
  const exercise = await json<{ id: string }>(
    stack.api('/api/exercises', {
      method: 'POST',
      body: {
        name: 'script drill',
        scenario,
        difficulty: 'beginner',
        seats: ['S1'],
        script: [
          { kind: 'surge', atHours: 6, hours: 1, factor: 3 },
          { kind: 'emergency-batch', atHours: 8, hours: 0.25, count: 4 },
        ],
      },
    }),
  );

  await page.goto('/?lang=en');
  await page.getByTestId('nav-training').click();
  await page
    .locator(`[data-testid="exercise"][data-exercise-id="${exercise.id}"]`)
    .getByTestId('exercise-start')
    .click();
  const code = (await page.getByTestId('code-S1').textContent()) ?? '';
  const runId = await page.getByTestId('console-run').inputValue();
  const editor = page.getByTestId('schedule-editor');
  const rows = editor.getByTestId('schedule-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('D1 06:00');
  await expect(rows.nth(1)).toContainText('Batch of emergencies');

  // Delete the surge, move the emergencies to 09:00, add two ambiguous appeals at 10:00.
  await rows.nth(0).getByTestId('schedule-delete').click();
  await expect(editor.getByTestId('schedule-status')).toContainText('Removed from the script');
  await expect(rows).toHaveCount(1);
  await rows.nth(0).getByTestId('schedule-edit').click();
  await rows.nth(0).getByTestId('sched-edit-at').fill('9');
  await rows.nth(0).getByTestId('schedule-save').click();
  await expect(rows.nth(0)).toContainText('D1 09:00');
  await editor.getByTestId('sched-new-kind').selectOption('ambiguous-batch');
  await editor.getByTestId('sched-new-at').fill('10');
  await editor.getByTestId('sched-new-count').fill('2');
  await editor.getByTestId('schedule-add-submit').click();
  await expect(editor.getByTestId('schedule-status')).toContainText('Scheduled for D1 10:00');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Batch of ambiguous appeals');
  // A time the run's clock cannot take is refused with the reason.
  await editor.getByTestId('sched-new-at').fill('13');
  await editor.getByTestId('schedule-add-submit').click();
  await expect(editor.getByTestId('schedule-status')).toContainText('end of arrivals');
  const schedule = await json<{ scheduled: { at: number; inject: { kind: string; count?: number } }[] }>(
    stack.api(`/api/runs/${runId}/schedule`),
  );
  expect(schedule.scheduled.map((s) => [s.at, s.inject.kind, s.inject.count])).toEqual([
    [32_400, 'emergency-batch', 4],
    [36_000, 'ambiguous-batch', 2],
  ]);

  // The trainee joins; the script is not theirs to read.
  const context = await browser.newContext({ baseURL: stack.url, viewport: { width: 1280, height: 900 } });
  const seat = await context.newPage();
  await seat.goto('/?lang=en');
  await seat.getByTestId('login').getByRole('button', { name: 'Join code' }).click();
  await seat.getByTestId('login-input').fill(code);
  await seat.getByTestId('login-submit').click();
  await expect(seat.getByTestId('seat-view')).toContainText('Dispatcher seat S1');
  expect((await seat.request.get(`/api/runs/${runId}/schedule`)).status()).toBe(403);

  // The instructor runs the exercise and fires the emergencies now instead of at 09:00.
  await page.getByTestId('console-resume').click();
  await rows.nth(0).getByTestId('schedule-fire').click();
  await expect(editor.getByTestId('schedule-status')).toContainText('Fired now');
  await expect(rows).toHaveCount(1);
  await expect(editor.getByTestId('fired-row').filter({ hasText: 'Batch of emergencies' })).toHaveCount(1);

  // An emergency of the batch waits at the seat; slowed down, the trainee redirects it to its line.
  await expect
    .poll(async () => (await batchEmergency(stack, runId, 'S1')) !== null, {
      timeout: 60_000,
      intervals: [200],
    })
    .toBe(true);
  await stack.api(`/api/runs/${runId}/speed`, { method: 'POST', body: { speed: 2 } });
  const emergency = await batchEmergency(stack, runId, 'S1');
  if (!emergency) throw new Error('the emergency left the seat');
  const item = seat.locator(`[data-testid="waiting-appeal"][data-appeal-id="${emergency.appealId}"]`);
  await item.getByTestId('pick-appeal').click();
  await expect(seat.getByTestId('seat-map')).toBeVisible();
  await seat.getByTestId('action-redirect').check();
  await seat.getByTestId('channel').selectOption(emergency.channel);
  await seat.getByTestId('decision-submit').click();
  await expect(seat.getByTestId('decision-status')).toHaveText(/Decision sent/);
  await expect(page.getByTestId('glance-S1').getByTestId('glance-decided')).toHaveText('1');
  // The trainee is not told that a batch is coming: their seat lists no such event.
  await expect(seat.getByTestId('seat-injects')).not.toContainText('Batch');
  await expect(seat.getByTestId('inject-banner')).toHaveCount(0);
  await snap(page, testInfo, 'console-script');
  await snap(seat, testInfo, 'seat-emergency');

  // The server's record: a right redirect of a batch emergency.
  const view = await json<{
    score: { decisions: { appealId: number; correct: boolean; decision: { channel?: string } | null }[] };
  }>(stack.api(`/api/runs/${runId}/seats/S1`));
  expect(view.score.decisions.find((d) => d.appealId === emergency.appealId)).toMatchObject({
    correct: true,
    decision: { channel: emergency.channel },
  });
  await stack.api(`/api/runs/${runId}/stop`, { method: 'POST' });
  await context.close();
});
