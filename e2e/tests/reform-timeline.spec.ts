import { expect, test } from '../support/fixtures';
import { snap } from '../support/views';

test.use({ stackOptions: { defaultRun: 'reform-timeline', defaultSpeed: 4000 } });

test.describe('the reform timeline on the dashboard', () => {
  test('plots the 未诉先办 chart by period, with the proactive share, as the timeline plays', async ({
    page,
    stack,
  }, testInfo) => {
    const runs = (await (await stack.api('/api/runs')).json()) as { runs: { id: string }[] };
    const id = runs.runs[0]?.id ?? '';
    const virtualTime = async () =>
      ((await (await stack.api(`/api/runs/${id}`)).json()) as { virtualTime: number }).virtualTime;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto('/?lang=en');
    const chart = page.getByTestId('shift-chart');
    await expect(chart.getByTestId('shift-unit')).toHaveText('per period of the timeline');
    // A few virtual hours into the first quarter: the period in progress has its point (counts so far).
    await expect.poll(virtualTime, { timeout: 90_000 }).toBeGreaterThan(3 * 3600);
    await expect(chart.locator('canvas').first()).toBeVisible();
    await expect(chart.locator('.u-legend')).toContainText('Acting first (share of all work)');
    await snap(page, testInfo, 'reform-timeline-en');
    await page.goto('/?lang=zh');
    await expect(page.getByTestId('shift-chart').getByTestId('shift-unit')).toHaveText('按时间线分期');
    await snap(page, testInfo, 'reform-timeline-zh');
  });
});
