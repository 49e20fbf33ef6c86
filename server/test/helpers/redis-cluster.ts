import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import type { ClusterAddress } from '../../src/redis/client';
import { freePort, spawnRedis, type SpawnedRedis } from '../../src/redis/spawn-redis';

const run = promisify(execFile);

/** A Redis Cluster of private redis-servers on loopback for one test file. */
export interface TestCluster {
  /** The masters' addresses, as REDIS_CLUSTER_NODES lists them. */
  readonly nodes: readonly ClusterAddress[];
  /** `127.0.0.1:P1,127.0.0.1:P2,…`: the value of REDIS_CLUSTER_NODES. */
  readonly env: string;
  /** A plain client per master (DBSIZE, CLUSTER INFO: what each node holds). */
  masters(): Redis[];
  /** Stop every node and delete their data. */
  stop(): Promise<void>;
}

/**
 * Start `masters` redis-servers with cluster mode on (no persistence; each with its own bus port,
 * since `port + 10000` may not exist for a high free port), join them with
 * `redis-cli --cluster create … --cluster-replicas 0`, and wait until every node reports
 * `cluster_state:ok`.
 */
export async function startTestCluster(masters = 3): Promise<TestCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-cluster-'));
  const servers: SpawnedRedis[] = [];
  const clients: Redis[] = [];
  const stop = async () => {
    for (const c of clients) c.disconnect();
    await Promise.all(servers.map((s) => s.stop()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 0; i < masters; i++) {
      const port = await freePort();
      servers.push(
        await spawnRedis({
          dir,
          port,
          appendonly: false,
          extraArgs: [
            '--cluster-enabled',
            'yes',
            '--cluster-config-file',
            `nodes-${port}.conf`,
            '--cluster-port',
            String(await freePort()),
          ],
        }),
      );
    }
    const addresses = servers.map((s) => `127.0.0.1:${s.port}`);
    await run('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes']);
    for (const s of servers) clients.push(new Redis(s.url, { maxRetriesPerRequest: 1 }));
    const deadline = Date.now() + 20_000;
    for (;;) {
      const infos = await Promise.all(clients.map((c) => c.cluster('INFO')));
      if (infos.every((info) => String(info).includes('cluster_state:ok'))) break;
      if (Date.now() > deadline) throw new Error(`the cluster is not ok after 20 s: ${String(infos[0])}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    await stop();
    throw err;
  }
  const nodes = servers.map((s) => ({ host: '127.0.0.1', port: s.port }));
  return {
    nodes,
    env: nodes.map((n) => `${n.host}:${n.port}`).join(','),
    masters: () => clients,
    stop,
  };
}
