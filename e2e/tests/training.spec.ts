import type { Browser, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import type { Stack } from '../support/stack';
import { json, smallCity as scenario } from '../support/training';
import { snap } from '../support/views';

interface Truth {
  action: string;
  unit: number;
}
interface Review {
  appealId: number;
  decidedAt: number | null;
  decision: { action: string; unit?: number } | null;
  truth: Truth;
  correct: boolean;
  consequences: { kind: string; detail: string }[];
}
interface SeatViewBody {
  virtualTime: number;
  waiting: { appealId: number; holdUntil: number }[];
  score: { decided: number; correct: number; decisions: Review[] } | null;
}
interface Unit {
  kind: string;
  name: string;
  nameEn: string;
}

/** The instructor's view of a seat: waiting appeals and (in score.decisions) the truth of each. */
const seatOf = (stack: Stack, runId: string, seat: string) =>
  json<SeatViewBody>(stack.api(`/api/runs/${runId}/seats/${seat}`));

/** A waiting appeal at `seat` that needs a dispatch and has at least `margin` virtual seconds left. */
async function dispatchable(stack: Stack, runId: string, seat: string, margin: number) {
  const v = await seatOf(stack, runId, seat);
  const truths = new Map((v.score?.decisions ?? []).map((d) => [d.appealId, d.truth]));
  for (const a of v.waiting) {
    const truth = truths.get(a.appealId);
    if (truth?.action === 'dispatch' && a.holdUntil - v.virtualTime > margin)
      return { appealId: a.appealId, truth };
  }
  return null;
}

async function trainee(browser: Browser, url: string, code: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto('/?lang=en');
  await expect(page.getByTestId('login')).toBeVisible();
  await page.getByTestId('login').getByRole('button', { name: 'Join code' }).click();
  await page.getByTestId('login-input').fill(code);
  await page.getByTestId('login-submit').click();
  return page;
}

/** The trainee picks the appeal and dispatches it to `unit` through the seat's form. */
async function dispatch(page: Page, appealId: number, unit: number, units: Unit[]) {
  const item = page.locator(`[data-testid="waiting-appeal"][data-appeal-id="${appealId}"]`);
  await expect(item).toBeVisible();
  await item.getByTestId('pick-appeal').click();
  await expect(page.getByTestId('decision-form').locator('legend')).toContainText(`#${appealId}`);
  await page.getByTestId('action-dispatch').check();
  await page.getByTestId('unit-search').fill(units[unit]?.name ?? '');
  await page.getByTestId('unit-select').selectOption(String(unit));
  await page.getByTestId('decision-submit').click();
  await expect(page.getByTestId('decision-status')).toHaveText(/Decision sent/);
  await expect(page.locator(`[data-testid="history-row"][data-appeal-id="${appealId}"]`)).toBeVisible();
}

// The default run (the whole city) crawls at ×1 and is paused at once: the exercise gets the cores.
test.use({ stackOptions: { defaultSpeed: 1 } });

test.describe('training exercise', () => {
  test('two trainees dispatch (one right, one wrong), an inject reaches both, the review shows exactly that', async ({
    page,
    stack,
    browser,
  }, testInfo) => {
    test.setTimeout(300_000);
    const running = (await json<{ runs: { id: string }[] }>(stack.api('/api/runs'))).runs;
    for (const r of running) await stack.api(`/api/runs/${r.id}/pause`, { method: 'POST' });
    const units = (await json<{ units: Unit[] }>(stack.api('/api/city'))).units;
    const exercise = await json<{ id: string }>(
      stack.api('/api/exercises', {
        method: 'POST',
        body: { name: 'e2e drill', scenario, difficulty: 'beginner', seats: ['T1', 'T2'], script: [] },
      }),
    );

    // The instructor starts it in the console and reads the join codes there.
    await page.goto('/?lang=en');
    await page.getByTestId('nav-training').click();
    // An exercise saved through the form: a built-in scenario, seats and a scripted heating start.
    await page.getByTestId('ex-name').fill('ui drill');
    await page.getByTestId('ex-difficulty').selectOption('advanced');
    await page.getByTestId('ex-seats').fill('A1, A2');
    await page.getByTestId('script-add').click();
    // A surge's districts are the exercise's city's, not those of the run the page follows (Beijing).
    const chosen = await page.getByTestId('ex-scenario').inputValue();
    await page.getByTestId('ex-scenario').selectOption('shanghai-2024');
    await page.getByTestId('script-0-kind').selectOption('surge');
    const districts = page.getByTestId('script-0-district');
    await expect(districts).toContainText('Pudong');
    await expect(districts).not.toContainText('Chaoyang');
    await page.getByTestId('ex-scenario').selectOption(chosen);
    await expect(districts).toContainText('Chaoyang');
    await page.getByTestId('script-0-kind').selectOption('heating-start');
    await page.getByTestId('script-0-at').fill('2');
    await page.getByTestId('ex-create').click();
    await expect(page.getByTestId('exercises')).toContainText('ui drill');
    const saved = await json<{
      exercises: { name: string; difficulty: string; seats: string[]; script: unknown[] }[];
    }>(stack.api('/api/exercises'));
    expect(saved.exercises.find((e) => e.name === 'ui drill')).toMatchObject({
      difficulty: 'advanced',
      seats: ['A1', 'A2'],
      script: [{ kind: 'heating-start', atHours: 2 }],
    });

    const row = page.locator(`[data-testid="exercise"][data-exercise-id="${exercise.id}"]`);
    await row.getByTestId('exercise-start').click();
    const code1 = (await page.getByTestId('code-T1').textContent()) ?? '';
    const code2 = (await page.getByTestId('code-T2').textContent()) ?? '';
    expect(code1).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expect(page.getByTestId('running-exercise')).toBeVisible();
    const runId = await page.getByTestId('console-run').inputValue();
    expect(runId).not.toBe('');

    const t1 = await trainee(browser, stack.url, code1);
    const t2 = await trainee(browser, stack.url, code2);
    await expect(t1.getByTestId('seat-view')).toContainText('Dispatcher seat T1');
    await expect(t2.getByTestId('seat-view')).toContainText('Dispatcher seat T2');
    await expect(t1.getByTestId('nav-training')).toHaveCount(0);
    await expect(t1.getByTestId('nav-live')).toBeHidden();

    // Run fast until both seats hold an appeal that needs a dispatch, then slow right down to decide.
    const speed = (x: number) =>
      stack.api(`/api/runs/${runId}/speed`, { method: 'POST', body: { speed: x } });
    await speed(600);
    await stack.api(`/api/runs/${runId}/resume`, { method: 'POST' });
    await expect
      .poll(
        async () =>
          (await dispatchable(stack, runId, 'T1', 60)) !== null &&
          (await dispatchable(stack, runId, 'T2', 60)) !== null,
        { timeout: 90_000, intervals: [200] },
      )
      .toBe(true);
    await speed(2);
    const a1 = await dispatchable(stack, runId, 'T1', 300);
    const a2 = await dispatchable(stack, runId, 'T2', 300);
    if (!a1 || !a2) throw new Error('no appeal with time left to decide');

    // Trainee 1 dispatches to the owner; trainee 2 to a street that is not the owner.
    await expect(t1.locator(`[data-testid="waiting-appeal"][data-appeal-id="${a1.appealId}"]`)).toContainText(
      'SLA class',
    );
    await snap(t1, testInfo, 'seat-T1');
    await expect(
      t1.locator(`[data-testid="waiting-appeal"][data-appeal-id="${a1.appealId}"]`).getByTestId('sla-limit'),
    ).toContainText(/handle within \d+ h of dispatch/);
    await dispatch(t1, a1.appealId, a1.truth.unit, units);
    // The dispatch starts its SLA clock, shown in the seat's history.
    await expect(
      t1.locator(`[data-testid="history-row"][data-appeal-id="${a1.appealId}"]`).getByTestId('sla-due'),
    ).toContainText(/SLA: due D\d+ \d\d:\d\d · \d+:\d\d:\d\d left/);
    const wrong = units.findIndex((u, i) => u.kind === 'street' && i !== a2.truth.unit);
    await dispatch(t2, a2.appealId, wrong, units);

    // The instructor sees both decisions at a glance, fires a surge, and speeds the city up.
    await expect(page.getByTestId('glance-T1').getByTestId('glance-decided')).toHaveText('1');
    await expect(page.getByTestId('glance-T2').getByTestId('glance-decided')).toHaveText('1');
    await page.getByTestId('sched-new-kind').selectOption('surge');
    await page.getByTestId('schedule-fire-new').click();
    await expect(page.getByTestId('schedule-status')).toContainText('Inject fired');
    await expect(t1.getByTestId('inject-banner')).toContainText('Demand surge');
    await expect(t2.getByTestId('inject-banner')).toContainText('Demand surge');
    await page.getByTestId('message-to').selectOption('T1');
    await page.getByTestId('message-text').fill('T1: mind the 2-hour cases');
    await page.getByTestId('message-send').click();
    await expect(t1.getByTestId('seat-messages')).toContainText('T1: mind the 2-hour cases');
    await page.getByTestId('message-to').selectOption('');
    await page.getByTestId('message-text').fill('Everyone: a surge is coming');
    await page.getByTestId('message-send').click();
    await expect(t2.getByTestId('seat-messages')).toContainText('Everyone: a surge is coming');
    await expect(t2.getByTestId('seat-messages')).not.toContainText('mind the 2-hour');
    await page.getByTestId('watch-T2').click();
    await page.getByTestId('console-speed').fill('3000');
    await page.getByTestId('console-speed-set').click();
    await expect(page.getByTestId('console-status')).toContainText('×3,000');
    await snap(page, testInfo, 'console');

    // The wrong dispatch comes back: not the unit's.
    const back = t2.locator(`[data-testid="history-row"][data-appeal-id="${a2.appealId}"]`);
    await expect(back.getByTestId('consequence-returned')).toContainText('returned by the unit: not ours', {
      timeout: 90_000,
    });
    await snap(t2, testInfo, 'seat-T2-return');

    // The exercise ends: each trainee now sees their score, with exactly their one decision.
    await page.getByTestId('console-stop').click();
    await expect(page.getByTestId('console-status')).toContainText('Stopped');
    await expect(t1.getByTestId('score-counts')).toHaveText('1 decided, 1 right', { timeout: 15_000 });
    await expect(t2.getByTestId('score-counts')).toHaveText('1 decided, 0 right', { timeout: 15_000 });
    // Their own decision with the right one beside it; nothing waits any more.
    await expect(t1.getByTestId('history-row')).toHaveCount(1);
    await expect(t1.getByTestId('history-correct')).toContainText('right · Right decision');
    await expect(t2.getByTestId('history-row')).toHaveCount(1);
    await expect(t2.getByTestId('history-correct')).toContainText('wrong · Right decision');
    await expect(t1.getByTestId('waiting-appeal')).toHaveCount(0);
    await expect(t2.getByTestId('decision-form')).toHaveCount(0);
    await snap(t1, testInfo, 'seat-T1-score');

    // The review: the hot wash and the replay list exactly those two decisions beside the truth.
    await page.getByTestId('training-tab-review').click();
    await expect(page.getByTestId('hot-wash')).toContainText('e2e drill');
    await expect(page.getByTestId('wash-T1').getByTestId('score-counts')).toHaveText('1 decided, 1 right');
    await expect(page.getByTestId('wash-T2').getByTestId('score-counts')).toHaveText('1 decided, 0 right');
    const decided = page.locator('[data-testid="replay-row"][data-correct]');
    await expect(decided).toHaveCount(2);
    const r1 = page.locator(`[data-testid="replay-row"][data-seat="T1"][data-appeal-id="${a1.appealId}"]`);
    const r2 = page.locator(`[data-testid="replay-row"][data-seat="T2"][data-appeal-id="${a2.appealId}"]`);
    await expect(r1).toHaveAttribute('data-correct', 'true');
    await expect(r2).toHaveAttribute('data-correct', 'false');
    await expect(r1).toContainText(`dispatched to ${units[a1.truth.unit]?.nameEn ?? ''}`);
    await expect(r2).toContainText(`dispatched to ${units[wrong]?.nameEn ?? ''}`);
    await expect(r2.getByTestId('replay-returned')).toContainText('not ours');
    // The events the trainees were up against, on the same timeline: the surge fired from the console.
    await expect(page.getByTestId('replay-inject').filter({ hasText: 'Demand surge' })).toHaveCount(1);
    await snap(page, testInfo, 'review');
    await page.getByTestId('replay').scrollIntoViewIfNeeded();
    await snap(page, testInfo, 'replay');
    // Only the decisions by default; the appeals left to the model's dispatcher on request.
    await expect(page.getByTestId('replay-row')).toHaveCount(2);
    await page.getByTestId('replay-every-offer').check();
    await expect(
      page.getByTestId('replay-row').filter({ hasText: 'not decided (timed out)' }).first(),
    ).toBeVisible();
    await expect(decided).toHaveCount(2);

    // Scrubbed back before the decisions, neither shows as decided; played at ×600, both come back.
    await page.getByTestId('replay-scrubber').fill('0');
    await expect(decided).toHaveCount(0);
    await expect(page.getByTestId('replay-time')).toHaveText('D1 00:00');
    await page.getByTestId('replay-x600').click();
    await page.getByTestId('replay-play').click();
    await expect(decided).toHaveCount(2, { timeout: 60_000 });
    await page.getByTestId('replay-play').click();

    // In Chinese, the seat speaks Chinese.
    await t2.getByTestId('lang-toggle').click();
    await expect(t2.getByTestId('seat-view')).toContainText('派单员席位 T2');
    await expect(t2.getByTestId('seat-view')).toContainText('承办单位退单：非本单位职责');
    await snap(t2, testInfo, 'seat-T2-zh');

    // And the server's record agrees: one right at T1, one wrong at T2.
    const wash = await json<{ trainees: { seat: string; score: { decisions: Review[] } }[] }>(
      stack.api(`/api/training/runs/${runId}/hot-wash`),
    );
    const decisions = (seat: string) =>
      wash.trainees.find((t) => t.seat === seat)?.score.decisions.filter((d) => d.decision !== null) ?? [];
    expect(decisions('T1').map((d) => [d.appealId, d.decision?.unit, d.correct])).toEqual([
      [a1.appealId, a1.truth.unit, true],
    ]);
    expect(decisions('T2').map((d) => [d.appealId, d.decision?.unit, d.correct])).toEqual([
      [a2.appealId, wrong, false],
    ]);
    await t1.context().close();
    await t2.context().close();
  });
});
