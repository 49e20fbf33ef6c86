/**
 * The engine against textbook queueing results: Erlang C for M/M/c and the birth-death solution of
 * M/M/c+M (Erlang A). Fixed seeds, independent replications, 95 % t-intervals: each check asserts the
 * theoretical value lies inside the simulated interval AND that the interval is narrow, so a biased
 * model cannot pass by being vague.
 */
import { describe, expect, it } from 'vitest';
import { runScenario, validateScenario, type KpiEstimate } from '../src';

/** Erlang B by the stable recurrence B(k) = a·B(k−1) / (k + a·B(k−1)), then Erlang C from it. */
function erlangC(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
}

/** M/M/c+M: stationary distribution of the birth-death chain (truncated where the tail is negligible). */
function erlangA(lambda: number, mu: number, theta: number, c: number) {
  const weights: number[] = [1];
  let w = 1;
  let peak = 1;
  for (let n = 1; n <= c || w > 1e-18 * peak; n++) {
    const death = n <= c ? n * mu : c * mu + (n - c) * theta;
    w *= lambda / death;
    peak = Math.max(peak, w);
    weights.push(w);
  }
  const total = weights.reduce((a, b) => a + b, 0);
  let pWait = 0;
  let lq = 0;
  weights.forEach((wk, k) => {
    if (k >= c) pWait += wk / total;
    if (k > c) lq += ((k - c) * wk) / total;
  });
  return { pWait, abandon: (theta * lq) / lambda, meanWait: lq / lambda };
}

function expectInside(kpi: KpiEstimate, truth: number, maxRelativeHalfWidth: number) {
  expect(truth).toBeGreaterThanOrEqual(kpi.ci95[0]);
  expect(truth).toBeLessThanOrEqual(kpi.ci95[1]);
  const halfWidth = (kpi.ci95[1] - kpi.ci95[0]) / 2;
  expect(halfWidth / truth).toBeLessThan(maxRelativeHalfWidth);
}

/** Run length in mean talk times, enough for the relaxation time of each load. */
const grid = [
  { c: 1, rho: 0.5, talks: 40_000 },
  { c: 2, rho: 0.7, talks: 40_000 },
  { c: 10, rho: 0.8, talks: 20_000 },
  { c: 50, rho: 0.9, talks: 4_000 },
  { c: 100, rho: 0.95, talks: 3_000 },
  { c: 200, rho: 0.97, talks: 2_000 },
];

describe('M/M/c against Erlang C', () => {
  for (const { c, rho, talks } of grid) {
    it(`c = ${c}, utilisation ${rho}: P(wait) and mean wait contain Erlang C`, () => {
      const a = rho * c;
      const scenario = validateScenario({
        name: `mmc-${c}-${rho}`,
        seed: 1000 + c,
        hours: talks / 60,
        warmupHours: talks / 60 / 10,
        arrivals: { perHour: a * 60 },
        intake: { agents: c, talkMinutes: { exponential: { mean: 1 } } },
      });
      const report = runScenario(scenario, { replications: 20 });
      const pWait = erlangC(c, a);
      const meanWaitSeconds = (60 * pWait) / (c - a);
      expectInside(report.kpis.pWait, pWait, 0.05);
      expectInside(report.kpis.meanWaitSeconds, meanWaitSeconds, 0.1);
      expectInside(report.kpis.agentUtilisation, rho, 0.01);
      expect(report.kpis.abandonRate.mean).toBe(0);
    });
  }
});

describe('M/M/c+M against the Erlang A birth-death solution', () => {
  const cases = [
    {
      name: 'the minimal scenario (c = 50, load 0.9, patience 2 min)',
      c: 50,
      perHour: 2700,
      patience: 2,
      hours: 100,
    },
    { name: 'overloaded (c = 10, load 1.2, patience 1 min)', c: 10, perHour: 720, patience: 1, hours: 300 },
  ];
  for (const { name, c, perHour, patience, hours } of cases) {
    it(`${name}: abandonment, P(wait) and mean wait inside the CI`, () => {
      const scenario = validateScenario({
        name: 'erlang-a',
        seed: 77,
        hours,
        warmupHours: hours / 20,
        arrivals: { perHour },
        intake: {
          agents: c,
          talkMinutes: { exponential: { mean: 1 } },
          patienceMinutes: { exponential: { mean: patience } },
        },
      });
      const report = runScenario(scenario, { replications: 20 });
      const truth = erlangA(perHour / 60, 1, 1 / patience, c);
      expectInside(report.kpis.abandonRate, truth.abandon, 0.05);
      expectInside(report.kpis.pWait, truth.pWait, 0.05);
      expectInside(report.kpis.meanWaitSeconds, truth.meanWait * 60, 0.05);
    });
  }
});

describe("Little's law", () => {
  it('holds within 1 % on the minimal scenario run for its full 500 hours', () => {
    const scenario = validateScenario({
      name: 'mmc',
      seed: 7,
      hours: 500,
      warmupHours: 5,
      arrivals: { perHour: 2700 },
      intake: {
        agents: 50,
        talkMinutes: { exponential: { mean: 1 } },
        patienceMinutes: { exponential: { mean: 2 } },
      },
      directAnswerShare: 1,
    });
    const report = runScenario(scenario);
    expect(report.kpis.contacts.mean).toBeGreaterThan(1_300_000);
    expect(report.kpis.littleLawError.mean).toBeLessThan(0.01);
  });
});
