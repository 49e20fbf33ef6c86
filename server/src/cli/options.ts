import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_REDIS_URL, type QueueRunOptions } from '../experiments';
import { loadRedisTarget } from '../config';
import { UsageError } from './usage-error';

// The CLI's argument parsers and its experiments-queue options, shared by its commands.

export function positiveInt(name: string) {
  return (text: string): number => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${name} must be a positive integer`);
    return n;
  };
}

export function pairedReplications(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 2) {
    throw new InvalidArgumentError(
      'replications must be an integer of at least 2 (a paired interval needs two)',
    );
  }
  return n;
}

export function seedArg(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) {
    throw new InvalidArgumentError('seed must be an integer from 0 to 4294967295');
  }
  return n;
}

export function redisUrlArg(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new InvalidArgumentError('redis must be a URL such as redis://127.0.0.1:6379');
  }
  if ((url.protocol !== 'redis:' && url.protocol !== 'rediss:') || url.hostname === '') {
    throw new InvalidArgumentError('redis must be a redis:// or rediss:// URL with a host');
  }
  return text;
}

/** `--queue` and `--redis`, as the commands that can run on the experiments queue take them. */
export interface QueueFlags {
  queue?: boolean;
  redis?: string;
}

export function withQueueOptions(command: Command): Command {
  return command
    .option('--queue', 'run the replications on the experiments queue: start workers with `npm run worker`')
    .option(
      '--redis <url>',
      `Redis of the queue (default: the cluster of REDIS_CLUSTER_NODES, else REDIS_URL, else ${DEFAULT_REDIS_URL})`,
      redisUrlArg,
    );
}

/**
 * How a command runs on the queue, or undefined to run in-process. Ctrl-C (or SIGTERM) takes the
 * experiment's waiting jobs off the queue before exiting; a second one exits at once.
 */
export function queueRun(
  flags: QueueFlags,
  progress: { update(fraction: number): void },
): QueueRunOptions | undefined {
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
    connection: flags.redis ?? loadRedisTarget(),
    signal: interrupt.signal,
    onProgress: (f) => progress.update(f),
    onWaitingForWorkers: () =>
      process.stderr.write('hotline: waiting for workers: start one with `npm run worker`\n'),
  };
}
