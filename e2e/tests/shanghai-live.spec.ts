import type { CityMap } from '@hotline-sim/shared';
import { expect, test } from '../support/fixtures';
import { sliderOf, snap } from '../support/views';

/**
 * Shanghai live (issue 17): a server started with CITY=shanghai runs its default run there, and the
 * dashboard draws Shanghai (title, the 16 districts of the map); a run started from the new-run dialog
 * (the city preset to the server's) fills the street league with Shanghai's streets and places its
 * appeals in Shanghai's districts. The default run creeps at ×1; the dialog's run is a short day whose
 * time limits and league threshold are cut so rated orders arrive within virtual hours, with service
 * matters whose questions reach 12345: a caller's detail names the matter (事项) it is about.
 */
test.use({ stackOptions: { city: 'shanghai', defaultSpeed: 1 } });

const QUICK_DAY = {
  name: 'shanghai-quick',
  seed: 17,
  start: '2025-03-10',
  hours: 6,
  warmupHours: 0,
  arrivals: { perHour: 300 },
  intake: {
    agents: 30,
    talkMinutes: { lognormal: { mean: 5.3, cv: 0.8 } },
    patienceMinutes: { exponential: { mean: 3 } },
  },
  lifecycle: {
    timeLimits: { '2h': 1, '24h': 2, '7d': 3, '15d': 3 },
    response: { hours: { lognormal: { mean: 0.5, cv: 1 } }, limitHours: 2 },
    streets: { minRatedToRank: 1 },
  },
  // 一网通办's service matters, their questions to 12345 callers in the hotline's queue (about 50 in
  // the six hours, hotline/injects/matter-calls.ts).
  services: { applicantsPerDay: 560, hotlineAnswers: true, callsPerMatterCall: 3 },
};

interface AppealsAnswer {
  appeals: { id: number; matter: { zh: string } | null }[];
}

test('Shanghai live: its districts on the map, its streets in the league, an appeal placed there, a matter', async ({
  page,
  stack,
}, testInfo) => {
  const shanghai = (await (await stack.api('/api/city?key=shanghai')).json()) as CityMap;
  const streets = new Set(shanghai.streets.map((s) => s.name));
  const districts = shanghai.districts.map((d) => d.name);
  expect(districts).toHaveLength(16);

  await page.goto('/?lang=zh');
  await expect(page.getByTestId('app-title')).toContainText('上海市');
  await expect(page.getByTestId('city-map')).toHaveAttribute('aria-label', /^上海市地图/);
  const onMap = page.getByTestId('map-districts');
  await onMap.locator('summary').click();
  await expect(onMap.locator('li')).toHaveCount(16);
  await expect(onMap.locator('li')).toHaveText(districts);
  await expect(onMap).toContainText('浦东新区');
  await onMap.locator('summary').click();

  // A quick day, uploaded in the new-run dialog, in the city the dialog offers first: the server's.
  // The dialog's default scenario (beijing-weekday) answers only after the file is read: its late
  // answer must not replace the file's scenario, and the run started is the file's (checked on the
  // POST). A loaded CI run started beijing-weekday: the default's answer landed in the few ms between
  // the file's state update and its commit, a window a test cannot force; this holds one ordering.
  let askedDefault!: () => void;
  let answerDefault!: () => void;
  const defaultAsked = new Promise<void>((done) => (askedDefault = done));
  const fileRead = new Promise<void>((done) => (answerDefault = done));
  await page.route('**/api/scenarios/beijing-weekday', async (route) => {
    askedDefault();
    await fileRead;
    await route.continue();
  });
  await page.getByTestId('new-run').click();
  const dialog = page.getByTestId('new-run-dialog');
  await expect(dialog.getByTestId('run-city')).toHaveValue('shanghai');
  await defaultAsked;
  await dialog.locator('input[type=file]').setInputFiles({
    name: 'shanghai-quick.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(QUICK_DAY)),
  });
  await expect(dialog.getByTestId('scenario-select')).toContainText('shanghai-quick.json');
  const lateDefault = page.waitForResponse('**/api/scenarios/beijing-weekday');
  answerDefault();
  await lateDefault;
  await page.unroute('**/api/scenarios/beijing-weekday');
  await dialog.locator('.speed input[type=range]').fill(String(sliderOf(2000)));
  const created = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/runs'));
  await dialog.getByTestId('start-run').click();
  expect(((await created).postDataJSON() as { scenario: { name?: string } }).scenario.name).toBe(
    'shanghai-quick',
  );
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/[?&]run=/);

  // The street league ranks Shanghai's streets as their first orders are rated.
  await page.getByTestId('tab-league').click();
  const names = page.getByTestId('league').locator('tbody tr td:nth-child(2)');
  await expect(names.first()).toBeVisible({ timeout: 60_000 });
  const ranked = await names.allTextContents();
  expect(ranked.length).toBeGreaterThan(0);
  expect(ranked.filter((n) => !streets.has(n.trim()))).toEqual([]);

  // An appeal's detail names its Shanghai district and street.
  await page.getByTestId('tab-appeals').click();
  await page.getByTestId('appeal-row').first().click();
  const detail = page.getByTestId('appeal-detail');
  await expect(detail).toBeVisible();
  const place = await detail.locator('dt:has-text("地点") + dd').textContent();
  const [district, street] = (place ?? '').trim().split(' ');
  expect(districts).toContain(district);
  expect(streets.has(street ?? '')).toBe(true);
  await snap(page, testInfo, 'shanghai-appeal');
  await detail.getByRole('button', { name: '关闭' }).click();

  // A caller about a service matter (一网通办's questions reach 12345): its detail names the matter.
  const runId = new URL(page.url()).searchParams.get('run') ?? '';
  let about: AppealsAnswer['appeals'][number] | undefined;
  await expect(async () => {
    const res = await stack.api(`/api/runs/${runId}/appeals?category=policy-consultation`);
    about = ((await res.json()) as AppealsAnswer).appeals.find((a) => a.matter);
    expect(about).toBeDefined();
  }).toPass({ timeout: 60_000 });
  await page.goto(`/?lang=zh&run=${runId}&appeal=${about?.id}`);
  const matter = page.getByTestId('appeal-detail').getByTestId('appeal-matter');
  await expect(matter).toContainText(about?.matter?.zh ?? '?');
  await expect(matter).toContainText(/咨询|投诉/);
  await expect(matter).toContainText(/跑动 \d+ 次/);
  // The caller's words are about that matter too.
  await expect(page.getByTestId('appeal-detail').locator('.appeal-text')).toContainText(
    about?.matter?.zh ?? '?',
  );
  await snap(page, testInfo, 'shanghai-matter');
});
