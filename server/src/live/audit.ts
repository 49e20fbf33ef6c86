import {
  APPEAL_STATES,
  LiveRun,
  canTransition,
  validateScenario,
  type AppealState,
  type LiveInput,
} from '@hotline-sim/shared';
import type { RedisClient } from '../redis/client';
import { decodeAppeal, decodeHistory, type StoredAppeal } from '../appeals/appeal-record';
import { runKeys } from './keys';

/** What `hotline audit <runId>` and GET /api/runs/:id/audit report. */
export interface AuditResult {
  run: string;
  ok: boolean;
  /**
   * The virtual time the counts refer to: the run's last settled tick (every step released up to
   * it applied, none after it counted). A running run keeps moving while it is audited.
   */
  virtualTime: number;
  /** Appeals stored as of `virtualTime`, and appeals the run's model had created by then (they must match). */
  appeals: number;
  created: number;
  /** Steps applied as of `virtualTime`. */
  transitions: number;
  /** Appeals in each state as of `virtualTime`. */
  states: Partial<Record<AppealState, number>>;
  /**
   * Steps before `virtualTime` that replaying the run's input log (scenario, seed, injects, appeals,
   * decisions, lever changes) gives; they must equal the stored ones, state by state.
   */
  replayedSteps: number;
  /** Each problem names the appeal and what is wrong (at most 100 listed). */
  problems: string[];
  problemCount: number;
}

const BATCH = 500;
const ENTRY_STATES = new Set<AppealState>(['received', 'dispatched']);

/**
 * Check a run's stored appeals: each created exactly once, in exactly one state index (the state its
 * record and the end of its history name), with a gap-free history (seq 0, 1, 2 … each step legal
 * and starting where the last ended), the state counters equal to the indexes, and as many appeals
 * as the model created.
 *
 * A running run moves while it is read, so nothing is compared across reads taken at different
 * moments: the counters against the indexes in one transaction; each appeal's record, history and
 * index memberships in one transaction per batch; and the model's count against the appeals stored
 * by the tick it was written at (`settledVt` and `appeals` are written together once a tick's steps
 * are all applied, and every history entry carries the tick that released it).
 */
