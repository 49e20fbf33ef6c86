/**
 * Calibrates the citizen model's BASELINE (lifecycle.citizens) to the three reform stages, which
 * differ only by levers (DOMAIN.md §3), then validates it on published figures it never saw.
 *
 *   npm run calibrate [replications=1] [iterations=4]
 *
 * Fitted (6): resolution base, effort and difficulty scale; satisfaction's resolved term, a shift of
 * both unresolved terms (partly, not resolved), and effort. NOT fitted: the reform effects
 * (resolution.dataSharing, resolution.topicPolicies), the whistle, supervision and return terms:
 * they are assumed values (docs/ASSUMPTIONS.md), so what the reforms do comes from their mechanisms,
 * not from residuals. Method: Levenberg-Marquardt steps on the rates in percentage points, the
 * Jacobian by finite differences on common random numbers (every run on the same seed). Points, not
 * logits: the acceptance is ±3 points a stage (issue 14), and on the logit scale a point of 2024's
 * 96.9 % satisfaction counts four times a point of October 2019's 85.4 %, so a logit fit traded
 * October 2019's satisfaction (−3.4 points after 4 iterations) for tenths of a point in 2024.
 *
 * Output: each stage's rates against its target, the held-out table (scenarios/hold-out: model −
 * published, whatever it is), and the fitted coefficients to paste into lifecycle-schema.ts.
 */
import {
  REFORM_STAGES,
  STAGE_TARGETS,
  heldOutTable,
  lifecycleSchema,
  runScenario,
  validateScenario,
  type LifecycleInput,
  type StageName,
} from '@hotline-sim/shared';
import { dampedStep } from './least-squares';

const replications = Number(process.argv[2] ?? 1);
const iterations = Number(process.argv[3] ?? 4);
const SEED = 2019;
/** The scale the fit works on: percentage points. */
const points = (p: number) => 100 * p;
const pct = (x: number) => (x * 100).toFixed(1);

const defaults = lifecycleSchema.parse({}).citizens;
/** The fitted parameters, in order; start from the current defaults so a re-run refines them. */
const NAMES = [
  'resolution.base',
  'resolution.effort',
  'resolution.difficulty',
  'satisfaction.resolved',
  'satisfaction.unresolvedShift',
  'satisfaction.effort',
] as const;
let p = [
  defaults.resolution.base,
  defaults.resolution.effort,
  defaults.resolution.difficulty,
  defaults.satisfaction.resolved,
  0,
  defaults.satisfaction.effort,
];

function citizens(q: readonly number[]): NonNullable<LifecycleInput['citizens']> {
  const [base, effort, difficulty, resolved, shift, satEffort] = q as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return {
    resolution: { base, effort, difficulty },
    satisfaction: {
      resolved,
      partly: defaults.satisfaction.partly + shift,
      notResolved: defaults.satisfaction.notResolved + shift,
      effort: satEffort,
    },
  };
}

const stages = Object.keys(STAGE_TARGETS) as StageName[];
type Estimate = { mean: number; ci95: readonly [number, number] };

function measure(q: readonly number[]): Record<StageName, { r: Estimate; s: Estimate }> {
  return Object.fromEntries(
    stages.map((stage) => {
      const input = structuredClone(REFORM_STAGES[stage]);
      input.lifecycle = { ...input.lifecycle, citizens: citizens(q) };
      const report = runScenario(validateScenario(input), { replications, seed: SEED });
      const r = report.kpis.resolutionRate;
      const s = report.kpis.satisfactionRate;
      if (!r || !s) throw new Error(`${stage} reported no 三率: does it still have a lifecycle section?`);
      return [stage, { r, s }];
    }),
  ) as unknown as Record<StageName, { r: Estimate; s: Estimate }>;
}

/** The model's rates in points, stage by stage: resolution then satisfaction. */
const rates = (m: ReturnType<typeof measure>) =>
  stages.flatMap((s) => [points(m[s].r.mean), points(m[s].s.mean)]);
const targets = stages.flatMap((s) => [
  points(STAGE_TARGETS[s].resolutionRate),
  points(STAGE_TARGETS[s].satisfactionRate),
]);

let m = measure(p);
for (let it = 0; it < iterations; it++) {
  const now = rates(m);
  const residuals = targets.map((t, i) => t - (now[i] as number));
  const h = 0.1;
  const columns = p.map((_, j) => {
    const q = [...p];
    q[j] = (q[j] as number) + h;
    const moved = rates(measure(q));
    return moved.map((x, i) => (x - (now[i] as number)) / h);
  });
  const J = residuals.map((_, i) => columns.map((col) => col[i] as number));
  const step = dampedStep(J, residuals, 0.1).map((d) => Math.max(-1.5, Math.min(1.5, d)));
  p = p.map((x, j) => x + (step[j] as number));
  p[2] = Math.max(0, p[2] as number); // a difficulty scale below 0 would make hard problems easier
  m = measure(p);
  const sse = rates(m).reduce((sum, x, i) => sum + (x - (targets[i] as number)) ** 2, 0);
  console.log(
    `iteration ${it + 1}: ${stages.map((s) => `${s} R ${pct(m[s].r.mean)} S ${pct(m[s].s.mean)}`).join(' | ')} (SSE ${sse.toFixed(2)} points²)`,
  );
}

const ci = (e: { ci95: readonly [number, number] }) =>
  e.ci95[0] === e.ci95[1] ? '(1 replication)' : `[${pct(e.ci95[0])}, ${pct(e.ci95[1])}]`;
console.log('\nFitted to (the published stage targets: Jan 2019, Oct 2019, Sep 2024):');
console.log('stage           kpi               target  model  95 % CI        error (pp)');
for (const s of stages) {
  for (const [kpi, e, t] of [
    ['resolutionRate', m[s].r, STAGE_TARGETS[s].resolutionRate],
    ['satisfactionRate', m[s].s, STAGE_TARGETS[s].satisfactionRate],
  ] as const) {
    console.log(
      `${s.padEnd(15)} ${kpi.padEnd(17)} ${pct(t).padStart(6)}  ${pct(e.mean).padStart(5)}  ${ci(e).padEnd(13)}  ${((e.mean - t) * 100 >= 0 ? '+' : '') + ((e.mean - t) * 100).toFixed(1)}`,
    );
  }
}

console.log('\nHeld out (never fitted; scenarios/hold-out):');
console.log('scenario         kpi               published  model  95 % CI        error (pp)  caveat');
for (const r of heldOutTable({ replications: Math.max(3, replications), citizens: citizens(p) })) {
  const err = r.error * 100;
  console.log(
    `${r.scenario.padEnd(16)} ${r.kpi.padEnd(17)} ${pct(r.published).padStart(9)}  ${pct(r.model).padStart(5)}  ${ci(r).padEnd(13)}  ${((err >= 0 ? '+' : '') + err.toFixed(1)).padStart(10)}  ${r.caveat}`,
  );
}

console.log('\nFitted coefficients (paste into lifecycle-schema.ts, citizens):');
console.log(
  JSON.stringify(Object.fromEntries(NAMES.map((n, j) => [n, Number((p[j] as number).toFixed(3))]))),
);
console.log(JSON.stringify(citizens(p.map((x) => Number(x.toFixed(3))))));
