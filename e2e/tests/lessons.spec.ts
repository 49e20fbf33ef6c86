import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import {
  expectStep,
  figureAt,
  observerPage,
  presenterPage,
  runsOf,
  type LessonBody,
  type SeriesPointBody,
} from '../support/lessons';
import { pdfText } from '../support/pdf-text';
import type { Stack } from '../support/stack';
import { json } from '../support/training';

/**
 * Presenter-mode screenshots: docs/ keeps the committed ones, rewritten when UPDATE_DOCS=1 (so a
 * test run leaves the checkout clean); otherwise they go to Playwright's output folder.
 */
const DOCS = fileURLToPath(
  new URL(process.env.UPDATE_DOCS === '1' ? '../../docs/' : '../test-results/', import.meta.url),
);
/** The keys a presenter moves on with, taken in turn. */
const NEXT_KEYS = ['ArrowRight', 'PageDown', 'Space'];

/** A lever the uploaded lesson changes mid-run, and its new value. */
const LEVER = 'lifecycle.adoption.whistle.share';
const LEVER_SET = { [LEVER]: 0.35 };
const LEVER_LESSON = {
  id: 'e2e-lever',
  title: { zh: '中途调整吹哨覆盖', en: 'Changing the whistle mid-run' },
  summary: { zh: '运行中调整一个杠杆。', en: 'A lever changed while the city runs.' },
  steps: [
    {
      narration: { zh: '现在把吹哨覆盖调到 35%。', en: 'Now the whistle reaches 35 % of the streets.' },
      run: { set: LEVER_SET },
      focus: { panel: 'levers' },
    },
  ],
};

const leversOf = (stack: Stack, runId: string) =>
  json<{ values: Record<string, unknown>; changes: { source: string; set: Record<string, unknown> }[] }>(
    stack.api(`/api/runs/${runId}/levers`),
  );
const lessonOf = (stack: Stack, id: string) => json<LessonBody>(stack.api(`/api/lessons/${id}`));
const seriesOf = (stack: Stack, runId: string) =>
  json<{ series: SeriesPointBody[] }>(stack.api(`/api/runs/${runId}/series`)).then((r) => r.series);
const control = (stack: Stack, runId: string, what: 'pause' | 'resume' | 'stop') =>
  json<unknown>(stack.api(`/api/runs/${runId}/${what}`, { method: 'POST' }));
const setSpeed = (stack: Stack, runId: string, speed: number) =>
  json<unknown>(stack.api(`/api/runs/${runId}/speed`, { method: 'POST', body: { speed } }));

/**
 * Play `lesson` from its first step to its last with the keyboard, checking at each step that the
 * presenter and the follower show it (counter, narration, focused panel) and that its actions ran
 * without an error.
 */
async function play(
  presenter: Page,
  observer: Page,
  lesson: LessonBody,
  lang: 'zh' | 'en',
  hooks: {
    /** The lesson's run has started (its first step): the spec sets it up before any check. */
    started?(runId: string): Promise<void>;
    /** Checks of the spec's own once a step has settled. */
    atStep?(step: number): Promise<void>;
  } = {},
): Promise<void> {
  const total = lesson.steps.length;
  for (const [i, step] of lesson.steps.entries()) {
    if (i > 0) await presenter.keyboard.press(NEXT_KEYS[i % NEXT_KEYS.length] ?? 'ArrowRight');
    else await hooks.started?.(await presenterRun(presenter));
    await expectStep([presenter, observer], i);
    const counter = lang === 'zh' ? `第 ${i + 1} 步，共 ${total} 步` : `Step ${i + 1} of ${total}`;
    await expect(presenter.getByTestId('step-counter')).toHaveText(counter);
    for (const p of [presenter, observer])
      await expect(p.getByTestId('narration')).toHaveText(step.narration[lang]);
    // The step's actions are done (the buttons come back) and none failed.
    if (i < total - 1) await expect(presenter.getByTestId('lesson-next')).toBeEnabled({ timeout: 60_000 });
    await expect(presenter.locator('.narration [role="alert"]')).toHaveCount(0);
    const panel = step.focus?.panel;
    if (panel && panel !== 'compare')
      await expect(presenter.locator('main.live')).toHaveAttribute('data-focus', panel);
    if (i === 0) {
      // The follower reads along: no buttons of the presenter's.
      await expect(observer.getByTestId('lesson-following')).toBeVisible();
      await expect(observer.getByTestId('lesson-next')).toHaveCount(0);
    }
    await hooks.atStep?.(i);
  }
}

