/**
 * The full 接诉即办 model's speed: one replication of beijing-weekday (~70,000 contacts), and a full
 * year at 2025 volume (~25 M contacts, full lifecycle) with its wall time and peak memory.
 *
 *   npm run bench:hotline            (node --import tsx bench/hotline.ts [days=365])
 */
import { HotlineModel, builtInScenario, validateScenario, type Scenario } from '@hotline-sim/shared';

const days = Number(process.argv[2] ?? 365);
const weekday = builtInScenario('beijing-weekday');
if (!weekday) throw new Error('the beijing-weekday built-in scenario is missing');

function run(scenario: Scenario, seed: number) {
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const model = new HotlineModel(scenario, seed);
  const obs = model.run();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  // CPU time beside wall time: on a loaded machine the wall time also counts waiting for a core.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const contacts = obs.intake.batches.reduce((a, b) => a + b.contacts, 0);
  return { seconds, cpuSeconds, contacts, events: model.sim.processed, open: obs.open };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const dayRuns = [1, 2, 3].map((seed) => run(weekday, seed));
const best = dayRuns.reduce((a, b) => (b.seconds < a.seconds ? b : a));
console.log(
  `beijing-weekday: ${fmt(best.contacts)} contacts, ${best.seconds.toFixed(2)} s per replication (best of 3: ${dayRuns.map((r) => r.seconds.toFixed(2)).join(', ')} s)`,
);

// A year at 2025 volume: the weekday scenario over 365 days, weekends lighter (DOMAIN.md §4: weekdays above weekends).
const year = validateScenario({
  ...structuredClone(weekday),
  name: 'beijing-year-2025',
  start: '2025-01-01',
  hours: 24 * days,
  arrivals: {
    ...structuredClone(weekday.arrivals),
    perHour: 4900,
    dayOfWeek: [1.06, 1.06, 1.06, 1.06, 1.06, 0.85, 0.85],
  },
});
const r = run(year, 2025);
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  `year (${days} days): ${fmt(r.contacts)} contacts, ${fmt(r.events)} events in ${r.seconds.toFixed(1)} s (CPU ${r.cpuSeconds.toFixed(1)} s) ` +
    `(${fmt(r.contacts / r.seconds)} contacts/s), peak memory ${peakMb.toFixed(0)} MB, ${r.open} appeals left open`,
);
