import { expect, test } from '../support/fixtures';
import type { Stack } from '../support/stack';
import { json, smallCity as scenario } from '../support/training';

/** One run of `exerciseId` played fast until `seat` has left an appeal to the model, then stopped. */
async function playOnce(stack: Stack, exerciseId: string, seat: string): Promise<void> {
  const started = await json<{ run: { id: string } }>(
    stack.api(`/api/exercises/${exerciseId}/start`, { method: 'POST' }),
  );
  const runId = started.run.id;
  await stack.api(`/api/runs/${runId}/speed`, { method: 'POST', body: { speed: 3000 } });
  await stack.api(`/api/runs/${runId}/resume`, { method: 'POST' });
  await expect
    .poll(
      async () => {
        const { seats } = await json<{ seats: { seat: string; timedOut: number }[] }>(
          stack.api(`/api/runs/${runId}/seats`),
        );
        return seats.find((s) => s.seat === seat)?.timedOut ?? 0;
      },
      { timeout: 90_000, intervals: [200] },
    )
    .toBeGreaterThan(0);
  await stack.api(`/api/runs/${runId}/stop`, { method: 'POST' });
  await expect
    .poll(
      async () =>
        (await json<{ runs: { runId: string }[] }>(stack.api(`/api/training/trainees/${seat}`))).runs.some(
          (r) => r.runId === runId,
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
}

// The default run (the whole city) crawls at ×1 and is paused at once: the exercises get the cores.
test.use({ stackOptions: { defaultSpeed: 1 } });

test.describe('exercise library and trainee progress', () => {
  test.beforeAll(async ({ stack }) => {
    const running = (await json<{ runs: { id: string }[] }>(stack.api('/api/runs'))).runs;
    for (const r of running) await stack.api(`/api/runs/${r.id}/pause`, { method: 'POST' });
  });

  test('the trainer starts a built-in in two clicks, and copies one to edit its name', async ({
    page,
    stack,
  }) => {
    test.setTimeout(120_000);
    await page.goto('/?lang=en');
    // Click one: the training view, which opens on the console with the library.
    await page.getByTestId('nav-training').click();
    const library = page.getByTestId('exercise-library');
    await expect(library.getByTestId('library-exercise')).toHaveCount(6);
    const first = library.locator('[data-testid="library-exercise"][data-exercise-id="lib-normal-day"]');
    await expect(first).toContainText('A normal weekday');
    await expect(first).toContainText('Beginner');
    // Click two: start it. The join codes and the running exercise are there.
    await first.getByTestId('library-start').click();
    await expect(page.getByTestId('code-T1')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expect(page.getByTestId('code-T2')).toBeVisible();
    await expect(page.getByTestId('running-exercise')).toBeVisible();
    const runId = await page.getByTestId('console-run').inputValue();
    const runs = await json<{ runs: { runId: string; exerciseId: string }[] }>(
      stack.api('/api/training/runs'),
    );
    expect(runs.runs.find((r) => r.runId === runId)?.exerciseId).toBe('lib-normal-day');
    await stack.api(`/api/runs/${runId}/stop`, { method: 'POST' });

    // Its goals, and copy and edit another: the copy opens in the form under a name of its own.
    const storm = library.locator('[data-testid="library-exercise"][data-exercise-id="lib-summer-storm"]');
    await storm.getByTestId('library-more').click();
    await expect(storm.getByTestId('library-details')).toContainText('Spot every emergency');
    await storm.getByTestId('library-copy').click();
    await expect(page.getByTestId('ex-name')).toHaveValue('Summer rainstorm (my copy)');
    await expect(page.getByTestId('ex-role-T3')).toHaveValue('dispatch');
    await expect(page.getByTestId('ex-goals')).toHaveValue(
      /在来电激增中识别每一件紧急诉求并转接 \| Spot every emergency/,
    );
    await page.getByTestId('ex-name').fill('Storm for class B');
    const goals = await page.getByTestId('ex-goals').inputValue();
    await page.getByTestId('ex-goals').fill(`${goals}\n写清积水点位 | Name the flooded spot`);
    await page.getByTestId('ex-create').click();
    await expect(page.getByTestId('exercises')).toContainText('Storm for class B');
    const saved = await json<{ exercises: { name: string; script: unknown[]; goals?: unknown[] }[] }>(
      stack.api('/api/exercises'),
    );
    const builtIn = await json<{ script: unknown[]; goals: unknown[] }>(
      stack.api('/api/exercises/lib-summer-storm'),
    );
    const copy = saved.exercises.find((e) => e.name === 'Storm for class B');
    expect(copy?.script).toEqual(builtIn.script);
    expect(copy?.goals).toEqual([...builtIn.goals, { zh: '写清积水点位', en: 'Name the flooded spot' }]);
    // The built-in itself is unchanged.
    expect((await json<{ name: string }>(stack.api('/api/exercises/lib-summer-storm'))).name).toBe(
      '夏季暴雨 · Summer rainstorm',
    );
  });

  test('a trainee’s progress over two exercises: the chart, the items by run, the certificate', async ({
    page,
    stack,
  }) => {
    test.setTimeout(240_000);
    const drill = await json<{ id: string }>(
      stack.api('/api/exercises', {
        method: 'POST',
        body: { name: 'progress drill', scenario, difficulty: 'advanced', seats: ['P1'] },
      }),
    );
    await playOnce(stack, drill.id, 'P1');
    await playOnce(stack, drill.id, 'P1');

    await page.goto('/?lang=en');
    await page.getByTestId('nav-training').click();
    await page.getByTestId('training-tab-progress').click();
    const view = page.getByTestId('trainee-progress');
    await view.getByTestId('progress-seat').selectOption('P1');
    await expect(view.getByTestId('progress-chart').locator('canvas')).toBeVisible();
    await expect(view.getByTestId('progress-chart')).toContainText(
      'Appeals decided before their hold ran out',
    );
    // P1 left appeals to the model in both runs: that item has a value in each of the two runs.
    const row = view.locator('[data-testid="progress-items"] tr[data-item="decided-in-time"]');
    await expect(row.locator('td.num')).toHaveCount(3);
    await expect(row.locator('td.num').nth(0)).toHaveText(/\d+%/);
    await expect(row.locator('td.num').nth(1)).toHaveText(/\d+%/);
    const pdf = view.getByTestId('certificate-pdf');
    await expect(pdf).toHaveAttribute('href', '/api/training/trainees/P1/certificate.pdf?lang=en');
    const certificate = await (await stack.api('/api/training/trainees/P1/certificate.html?lang=en')).text();
    expect(certificate).toContain('progress drill');
    expect(certificate).toContain('data-item="decided-in-time"');
  });
});
