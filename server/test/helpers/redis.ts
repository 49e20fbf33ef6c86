import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnRedis, type SpawnRedisOptions, type SpawnedRedis } from '../../src/redis/spawn-redis';

/** A private redis-server for one test file, on a free port, with its data in a temporary directory. */
export interface TestRedis {
  readonly url: string;
  readonly port: number;
  readonly dir: string;
  /** Kill -9 the server and start it again on the same port and data (AOF replay). */
  crashAndRestart(): Promise<void>;
  /** SIGKILL only (call `start()` to bring it back). */
  kill(): Promise<void>;
  start(): Promise<void>;
  /** Stop the server and delete its data. */
  stop(): Promise<void>;
}

export async function startTestRedis(
  options: Pick<SpawnRedisOptions, 'appendonly' | 'appendfsync'> = {},
): Promise<TestRedis> {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-redis-'));
  let server: SpawnedRedis = await spawnRedis({ dir, appendfsync: 'always', ...options });
  const port = server.port;
  return {
    url: server.url,
    port,
    dir,
    async kill() {
      await server.kill();
    },
    async start() {
      server = await spawnRedis({ dir, port, appendfsync: 'always', ...options });
    },
    async crashAndRestart() {
      await server.kill();
      server = await spawnRedis({ dir, port, appendfsync: 'always', ...options });
    },
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
