import {
  type AppealStep,
  type LiveInput,
  type LiveRun,
  type Report,
  type SeriesPoint,
  MAX_MOVES,
} from '@hotline-sim/shared';
import type { Queue } from 'bullmq';
import type { ChainableCommander } from 'ioredis';
import type { RedisClient } from '../redis/client';
import type { Logger } from 'pino';
import { toJob, type AppealBatch } from './appeal-job';
import { runKeys, type RunKeys } from './keys';
import { CLOCK_PAIR_EVERY, beijingMidnight, clockPair } from './wall-clock';
import { takeInbox, takeInputs } from './run-inputs';
import { StageRelease } from './stage-release';
import type { Stage } from './stages';
import { countByStage, movesOf, type TickResult } from './tick-result';

export interface RunOwnerDeps {
  redis: RedisClient;
  queues: Record<Stage, Queue<AppealBatch>>;
  runId: string;
  ownerId: string;
  live: LiveRun;
  tickMs: number;
  logger: Logger;
  /** Ownership lasts this long without renewal; another server may take the run over after. */
  lockMs: number;
  /** Virtual time the previous owner had released (a tick it may not have settled): released again first. */
  releasedVt: number;
  onTick: (tick: TickResult) => void;
  onEnd: (status: 'finished' | 'stopped', report: Report) => Promise<void> | void;
  /** The owner stopped on an error; its lock expires and a server (maybe this one) takes the run over. */
  onFail: (err: unknown) => void;
  /** The owner found its lock gone or taken and stopped; a server (maybe this one) takes the run over. */
  onLost: () => void;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const REPORT_EVERY_MS = 1_000;
/** Longest an admission waits for the tick that took its appeal to settle (then the POST answers the token alone). */
const TICK_WAIT_MS = 10_000;
/** Virtual seconds a catching-up tick (a wall-clock run, or a run's hours before its start hour) covers at most (before load shortens it). */
const CATCH_UP_SPAN = 3600;
/** Virtual seconds between series points. */
const SERIES_EVERY = 3_600;

/** Renew the lock only if we still hold it. */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) else return 0 end`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * The clock of one live run, held by one server at a time (a Redis lock with expiry). Each tick it
 * moves virtual time forward by at most speed × tick, fires the model's events up to there, releases
 * their transitions as jobs onto the stage queues, and waits until every one has been applied before
 * the next tick: the clock never runs ahead of unfinished work. Falling behind lowers the effective
 * speed instead of changing results; the model alone decides what happens, so machine load never does.
 */
export class RunOwner {
  private readonly keys: RunKeys;
  private readonly stages: StageRelease;
  private stopped = false;
  private loop: Promise<void> | undefined;
  /** Virtual time and wall time the pacing counts from; reset on resume, speed change and falling behind. */
  private anchor: { wall: number; vt: number } | undefined;
  private speed = 1;
  private readonly samples: { wall: number; vt: number }[] = [];
  private lastReport = 0;
  private wake: (() => void) | undefined;
  /** Virtual seconds the next tick covers at most (≤ speed × tick; shorter while workers are behind). */
  private span = 0;
  /** Series points exist up to this period (a restarted owner continues the list its predecessor kept). */
  private sampled: number;
  /** Points in the run's series list so far. */
  private points = 0;
  /** Beijing midnight of the start day (ms) of a run on the wall clock; undefined for a virtual clock. */
  private wallMidnight: number | undefined;
  /** Virtual second the run plays to at full pace before keeping its speed (its start hour); 0 for none. */
  private fastForwardTo = 0;
  /** The latest settled tick: virtual second and wall time. */
  private lastTick = { vt: 0, wall: 0 };
  /** Clock pairs to store with the next tick's writes. */
  private readonly clockPairs: string[] = [];
  /**
   * Virtual second of the log's last input when this owner started: inputs taken from the inbox are
   * stamped no earlier (a predecessor may have logged inputs past the tick it settled).
   */
  private logEnd = 0;
  /** The run was running at the loop's latest look: only then does {@link admit} take the inbox. */
  private running = false;
  /** Takes of the inbox one after another; a tick's take and advance is one turn, so the model never advances mid-take. */
  private turn: Promise<unknown> = Promise.resolve();
  /**
   * The admission take queued behind the turn in progress, which every {@link admit} meanwhile waits
   * for: the ids of the external appeals it logged, by token.
   */
  private queued: Promise<Map<string, number>> | undefined;
  /** Steps released by admissions since the last tick: the next tick shows them (moves, whistles). */
  private admitted: AppealStep[][] = [];
  /**
   * The external appeals the tick in progress took from the inbox (token → id) and when its jobs
   * are applied: an admission whose appeal that tick took first answers its id once it is stored.
   */
  private tickTaken: { ids: Map<string, number>; settled: Promise<boolean> } | undefined;
  /** A tick is between its advance and its last write (which stores the appeals created, admissions' too). */
  private inTick = false;
  /** The count of appeals created last written to the run's meta. */
  private createdStored = 0;
  /** An admission take failed: the loop stops on it as on a failed tick (the model may lack what the log got). */
  private failed: { err: unknown } | undefined;

  constructor(private readonly deps: RunOwnerDeps) {
    this.keys = runKeys(deps.runId);
    this.stages = new StageRelease({
      ...deps,
      keys: this.keys,
      categories: deps.live.model.city.categories,
      stopped: () => this.stopped,
    });
    this.sampled = Math.floor(deps.live.now / SERIES_EVERY);
  }

  get runId(): string {
    return this.deps.runId;
  }

  get live(): LiveRun {
    return this.deps.live;
  }

  start(): void {
    this.loop ??= this.run()
      .finally(() => {
        this.running = false;
      })
      .catch((err: unknown) => {
        this.deps.logger.error(
          { run: this.deps.runId, err },
          'run owner failed; the run is taken over when its lock expires',
        );
        this.deps.onFail(err);
      });
  }

  /** Pause, speed and stop are read from Redis every tick; this makes the owner look now. */
  poke(): void {
    this.wake?.();
  }

  /**
   * Take the inbox now rather than at the next tick (an Open311 POST waits for its appeal's id). The
   * inputs are stamped with the released time, as the next tick would stamp them, so the log and the
   * run are the same as if they had waited, and their first steps are stored before this resolves
   * (a client reads the id it was given at once). Resolves, once a take that began after this call is done,
   * to the id that take logged for the external appeal filed with `token`; when the tick in progress
   * took it first, to that tick's id once the tick's jobs are applied (its first steps stored by the
   * stage workers, at most {@link TICK_WAIT_MS} later); null otherwise (the run is not running: a
   * paused run admits at its next tick). A failed take fails the owner as a failed tick does; the
   * appeal stays logged or in the inbox.
   */
  async admit(token: string): Promise<number | null> {
    if (!this.running || this.stopped || this.failed) return null;
    this.queued ??= this.inTurn(async () => {
      this.queued = undefined;
      const { live } = this.deps;
      const taken = this.stopped || this.failed ? [] : await takeInbox(this.inputDeps(), this.stamp());
      if (taken.length > 0 && this.stamp() <= live.now) {
        // Received now: their first steps are stored before the POST answers, so the id it gets can
        // be read at once, even if the run is paused before its next tick. Holding the turn until
        // they settle keeps each appeal's later steps behind them.
        const groups = live.advanceTo(live.now);
        const jobs = groups.map((steps) => toJob(this.deps.runId, steps, live.now, Date.now()));
        await this.stages.applyHere(jobs);
        this.admitted.push(...groups);
        // Between ticks the settled tick's count of appeals takes them in (the audit compares it with
        // the appeals stored by then); a tick in progress counts them when it ends.
        if (!this.inTick) await this.storeCreated();
      }
      return new Map(taken.flatMap((i) => (i.kind === 'appeal' ? [[i.appeal.token, i.id] as const] : [])));
    }).catch((err: unknown) => {
      this.failed ??= { err };
      this.poke();
      return new Map<string, number>();
    });
    const id = (await this.queued).get(token);
    if (id !== undefined) return id;
    const byTick = this.tickTaken;
    const taken = byTick?.ids.get(token);
    if (byTick === undefined || taken === undefined) return null;
    // Whether the tick's jobs were all applied (false: it failed or the owner stopped), within the bound.
    let timer: NodeJS.Timeout | undefined;
    const stored = await Promise.race([
      byTick.settled,
      new Promise<false>((r) => (timer = setTimeout(() => r(false), TICK_WAIT_MS))),
    ]);
    clearTimeout(timer);
    return stored && !this.stopped ? taken : null;
  }

  /** Run `work` after every turn before it has finished. */
  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const done = this.turn.then(work);
    this.turn = done.catch(() => undefined);
    return done;
  }

  /** Inputs taken now take effect at the released time, or at the log's end when that lies ahead. */
  private stamp(): number {
    return Math.max(this.deps.live.now, this.logEnd);
  }

  private inputDeps() {
    return { ...this.deps, keys: this.keys };
  }

  /** Stop ticking (the run stays in Redis for another owner), and give the lock up when asked. */
  async close(release = true): Promise<void> {
    this.stopped = true;
    this.poke();
    await this.loop;
    if (release) await this.deps.redis.eval(RELEASE, 1, this.keys.owner, this.deps.ownerId);
  }

  /**
   * The pacing counts from now (a start, a resume, a speed change, falling behind). The map of
   * virtual to wall time gets the moment the clock stopped and the moment it goes on again.
   */
  private restartClock(now: number): { wall: number; vt: number } {
    const vt = this.deps.live.now;
    this.anchor = { wall: now, vt };
    if (this.lastTick.wall > 0) this.clockPairs.push(clockPair(this.lastTick.vt, this.lastTick.wall));
    this.clockPairs.push(clockPair(vt, now));
    return this.anchor;
  }

  /** Add the clock pairs not yet stored to `multi` (a wall-clock run needs none: its virtual time is Beijing time). */
  private storeClockPairs(multi: ChainableCommander): ChainableCommander {
    const pairs = this.clockPairs.splice(0);
    return pairs.length > 0 && this.wallMidnight === undefined
      ? multi.rpush(this.keys.clock, ...pairs)
      : multi;
  }

  private async nap(ms: number): Promise<void> {
    await Promise.race([sleep(ms), new Promise<void>((r) => (this.wake = r))]);
    this.wake = undefined;
  }

  private async run(): Promise<void> {
    const { redis, live, tickMs } = this.deps;
    this.points = await redis.llen(this.keys.series);
    const last = await redis.lindex(this.keys.inputs, -1);
    this.logEnd = last === null ? 0 : (JSON.parse(last) as LiveInput).at;
    const [clock, start, fastForwardTo] = await redis.hmget(
      this.keys.meta,
      'clock',
      'start',
      'fastForwardTo',
    );
    if (clock === 'wall' && start) this.wallMidnight = beijingMidnight(start);
    this.fastForwardTo = Number(fastForwardTo ?? 0);
    if (this.deps.releasedVt > live.now && (await this.renew())) await this.tick(this.deps.releasedVt);
    while (!this.stopped) {
      if (this.failed) throw this.failed.err;
      if (!(await this.renew())) {
        // The lock expired (a stall longer than its expiry, Redis restarted from an AOF a second
        // behind): whoever holds it now owns the run; if nobody does, a server takes it over from
        // the log, this one included once it has forgotten this owner.
        this.deps.logger.warn({ run: this.deps.runId }, 'lost the run lock; stopping this owner');
        this.deps.onLost();
        return;
      }
      const [status, speedText] = await redis.hmget(this.keys.meta, 'status', 'speed');
      const speed = Number(speedText);
      this.running = status === 'running' && !live.finished;
      if (status === 'stopped') return this.end('stopped');
      if (live.finished) return this.end('finished');
      if (status === 'paused') {
        this.anchor = undefined;
        this.samples.length = 0;
        await this.nap(tickMs);
        continue;
      }
      const now = Date.now();
      let tick: number;
      let allowed: number;
      if (live.now < this.fastForwardTo) {
        // Before the start hour: play at full pace; the pacing (and the clock's wall map) starts there.
        allowed = this.fastForwardTo;
        tick = Math.min(CATCH_UP_SPAN, allowed - live.now);
      } else {
        const anchor = !this.anchor || speed !== this.speed ? this.restartClock(now) : this.anchor;
        this.speed = speed;
        tick = (speed * tickMs) / 1000;
        allowed = anchor.vt + ((now - anchor.wall) / 1000) * speed;
        if (this.wallMidnight !== undefined) {
          // On the wall clock: virtual time is Beijing time; after creation or a pause, catch up at full pace.
          allowed = (now - this.wallMidnight) / 1000;
          if (allowed - live.now > 2 * tick) tick = Math.min(CATCH_UP_SPAN, allowed - live.now);
        } else if (allowed - live.now > 2 * tick) {
          // Behind (workers slower than the speed asks): hold the clock back rather than race to catch up.
          this.restartClock(now);
          allowed = live.now + tick;
        }
      }
      if (allowed - live.now < tick) {
        await this.nap(Math.max(1, ((live.now + tick - allowed) / speed) * 1000));
        continue;
      }
      // Under load a tick's work takes longer than a tick of wall time: shorten the virtual span so
      // each tick settles in about `tickMs`, keeping updates (and their lag) near the tick rate.
      this.span = Math.min(tick, this.span || tick);
      const started = Date.now();
      await this.tick(Math.min(allowed, live.now + this.span));
      const took = Date.now() - started;
      // Aim at 100 ms of work per tick (or the tick, if longer), and never below a tenth of a tick:
      // a tick's fixed costs would otherwise shrink the span towards nothing on a loaded machine.
      const aim = Math.max(tickMs, 100);
      this.span =
        took > aim
          ? Math.max(tick / 10, this.span * Math.max(0.25, aim / took))
          : Math.min(tick, this.span * 1.5);
    }
  }

  /** One tick: advance the model to `to`, release its transitions, wait for them, commit the clock. */
  private async tick(to: number): Promise<void> {
    this.inTick = true;
    try {
      await this.tickWork(to);
    } finally {
      this.inTick = false;
    }
    // Admissions after the tick's last write read its count: they are counted now.
    if (this.deps.live.created !== this.createdStored) await this.storeCreated();
  }

  /** Appeals created so far, in the run's meta (the settled tick's count, between ticks). */
  private async storeCreated(): Promise<void> {
    const created = this.deps.live.created;
    await this.deps.redis.hset(this.keys.meta, 'appeals', created);
    this.createdStored = Math.max(this.createdStored, created);
  }

  private async tickWork(to: number): Promise<void> {
    const { redis, live } = this.deps;
    // The clock's restart is on record before anything the tick releases can be read and dated.
    if (this.clockPairs.length > 0) await this.storeClockPairs(redis.multi()).exec();
    let settled = (_applied: boolean) => {};
    const groups = await this.inTurn(async () => {
      if (this.failed) throw this.failed.err;
      const taken = await takeInputs(this.inputDeps(), this.stamp(), to);
      const ids = new Map(
        taken.flatMap((i) => (i.kind === 'appeal' ? [[i.appeal.token, i.id] as const] : [])),
      );
      // Set before the turn ends: an admission's take, next in turn, finds what this tick took.
      this.tickTaken = ids.size > 0 ? { ids, settled: new Promise((r) => (settled = r)) } : undefined;
      return live.advanceTo(to);
    });
    const releasedAt = Date.now();
    const jobs = groups.map((steps) => toJob(this.deps.runId, steps, to, releasedAt));
    try {
      await redis.hset(this.keys.meta, 'vt', to);
      await this.stages.release(jobs, 0);
      await this.stages.settle(jobs);
      settled(!this.stopped);
    } finally {
      settled(false);
    }
    const wall = Date.now();
    this.samples.push({ wall, vt: to });
    if (Math.floor(to / CLOCK_PAIR_EVERY) > Math.floor(this.lastTick.vt / CLOCK_PAIR_EVERY))
      this.clockPairs.push(clockPair(to, wall));
    this.lastTick = { vt: to, wall };
    while (this.samples.length > 2 && (this.samples[0] as { wall: number }).wall < wall - 3_000)
      this.samples.shift();
    const first = this.samples[0] as { wall: number; vt: number };
    const effectiveSpeed = wall > first.wall ? ((to - first.vt) / (wall - first.wall)) * 1000 : this.speed;
    let report: Report | undefined;
    let point: SeriesPoint | undefined;
    const period = Math.floor(to / SERIES_EVERY);
    if (wall - this.lastReport >= REPORT_EVERY_MS || period > this.sampled) {
      report = live.report();
      this.lastReport = wall;
    }
    if (report && period > this.sampled) {
      point = live.seriesPoint(this.points++, report);
      this.sampled = period;
    }
    const multi = redis.multi().hset(this.keys.meta, {
      settledVt: to,
      appeals: live.created,
      effectiveSpeed,
    });
    this.createdStored = live.created;
    const open = report ? live.openAppeals() : undefined;
    if (report) multi.set(this.keys.report, JSON.stringify(report)).set(this.keys.open, JSON.stringify(open));
    if (point) multi.rpush(this.keys.series, JSON.stringify(point));
    this.storeClockPairs(multi);
    const seatEvents = live.takeSeatEvents();
    const leverChanges = live.takeLeverChanges();
    if (seatEvents.length > 0) multi.rpush(this.keys.seatEvents, ...seatEvents.map((e) => JSON.stringify(e)));
    const moves = movesOf([...this.admitted.splice(0), ...groups], live.model.city.whistleUnits);
    const whistled = moves.filter((m) => m.whistle).map((m) => m.id);
    if (whistled.length > 0) multi.sadd(this.keys.whistles, ...whistled);
    await multi.exec();
    this.deps.onTick({
      runId: this.deps.runId,
      virtualTime: to,
      effectiveSpeed,
      moves: moves.slice(0, MAX_MOVES),
      movesDropped: Math.max(0, moves.length - MAX_MOVES),
      ...(report ? { report, open } : {}),
      ...(point ? { point } : {}),
      ...(seatEvents.length > 0 ? { seatEvents } : {}),
      ...(leverChanges.length > 0 ? { leverChanges } : {}),
      releasedAt,
      status: 'running',
      jobsByStage: countByStage(jobs),
    });
  }

  private async renew(): Promise<boolean> {
    const ok = await this.deps.redis.eval(RENEW, 1, this.keys.owner, this.deps.ownerId, this.deps.lockMs);
    return ok === 1;
  }

  private async end(status: 'finished' | 'stopped'): Promise<void> {
    const { redis, live } = this.deps;
    const report = live.report();
    // The series ends on the final state, unless the last tick's hourly point already is it.
    const last = await redis.lindex(this.keys.series, -1);
    const ended = last !== null && (JSON.parse(last) as SeriesPoint).at >= live.now;
    const point = ended ? undefined : live.seriesPoint(this.points++, report);
    const open = live.openAppeals();
    const multi = redis.multi();
    if (point) multi.rpush(this.keys.series, JSON.stringify(point));
    await multi
      .set(this.keys.open, JSON.stringify(open))
      .hset(this.keys.meta, { status, appeals: live.created, finishedAt: new Date().toISOString() })
      .set(this.keys.report, JSON.stringify(report))
      .exec();
    await this.deps.onEnd(status, report);
    this.deps.onTick({
      runId: this.deps.runId,
      virtualTime: live.now,
      effectiveSpeed: 0,
      moves: [],
      movesDropped: 0,
      report,
      open,
      ...(point ? { point } : {}),
      releasedAt: Date.now(),
      status,
    });
  }
}
