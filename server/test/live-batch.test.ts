import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineApply, type ApplyClient } from '../src/appeals/appeal-record';
import { applyAppealBatch, type AppealJob } from '../src/live/appeal-job';
import { runKeys } from '../src/live/keys';
import { startTestRedis, type TestRedis } from './helpers/redis';

/** A stage-queue job carries a batch of appeals: each checked and applied on its own, in one pipeline. */
describe('applyAppealBatch', () => {
  let redis: TestRedis;
  let client: ApplyClient;
  const run = 'batchrun';
  const k = runKeys(run);

  const job = (id: number, from: AppealJob['steps'][number]['from'], to: string, seq = 0): AppealJob => ({
    run,
    key: `${id}:${seq}`,
    id,
    source: 'citizen',
    category: 1,
    street: 2,
    cell: 3,
    deadline: null,
    clock: 60,
    releasedAt: Date.now(),
    steps: [{ seq, from, to: to as AppealJob['steps'][number]['to'], at: 50 + id, unit: -1 }],
  });

  beforeAll(async () => {
    redis = await startTestRedis();
    client = defineApply(new Redis(redis.url));
  }, 60_000);

  afterAll(async () => {
    client?.disconnect();
    await redis?.stop();
  });

  it('applies every legal appeal of a batch, fails on the illegal one, and re-applies nothing', async () => {
    const jobs = [job(1, null, 'received'), job(2, null, 'signed'), job(3, null, 'received')];
    await client.sadd(k.pending, ...jobs.map((j) => j.key));
    // Appeal 2 cannot enter the lifecycle at `signed`: the batch fails naming it, after the others.
    await expect(applyAppealBatch(client, { run, jobs })).rejects.toThrow(/appeal 2 cannot enter at signed/);
    expect(await client.hget(k.appeal(1), 'state')).toBe('received');
    expect(await client.hget(k.appeal(3), 'state')).toBe('received');
    expect(await client.exists(k.appeal(2))).toBe(0);
    expect((await client.smembers(k.pending)).sort()).toEqual(['2:0']);

    // A retry of the legal ones (as BullMQ's) applies no step twice.
    expect(await applyAppealBatch(client, { run, jobs: [jobs[0], jobs[2]] as AppealJob[] })).toBe(0);
    expect(await client.llen(k.history(1))).toBe(1);

    // A later tick's batch moves both on, each by its own script: 2 steps applied.
    const next = [job(1, 'received', 'dispatched', 1), job(3, 'received', 'answered', 1)];
    expect(await applyAppealBatch(client, { run, jobs: next })).toBe(2);
    expect(await client.hget(k.appeal(1), 'state')).toBe('dispatched');
    expect(await client.hget(k.appeal(3), 'state')).toBe('answered');
    expect(await client.llen(k.history(3))).toBe(2);
  });

  it('fails on a step whose stored state disagrees (the script refuses it), after applying the rest', async () => {
    const jobs = [job(4, null, 'received'), job(1, 'received', 'dispatched', 1)];
    // Appeal 1 is dispatched by now; a job from `received` at seq 1 is a replay the script skips.
    expect(await applyAppealBatch(client, { run, jobs })).toBe(1);
    const stale = [job(5, null, 'received'), job(3, 'dispatched', 'signed', 2)];
    await expect(applyAppealBatch(client, { run, jobs: stale })).rejects.toThrow(/appeal 3/);
    expect(await client.hget(k.appeal(5), 'state')).toBe('received');
    expect(await client.hget(k.appeal(3), 'state')).toBe('answered');
  });
});
