import { test as base } from '@playwright/test';
import { Stack, type StackOptions } from './stack';

/**
 * `stack`: one real server + Redis per spec file (worker-scoped); `baseURL` points at it.
 * A spec sets `test.use({ stackOptions: … })` to change the default run.
 */
export const test = base.extend<object, { stack: Stack; stackOptions: StackOptions }>({
  stackOptions: [{}, { scope: 'worker', option: true }],
  stack: [
    async ({ stackOptions }, use) => {
      const stack = new Stack(stackOptions);
      await stack.start();
      await use(stack);
      await stack.stop();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ stack }, use) => {
    await use(stack.url);
  },
});

export { expect } from '@playwright/test';
