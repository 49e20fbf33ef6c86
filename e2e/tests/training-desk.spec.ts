import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import type { Stack } from '../support/stack';
import { json, smallCity as scenario, traineePage, waitingCallback } from '../support/training';

interface Truth {
  action: string;
  kbEntry: string | null;
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
  waiting: { appealId: number; holdUntil: number; text: { zh: string } }[];
  score: { decisions: Review[] } | null;
}
interface Unit {
  name: string;
  nameEn: string;
}

const seatOf = (stack: Stack, runId: string) => json<SeatViewBody>(stack.api(`/api/runs/${runId}/seats/D1`));

/** A question (咨询) waiting at the seat that the knowledge base answers, with an hour left to decide. */
async function question(stack: Stack, runId: string) {
  const v = await seatOf(stack, runId);
  const truths = new Map((v.score?.decisions ?? []).map((d) => [d.appealId, d.truth]));
  const a = v.waiting.find((w) => truths.get(w.appealId)?.kbEntry && w.holdUntil - v.virtualTime > 600);
  return a
    ? { id: a.appealId, words: a.text.zh.slice(0, 100), truth: truths.get(a.appealId) as Truth }
    : null;
}

/** Two appeals waiting at the seat about the same problem at the same place (the duplicates batch). */
async function duplicates(stack: Stack, runId: string) {
  const v = await seatOf(stack, runId);
  const truths = new Map((v.score?.decisions ?? []).map((d) => [d.appealId, d.truth]));
  const waiting = v.waiting.filter((a) => truths.get(a.appealId)?.action === 'dispatch');
  for (const a of waiting)
    for (const b of waiting) {
      const ta = truths.get(a.appealId) as Truth;
      if (b.appealId > a.appealId && ta.mergeKey !== null && ta.mergeKey === truths.get(b.appealId)?.mergeKey)
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

test('a trainee classifies, answers from the knowledge base, dispatches with 主办/协办, writes the order, merges a duplicate; a second trainee records a callback; both see their scores; the hot wash and replay show each step', async ({
  page,
  stack,
  browser,
}) => {
  test.setTimeout(420_000);
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
        seats: ['D1', 'C1'],
        roles: { C1: 'callback' },
        script: [{ kind: 'duplicates-batch', atHours: 3, hours: 0.25, count: 2 }],
      },
    }),
  );
  const started = await json<{ run: { id: string }; codes: { seat: string; code: string }[] }>(
    stack.api(`/api/exercises/${exercise.id}/start`, { method: 'POST' }),
  );
  const runId = started.run.id;
  const code = (name: string) => started.codes.find((c) => c.seat === name)?.code ?? '';
  const seat = await traineePage(browser, stack.url, code('D1'));
  await expect(seat.getByTestId('seat-view')).toContainText('Dispatcher seat D1');

  // Fast until a question waits at the seat, then slow to answer it from the knowledge base (知识库).
  const speed = (x: number) => stack.api(`/api/runs/${runId}/speed`, { method: 'POST', body: { speed: x } });
  await speed(300);
  await stack.api(`/api/runs/${runId}/resume`, { method: 'POST' });
  await expect
    .poll(async () => (await question(stack, runId)) !== null, { timeout: 90_000, intervals: [200] })
    .toBe(true);
  await speed(1);
  const asked = await question(stack, runId);
  if (!asked) throw new Error('the question left the seat');
  await pick(seat, asked.id);
  await seat.getByTestId('appeal-type').selectOption('consult');
  await seat.getByTestId('lookup-tab-knowledge').click();
  const kbSearch = seat.getByTestId('lookup-knowledge').getByRole('searchbox');
  // The trainee searches the knowledge base with the caller's words.
  await kbSearch.fill(asked.words);
  const entry = seat.locator(`[data-testid="lookup-entry"][data-entry="${asked.truth.kbEntry}"]`);
  await entry.getByTestId('lookup-pick-entry').click();
  await expect(seat.getByTestId('action-answer')).toBeChecked();
  await seat.getByTestId('decision-submit').click();
  await expect(seat.getByTestId('decision-status')).toHaveText(/Decision sent/);

  // Fast until the duplicates wait at the seat, then slow to decide.
  await speed(600);
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

  // The second trainee, at the callback seat (回访), records a callback as the citizen said it.
  const c1 = await traineePage(browser, stack.url, code('C1'));
  await expect(c1.getByTestId('role-seat')).toContainText('Callback seat (回访) C1');
  await speed(600);
  await expect
    .poll(async () => (await waitingCallback(stack, runId, 'C1', 300)) !== null, {
      timeout: 120_000,
      intervals: [200],
    })
    .toBe(true);
  await speed(2);
  const call = await waitingCallback(stack, runId, 'C1', 300);
  if (!call) throw new Error('no callback with time left to record');
  const callItem = c1.locator(`[data-testid="waiting-callback"][data-appeal-id="${call.appealId}"]`);
  await callItem.getByRole('button').click();
  await expect(c1.getByTestId('conversation')).toContainText('12345');
  const { outcome, rating, pressed } = call.truth;
  await c1.getByTestId(`callback-resolved-${outcome === 'resolved' ? 'yes' : 'no'}`).check();
  await c1.getByTestId(`callback-rating-${rating}`).check();
  if (pressed) await c1.getByTestId('callback-pressure').check();
  await c1.getByTestId('callback-submit').click();
  await expect(c1.getByTestId('decision-status')).toHaveText('Callback recorded');
  await expect(callItem).toHaveCount(0);

  // The exercise ends: both trainees see their scores, item by item.
  await stack.api(`/api/runs/${runId}/stop`, { method: 'POST' });
  await expect(seat.getByTestId('score-counts')).toHaveText('3 decided, 3 right', { timeout: 15_000 });
  await expect(seat.getByTestId('score-item-kb-answers')).toContainText('(1/1)');
  await expect(seat.getByTestId('score-item-merges')).toContainText('(1/1)');
  await expect(seat.getByTestId('score-item-classification')).toContainText('(3/3)');
  await expect(seat.getByTestId('score-item-order-summary')).toContainText('(1/1)');
  await expect(seat.getByTestId('score-item-assisting-judgement')).toContainText('(0/1)');

  await expect(c1.getByTestId('score-item-callback-accuracy')).toBeVisible();
  const recorded = c1.locator('[data-testid="role-row"][data-kind="callback"][data-correct]');
  await expect(recorded).toHaveCount(1);
  await expect(recorded).toHaveAttribute('data-correct', 'true');

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
  await expect(row(asked.id)).toHaveAttribute('data-correct', 'true');
  await expect(page.getByTestId('wash-C1').getByTestId('score-item-callback-accuracy')).toBeVisible();
  const callRow = page
    .getByTestId('replay')
    .locator('[data-testid="role-row"][data-kind="callback"][data-correct]');
  await expect(callRow).toHaveCount(1);
  await expect(callRow).toHaveAttribute('data-correct', 'true');
  await expect(callRow).toContainText(`#${call.appealId}`);

  // The server's record agrees.
  const record = await json<{ trainees: { seat: string; score: { decisions: Review[] } }[] }>(
    stack.api(`/api/training/runs/${runId}/hot-wash`),
  );
  const d1 = record.trainees.find((t) => t.seat === 'D1');
  const decided = d1?.score.decisions.filter((d) => d.decision !== null) ?? [];
  expect(decided.map((d) => [d.appealId, d.decision?.action, d.correct])).toEqual([
    [asked.id, 'answer', true],
    [lead.id, 'dispatch', true],
    [dup.id, 'merge', true],
  ]);
  expect(decided[1]?.decision).toMatchObject({ unit: lead.truth.unit, assisting: [helper], summary: text });
  await seat.context().close();
  await c1.context().close();
});
