import { Router } from 'express';
import type { RunManager } from '../live/run-manager';
import { STAGES } from '../live/stages';

export interface HealthDeps {
  manager: RunManager;
  /** Throws when SQLite cannot be read. */
  pingStore: () => void;
}

const withTimeout = <T>(p: Promise<T>, ms: number): Promise<T> =>
  Promise.race([
    p,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms)),
  ]);

/**
 * /healthz: the process serves HTTP (liveness). /readyz: it can do its job: Redis answers, SQLite
 * reads, and at least one worker listens on every stage queue (in this process or another).
 */
export function healthRoutes(deps: HealthDeps): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  r.get('/readyz', async (_req, res) => {
    const checks: Record<string, string> = {};
    let ready = true;
    const fail = (name: string, err: unknown) => {
      ready = false;
      checks[name] = `failing: ${err instanceof Error ? err.message : String(err)}`;
    };
    try {
      await withTimeout(deps.manager.redis.ping(), 1_000);
      checks.redis = 'ok';
    } catch (err) {
      fail('redis', err);
    }
    try {
      deps.pingStore();
      checks.sqlite = 'ok';
    } catch (err) {
      fail('sqlite', err);
    }
    try {
      const counts = await withTimeout(
        Promise.all(STAGES.map((s) => deps.manager.queues[s].getWorkersCount())),
        1_000,
      );
      const least = Math.min(...counts);
      if (least > 0) checks.workers = `ok (${least} or more per stage)`;
      else fail('workers', new Error(`no worker on ${STAGES.filter((_, i) => counts[i] === 0).join(', ')}`));
    } catch (err) {
      fail('workers', err);
    }
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });
  return r;
}
