import type { Page, TestInfo } from '@playwright/test';

/** Save a full-page screenshot as a test artefact (attached to the report, kept in test-results). */
export async function snap(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** A percentage as the page shows it ("80.9%", "80.9 %") → 0.809. */
export function parsePercent(text: string): number {
  const m = /(-?\d+(?:[.,]\d+)?)\s*%/.exec(text.replace(/\u00a0/g, ' '));
  if (!m?.[1]) throw new Error(`no percentage in "${text}"`);
  return Number(m[1].replace(',', '.')) / 100;
}

/** The slider position of a speed (the dashboard's log scale: ×0.5 … ×10,000 over 0 … 1000). */
export function sliderOf(speed: number): number {
  return Math.round(((Math.log(speed) - Math.log(0.5)) / (Math.log(10_000) - Math.log(0.5))) * 1000);
}

/** What is wrong with the dashboard's layout in the current viewport (empty when nothing is). */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const [w, h] = [window.innerWidth, window.innerHeight];
    const root = document.documentElement;
    if (root.scrollWidth > w + 1) problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${w}`);
    if (root.scrollHeight > h + 1) problems.push(`the page scrolls down: ${root.scrollHeight} > ${h}`);
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    // Top-level panels: not inside another panel.
    const panels = Array.from(document.querySelectorAll('section.panel')).filter(
      (el) => shown(el) && !el.parentElement?.closest('section.panel'),
    );
    const name = (el: Element) =>
      el.getAttribute('data-testid') ?? el.getAttribute('aria-labelledby') ?? el.className;
    const rects = panels.map((el) => ({ el, r: el.getBoundingClientRect() }));
    for (const { el, r } of rects) {
      if (r.left < -0.5 || r.top < -0.5 || r.right > w + 0.5 || r.bottom > h + 0.5)
        problems.push(`panel ${name(el)} reaches outside the viewport: ${JSON.stringify(r.toJSON())}`);
      if (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
        problems.push(
          `panel ${name(el)} scrolls: ${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight}`,
        );
    }
    rects.forEach((a, i) =>
      rects.slice(i + 1).forEach((b) => {
        const x = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const y = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (x > 1 && y > 1) problems.push(`panels ${name(a.el)} and ${name(b.el)} overlap by ${x}×${y}`);
      }),
    );
    if (panels.length < 3) problems.push(`only ${panels.length} panels shown`);
    return problems;
  });
}

/**
 * Visible texts (and placeholders) of the page that are one of `labels` (templates: `{x}` stands for
 * anything): after switching language, none of the other language's labels should be left.
 */
export function visibleLabelsOf(page: Page, labels: readonly string[]): Promise<string[]> {
  return page.evaluate((templates) => {
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const patterns = templates.map(
      (t) =>
        new RegExp(
          `^${t
            .split(/\{\w+\}/)
            .map(escape)
            .join('.*')}$`,
        ),
    );
    const found = new Set<string>();
    const check = (text: string | null | undefined) => {
      const s = (text ?? '').replace(/\s+/g, ' ').trim();
      if (s && patterns.some((p) => p.test(s))) found.add(s);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      check(n.textContent);
    }
    for (const el of Array.from(document.querySelectorAll('[placeholder]')))
      check(el.getAttribute('placeholder'));
    return [...found];
  }, labels);
}
