/**
 * Golden reports: fixed scenarios and seeds give exactly these figures (to 5 significant digits).
 * A change to the model that moves them must be deliberate: rerun, check the new figures make sense
 * (and the calibration still holds: calibration.test.ts), then update them here.
 */
import { describe, expect, it } from 'vitest';
import { builtInScenario, runScenario, validateScenario, type Report } from '../src';

function scenario(name: string, hours: number) {
  const s = builtInScenario(name);
  if (!s) throw new Error(`built-in scenario ${name} is missing`);
  return validateScenario({ ...structuredClone(s), hours });
}

function expectKpis(report: Report, golden: Record<string, number>) {
  for (const [name, value] of Object.entries(golden)) {
    const got = report.kpis[name as keyof Report['kpis']]?.mean;
    expect(got, name).toBeDefined();
    if (Math.abs(value) < 1e-6) expect(Math.abs(got as number), name).toBeLessThan(1e-6);
    else
      expect(Math.abs((got as number) / value - 1), `${name}: ${got} vs golden ${value}`).toBeLessThan(1e-4);
  }
}

describe('golden reports', () => {
  it('stage-2019-10 over 48 hours, seed 11', () => {
    const report = runScenario(scenario('stage-2019-10', 48), { seed: 11 });
    expectKpis(report, {
      contacts: 36841,
      pWait: 0.0378654,
      meanWaitSeconds: 0.764278,
      serviceLevel15s: 0.982655,
      abandonRate: 0.00412584,
      agentUtilisation: 0.808233,
      responseRate: 0.977011,
      resolutionRate: 0.754511,
      satisfactionRate: 0.850437,
      score: 0.819927,
      directAnswerRate: 0.520292,
      workOrders: 14268,
      returnRate: 0.137791,
      whistles: 1437,
      whistleOnTimeRate: 0.406528,
      supervisedRate: 0.0721895,
      proactiveShare: 0,
      appealsAvoided: 0,
      gridAppealsAvoided: 0,
      selfServed: 1179,
      fullySatisfiedRate: 0.596947,
      meanMinutesToDispatch: 10.7776,
      meanHoursToResponse: 5.87481,
      p90HoursToClose: 360.844,
      gamingShare: 0.0118021,
      excludedShare: 0.00301156,
      repeatVisitsPerOrder: 0.206056,
      promiseKeptRate: 0.971268,
      staffHoursPerOrder: 4.25265,
      paperworkShare: 0.0141088,
      overdueRate: 0.0721895,
      meanReportMinutes: 41.641,
      whistlesLateRate: 0.352122,
      reportsMissingRate: 0.000659413,
    });
    expect(report.streets?.slice(0, 3).map((s) => [s.rank, s.id, s.evaluated])).toEqual([
      [1, '110112008', 40],
      [2, '110105015', 47],
      [3, '110113006', 31],
    ]);
  });

  it('mmc over 50 hours, 3 replications: means and intervals', () => {
    const report = runScenario(scenario('mmc', 50), { replications: 3 });
    const golden: Record<string, [number, number, number]> = {
      contacts: [121664, 120703, 122625],
      pWait: [0.286205, 0.257971, 0.314439],
      meanWaitSeconds: [1.81214, 1.5997, 2.02458],
      serviceLevel15s: [0.962586, 0.955516, 0.969657],
      abandonRate: [0.0149037, 0.0137707, 0.0160367],
      agentUtilisation: [0.889114, 0.876842, 0.901385],
    };
    const close = (got: number | undefined, want: number, what: string) =>
      expect(Math.abs((got ?? NaN) / want - 1), `${what}: ${got} vs golden ${want}`).toBeLessThan(1e-4);
    for (const [name, [mean, lo, hi]] of Object.entries(golden)) {
      const kpi = report.kpis[name as keyof Report['kpis']];
      close(kpi?.mean, mean, `${name} mean`);
      close(kpi?.ci95[0], lo, `${name} lower`);
      close(kpi?.ci95[1], hi, `${name} upper`);
    }
  });
});
