import { readFile } from 'node:fs/promises';
import { expect, test } from '../support/fixtures';
import { snap } from '../support/views';

test.describe('compare', () => {
  test('two built-in scenarios on common random numbers show a significant difference, explained by lever group, exported as CSV and PNG', async ({
    page,
  }, testInfo) => {
    await page.goto('/?lang=en');
    await page.getByTestId('nav-compare').click();
    await expect(page.getByTestId('compare-view')).toBeVisible();
    // A small fast pair: the M/M/50+M reference queue and the weekday's intake alone.
    await page.getByTestId('compare-a').selectOption('mmc');
    await page.getByTestId('compare-b').selectOption('beijing-weekday-intake');
    await page.getByTestId('compare-replications').fill('3');
    // Explain too: the agents lever and everything else (the weekday's demand) as two groups, 4 combinations.
    await page.getByTestId('compare-explain').check();
    await page.getByTestId('compare-run').click();
    await expect(page.getByText(/Running replications|B − A/).first()).toBeVisible();
    await expect(page.getByTestId('compare-result')).toBeVisible({ timeout: 150_000 });

    // Agent utilisation differs (the weekday's agents are sized for its peaks): the interval excludes 0.
    const row = page.getByTestId('compare-table').getByRole('row', { name: /Agent utilisation/ });
    await expect(row).toContainText('✔');
    await expect(page.getByTestId('compare-significant')).toContainText(
      /[1-9]\d* of \d+ KPIs differ significantly/,
    );
    await expect(page.getByTestId('difference-chart')).toBeVisible();
    await expect(page.getByTestId('explain-result')).toBeVisible();
    await page.getByTestId('explain-kpi').selectOption('agentUtilisation');
    await expect(page.getByTestId('waterfall-chart')).toBeVisible();
    await snap(page, testInfo, 'compare');
    await page.getByTestId('waterfall-chart').scrollIntoViewIfNeeded();
    await snap(page, testInfo, 'compare-explain');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    const text = await readFile((await csv.path()) ?? '', 'utf8');
    expect(text).toContain('kpi,a,b,difference,ci95_low,ci95_high,relative_difference,significant');
    expect(text).toMatch(/agentUtilisation,[^\n]*,true/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const bytes = await readFile((await png.path()) ?? '');
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');

    await page.getByTestId('lang-toggle').click();
    await expect(page.getByTestId('compare-significant')).toContainText('项差异显著');
    await snap(page, testInfo, 'compare-zh');
  });
});
