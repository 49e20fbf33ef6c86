/**
 * Calibrates the citizen model (lifecycle.citizens: resolution and satisfaction coefficients) so the
 * three reform stages, which differ only by levers, reproduce the published rates (DOMAIN.md §3).
 *
 *   npm run calibrate            (prints the fitted coefficients and each stage's rates with 95 % CIs)
 *
 * Method: damped Newton steps on the logit scale. Resolution: `base` moves the Jan-2019 stage,
 * `effort` the gap to Oct 2019, `dataSharing` and `topicPolicies` (in a fixed 1 : 1.2 ratio) the gap
 * to 2024. Satisfaction: `notResolved` and `partly` (shifted together) move Jan 2019, `effort` the gap
 * to Oct 2019, `resolved` the 2024 stage. All other coefficients stay at their defaults.
 */
import {
  REFORM_STAGES,
  STAGE_TARGETS,
  lifecycleSchema,
  runScenario,
  validateScenario,
  type StageName,
} from '@hotline-sim/shared';

const replications = Number(process.argv[2] ?? 3);
const iterations = Number(process.argv[3] ?? 6);
const logit = (p: number) => Math.log(p / (1 - p));

// Start from the current defaults, so a re-run refines them.
const { resolution, satisfaction } = lifecycleSchema.parse({}).citizens;
const c = {
  resolution: {
    base: resolution.base,
    effort: resolution.effort,
    dataSharing: resolution.dataSharing,
    topicPolicies: resolution.topicPolicies,
  },
  satisfaction: {
    resolved: satisfaction.resolved,
    partly: satisfaction.partly,
    notResolved: satisfaction.notResolved,
    effort: satisfaction.effort,
  },
};

function measure(stage: StageName) {
  const input = structuredClone(REFORM_STAGES[stage]) as { lifecycle: Record<string, unknown> };
  input.lifecycle = {
    ...input.lifecycle,
    citizens: { resolution: { ...c.resolution }, satisfaction: { ...c.satisfaction } },
  };
  const report = runScenario(validateScenario(input), { replications });
  const r = report.kpis.resolutionRate;
  const sat = report.kpis.satisfactionRate;
  if (!r || !sat) throw new Error(`${stage} reported no 三率: does it still have a lifecycle section?`);
  return { r, s: sat };
}

const stages = Object.keys(STAGE_TARGETS) as StageName[];
for (let it = 0; it <= iterations; it++) {
  const m = Object.fromEntries(stages.map((s) => [s, measure(s)])) as Record<
    StageName,
    ReturnType<typeof measure>
  >;
  const line = stages
    .map((s) => `${s} R ${(m[s].r.mean * 100).toFixed(1)} S ${(m[s].s.mean * 100).toFixed(1)}`)
    .join(' | ');
  console.log(`iteration ${it}: ${line}`);
  if (it === iterations) {
    console.log(JSON.stringify(c));
    for (const s of stages) {
      const t = STAGE_TARGETS[s];
      console.log(
        `${s}: resolution ${(m[s].r.mean * 100).toFixed(1)} % [${m[s].r.ci95.map((x) => (x * 100).toFixed(1)).join(', ')}] target ${(t.resolutionRate * 100).toFixed(1)}; ` +
          `satisfaction ${(m[s].s.mean * 100).toFixed(1)} % [${m[s].s.ci95.map((x) => (x * 100).toFixed(1)).join(', ')}] target ${(t.satisfactionRate * 100).toFixed(1)}`,
      );
    }
    break;
  }
  const d = (s: StageName, k: 'r' | 's') =>
    logit(k === 'r' ? STAGE_TARGETS[s].resolutionRate : STAGE_TARGETS[s].satisfactionRate) -
    logit(m[s][k].mean);
  const damp = 0.8;
  // Resolution: base fixes Jan 2019; effort (E rises by 0.6 from Jan to Oct) fixes Oct; reforms fix 2024.
  c.resolution.base += damp * d('stage-2019-01', 'r');
  c.resolution.effort += (damp * (d('stage-2019-10', 'r') - d('stage-2019-01', 'r'))) / 0.6;
  const reform = damp * (d('stage-2024', 'r') - d('stage-2019-10', 'r'));
  // dataSharing rises by 0.6 from Oct 2019 to 2024, the topic policies' share from 0 to 1 (62 ≥ 60 topics).
  c.resolution.dataSharing += reform / (0.8 - 0.2 + 1.2);
  c.resolution.topicPolicies += (1.2 * reform) / (0.8 - 0.2 + 1.2);
  // Satisfaction: shift the unresolved terms for Jan, effort for Oct, the resolved term for 2024.
  const shift = damp * d('stage-2019-01', 's');
  c.satisfaction.notResolved += shift;
  c.satisfaction.partly += shift;
  c.satisfaction.effort += (damp * (d('stage-2019-10', 's') - d('stage-2019-01', 's'))) / 0.6;
  c.satisfaction.resolved += damp * d('stage-2024', 's');
}
