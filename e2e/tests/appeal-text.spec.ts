import { expect, test } from '../support/fixtures';
import { snap } from '../support/views';

/** An appeal's text comes from outside (Open311): it must show as text, never run as HTML. */
test.describe('appeal text from outside', () => {
  test('an Open311 description with markup and script shows as plain text', async ({
    page,
    stack,
  }, testInfo) => {
    const payload = `<img src=x onerror="window.__xss=1"><script>window.__xss=2</script> 路灯不亮 & "quotes"`;
    const runs = (await (await stack.api('/api/runs')).json()) as { runs: { id: string; status: string }[] };
    const runId = runs.runs.find((r) => r.status === 'running')?.id ?? '';
    const { key } = (await (
      await stack.api('/api/open311/keys', { method: 'POST', body: { name: 'e2e' } })
    ).json()) as {
      key: string;
    };
    const form = new URLSearchParams({
      api_key: key,
      jurisdiction_id: runId,
      service_code: 'noise-nuisance',
      lat: '39.9087',
      long: '116.3975',
      description: payload,
    });
    const filed = await fetch(`${stack.url}/open311/v2/requests.json`, { method: 'POST', body: form });
    expect(filed.status).toBeLessThan(300);
    const [{ token }] = (await filed.json()) as [{ token: string }];
    let requestId = '';
    await expect
      .poll(
        async () => {
          const res = await fetch(`${stack.url}/open311/v2/tokens/${token}.json`);
          requestId =
            ((await res.json()) as [{ service_request_id: string | null }])[0].service_request_id ?? '';
          return requestId;
        },
        { timeout: 60_000 },
      )
      .toMatch(new RegExp(`^${runId}-\\d+$`));
    const appealId = requestId.slice(runId.length + 1);

    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`/?lang=en&run=${runId}&appeal=${appealId}`);
    const detail = page.getByTestId('appeal-detail');
    await expect(detail).toBeVisible();
    await expect(detail.locator('.appeal-text')).toHaveText(payload);
    await expect(detail.locator('img, script')).toHaveCount(0);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(dialogs).toEqual([]);
    await snap(page, testInfo, 'appeal-text-as-text');
  });
});