export async function auditRun(redis: RedisClient, runId: string): Promise<AuditResult> {
  const k = runKeys(runId);
  const problems: string[] = [];
  let problemCount = 0;
  const problem = (text: string) => {
    problemCount++;
    if (problems.length < 100) problems.push(text);
  };

  // One moment: the settled tick with the model's count, the counters and the index sizes.
  const snapshot = redis.multi().hmget(k.meta, 'settledVt', 'appeals').hgetall(k.states).zcard(k.all);
  for (const s of APPEAL_STATES) snapshot.zcard(k.state(s));
  const moment = (await snapshot.exec()) ?? [];
  for (const [err] of moment) if (err) throw err;
  const value = (n: number) => moment[n]?.[1];
  const [settledText, createdText] = value(0) as (string | null)[];
  const settled = Number(settledText ?? 0);
  const created = Number(createdText ?? 0);
  const counted = value(1) as Record<string, string>;
  let indexed = 0;
  APPEAL_STATES.forEach((s, i) => {
    const size = Number(value(3 + i));
    indexed += size;
    const n = Number(counted[s] ?? 0);
    if (n !== size) problem(`state counter ${s} says ${n}, its index holds ${size}`);
  });
  if (indexed !== Number(value(2)))
    problem(`the state indexes hold ${indexed} appeals, the index of all ${Number(value(2))}`);

  // Read after the moment, so it holds every appeal stored by the settled tick (and maybe newer ones).
  const all = await redis.zrange(k.all, '0', '-1');
  if (new Set(all).size !== all.length) problem('an appeal id appears twice in the index');
  const states: Partial<Record<AppealState, number>> = {};
  let transitions = 0;
  let stored = 0;
  // Steps strictly before the settled tick, per state reached: a replay of the log must give the same.
  const before = new Map<AppealState, number>();
  for (let i = 0; i < all.length; i += BATCH) {
    const ids = all.slice(i, i + BATCH);
    const batch = redis.multi();
    for (const id of ids) {
      batch.hgetall(k.appeal(id));
      batch.lrange(k.history(id), 0, -1);
      for (const s of APPEAL_STATES) batch.zscore(k.state(s), id);
    }
    const out = (await batch.exec()) ?? [];
    const per = 2 + APPEAL_STATES.length;
    ids.forEach((id, j) => {
      const at = (n: number) => out[j * per + n]?.[1];
      const hash = at(0) as Record<string, string>;
      const history = decodeHistory(at(1) as string[]);
      const inStates = APPEAL_STATES.filter((_, s) => at(2 + s) !== null);
      // The appeal as of the settled tick: the steps released by then (none: created later).
      const then = history.filter((h) => h.clock <= settled);
      for (const h of then) if (h.at < settled) before.set(h.to, (before.get(h.to) ?? 0) + 1);
      const last = then[then.length - 1];
      if (last) {
        stored++;
        transitions += then.length;
        states[last.to] = (states[last.to] ?? 0) + 1;
      }
      if (inStates.length !== 1)
        problem(`appeal ${id} is indexed in ${inStates.length} states (${inStates.join(', ')})`);
      let record: StoredAppeal | undefined;
      try {
        record = decodeAppeal(Number(id), hash);
      } catch (err) {
        return problem(err instanceof Error ? err.message : String(err));
      }
      if (!record) return problem(`appeal ${id} has no record`);
      const state = record.state;
      if (inStates[0] !== state) problem(`appeal ${id} is ${state} but indexed as ${inStates.join(', ')}`);
      let prev: AppealState | null = null;
      history.forEach((h, seq) => {
        if (h.seq !== seq)
          problem(`appeal ${id}: history entry ${seq} has seq ${h.seq} (a gap or a duplicate)`);
        if (
          seq === 0
            ? h.from !== null || !ENTRY_STATES.has(h.to)
            : h.from !== prev || !canTransition(prev as AppealState, h.to)
        )
          problem(`appeal ${id}: step ${seq} ${h.from} → ${h.to} does not follow ${prev}`);
        prev = h.to;
      });
      if (prev !== state) problem(`appeal ${id}: history ends at ${prev} but the record says ${state}`);
      if (record.seq !== history.length - 1)
        problem(`appeal ${id}: record seq ${record.seq}, history of ${history.length}`);
    });
  }
  if (created !== stored)
    problem(`the model created ${created} appeals by virtual second ${settled}, ${stored} are stored`);
  const replayedSteps = await replaySteps(redis, runId, settled, before, problem);
  return {
    run: runId,
    ok: problemCount === 0,
    virtualTime: settled,
    appeals: stored,
    created,
    transitions,
    states,
    replayedSteps,
    problems,
    problemCount,
  };
}

/**
 * Replay the run from its log up to `settled` and compare its steps before that second with the
 * stored ones (`stored`, per state reached). Inputs at the settled second itself may still be on
 * their way into the model, so the comparison stops short of it. Returns the replay's step count.
 */
async function replaySteps(
  redis: RedisClient,
  runId: string,
  settled: number,
  stored: ReadonlyMap<AppealState, number>,
  problem: (text: string) => void,
): Promise<number> {
  const k = runKeys(runId);
  const [[scenarioText, seedText], inputs] = await Promise.all([
    redis.hmget(k.meta, 'scenario', 'seed'),
    redis.lrange(k.inputs, 0, -1),
  ]);
  if (!scenarioText) return 0;
  const live = new LiveRun(
    validateScenario(JSON.parse(scenarioText), `run ${runId}'s scenario`),
    Number(seedText ?? 0),
    inputs.map((text) => JSON.parse(text) as LiveInput),
  );
  const replayed = new Map<AppealState, number>();
  let steps = 0;
  for (const group of live.advanceTo(settled)) {
    for (const step of group) {
      if (step.at >= settled) continue;
      steps++;
      replayed.set(step.to, (replayed.get(step.to) ?? 0) + 1);
    }
  }
  for (const s of APPEAL_STATES) {
    const a = stored.get(s) ?? 0;
    const b = replayed.get(s) ?? 0;
    if (a !== b)
      problem(
        `replaying the input log gives ${b} steps to ${s} before virtual second ${settled}, ${a} are stored`,
      );
  }
  return steps;
}
