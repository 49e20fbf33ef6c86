import { randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { beijingToday } from './wall-clock';
import {
  APPEAL_STATES,
  DEFAULT_CITY_KEY,
  LiveRun,
  validateScenario,
  type AppealState,
  type CreateRunBody,
  type ExternalAppealInput,
  type Inject,
  type LiveInput,
  type Report,
  type RunInfo,
  type RunStatus,
  type SeatEvent,
  type OpenAppeals,
  type Scenario,
  type SeriesPoint,
} from '@hotline-sim/shared';
import { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { AppealBatch } from './appeal-job';
import { AppealStore, AppealViews } from '../appeals';
import { FiledRequests } from '../open311/filed-requests';
import { ApiError, notFound } from '../http/errors';
import { RUNS_KEY, runKeys } from './keys';
import { inCity, infoOf, resolveScenario } from './run-info';
import { fileInput } from './run-inputs';
import { RunOwner } from './run-owner';
import type { TickResult } from './tick-result';
import { RunLevers } from './run-levers';
import { RunSeats } from './run-seats';
import { InjectSchedule } from './schedule';
import { STAGES, queueName, type Stage } from './stages';
import { bullConnection, bullPrefix, type RedisClient, type RedisTarget } from '../redis/client';

/** Where finished runs are kept for good (the SQLite store). */
export interface RunArchive {
  saveRun(run: {
    id: string;
    scenarioName: string;
    scenario: unknown;
    seed: number;
    speed: number;
    status: RunStatus;
    createdAt: string;
  }): void;
  finishRun(id: string, status: 'finished' | 'stopped', report: unknown, finishedAt: string): void;
}

export interface RunManagerDeps {
  /** The server's client. */
  redis: RedisClient;
  /** Where that client connects: each stage queue gets a connection of its own there. */
  target: RedisTarget;
  logger: Logger;
  tickMs: number;
  archive?: RunArchive;
  /** Called when a run this server owns has ended (training results are recorded then). */
  onRunEnd?: (runId: string, status: 'finished' | 'stopped') => void;
  /** Called after every settled tick of a run this server owns (the realtime layer broadcasts it). */
  onTick?: (tick: TickResult) => void;
  /** Ownership expiry: another server takes a run over this long after its owner went silent. @defaultValue 5000 */
  lockMs?: number;
  /** Models of runs this server does not own, kept for lookups (least recently used dropped). @defaultValue 4 */
  modelCache?: number;
}

/**
 * Creates and controls live runs. Run state lives in Redis, so any server can answer for any run;
 * the clock of each run is driven by the one server holding its lock (a `RunOwner`). Every second
 * this server looks for runs nobody owns (a server died, or restarted) and takes them over by
 * replaying their inputs from the scenario and seed.
 */
export class RunManager {
  readonly serverId = randomUUID();
  private readonly owners = new Map<string, RunOwner>();
  readonly queues: Record<Stage, Queue<AppealBatch>>;
  private readonly queueConnections: (() => void)[] = [];
  private scan: NodeJS.Timeout | undefined;
  private closing = false;
  /** Scenario per run, parsed once; a bounded number (a server answers for runs without end). */
  private readonly scenarios = new LRUCache<string, Scenario>({ max: 256 });
  /**
   * Models of runs this server does not own, built to look names up in (tens of MB each): the least
   * recently used go beyond `modelCache`, and are rebuilt from the scenario when asked again.
   */
  private readonly lookups: LRUCache<string, LiveRun>;

  /** Each run's injects to come (an exercise's script), editable while it runs. */
  readonly schedule = new InjectSchedule(this);
  /** Each run's levers: changes during the run (instructors') and their values now. */
  readonly levers = new RunLevers(this);
  /** Decisions at each run's training seats (trainees' and the review and callback desks'). */
  readonly seats = new RunSeats(this);
  /** The runs' stored appeals (records, pages, external tokens). */
  readonly appealStore: AppealStore;
  /** The runs' appeals as the API shows them. */
  readonly appealViews: AppealViews;

  constructor(private readonly deps: RunManagerDeps) {
    this.queues = Object.fromEntries(
      STAGES.map((s) => [
        s,
        new Queue<AppealBatch>(queueName(s), {
          connection: this.queueClient(`hotline-queue-${s}`),
          prefix: bullPrefix(queueName(s)),
        }),
      ]),
    ) as Record<Stage, Queue<AppealBatch>>;
    this.lookups = new LRUCache({ max: deps.modelCache ?? 4 });
    this.appealStore = new AppealStore(deps.redis);
    const filed = new FiledRequests(deps.redis);
    this.appealViews = new AppealViews({
      store: this.appealStore,
      lookup: (id) => this.lookup(id),
      seedOf: async (id) => Number((await deps.redis.hget(runKeys(id).meta, 'seed')) ?? 0),
      ownWords: (token) => filed.description(token),
    });
  }

  /** A connection for one stage queue, ended by close(). */
  private queueClient(name: string) {
    const { connection, close } = bullConnection(this.deps.target, name);
    this.queueConnections.push(close);
    return connection;
  }

  /** How many models of runs this server does not own it keeps for lookups now (≤ `modelCache`). */
  get cachedModels(): number {
    return this.lookups.size;
  }

  get redis(): RedisClient {
    return this.deps.redis;
  }

  /** Take over orphaned runs now and every second from now on. */
  async start(): Promise<void> {
    await this.adoptOrphans();
    this.scan = setInterval(() => {
      this.adoptOrphans().catch((err: unknown) =>
        this.deps.logger.warn({ err }, 'scan for orphaned runs failed'),
      );
    }, 1_000);
  }

  async close(): Promise<void> {
    this.closing = true;
    if (this.scan) clearInterval(this.scan);
    await Promise.all([...this.owners.values()].map((o) => o.close(true)));
    this.owners.clear();
    await Promise.all(Object.values(this.queues).map((q) => q.close()));
    for (const close of this.queueConnections) close();
  }

  /** Owners this server runs right now (tests, shutdown). */
  ownedRuns(): string[] {
    return [...this.owners.keys()];
  }

  async create(body: {
    scenario: CreateRunBody['scenario'];
    speed: number;
    seed?: number | undefined;
    paused: boolean;
    clock?: RunInfo['clock'];
    /** Virtual hour to start watching from: the hours before it play at full pace (see createRunSchema). */
    startHour?: number | undefined;
    /** The city to run the scenario in, instead of its own (a key of `GET /api/cities`). */
    city?: string | undefined;
  }): Promise<RunInfo> {
    const wall = body.clock === 'wall';
    const startHour = body.startHour ?? 0;
    const resolved = inCity(resolveScenario(body.scenario), body.city);
    // Anchored to the wall clock: the scenario starts today, and its virtual time is Beijing time.
    const scenario = wall ? { ...resolved, start: beijingToday() } : resolved;
    const speed = wall ? 1 : body.speed;
    if (!scenario.lifecycle) {
      throw new ApiError(
        422,
        `scenario "${scenario.name}" has no lifecycle section: a live run needs appeals to route (try beijing-weekday)`,
      );
    }
    const id = randomUUID().slice(0, 8);
    const seed = body.seed ?? scenario.seed;
    const createdAt = new Date().toISOString();
    const status: RunStatus = body.paused ? 'paused' : 'running';
    const live = new LiveRun(scenario, seed);
    const k = runKeys(id);
    // The run's meta first, then the index (another slot on a cluster): a listed run always has meta.
    await this.deps.redis.hset(k.meta, {
      scenario: JSON.stringify(scenario),
      scenarioName: scenario.name,
      city: scenario.city ?? DEFAULT_CITY_KEY,
      seed,
      speed,
      clock: wall ? 'wall' : 'virtual',
      status,
      createdAt,
      vt: 0,
      settledVt: 0,
      horizon: live.horizon,
      start: scenario.start,
      fastForwardTo: Math.min(startHour * 3600, live.horizon),
      appeals: 0,
      transitions: 0,
      effectiveSpeed: 0,
    });
    await this.deps.redis.zadd(RUNS_KEY, Date.now(), id);
    this.deps.archive?.saveRun({
      id,
      scenarioName: scenario.name,
      scenario,
      seed,
      speed,
      status,
      createdAt,
    });
    await this.own(id, live);
    return this.info(id);
  }

  async list(): Promise<RunInfo[]> {
    const ids = await this.deps.redis.zrevrange(RUNS_KEY, 0, -1);
    const runs = await Promise.all(ids.map((id) => this.get(id)));
    return runs.filter((r): r is RunInfo => r !== undefined);
  }

  async get(id: string): Promise<RunInfo | undefined> {
    const meta = await this.deps.redis.hgetall(runKeys(id).meta);
    return meta.scenarioName === undefined ? undefined : infoOf(id, meta);
  }

  async info(id: string): Promise<RunInfo> {
    const run = await this.get(id);
    if (!run) throw notFound(`run "${id}"`);
    return run;
  }

  async pause(id: string): Promise<RunInfo> {
    return this.setStatus(id, 'paused', ['running']);
  }

  async resume(id: string): Promise<RunInfo> {
    return this.setStatus(id, 'running', ['paused']);
  }

  async stop(id: string): Promise<RunInfo> {
    const run = await this.setStatus(id, 'stopped', ['running', 'paused']);
    // Wait until the owner has closed the run, so the reply shows its final state.
    for (let i = 0; i < 200; i++) {
      const meta = await this.deps.redis.hmget(runKeys(id).meta, 'finishedAt');
      if (meta[0]) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    return { ...run, ...(await this.get(id)) };
  }

  async setSpeed(id: string, speed: number): Promise<RunInfo> {
    const run = await this.info(id);
    if (run.status === 'finished' || run.status === 'stopped')
      throw new ApiError(409, `run "${id}" is ${run.status}: its speed cannot change`);
    if (run.clock === 'wall')
      throw new ApiError(409, `run "${id}" keeps the wall clock (×1): its speed cannot change`);
    await this.deps.redis.hset(runKeys(id).meta, 'speed', speed);
    this.owners.get(id)?.poke();
    return this.info(id);
  }

  /** An inject fired now: it enters the run's input log at the owner's next tick. */
  async inject(id: string, inject: Inject): Promise<RunInfo> {
    const run = await this.checkInject(id, inject);
    await this.deps.redis.rpush(runKeys(id).inbox, JSON.stringify(inject));
    this.poke(id);
    return run;
  }

  /** The run, if it can take this inject: not ended, and an outage names one of its units. */
  async checkInject(id: string, inject: Inject): Promise<RunInfo> {
    const run = await this.info(id);
    if (run.status === 'finished' || run.status === 'stopped')
      throw new ApiError(409, `run "${id}" is ${run.status}: nothing can be injected`);
    if (inject.kind === 'outage') {
      const city = this.cityOf(id, await this.scenarioOf(id));
      if (!city.model.city.unitById.has(inject.unitId))
        throw new ApiError(422, `unknown unit "${inject.unitId}" for the outage`);
    }
    return run;
  }

  /** Make the run's owner (if this server holds it) look at its inbox now rather than at its next tick. */
  poke(id: string): void {
    this.owners.get(id)?.poke();
  }

  /**
   * An appeal filed from outside (Open311): it enters the run's input log when the run's owner takes
   * its inbox, which gives it its id and maps its token to it (`runKeys(id).tokens`). `record` (the
   * channel's copy of the request, under `recordKey`, keyed by token alone and so on another cluster
   * slot than the run's keys) is written first, then one script checks the run's status and puts the
   * appeal in its inbox: an appeal in the inbox always has its record, and a run that takes no
   * appeals leaves none (the record is removed). When this server owns the running run, its owner
   * takes the inbox at once ({@link RunOwner.admit}) and the id comes back; otherwise it is null, and
   * the token maps to the id at the owner's next tick. Also returns the run's status as it was filed.
   */
  async fileAppeal(
    id: string,
    appeal: ExternalAppealInput,
    recordKey: string,
    record: Record<string, string>,
  ): Promise<{ status: 'running' | 'paused'; appealId: number | null }> {
    const k = runKeys(id);
    const input = JSON.stringify({ kind: 'appeal', appeal });
    // Sent together (one round trip): the record is written before the POST answers either way.
    const [, status] = await Promise.all([
      this.deps.redis.hset(recordKey, record),
      fileInput(this.deps.redis, k, input),
    ]);
    if (status === null || status === 'finished' || status === 'stopped')
      await this.deps.redis.del(recordKey);
    if (status === null) throw notFound(`run "${id}"`);
    if (status === 'finished' || status === 'stopped')
      throw new ApiError(409, `run "${id}" is ${status}: it takes no more appeals`);
    if (status !== 'running') return { status: 'paused', appealId: null };
    return { status, appealId: (await this.owners.get(id)?.admit(appeal.token)) ?? null };
  }

  /** The run's model, to look up the city, its units and categories (not to drive it). */
  async lookup(id: string): Promise<LiveRun> {
    return this.cityOf(id, await this.scenarioOf(id));
  }

  async report(id: string): Promise<Report | null> {
    await this.info(id);
    const text = await this.deps.redis.get(runKeys(id).report);
    return text ? (JSON.parse(text) as Report) : null;
  }

  /** Open appeals per street and unit kind, as of the latest report; null before the first. */
  async open(id: string): Promise<OpenAppeals | null> {
    await this.info(id);
    const text = await this.deps.redis.get(runKeys(id).open);
    return text ? (JSON.parse(text) as OpenAppeals) : null;
  }

  /** Everything that happened at the run's training seats so far, in time order. */
  async seatEvents(id: string): Promise<SeatEvent[]> {
    await this.info(id);
    const items = await this.deps.redis.lrange(runKeys(id).seatEvents, 0, -1);
    return items.map((text) => JSON.parse(text) as SeatEvent);
  }

  /** The run's series points (one per virtual hour), oldest first. */
  async series(id: string): Promise<SeriesPoint[]> {
    await this.info(id);
    const items = await this.deps.redis.lrange(runKeys(id).series, 0, -1);
    return items.map((text) => JSON.parse(text) as SeriesPoint);
  }

  async states(id: string): Promise<Partial<Record<AppealState, number>>> {
    const raw = await this.deps.redis.hgetall(runKeys(id).states);
    const out: Partial<Record<AppealState, number>> = {};
    for (const s of APPEAL_STATES) if (raw[s] !== undefined && Number(raw[s]) !== 0) out[s] = Number(raw[s]);
    return out;
  }

  // ─── ownership ──────────────────────────────────────────────────────────────

  private async setStatus(id: string, status: RunStatus, from: RunStatus[]): Promise<RunInfo> {
    const run = await this.info(id);
    if (!from.includes(run.status)) {
      throw new ApiError(
        409,
        `run "${id}" is ${run.status}; it can be made ${status} only when ${from.join(' or ')}`,
      );
    }
    await this.deps.redis.hset(runKeys(id).meta, 'status', status);
    this.owners.get(id)?.poke();
    return this.info(id);
  }

  /** The run's scenario as it was created (parsed once per server). */
  async scenarioOf(id: string): Promise<Scenario> {
    const cached = this.scenarios.get(id);
    if (cached) return cached;
    const text = await this.deps.redis.hget(runKeys(id).meta, 'scenario');
    if (!text) throw notFound(`run "${id}"`);
    const scenario = validateScenario(JSON.parse(text), `run ${id}'s scenario`);
    this.scenarios.set(id, scenario);
    return scenario;
  }

  /** A model to look names up in (city, units, categories) for runs this server does not own. */
  private cityOf(id: string, scenario: Scenario): LiveRun {
    const owned = this.owners.get(id);
    if (owned) return owned.live;
    let live = this.lookups.get(id);
    if (!live) {
      live = new LiveRun(scenario, scenario.seed);
      this.lookups.set(id, live);
    }
    return live;
  }

  private async adoptOrphans(): Promise<void> {
    if (this.closing) return;
    const ids = await this.deps.redis.zrange(RUNS_KEY, '0', '-1');
    for (const id of ids) {
      if (this.owners.has(id) || this.closing) continue;
      const [status, owner] = await Promise.all([
        this.deps.redis.hget(runKeys(id).meta, 'status'),
        this.deps.redis.get(runKeys(id).owner),
      ]);
      if ((status === 'running' || status === 'paused') && owner === null) await this.own(id);
    }
  }

  /**
   * Take a run: win its lock, rebuild its model by replaying the input log up to the last settled
   * tick (nothing is written while replaying), then let the owner re-release the tick in flight.
   */
  private async own(id: string, fresh?: LiveRun): Promise<boolean> {
    const k = runKeys(id);
    const lockMs = this.deps.lockMs ?? 5_000;
    const won = await this.deps.redis.set(k.owner, this.serverId, 'PX', lockMs, 'NX');
    if (won !== 'OK') return false;
    let live = fresh;
    let releasedVt = 0;
    if (!live) {
      const scenario = await this.scenarioOf(id);
      const [meta, inputs] = await Promise.all([
        this.deps.redis.hgetall(k.meta),
        this.deps.redis.lrange(k.inputs, 0, -1),
      ]);
      live = new LiveRun(
        scenario,
        Number(meta.seed),
        inputs.map((i) => JSON.parse(i) as LiveInput),
      );
      const settled = Number(meta.settledVt ?? 0);
      live.advanceTo(settled);
      // Seat events and lever changes up to the settled tick went out with it.
      live.takeSeatEvents();
      live.takeLeverChanges();
      releasedVt = Number(meta.vt ?? settled);
      this.deps.logger.info({ run: id, virtualTime: settled, appeals: live.created }, 'took the run over');
    }
    // Forget this owner (not a successor this server may already have) so the run can be adopted again.
    const forget = () => {
      if (this.owners.get(id) === owner) this.owners.delete(id);
    };
    const owner: RunOwner = new RunOwner({
      redis: this.deps.redis,
      queues: this.queues,
      runId: id,
      ownerId: this.serverId,
      live,
      tickMs: this.deps.tickMs,
      logger: this.deps.logger,
      lockMs,
      releasedVt,
      onTick: (t) => this.deps.onTick?.(t),
      onEnd: (status, report) => {
        this.deps.archive?.finishRun(id, status, report, new Date().toISOString());
        this.deps.onRunEnd?.(id, status);
        forget();
      },
      onFail: forget,
      onLost: forget,
    });
    this.owners.set(id, owner);
    owner.start();
    return true;
  }
}
