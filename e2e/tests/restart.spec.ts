import { expect, test } from '../support/fixtures';
import { snap } from '../support/views';

test.describe('server restart', () => {
  test('the page reconnects by itself and resumes the run from a snapshot', async ({
    page,
    stack,
  }, testInfo) => {
    await page.goto('/?lang=en');
    await expect(page.getByTestId('connection')).toHaveText(/Live/);
    const clock = page.getByTestId('virtual-time');
    const first = await clock.textContent();
    await expect(clock).not.toHaveText(first ?? '', { timeout: 15_000 });
    const navigations: string[] = [];
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) navigations.push(frame.url());
    });

    await stack.killServer();
    await expect(page.getByTestId('connection')).toHaveText(/reconnecting/);
    await snap(page, testInfo, 'server-down');

    await stack.startServer();
    await expect(page.getByTestId('connection')).toHaveText(/Live/, { timeout: 60_000 });
    await expect(page.getByTestId('run-status')).toHaveText('Running');
    const resumed = await clock.textContent();
    await expect(clock).not.toHaveText(resumed ?? '', { timeout: 30_000 });
    expect(navigations).toEqual([]);
    await snap(page, testInfo, 'recovered');
  });
});
