import { MESSAGES } from '../../client/src/i18n/messages';
import { expect, PASSWORD, test } from '../support/fixtures';
import { layoutProblems, parsePercent, sliderOf, snap, visibleLabelsOf } from '../support/views';

/**
 * The catalogue's English labels with a word in them (not "×{x}" or "P90"): in Chinese none may show,
 * not even one left untranslated (the same in both languages).
 */
const ENGLISH = Object.values(MESSAGES.en).filter((en) => /[A-Za-z]{3,}/.test(en));

// What a newcomer sees is the product's own default run: it starts at 08:00.
test.use({ stackOptions: { productStartHour: true } });

test.describe('a newcomer', () => {
  test('fits a 1920×1080 and a 1280×720 projector a few virtual hours into the day: no panel scrolls, overlaps or spills over', async ({
    page,
    stack,
  }, testInfo) => {
    const runs = (await (await stack.api('/api/runs')).json()) as { runs: { id: string }[] };
    const id = runs.runs[0]?.id ?? '';
    const speed = (value: number) =>
      stack.api(`/api/runs/${id}/speed`, { method: 'POST', body: { speed: value } });
    const virtualTime = async () =>
      ((await (await stack.api(`/api/runs/${id}`)).json()) as { virtualTime: number }).virtualTime;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('/?lang=en');
    await expect(page.getByTestId('run-status')).toHaveText('Running');
    // A few virtual hours at ×3,000 so the sparklines and the 未诉先办 chart have points, then back to ×60.
    const from = await virtualTime();
    await speed(3000);
    await expect(page.getByTestId('shift-chart').locator('canvas').first()).toBeVisible({ timeout: 60_000 });
    await expect.poll(virtualTime, { timeout: 60_000 }).toBeGreaterThan(from + 3 * 3600);
    await speed(60);
    await expect(page.getByTestId('speed-value')).toHaveText('×60');
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      // No panel scrolls, overlaps another or reaches outside the viewport; the page does not scroll.
      await expect.poll(() => layoutProblems(page), { message: `${width}×${height}` }).toEqual([]);
      await snap(page, testInfo, `live-${height}p`);
    }
  });

  test.describe('on a first visit', () => {
    test.use({ logIn: false });

    test('watches the default run, switches to Chinese, pauses, speeds up, injects a surge and opens an appeal', async ({
      page,
      stack,
    }, testInfo) => {
      await page.goto('/');

      // The server asks who is there: the instructor logs in with the password.
      await expect(page.getByTestId('login')).toBeVisible();
      await page.getByTestId('login-input').fill(PASSWORD);
      await page.getByTestId('login-submit').click();
      await expect(page.getByTestId('role')).toHaveText('Instructor');

      // The default run is live and moving.
      await expect(page.getByTestId('connection')).toHaveText(/Live/);
      await expect(page.getByTestId('run-status')).toHaveText('Running');
      const clock = page.getByTestId('virtual-time');
      const first = await clock.textContent();
      await expect(clock).not.toHaveText(first ?? '', { timeout: 15_000 });
      await expect(page.getByTestId('city-map')).toBeVisible();
      await expect(page.getByTestId('kpi-serviceLevel15s')).toContainText('%');
      await snap(page, testInfo, 'live-en');

      // Chinese: every label switches, the run keeps going.
      await page.getByTestId('lang-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
      await expect(page.getByTestId('run-status')).toHaveText('运行中');
      await expect(page.getByRole('heading', { name: '实时城市', exact: true })).toBeVisible();
      await expect(page.getByRole('heading', { name: '关键指标', exact: true })).toBeVisible();
      await expect(page.getByTestId('kpi-responseRate')).toContainText('响应率');
      // Every visible label: none of the English ones is left.
      await expect.poll(() => visibleLabelsOf(page, ENGLISH)).toEqual([]);
      await snap(page, testInfo, 'live-zh');

      // Pause: virtual time stops.
      await page.getByTestId('pause').click();
      await expect(page.getByTestId('run-status')).toHaveText('已暂停');
      // An update released before the pause may still arrive: wait until the clock holds over half a
      // second, then watch it hold for a while longer (a time window, measured on purpose).
      let paused = await clock.textContent();
      await expect(async () => {
        const now = await clock.textContent();
        const same = now === paused;
        paused = now;
        expect(same).toBe(true);
      }).toPass({ intervals: [500] });
      await page.waitForTimeout(2_500);
      await expect(clock).toHaveText(paused ?? '');

      // Resume at ×600.
      await page.getByTestId('resume').click();
      await expect(page.getByTestId('run-status')).toHaveText('运行中');
      await page.getByTestId('speed').fill(String(sliderOf(600)));
      await expect(page.getByTestId('speed-value')).toHaveText('×600');
      const runId = await page.evaluate(async () => {
        const res = await fetch('/api/runs');
        const body = (await res.json()) as { runs: { id: string; status: string }[] };
        return body.runs.find((r) => r.status === 'running')?.id ?? '';
      });
      await expect
        .poll(async () => ((await (await stack.api(`/api/runs/${runId}`)).json()) as { speed: number }).speed)
        .toBe(600);

      // A surge swamps the hotline: the service level falls.
      const kpi = page.getByTestId('kpi-serviceLevel15s');
      const before = parsePercent((await kpi.textContent()) ?? '');
      await page.getByTestId('inject-open').click();
      await page.getByLabel('倍数 ×').fill('30');
      await page.getByLabel('持续（仿真小时）').fill('12');
      await snap(page, testInfo, 'inject');
      await page.getByTestId('inject-fire').click();
      await expect(page.getByTestId('toast')).toContainText('已触发');
      await expect
        .poll(async () => parsePercent((await kpi.textContent()) ?? ''), {
          timeout: 90_000,
          intervals: [1_000],
        })
        .toBeLessThan(before - 0.01);
      await snap(page, testInfo, 'after-surge');

      // The street league table and the queues.
      await page.getByTestId('tab-queues').click();
      await expect(page.getByTestId('queues')).toContainText('已连接工作进程');
      await snap(page, testInfo, 'queues');
      await page.getByTestId('tab-league').click();
      await snap(page, testInfo, 'league');

      // An appeal's timeline.
      await page.getByTestId('tab-appeals').click();
      await page.getByTestId('appeal-row').first().click();
      const dialog = page.getByTestId('appeal-detail');
      await expect(dialog).toBeVisible();
      await expect(dialog.getByTestId('appeal-timeline').locator('li').first()).toBeVisible();
      await expect(dialog).toContainText('办理过程');
      await snap(page, testInfo, 'appeal-detail');
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();

      // The new-run dialog with its levers, and the light theme.
      await page.getByTestId('new-run').click();
      await expect(page.getByTestId('levers')).toContainText('价值（为了谁）');
      await snap(page, testInfo, 'new-run-levers');
      await page.keyboard.press('Escape');
      await page.getByTestId('theme-toggle').click();
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
      await snap(page, testInfo, 'live-light');
    });
  });
});
