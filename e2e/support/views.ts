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
