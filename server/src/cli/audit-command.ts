import { auditRun, type AuditResult } from '../live/audit';
import { runKeys } from '../live/keys';
import { loadRedisTarget } from '../config';
import { createRedisClient, describeRedis, pingFailure } from '../redis/client';
import { UsageError } from './usage-error';

// `hotline audit`, loaded by main.ts (dynamic import) only when it runs.

export async function audit(runId: string, opts: { redis?: string; json?: boolean }): Promise<void> {
  const target = opts.redis ?? loadRedisTarget();
  const failure = await pingFailure(target, 3_000);
  if (failure !== null)
    throw new UsageError(
      `cannot reach Redis at ${describeRedis(target)} (${failure}): start the server's Redis or pass --redis`,
    );
  const redis = createRedisClient(target, 'hotline-audit');
  redis.on('error', () => undefined);
  try {
    if (!(await redis.exists(runKeys(runId).meta)))
      throw new UsageError(`no live run "${runId}" in ${describeRedis(target)}`);
    const result = await auditRun(redis, runId);
    process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatAudit(result)}\n`);
    if (!result.ok) process.exitCode = 1;
  } finally {
    redis.disconnect();
  }
}

/** The audit in a few lines: verdict, counts by state, the first problems. */
function formatAudit(a: AuditResult): string {
  const states = Object.entries(a.states)
    .map(([s, n]) => `${s} ${n}`)
    .join(', ');
  return [
    `run ${a.run}: ${a.ok ? 'OK' : `${a.problemCount} problem(s)`}`,
    `as of virtual second ${a.virtualTime}: appeals stored ${a.appeals}, created by the model ${a.created}, transitions ${a.transitions}`,
    `states: ${states || 'none yet'}`,
    `replaying the input log: ${a.replayedSteps} steps before virtual second ${a.virtualTime}`,
    ...a.problems.slice(0, 20).map((p) => `  - ${p}`),
  ].join('\n');
}
