import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Playwright against the production build, the real server and a real Redis (each spec file starts
 * its own: see support/stack.ts). Chromium is Debian's /usr/bin/chromium when present (CI installs
 * it); otherwise Playwright's own, for those who ran `npx playwright install`.
 */
const systemChromium = '/usr/bin/chromium';

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  globalSetup: './global-setup.ts',
  // Two specs at a time (each its own server, Redis and live city): one spec alone used about half
  // of the two cores (4 specs: 63 s wall, 32 CPU s). Measured on this machine at load 5–11 from other
  // work: those 4 specs 63 → 43 s, the other 8 169 → 160 s, all 16 tests passing both ways. Playwright
  // still runs after vitest, never beside it (README, suite time).
  workers: 2,
  fullyParallel: false,
  // No retries, in CI either: a retry hides a flaky test, and a flaky test is a bug to fix.
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: process.env.CI
    ? [['list']]
    : [['list'], ['html', { open: 'never', outputFolder: './playwright-report' }]],
  use: {
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 720 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(existsSync(systemChromium) ? { executablePath: systemChromium } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
