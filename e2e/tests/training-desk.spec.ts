import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import type { Stack } from '../support/stack';
import { json, smallCity as scenario } from '../support/training';

interface Truth {
  action: string;
  unit: number;
  appealType: string;
  assisting: number[];
  mergeKey: string | null;
  facts: { id: string; phrases: string[] }[];
}
interface Review {
  appealId: number;
  decision: {
    action: string;
    unit?: number;
    assisting?: number[];
    summary?: string;
    mergeInto?: number;
  } | null;
  truth: Truth;
  correct: boolean;
  summary: { id: string; present: boolean }[] | null;
}
interface SeatViewBody {
  virtualTime: number;
  waiting: { appealId: number; holdUntil: number }[];
  score: { decisions: Review[] } | null;
}
interface Unit {
  name: string;
  nameEn: string;
}

const seatOf = (stack: Stack, runId: string) => json<SeatViewBody>(stack.api(`/api/runs/${runId}/seats/D1`));

/** Two appeals waiting at the seat about the same problem at the same place (the duplicates batch). */
async function duplicates(stack: Stack, runId: string) {
  const v = await seatOf(stack, runId);
  const truths = new Map((v.score?.decisions ?? []).map((d) => [d.appealId, d.truth]));
  const waiting = v.waiting.filter((a) => truths.get(a.appealId)?.action === 'dispatch');
  for (const a of waiting)
    for (const b of waiting) {
      const ta = truths.get(a.appealId) as Truth;
      if (b.appealId > a.appealId && ta.mergeKey === truths.get(b.appealId)?.mergeKey)
        return { lead: { id: a.appealId, truth: ta }, dup: { id: b.appealId } };
    }
  return null;
}

async function pick(page: Page, appealId: number) {
  const item = page.locator(`[data-testid="waiting-appeal"][data-appeal-id="${appealId}"]`);
  await item.getByTestId('pick-appeal').click();
  await expect(page.getByTestId('decision-form').locator('legend')).toContainText(`#${appealId}`);
}

test.use({ stackOptions: { defaultSpeed: 1 } });

