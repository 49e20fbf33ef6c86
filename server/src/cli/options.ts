import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_REDIS_URL } from '../experiments/default-redis-url';

// The CLI's argument parsers and its experiments-queue options, shared by its commands. Only
// commander and constants here: the CLI registers its commands from this before it loads the model.

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

/** `--kpis a,b,c`: the names as given (checked against the KPI catalogue by the command, see kpi-list.ts). */
export function kpiListArg(text: string): string[] {
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0)
    throw new InvalidArgumentError('kpis must name at least one KPI, e.g. resolutionRate');
  return names;
}

/** The `--kpis` option's help, the same on every command that tabulates KPIs. */
export const KPIS_OPTION_HELP = 'KPI columns to print, comma-separated, e.g. resolutionRate,satisfactionRate';

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

/** A repeatable option's values in the order given (`--set a=1 --set b=2`). */
export const collect = (value: string, previous: readonly string[] = []): string[] => [...previous, value];
