import { test as base } from '@playwright/test';
import { PageLog } from './page-log';
import { PASSWORD, Stack, type StackOptions } from './stack';

/**
 * `stack`: one real server + Redis per spec file (worker-scoped); `baseURL` points at it. The page
 * is logged in as the instructor unless a test sets `test.use({ logIn: false })` (to use the form).
 */
export const test = base.extend<{ logIn: boolean }, { stack: Stack; stackOptions: StackOptions }>({
  stackOptions: [{}, { scope: 'worker', option: true }],
  stack: [
    async ({ stackOptions }, use) => {
      const stack = new Stack(stackOptions);
      try {
        await stack.start();
        await use(stack);
      } finally {
        await stack.stop();
      }
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ stack }, use) => {
    await use(stack.url);
  },
  logIn: [true, { option: true }],
  page: async ({ page, stack, logIn }, use, testInfo) => {
    const log = new PageLog(page);
    if (logIn) {
      const res = await page.request.post(`${stack.url}/api/session`, { data: { password: PASSWORD } });
      if (!res.ok()) throw new Error(`login failed: HTTP ${res.status()}`);
    }
    await use(page);
    // A failed test's page and server: CI keeps the printed output, not the trace. The list reporter
    // prints an attachment's first 300 characters in the failure's summary (what the page did comes
    // first), and the whole report where the test ended.
    if (testInfo.status !== testInfo.expectedStatus) {
      const text = await page
        .locator('body')
        .innerText({ timeout: 2_000 })
        .catch((e: unknown) => `(unreadable: ${String(e)})`);
      const report = [
        '--- what the page did ---',
        log.report(),
        `--- the page at ${page.url()} ---`,
        text.replace(/\s+/g, ' ').slice(0, 600),
        '--- the server log (last 2,000 characters) ---',
        stack.log.slice(-2_000),
      ].join('\n');
      await testInfo.attach('page and server', { contentType: 'text/plain', body: report });
      console.log(report);
    }
  },
});

export { expect } from '@playwright/test';
export { PASSWORD } from './stack';
