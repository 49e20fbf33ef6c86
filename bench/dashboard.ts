/**
 * The dashboard's figures (issue 5), printed, not asserted: initial bundle gzipped, first meaningful
 * paint of the live view, map frames per second at ×60 (requestAnimationFrame callbacks over 10 s),
 * click response and frame rate under load (~600 appeals a second), and the tab's JS heap over five
 * minutes. Against the production build, the real server and a private Redis, in headless Chromium.
 *
 *   npm run bench:dashboard                 # everything (~8 minutes)
 *   npm run bench:dashboard -- --heap-minutes 1
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';
import { PASSWORD, Stack } from '../e2e/support/stack';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'client', 'dist');
/** Speed of the load phase: a weekday at ×10,000 releases several hundred appeals a wall second. */
const SPEED_UNDER_LOAD = 10_000;
const heapArg = process.argv.indexOf('--heap-minutes');
const HEAP_MINUTES = heapArg > 0 ? Number(process.argv[heapArg + 1]) : 5;

// In-page probes are strings: tsx would wrap named inner functions of a closure in a helper
// (`__name`) that does not exist in the page.

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Initial JS: the entry script and the chunks index.html preloads (lazy chunks are not counted). */
function bundleSizes(): { initialJs: number; css: number; lazy: number } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const gz = (file: string) => gzipSync(readFileSync(join(DIST, file))).length;
  const all = readdirSync(join(DIST, 'assets'));
  const js = all.filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  return {
    initialJs: initial.reduce((n, f) => n + gz(f), 0),
    css: all.filter((f) => f.endsWith('.css')).reduce((n, f) => n + gz(`assets/${f}`), 0),
    lazy: js.filter((f) => !initial.includes(f)).reduce((n, f) => n + gz(f), 0),
  };
}

/** requestAnimationFrame callbacks in `seconds` of wall time. */
async function fps(page: Page, seconds: number): Promise<number> {
  const frames = await page.evaluate<number>(`new Promise((resolve) => {
    let n = 0;
    const end = performance.now() + ${seconds * 1000};
    requestAnimationFrame(function tick(t) {
      n++;
      if (t < end) requestAnimationFrame(tick);
      else resolve(n);
    });
  })`);
  return frames / seconds;
}

/**
 * Real clicks (CDP input events) on the tabs; each measured from the event's timestamp to the frame
 * after it was handled (so time queued behind long tasks counts).
 */
async function clickLatencies(page: Page, clicks: number): Promise<number[]> {
  await page.evaluate(`
    window.__clicks = [];
    document.addEventListener('click', (e) => {
      const ts = e.timeStamp;
      requestAnimationFrame(() => setTimeout(() => window.__clicks.push(performance.now() - ts)));
    }, { capture: true });
  `);
  const tabs = ['tab-queues', 'tab-league', 'tab-appeals', 'tab-league'];
  for (let i = 0; i < clicks; i++) {
    await page.getByTestId(tabs[i % tabs.length] as string).click();
    await page.waitForTimeout(400);
  }
  await page.waitForTimeout(500);
  return page.evaluate<number[]>('window.__clicks');
}

/** Load the live view; ms from navigation start to first contentful and first meaningful paint. */
async function paintTimes(page: Page, url: string): Promise<{ fcp: number; fmp: number }> {
  // Logged in (the session cookie) before the page loads, as a returning instructor would be.
  await page.request.post(`${url}/api/session`, { data: { password: PASSWORD } });
  await page.goto(`${url}/?lang=en`);
  await page.waitForFunction(`(() => {
    const kpi = document.querySelector('[data-testid="kpi-serviceLevel15s"] .kpi-value')?.textContent ?? '';
    const canvas = document.querySelector('[data-testid="city-map"]');
    return kpi.includes('%') && canvas !== null && canvas.style.visibility !== 'hidden' && canvas.width > 1;
  })()`);
  const fmp = await page.evaluate<number>('performance.now()');
  const fcp = await page.evaluate<number>(
    "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN",
  );
  return { fcp, fmp };
}

