import type { Locator } from '@playwright/test';
import { expect, test } from '../support/fixtures';
import { snap } from '../support/views';

/** The three numbers of an effect cell ("-3.18 d [-3.40 d, -2.95 d]"): the change and its 95 % interval. */
async function effectOf(cell: Locator): Promise<[number, number, number]> {
  const text = (await cell.innerText()).replace(/\u2212/g, '-');
  const numbers = [...text.matchAll(/[-+]?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  if (numbers.length < 3) throw new Error(`no change and interval in "${text}"`);
  return [numbers[0] ?? NaN, numbers[1] ?? NaN, numbers[2] ?? NaN];
}

test.describe('three cities', () => {
  test('the Compare view lines up Beijing, Shanghai and Hangzhou by VIOTE driver, each lever with its effect and interval, in both languages', async ({
    page,
  }, testInfo) => {
    await page.goto('/?lang=en');
    await page.getByTestId('nav-compare').click();
    await page.getByTestId('mode-cities').click();
    // The intro names each city's latest scenario, the cities by the server's names.
    await expect(
      page.getByText(/Beijing stage-2024, Shanghai shanghai-2024, Hangzhou hangzhou-2018/),
    ).toBeVisible();
    await page.getByTestId('cities-replications').fill('2');
    await page.getByTestId('cities-hours').selectOption('24');
    await page.getByTestId('cities-run').click();
    const result = page.getByTestId('cities-result');
    await expect(result).toBeVisible({ timeout: 150_000 });
    await expect(result.getByRole('heading', { level: 2 })).toHaveText('Beijing · Shanghai · Hangzhou');

    for (const driver of ['value', 'institution', 'organization', 'technology', 'environment'])
      await expect(page.getByTestId(`cities-driver-${driver}`)).toBeVisible();

    // Institution: every city uses a lever of it; each row's city is one of the three.
    const institution = page.getByTestId('cities-driver-institution');
    const cities = await institution.locator('tbody tr td:first-child').allInnerTexts();
    expect(new Set(cities)).toEqual(new Set(['Beijing', 'Shanghai', 'Hangzhou']));

    // Shanghai's 时限减半 (promised times cut): switching it off alone lengthens the time to a result,
    // so its effect is a shorter time, with an interval that excludes zero (an accent-coloured bar).
    const cut = institution
      .getByRole('row')
      .filter({ hasText: 'Shanghai' })
      .filter({ hasText: 'Promised times cut' });
    await expect(cut).toHaveCount(1);
    const timeCell = cut.locator('td.num').first();
    const [change, low, high] = await effectOf(timeCell);
    expect(change).toBeLessThan(0);
    expect(high).toBeLessThan(0);
    expect(low).toBeLessThanOrEqual(change);
    await expect(timeCell.locator('svg.effect-bar rect')).toHaveAttribute('fill', 'var(--accent)');
    await snap(page, testInfo, 'cities');

    await page.getByTestId('lang-toggle').click();
    await expect(result.getByRole('heading', { level: 2 })).toHaveText('北京市 · 上海市 · 杭州市');
    await expect(
      page.getByText(/北京市 stage-2024、上海市 shanghai-2024、杭州市 hangzhou-2018/),
    ).toBeVisible();
    await expect(institution.getByRole('row').filter({ hasText: '时限减半' })).toHaveCount(2);
    await snap(page, testInfo, 'cities-zh');
  });

  test('the Compare view whose code cannot be fetched says so and offers a reload, not a blank page', async ({
    page,
  }) => {
    // As when the server restarted with a new build under an open page: the view's chunk is gone.
    await page.route('**/assets/CompareView-*.js', (route) => route.abort());
    await page.goto('/?lang=en');
    await page.getByTestId('nav-compare').click();
    const failed = page.getByTestId('view-failed');
    await expect(failed).toContainText('This view could not be loaded');
    await expect(page.getByTestId('app-title')).toBeVisible(); // the header stays: the other views still work
    await page.unroute('**/assets/CompareView-*.js');
    await failed.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('mode-cities')).toBeVisible();
  });
});
