import type { QueueRunOptions } from '../experiments';
import type { QueueFlags } from './options';
import { UsageError } from './usage-error';

/**
 * How a command runs on the queue, or undefined to run in-process. Ctrl-C (or SIGTERM) takes the
 * experiment's waiting jobs off the queue before exiting; a second one exits at once. The config is
 * imported only here, for `--queue`: it reaches ioredis, whose loading an in-process run should not pay.
 */
export async function queueRun(
  flags: QueueFlags,
  progress: { update(fraction: number): void },
): Promise<QueueRunOptions | undefined> {
  if (!flags.queue) {
    if (flags.redis !== undefined) throw new UsageError('--redis is only used with --queue');
    return undefined;
  }
  const interrupt = new AbortController();
  const onSignal = () => {
    if (interrupt.signal.aborted) process.exit(130);
    interrupt.abort();
  };
  process.on('SIGINT', onSignal).on('SIGTERM', onSignal);
  return {
    connection: flags.redis ?? (await import('../config')).loadRedisTarget(),
    signal: interrupt.signal,
    onProgress: (f) => progress.update(f),
    onWaitingForWorkers: () =>
      process.stderr.write('hotline: waiting for workers: start one with `npm run worker`\n'),
  };
}