/** The run the presenter's page follows (the lesson's own run, from `?run=`). */
async function presenterRun(presenter: Page): Promise<string> {
  await expect.poll(() => new URL(presenter.url()).searchParams.get('run')).not.toBeNull();
  return new URL(presenter.url()).searchParams.get('run') ?? '';
}

/**
 * Reveal the step's answer (the run paused, so that its figures hold still) and check it against the
 * run's series read here: a `now` answer is the KPI's latest value.
 */
async function revealAndCheck(presenter: Page, stack: Stack, runId: string, kpi: string): Promise<number> {
  await presenter.getByTestId('lesson-reveal').click();
  const answer = presenter.getByTestId('lesson-answer');
  await expect(answer).toBeVisible();
  const shown = Number(await answer.getAttribute('data-answer'));
  const share = ((await answer.textContent()) ?? '').includes('%');
  const figure = figureAt(await seriesOf(stack, runId), kpi, Number.POSITIVE_INFINITY, share);
  expect(figure, `the run's series has ${kpi}`).not.toBeNull();
  expect(shown).toBe(figure?.value);
  return shown;
}

/** The worksheet link downloads a PDF whose text holds the given figures. */
async function checkWorksheet(presenter: Page, figures: string[]): Promise<void> {
  const [download] = await Promise.all([
    presenter.waitForEvent('download'),
    presenter.getByTestId('lesson-worksheet').click(),
  ]);
  const path = await download.path();
  const bytes = readFileSync(path);
  expect(bytes.subarray(0, 4).toString()).toBe('%PDF');
  const text = (await pdfText(bytes)).replace(/\s+/g, ' ');
  for (const f of figures) expect(text).toContain(f);
}

// The default run crawls (×1): the lessons' own runs get the cores.
test.use({ stackOptions: { defaultSpeed: 1 } });

