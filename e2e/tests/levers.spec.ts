import { expect, test } from '../support/fixtures';
import { snap } from '../support/views';

const LIMIT = 'lifecycle.whistle.reportLimitMinutes';

test.describe('levers during a live run', () => {
  test('the instructor changes a lever after a confirm step; an observer sees it, read-only; the KPI sparklines mark it; a bad value is refused by name', async ({
    page,
    stack,
    browser,
  }, testInfo) => {
    const { runs } = (await (await stack.api('/api/runs')).json()) as { runs: { id: string }[] };
    const id = runs[0]?.id ?? '';
    const speed = (value: number) =>
      stack.api(`/api/runs/${id}/speed`, { method: 'POST', body: { speed: value } });

    const joined = await stack.api('/api/codes', { method: 'POST', body: { role: 'observer' } });
    const { code } = (await joined.json()) as { code: string };
    const observer = await browser.newPage();
    const login = await observer.request.post(`${stack.url}/api/session`, { data: { code } });
    expect(login.ok()).toBe(true);
    await observer.goto(`${stack.url}/?lang=zh`);
    await observer.getByTestId('tab-levers').click();
    const watched = observer.locator(`#live-lever-${LIMIT.replace(/\./g, '-')}`);
    await expect(watched).toBeDisabled();

    // WARNING: the page opened last is in front; a page behind it gets no animation frames, and a
    // click waits for two of them.
    await page.bringToFront();
    await page.goto('/?lang=en');
    await page.getByTestId('tab-levers').click();
    const field = page.locator(`#live-lever-${LIMIT.replace(/\./g, '-')}`);
    await expect(field).toBeEnabled();
    const before = await field.inputValue();
    const after = before === '15' ? '20' : '15';
    await expect(watched).toHaveValue(before);
    await field.fill(after);
    // Nothing is sent before the confirm step, which says what will change.
    await expect(page.getByTestId('lever-confirm')).toContainText(
      `Report limit, minutes: ${before} min → ${after} min`,
    );
    await page.getByTestId('lever-apply').click();
    await expect(page.getByTestId('live-levers').getByRole('status')).toContainText('Applied at');
    await expect(page.getByTestId('lever-changes')).toContainText(`${before} min → ${after} min`);

    const levers = (await (await stack.api(`/api/runs/${id}/levers`)).json()) as {
      values: Record<string, unknown>;
      changes: { source: string; set: Record<string, unknown> }[];
    };
    expect(levers.values[LIMIT]).toBe(Number(after));
    expect(levers.changes.at(-1)).toMatchObject({ source: 'instructor', set: { [LIMIT]: Number(after) } });

    // The observer's panel took the change from the socket update, without reloading.
    await expect(watched).toHaveValue(after);
    await observer.close();

    // A faster clock until the sparklines have hourly points around the change to mark it.
    await speed(900);
    await expect(page.getByTestId('kpi-resolutionRate').getByTestId('lever-mark')).toHaveAttribute(
      'title',
      `Report limit, minutes: ${before} min → ${after} min`,
    );

    await speed(60);

    // 150 % adoption is not a share: the server's 422 names the lever.
    await page.locator('#live-lever-lifecycle-adoption-whistle-share').fill('150');
    await page.getByTestId('lever-apply').click();
    await expect(page.getByTestId('live-levers').getByRole('alert')).toContainText(
      'lifecycle.adoption.whistle.share',
    );
    await snap(page, testInfo, 'levers-live');
  });

  test('the new-run dialog starts a run from the chosen virtual hour', async ({ page, stack }) => {
    await page.goto('/?lang=en');
    await page.getByRole('button', { name: 'New run…' }).click();
    await page.getByTestId('start-hour').selectOption('8');
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/runs') && r.request().method() === 'POST',
    );
    await page.getByTestId('start-run').click();
    const response = await created;
    expect(response.status()).toBe(201);
    expect(response.request().postDataJSON()).toMatchObject({ startHour: 8 });
    const run = (await response.json()) as { id: string };
    // The server played the night at full pace: the run stands at 08:00 or later.
    await expect
      .poll(
        async () =>
          ((await (await stack.api(`/api/runs/${run.id}`)).json()) as { virtualTime: number }).virtualTime,
        {
          timeout: 60_000,
        },
      )
      .toBeGreaterThanOrEqual(8 * 3600);
    await stack.api(`/api/runs/${run.id}/stop`, { method: 'POST' });
  });
});
