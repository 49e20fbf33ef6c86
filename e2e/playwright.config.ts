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
  // Two cores: one spec at a time (each runs a live city).
  workers: 1,
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
