import { test as base } from '@playwright/test';
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
  page: async ({ page, stack, logIn }, use) => {
    if (logIn) {
      const res = await page.request.post(`${stack.url}/api/session`, { data: { password: PASSWORD } });
      if (!res.ok()) throw new Error(`login failed: HTTP ${res.status()}`);
    }
    await use(page);
  },
});

export { expect } from '@playwright/test';
export { PASSWORD } from './stack';