test('a trainee classifies, dispatches with 主办/协办, writes the order, merges a duplicate; the score, hot wash and replay show each step', async ({
  page,
  stack,
  browser,
}) => {
  test.setTimeout(300_000);
  for (const r of (await json<{ runs: { id: string }[] }>(stack.api('/api/runs'))).runs)
    await stack.api(`/api/runs/${r.id}/pause`, { method: 'POST' });
  const units = (await json<{ units: Unit[] }>(stack.api('/api/city'))).units;
  const exercise = await json<{ id: string }>(
    stack.api('/api/exercises', {
      method: 'POST',
      body: {
        name: 'desk drill',
        scenario,
        difficulty: 'beginner',
        seats: ['D1'],
        script: [{ kind: 'duplicates-batch', atHours: 1, hours: 0.25, count: 2 }],
      },
    }),
  );
  const started = await json<{ run: { id: string }; codes: { seat: string; code: string }[] }>(
    stack.api(`/api/exercises/${exercise.id}/start`, { method: 'POST' }),
  );
  const runId = started.run.id;
  const context = await browser.newContext({ baseURL: stack.url, viewport: { width: 1280, height: 900 } });
  const seat = await context.newPage();
  await seat.goto('/?lang=en');
  await seat.getByTestId('login').getByRole('button', { name: 'Join code' }).click();
  await seat.getByTestId('login-input').fill(started.codes[0]?.code ?? '');
  await seat.getByTestId('login-submit').click();
  await expect(seat.getByTestId('seat-view')).toContainText('Dispatcher seat D1');

  // Fast until the duplicates wait at the seat, then slow to decide.
  const speed = (x: number) => stack.api(`/api/runs/${runId}/speed`, { method: 'POST', body: { speed: x } });
  await speed(600);
  await stack.api(`/api/runs/${runId}/resume`, { method: 'POST' });
  await expect
    .poll(async () => (await duplicates(stack, runId)) !== null, { timeout: 90_000, intervals: [200] })
    .toBe(true);
  await speed(1);
  const found = await duplicates(stack, runId);
  if (!found) throw new Error('the duplicates left the seat');
  const { lead, dup } = found;

  // The first: classified, dispatched to its lead unit (主办) with one assisting unit (协办), the order written.
  await pick(seat, lead.id);
  await seat.getByTestId('appeal-type').selectOption(lead.truth.appealType);
  await seat.getByTestId('action-dispatch').check();
  const leadUnit = units[lead.truth.unit] as Unit;
  await seat.getByTestId('unit-search').fill(leadUnit.name);
  await seat.getByTestId('unit-select').selectOption(String(lead.truth.unit));
  await expect(seat.getByTestId('lead-unit')).toContainText(leadUnit.nameEn);
  const helper = units.findIndex((_, i) => i !== lead.truth.unit && !lead.truth.assisting.includes(i));
  const helperUnit = units[helper] as Unit;
  await seat.getByTestId('unit-search').fill(helperUnit.name);
  await seat.getByTestId('unit-select').selectOption(String(helper));
  await seat.getByTestId('add-assisting').click();
  await expect(seat.getByTestId('assisting-units')).toContainText(helperUnit.nameEn);
  await expect(seat.getByTestId('lead-unit')).toContainText(leadUnit.nameEn);
  const text = `${lead.truth.facts.map((f) => f.phrases[0]).join('，')}，市民希望尽快处理`;
  await seat.getByTestId('order-summary').fill(text);
  await seat.getByTestId('decision-submit').click();
  await expect(seat.getByTestId('decision-status')).toHaveText(/Decision sent/);
  const leadRow = seat.locator(`[data-testid="history-row"][data-appeal-id="${lead.id}"]`);
  await expect(leadRow.getByTestId('step-summary')).toContainText(text);
  await expect(leadRow.getByTestId('step-assisting')).toContainText(helperUnit.nameEn);

  // The duplicate: merged into the first one's order (并单).
  await pick(seat, dup.id);
  await seat.getByTestId('appeal-type').selectOption(lead.truth.appealType);
  await seat.getByTestId('action-merge').check();
  await seat.getByTestId('merge-into').selectOption(String(lead.id));
  await seat.getByTestId('decision-submit').click();
  await expect(seat.getByTestId('decision-status')).toHaveText(/Decision sent/);
  await expect(seat.locator(`[data-testid="history-row"][data-appeal-id="${dup.id}"]`)).toContainText(
    `merged into #${lead.id}`,
  );

  // The exercise ends: the trainee sees the score, item by item.
  await stack.api(`/api/runs/${runId}/stop`, { method: 'POST' });
  await expect(seat.getByTestId('score-counts')).toHaveText('2 decided, 2 right', { timeout: 15_000 });
  await expect(seat.getByTestId('score-item-merges')).toContainText('(1/1)');
  await expect(seat.getByTestId('score-item-classification')).toContainText('(2/2)');
  await expect(seat.getByTestId('score-item-order-summary')).toContainText('(1/1)');
  await expect(seat.getByTestId('score-item-assisting-judgement')).toContainText('(0/1)');

  // The review: the hot wash names the items; the replay shows each step beside the truth.
  await page.goto('/?lang=en');
  await page.getByTestId('nav-training').click();
  await page.getByTestId('training-tab-review').click();
  await page.getByTestId('review-run').focus();
  await expect(page.getByTestId('review-run').locator(`option[value="${runId}"]`)).toHaveCount(1);
  await page.getByTestId('review-run').selectOption(runId);
  const wash = page.getByTestId('wash-D1');
  await expect(wash).toContainText('Duplicates merged, and only duplicates (并单): 1/1');
  await expect(wash).toContainText('Work orders carry the place, problem and request: 1/1');
  await expect(wash).toContainText('Assisting units (协办) named exactly as the case needs: 0/1');
  const row = (id: number) => page.locator(`[data-testid="replay-row"][data-appeal-id="${id}"]`);
  await expect(row(lead.id)).toHaveAttribute('data-correct', 'true');
  await expect(row(lead.id).getByTestId('step-type')).toContainText('Appeal type');
  await expect(row(lead.id).getByTestId('step-assisting')).toContainText(helperUnit.nameEn);
  await expect(row(lead.id).getByTestId('step-summary')).toContainText(text);
  await expect(row(lead.id).locator('[data-testid="summary-fact"][data-present="true"]')).toHaveCount(3);
  await expect(row(dup.id)).toHaveAttribute('data-correct', 'true');
  await expect(row(dup.id).getByTestId('step-merge')).toContainText(`merged into #${lead.id}`);

  // The server's record agrees.
  const record = await json<{ trainees: { score: { decisions: Review[] } }[] }>(
    stack.api(`/api/training/runs/${runId}/hot-wash`),
  );
  const decided = record.trainees[0]?.score.decisions.filter((d) => d.decision !== null) ?? [];
  expect(decided.map((d) => [d.appealId, d.decision?.action, d.correct])).toEqual([
    [lead.id, 'dispatch', true],
    [dup.id, 'merge', true],
  ]);
  expect(decided[0]?.decision).toMatchObject({ unit: lead.truth.unit, assisting: [helper], summary: text });
  await context.close();
});