async function runRate(
  stack: Stack,
  runId: string,
  seconds: number,
): Promise<{ appealsPerSecond: number; transitionsPerSecond: number }> {
  const info = async () =>
    (await (await stack.api(`/api/runs/${runId}`)).json()) as {
      appeals: number;
      transitions: number;
    };
  const a = await info();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const b = await info();
  return {
    appealsPerSecond: (b.appeals - a.appeals) / seconds,
    transitionsPerSecond: (b.transitions - a.transitions) / seconds,
  };
}

async function main(): Promise<void> {
  spawnSync(process.execPath, [join(ROOT, 'client', 'scripts', 'ensure-build.mjs')], { stdio: 'inherit' });
  const sizes = bundleSizes();
  console.log(
    `bundle: initial JS ${kb(sizes.initialJs)} gzipped (budget 400 KB), CSS ${kb(sizes.css)}, lazy chunks ${kb(sizes.lazy)}`,
  );

  const stack = new Stack({ defaultRun: 'beijing-weekday', defaultSpeed: 60 });
  await stack.start();
  const browser = await chromium.launch({
    ...(existsSync('/usr/bin/chromium') ? { executablePath: '/usr/bin/chromium' } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    // First meaningful paint: navigation start → the map drawn and the KPIs filled from the snapshot's
    // report. Cold: the first visitor after the server started; warm: the next one (one page at a time).
    const coldPage = await browser.newPage({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
    const cold = await paintTimes(coldPage, stack.url);
    await coldPage.close();
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, bypassCSP: true });
    const warm = await paintTimes(page, stack.url);
    console.log(
      `first meaningful paint (map + KPIs), budget 2,000 ms: cold ${cold.fmp.toFixed(0)} ms (first contentful ${cold.fcp.toFixed(0)} ms), ` +
        `warm ${warm.fmp.toFixed(0)} ms (first contentful ${warm.fcp.toFixed(0)} ms)`,
    );

    await page.waitForTimeout(3_000);
    console.log(`×60: ${(await fps(page, 10)).toFixed(1)} frames/s over 10 s (budget ≥ 30)`);

    // Load: the highest speed; the figures say how many appeals a second that made.
    const runId = await page.evaluate(
      async () => ((await (await fetch('/api/runs')).json()) as { runs: { id: string }[] }).runs[0]?.id ?? '',
    );
    const speed = SPEED_UNDER_LOAD;
    await stack.api(`/api/runs/${runId}/speed`, { method: 'POST', body: { speed } });
    await page.waitForTimeout(5_000);
    const rate = await runRate(stack, runId, 5);
    const busyFps = await fps(page, 10);
    const clicks = await clickLatencies(page, 12);
    const shed = await page
      .getByTestId('map-shed')
      .textContent()
      .catch(() => null);
    console.log(
      `×${speed}: ${rate.appealsPerSecond.toFixed(0)} appeals/s, ${rate.transitionsPerSecond.toFixed(0)} transitions/s; ` +
        `${busyFps.toFixed(1)} frames/s; click → next frame median ${median(clicks).toFixed(0)} ms, max ${Math.max(...clicks).toFixed(0)} ms over ${clicks.length} clicks (budget 100 ms); map: ${shed ?? 'no detail shed'}`,
    );

    // Heap over N minutes at ×60 (garbage collected before each reading).
    await stack.api(`/api/runs/${runId}/speed`, { method: 'POST', body: { speed: 60 } });
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const samples: number[] = [];
    const end = Date.now() + HEAP_MINUTES * 60_000;
    while (Date.now() < end) {
      samples.push(await heap());
      await page.waitForTimeout(30_000);
    }
    samples.push(await heap());
    const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
    console.log(
      `JS heap over ${HEAP_MINUTES} min at ×60 (after GC, every 30 s): first ${mb(samples[0] ?? 0)}, last ${mb(samples[samples.length - 1] ?? 0)}, max ${mb(Math.max(...samples))}; ` +
        samples.map((s) => (s / 1024 / 1024).toFixed(1)).join(' '),
    );
  } finally {
    await browser.close();
    await stack.stop();
  }
}

await main();