test.describe('lessons in presenter mode', () => {
  test('lesson 1 in Chinese from start to end, an observer following; an answer is the run’s figure; the worksheet', async ({
    browser,
    stack,
  }) => {
    test.setTimeout(300_000);
    for (const r of await runsOf(stack)) await control(stack, r.id, 'pause');
    const lesson = await lessonOf(stack, 'appeal-journey');
    const observer = await observerPage(browser, stack);
    await observer.goto('/?view=lessons&lang=zh');
    await expect(observer.getByTestId('lessons')).toContainText('讲师讲授课程时');
    await expect(observer.getByTestId('lesson-present')).toHaveCount(0);

    const presenter = await presenterPage(browser, stack.url);
    await presenter.goto('/?view=lessons&lang=zh');
    await presenter
      .locator('[data-testid="lesson-item"][data-lesson-id="appeal-journey"]')
      .getByTestId('lesson-present')
      .click();

    let runId = '';
    let answer = 0;
    await play(presenter, observer, lesson, 'zh', {
      started: async (id) => {
        runId = id;
        expect((await runsOf(stack))[0]?.id).toBe(runId);
        // A few virtual hours so the first question has figures, then the city holds still (the
        // answers stay put, and a loaded machine keeps up with the rest of the lesson).
        await setSpeed(stack, runId, 3600);
        await expect
          .poll(async () => (await seriesOf(stack, runId)).length, { timeout: 90_000 })
          .toBeGreaterThan(2);
        await control(stack, runId, 'pause');
      },
      atStep: async (step) => {
        if (step === 0) {
          // Projector-sized type at 1920×1080.
          const px = await presenter
            .getByTestId('narration')
            .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
          expect(px).toBeGreaterThanOrEqual(24);
        }
        if (step !== 1) return;
        answer = await revealAndCheck(presenter, stack, runId, 'abandonRate');
        await expect(presenter.locator('.kpi-panel')).toHaveCSS('outline-style', 'solid');
        await presenter.screenshot({ path: `${DOCS}presenter-zh.png` });
        // Back and forth: the step before is shown again, and no second run is started.
        await presenter.keyboard.press('ArrowLeft');
        await expectStep([presenter, observer], 0);
        await presenter.keyboard.press('PageUp');
        await expectStep([presenter, observer], 0);
        await presenter.keyboard.press('ArrowRight');
        await expectStep([presenter, observer], 1);
        expect((await runsOf(stack)).filter((r) => r.scenario === 'beijing-weekday')).toHaveLength(2);
      },
    });
    await expect(presenter.getByTestId('lesson-next')).toBeDisabled();

    await checkWorksheet(presenter, [String(answer)]);
    await control(stack, runId, 'stop');
  });

  test('lesson 4 in English on the reform timeline, an observer following; a lever changed mid-run is logged, shown and replayed', async ({
    browser,
    stack,
  }) => {
    test.setTimeout(420_000);
    for (const r of await runsOf(stack)) if (r.status === 'running') await control(stack, r.id, 'pause');
    const lesson = await lessonOf(stack, 'reform-timeline');
    const observer = await observerPage(browser, stack);
    await observer.goto('/?view=lessons&lang=en');
    const presenter = await presenterPage(browser, stack.url);
    await presenter.goto('/?view=lessons&lang=en');
    await presenter
      .locator('[data-testid="lesson-item"][data-lesson-id="reform-timeline"]')
      .getByTestId('lesson-present')
      .click();

    let runId = '';
    await play(presenter, observer, lesson, 'en', {
      // The scenario's timeline changes levers from its first hour; then the city holds still for
      // the rest of the lesson, so that a loaded machine keeps up.
      started: async (id) => {
        runId = id;
        await expect
          .poll(async () => (await leversOf(stack, runId)).changes.some((c) => c.source === 'timeline'), {
            timeout: 120_000,
          })
          .toBe(true);
        await control(stack, runId, 'pause');
      },
    });
    expect(runId).not.toBe('');
    // Going again: a lever change takes effect at the run's next tick, and the KPI tiles mark it
    // once their sparklines have two hourly points.
    await setSpeed(stack, runId, 1200);
    await control(stack, runId, 'resume');

    // The teacher's own lesson: a file that is wrong is refused naming the field, a right one is
    // listed; presenting it changes a lever of the run going on.
    await presenter.goto(`/?view=lessons&lang=en&run=${runId}`);
    await expect(presenter.getByTestId('lesson-continue')).toBeVisible();
    await presenter.getByTestId('lesson-upload').setInputFiles({
      name: 'broken.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(
        'id: broken\ntitle: { zh: 坏, en: Broken }\nsummary: { zh: 坏, en: Broken }\nsteps: []\n',
      ),
    });
    await expect(presenter.getByTestId('lesson-upload-error')).toContainText('steps');
    await presenter.getByTestId('lesson-upload').setInputFiles({
      name: 'lever.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(LEVER_LESSON)),
    });
    await expect(presenter.getByTestId('toast')).toContainText(LEVER_LESSON.id);
    await presenter
      .locator(`[data-testid="lesson-item"][data-lesson-id="${LEVER_LESSON.id}"]`)
      .getByTestId('lesson-present')
      .click();
    await expect(presenter.getByTestId('presenter')).toHaveAttribute('data-lesson', LEVER_LESSON.id);
    // The presenter's page shows the lesson at once, but tells the room only after the step's lever
    // change is accepted; a loaded machine (a CI run beside other work: 21 s once) delays that.
    const following = { timeout: 90_000 };
    await expect(observer.getByTestId('presenter')).toHaveAttribute(
      'data-lesson',
      LEVER_LESSON.id,
      following,
    );
    await expect(observer.getByTestId('narration')).toHaveText(
      LEVER_LESSON.steps[0]?.narration.en ?? '',
      following,
    );
    await expect(presenter.locator('.narration [role="alert"]')).toHaveCount(0);

    // Logged as the instructor's change, shown in the levers tab and on the KPI tiles, replayed clean.
    await expect
      .poll(async () => (await leversOf(stack, runId)).changes.filter((c) => c.source === 'instructor'))
      .toEqual([expect.objectContaining({ set: LEVER_SET })]);
    // The value now is the latest change's: the instructor's, unless the scenario's timeline (which
    // sets the whole lifecycle.adoption.whistle) has passed a later entry while a loaded machine waited.
    const now = await leversOf(stack, runId);
    const parent = LEVER.slice(0, LEVER.lastIndexOf('.'));
    const latest = now.changes.filter((c) => LEVER in c.set || parent in c.set).at(-1);
    expect(latest).toBeDefined();
    const latestValue =
      latest && LEVER in latest.set ? latest.set[LEVER] : (latest?.set[parent] as { share: number }).share;
    expect(now.values[LEVER]).toBe(latestValue);
    await expect(presenter.getByTestId('lever-changes')).toContainText(/0\.35|35/);
    await expect(presenter.getByTestId('lever-mark').first()).toBeAttached({ timeout: 90_000 });
    await presenter.screenshot({ path: `${DOCS}presenter-en.png` });
    await control(stack, runId, 'pause');
    const audit = await json<{ ok: boolean; problems: string[]; replayedSteps: number }>(
      stack.api(`/api/runs/${runId}/audit`),
    );
    expect(audit.problems).toEqual([]);
    expect(audit.ok).toBe(true);
    expect(audit.replayedSteps).toBeGreaterThan(0);
    await control(stack, runId, 'stop');
  });
});
