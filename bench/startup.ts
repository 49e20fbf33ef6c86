/**
 * Start-up figures of the built JavaScript (issue 16), each beside its baseline in the same run:
 *
 *   npm run bench:startup [rounds]      (node --import tsx bench/startup.ts; default 10 rounds)
 *
 * 1. `hotline --help` (node server/bin/hotline.js) against `node -e 1`, alternating, best of each;
 *    target ≤ 3× Node's own start.
 * 2. `npm start` (its prestart, then the server bin) until /readyz answers 200, with the dashboard and
 *    the server bundle already built, against a redis-server this bench starts first (REDIS_URL);
 *    best of 3; target ≤ 3 s.
 * 3. The whole process of `hotline run` on the M/M/50+M built-in (`mmc`) with 1,000,000 arrivals (its
 *    hours set as bench/engine.ts sets them, no warm-up), best of 3, against SimPy 4.1.2's whole
 *    process on the same model: SimPy is not installable here (PyPI is refused), so its figure is the
 *    one measured earlier on this class of machine (13.6 s, issue 16's report); target ≥ 12×.
 * Each prints PASS or FAIL, and the load average when it was taken: the machine is shared, and wall
 * times under load say little about the code.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, spawnRedis } from '../server/src/redis/spawn-redis';

const root = join(import.meta.dirname, '..');
const rounds = Number(process.argv[2] ?? 10);
const hotlineBin = join(root, 'server/bin/hotline.js');
const SIMPY_WHOLE_PROCESS_SECONDS = 13.6;

/** Wall seconds of one process run to its end; a failure stops the bench. */
function timed(args: string[]): number {
  const t0 = performance.now();
  const result = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = (performance.now() - t0) / 1000;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${result.stderr.toString()}`);
  return seconds;
}

const verdict = (pass: boolean) => (pass ? 'PASS' : 'FAIL');
const s = (seconds: number) => `${seconds.toFixed(3)} s`;

/** The machine's load as each figure is taken: the figures are wall times, and the machine is shared. */
const load = () => `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`;

// Built first, so no figure includes a build.
spawnSync(process.execPath, ['client/scripts/ensure-build.mjs'], { cwd: root, stdio: 'inherit' });
spawnSync(process.execPath, [hotlineBin, '--help'], { cwd: root, stdio: 'ignore' });

// 1. hotline --help against node -e 1.
let bestHelp = Infinity;
let bestNode = Infinity;
for (let i = 0; i < rounds; i++) {
  bestNode = Math.min(bestNode, timed(['-e', '1']));
  bestHelp = Math.min(bestHelp, timed([hotlineBin, '--help']));
}
const helpRatio = bestHelp / bestNode;
console.log(`node -e 1:         best of ${rounds} ${s(bestNode)}  (${load()})`);
console.log(`hotline --help:    best of ${rounds} ${s(bestHelp)}  (${helpRatio.toFixed(2)}x node -e 1)`);
console.log(`${verdict(helpRatio <= 3)}  hotline --help ≤ 3x node -e 1`);

// 2. npm start until /readyz 200.
const dir = mkdtempSync(join(tmpdir(), 'hotline-startup-'));
const redis = await spawnRedis({ dir: join(dir, 'redis') });
const readyTimes: number[] = [];
try {
  for (let i = 0; i < 3; i++) readyTimes.push(await npmStartToReady(i));
} finally {
  await redis.stop();
  rmSync(dir, { recursive: true, force: true });
}
const bestReady = Math.min(...readyTimes);
console.log(`npm start → /readyz 200: ${readyTimes.map(s).join(', ')}  (best ${s(bestReady)}; ${load()})`);
console.log(`${verdict(bestReady <= 3)}  npm start serves /readyz 200 within 3 s once built`);

/** Seconds from spawning `npm start` to /readyz 200; its process group is stopped afterwards. */
async function npmStartToReady(round: number): Promise<number> {
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    REDIS_URL: redis.url,
    DATA_DIR: join(dir, `data-${round}`),
    LOG_LEVEL: 'warn',
    INSTRUCTOR_PASSWORD: 'bench-instructor-password',
  };
  const t0 = performance.now();
  const child = spawn('npm', ['start'], { cwd: root, env, stdio: 'ignore', detached: true });
  try {
    for (;;) {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => undefined);
      if (res?.status === 200) return (performance.now() - t0) / 1000;
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
      if (performance.now() - t0 > 60_000) throw new Error('npm start: no /readyz 200 in 60 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

// 3. hotline run of M/M/50 with 1M arrivals, whole process.
const mmc = JSON.parse(readFileSync(join(root, 'shared/src/scenarios/mmc.json'), 'utf8')) as {
  arrivals: { perHour: number };
};
const file = join(mkdtempSync(join(tmpdir(), 'hotline-mmc-')), 'mmc-1m.json');
writeFileSync(file, JSON.stringify({ ...mmc, hours: 1_000_000 / mmc.arrivals.perHour, warmupHours: 0 }));
const runTimes = [0, 1, 2].map(() => timed([hotlineBin, 'run', file]));
rmSync(join(file, '..'), { recursive: true, force: true });
const bestRun = Math.min(...runTimes);
const speedup = SIMPY_WHOLE_PROCESS_SECONDS / bestRun;
console.log(
  `hotline run mmc, 1,000,000 arrivals: ${runTimes.map(s).join(', ')}  (best ${s(bestRun)}; ${load()})`,
);
console.log(
  `SimPy 4.1.2, same model, whole process: ${SIMPY_WHOLE_PROCESS_SECONDS} s (documented earlier figure from issue 16's report: SimPy is not installed here)`,
);
console.log(`${verdict(speedup >= 12)}  hotline run ≥ 12x SimPy's whole process (${speedup.toFixed(1)}x)`);
