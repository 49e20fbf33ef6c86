import type { Page, Request } from '@playwright/test';

/**
 * What a page did, kept for the failure report: console errors and warnings, uncaught errors, failed
 * and refused requests, and requests that never got an answer. A spec that fails in CI leaves only
 * its printed output behind (no trace to open), so the fixture prints this when a test fails.
 */
export class PageLog {
  private readonly lines: string[] = [];
  private readonly pending = new Map<Request, number>();
  private readonly started = Date.now();

  constructor(page: Page) {
    const at = () => `${((Date.now() - this.started) / 1000).toFixed(1)} s`;
    const add = (line: string) => {
      this.lines.push(`${at()} ${line}`);
      if (this.lines.length > 40) this.lines.shift(); // the latest: CI shows the output's tail
    };
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') add(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => add(`page error: ${e.message}`));
    page.on('request', (r) => this.pending.set(r, Date.now()));
    page.on('requestfinished', (r) => this.pending.delete(r));
    page.on('requestfailed', (r) => {
      this.pending.delete(r);
      add(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText ?? 'no reason'})`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) add(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
    });
    page.on('close', () => add('page closed'));
  }

  /** The report: the events, then the requests still unanswered and for how long. */
  report(): string {
    const now = Date.now();
    const waiting = [...this.pending].map(
      ([r, since]) => `still waiting ${((now - since) / 1000).toFixed(1)} s: ${r.method()} ${r.url()}`,
    );
    return [...this.lines, ...waiting].join('\n') || '(nothing logged)';
  }
}
