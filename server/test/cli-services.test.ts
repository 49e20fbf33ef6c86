import { describe, expect, it } from 'vitest';
import { SERVICE_KPIS, type Report } from '@hotline-sim/shared';
import { formatReport } from '../src/cli/format-report';
import { hotline } from './run-cli';

/**
 * Issue 17's acceptance for the CLI: `hotline run <city scenario> --json` carries every service KPI
 * beside the hotline's, and the text report shows them in their own table.
 */
describe('hotline run of the service-delivery cities', () => {
  const runs = Promise.all(['shanghai-2024', 'hangzhou-2018'].map((name) => hotline('run', name, '--json')));

  for (const [i, name] of ['shanghai-2024', 'hangzhou-2018'].entries()) {
    it(`${name} --json reports every KPI in SERVICE_KPIS, and the hotline's`, async () => {
      const result = (await runs)[i];
      expect(result?.code, result?.stderr).toBe(0);
      const report = JSON.parse(result?.stdout ?? '') as Report;
      expect(report.scenario).toBe(name);
      for (const kpi of Object.keys(SERVICE_KPIS) as (keyof typeof SERVICE_KPIS)[]) {
        expect(Number.isFinite(report.kpis[kpi]?.mean), kpi).toBe(true);
      }
      expect(report.kpis.matters?.mean).toBeGreaterThan(1000);
      expect(report.kpis.resolutionRate?.mean).toBeGreaterThan(0);
      const text = formatReport(report);
      expect(text).toMatch(/Service matters \(办事/);
      expect(text).toMatch(/atMostOneVisitShare\s*│\s*最多跑一次实现率/);
    }, 180_000);
  }
});
