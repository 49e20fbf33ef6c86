import { encodeReplication, knownCityKeys, replicationSteps, validateScenario } from '@hotline-sim/shared';
import { loadCachedCities } from '../cities/cache';
import { loadCityDir } from '../cities/city-dir';
import type { ChildMessage, ParentMessage } from './replication-process';

/*
 * The process a replication runs in (forked by ReplicationProcess): it takes one replication at a time
 * over IPC, runs it with the same `shared/` code as an in-process run, and answers it encoded. Its
 * heap is capped by the worker (`--max-old-space-size`) and the worker kills it past the time limit,
 * so a scenario that would eat the machine ends this process, never the server's.
 */

/** Wall milliseconds between progress reports. */
const PROGRESS_INTERVAL_MS = 250;

const send = (message: ChildMessage) => process.send?.(message);

process.on('message', (message: ParentMessage) => {
  try {
    // A city built by `hotline city` is registered the first time a scenario names one.
    const city = (message.scenario as { city?: unknown } | null)?.city;
    if (typeof city === 'string' && !knownCityKeys().includes(city)) loadCachedCities(loadCityDir());
    const scenario = validateScenario(message.scenario, 'the scenario');
    const steps = replicationSteps(scenario, message.seed);
    let reported = performance.now();
    for (;;) {
      const step = steps.next();
      if (step.done) {
        send({ kind: 'done', result: encodeReplication(step.value) });
        return;
      }
      if (performance.now() - reported >= PROGRESS_INTERVAL_MS) {
        reported = performance.now();
        send({ kind: 'progress', fraction: step.value });
      }
    }
  } catch (err) {
    send({ kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
});
// The worker gone (killed, crashed): nobody wants the result.
process.on('disconnect', () => process.exit(0));
send({ kind: 'ready' });
