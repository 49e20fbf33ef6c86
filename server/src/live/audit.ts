import { APPEAL_STATES, canTransition, type AppealState } from '@hotline-sim/shared';
import type { Redis } from 'ioredis';
import { decodeAppeal, decodeHistory, type StoredAppeal } from '../appeals/appeal-record';
import { runKeys } from './keys';

/** What `hotline audit <runId>` and GET /api/runs/:id/audit report. */
export interface AuditResult {
  run: string;
  ok: boolean;
  /** Appeals stored, and appeals the run's model created (they must match). */
  appeals: number;
  created: number;
  transitions: number;
  states: Partial<Record<AppealState, number>>;
  /** Each problem names the appeal and what is wrong (at most 100 listed). */
  problems: string[];
  problemCount: number;
}

const BATCH = 500;
const ENTRY_STATES = new Set<AppealState>(['received', 'dispatched']);

/**
 * Check a run's stored appeals: each created exactly once, in exactly one state index (the state its
 * record and the end of its history name), with a gap-free history (seq 0, 1, 2 … each step legal
 * and starting where the last ended), and as many appeals as the model created.
 */
export async function auditRun(redis: Redis, runId: string): Promise<AuditResult> {
  const k = runKeys(runId);
  const problems: string[] = [];
  let problemCount = 0;
  const problem = (text: string) => {
    problemCount++;
    if (problems.length < 100) problems.push(text);
  };
  const states: Partial<Record<AppealState, number>> = {};
  const all = await redis.zrange(k.all, '0', '-1');
  if (new Set(all).size !== all.length) problem('an appeal id appears twice in the index');
  let transitions = 0;
  for (let i = 0; i < all.length; i += BATCH) {
    const ids = all.slice(i, i + BATCH);
    const pipe = redis.pipeline();
    for (const id of ids) {
      pipe.hgetall(k.appeal(id));
      pipe.lrange(k.history(id), 0, -1);
      for (const s of APPEAL_STATES) pipe.zscore(k.state(s), id);
    }
    const out = (await pipe.exec()) ?? [];
    const per = 2 + APPEAL_STATES.length;
    ids.forEach((id, j) => {
      const at = (n: number) => out[j * per + n]?.[1];
      const hash = at(0) as Record<string, string>;
      const history = decodeHistory(at(1) as string[]);
      const inStates = APPEAL_STATES.filter((_, s) => at(2 + s) !== null);
      transitions += history.length;
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
      states[state] = (states[state] ?? 0) + 1;
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
  const [created, counted] = await Promise.all([redis.hget(k.meta, 'appeals'), redis.hgetall(k.states)]);
  for (const s of APPEAL_STATES) {
    const n = Number(counted[s] ?? 0);
    if (n !== (states[s] ?? 0)) problem(`state counter ${s} says ${n}, the records ${states[s] ?? 0}`);
  }
  if (Number(created ?? 0) !== all.length)
    problem(`the model created ${created} appeals, ${all.length} are stored`);
  return {
    run: runId,
    ok: problemCount === 0,
    appeals: all.length,
    created: Number(created ?? 0),
    transitions,
    states,
    problems,
    problemCount,
  };
}
