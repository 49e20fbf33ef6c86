import { Simulation } from '../engine/simulation';
import { SECONDS_PER_DAY, SECONDS_PER_HOUR, parseIsoDate } from '../engine/calendar';
import { PiecewiseArrivals, TraceArrivals, type ArrivalProcess } from '../random/arrival-rate';
import { makeSampler, type Sampler } from '../random/distributions';
import { KeyedRng, PURPOSES } from '../random/keyed-random';
import { RngStreams, type Rng } from '../random/rng';
import type { Scenario } from '../scenario/schema';
import { QuantileSketch, TimeWeighted } from '../stats';

/**
 * Random sources of the intake, in a fixed order: each gets its own sub-stream, so that changing the
 * number of agents (which changes how often patience matters) cannot shift arrival times.
 */
export const INTAKE_STREAMS = ['arrivals', 'talk', 'patience', 'directAnswer'] as const;
export type IntakeStream = (typeof INTAKE_STREAMS)[number];

/** Batches of the observed horizon, used for batch-means confidence intervals of one replication. */
export const BATCHES = 20;

/** Counts of one batch of the observed horizon (contacts grouped by arrival time). */
export interface IntakeBatch {
  contacts: number;
  waited: number;
  answered: number;
  abandoned: number;
  withinServiceLevel: number;
  /** Sum of time in queue of finished contacts (answered or abandoned), seconds. */
  waitSum: number;
  /** ∫ busy agents dt over the batch. */
  busyArea: number;
  /** ∫ queue length dt over the batch. */
  queueArea: number;
  /** ∫ agents on duty dt over the batch. */
  agentArea: number;
}

/** Everything one replication observed after warm-up. */
export interface IntakeObservation {
  agents: number;
  /** Observed seconds (run length minus warm-up). */
  seconds: number;
  batches: IntakeBatch[];
  /** Time in queue of answered contacts, seconds. */
  waits: QuantileSketch;
  directAnswers: number;
  dispatched: number;
  /** Contacts still queued at the end: neither answered nor abandoned yet. */
  unfinished: number;
}

/**
 * What the full hotline model (hotline/) hooks into the intake. Contact ids count every arrival the
 * arrival process produces, admitted or not, so they stay the same across policies (common random
 * numbers keyed by contact id).
 */
export interface IntakeHooks {
  /** A contact is about to call; false means it never does (e.g. pre-empted by proactive work). */
  admit(contactId: number): boolean;
  /** An agent picks up the contact after it waited this long in the queue. */
  onAnswered(contactId: number, waitSeconds: number): void;
  /** An agent finished talking to the contact. */
  onTalkEnd(contactId: number): void;
  /** The contact hung up while queued. */
  onAbandon(contactId: number): void;
}

export interface IntakeOptions {
  /** Share a simulation with a larger model; the intake then never stops it at its horizon. */
  sim?: Simulation;
  hooks?: IntakeHooks;
}

/** A batch with nothing counted yet. */
export const emptyBatch = (): IntakeBatch => ({
  contacts: 0,
  waited: 0,
  answered: 0,
  abandoned: 0,
  withinServiceLevel: 0,
  waitSum: 0,
  busyArea: 0,
  queueArea: 0,
  agentArea: 0,
});

/**
 * The hotline intake as a queue: contacts arrive (a non-homogeneous Poisson process), wait in one
 * FIFO line for `agents` agents, and hang up when their patience runs out first. With exponential
 * talk and patience this is M/M/c+M (Erlang A); without patience, M/M/c (Erlang C).
 *
 * Waiting contacts live in a ring buffer indexed by their place in the line (queue id); an abandonment
 * event carries that id and is ignored if the contact was answered meanwhile (lazy cancellation: no
 * heap removal). Contacts answered at once never enter the line.
 */
export class IntakeModel {
  readonly sim: Simulation;
  private agents: number;
  private readonly agentsByHour: readonly number[] | undefined;
  private readonly hooks: IntakeHooks | undefined;
  private readonly keyed: KeyedRng | undefined;
  private nextContact = 0;
  /** Mean arrivals per hour as the levers stand (a rate process only). */
  private perHour: number;
  /** Bumped when the rate changes: an arrival event drawn under an older rate is ignored. */
  private arrivalGeneration = 0;
  private readonly warmup: number;
  private readonly end: number;
  private readonly batchSeconds: number;
  private readonly serviceLevel: number;
  private readonly directShare: number;

  private readonly arrivals: ArrivalProcess;
  private readonly talk: Sampler;
  private readonly patience: Sampler | undefined;
  private readonly rngArrivals: Rng;
  private readonly rngTalk: Rng;
  private readonly rngPatience: Rng;
  private readonly rngDirect: Rng;

  private readonly evArrival: number;
  private readonly evDeparture: number;
  private readonly evAbandon: number;
  private readonly evWarmupEnd: number;
  private readonly evBatchEnd: number;
  private readonly evShift: number;

  // Waiting line: ring buffer over queue ids [head, tail); qGone is 1 once hung up, 2 marks a direct answer.
  private mask = 1023;
  private qArrival = new Float64Array(1024);
  private qTalk = new Float64Array(1024);
  private qGone = new Uint8Array(1024);
  private qContact = new Int32Array(1024);
  private head = 0;
  private tail = 0;
  private waiting = 0;
  private busy = 0;

  private readonly busyTw: TimeWeighted;
  private readonly queueTw: TimeWeighted;
  private readonly agentsTw: TimeWeighted;
  private batchIndex = 0;
  private lastAgentArea = 0;
  private lastBusyArea = 0;
  private lastQueueArea = 0;
  private readonly observation: IntakeObservation;

  constructor(scenario: Scenario, seed: number = scenario.seed, options: IntakeOptions = {}) {
    this.sim = options.sim ?? new Simulation();
    this.hooks = options.hooks;
    this.keyed = options.hooks ? new KeyedRng(seed) : undefined;
    const streams = new RngStreams<IntakeStream>(seed, INTAKE_STREAMS);
    this.rngArrivals = streams.stream('arrivals');
    this.rngTalk = streams.stream('talk');
    this.rngPatience = streams.stream('patience');
    this.rngDirect = streams.stream('directAnswer');

    this.agentsByHour = scenario.intake.agentsByHour;
    this.agents = this.agentsByHour?.[0] ?? scenario.intake.agents;
    this.warmup = scenario.warmupHours * SECONDS_PER_HOUR;
    this.end = scenario.hours * SECONDS_PER_HOUR;
    this.batchSeconds = (this.end - this.warmup) / BATCHES;
    this.serviceLevel = scenario.intake.serviceLevelSeconds;
    this.directShare = scenario.directAnswerShare;

    const { perHour, trace } = scenario.arrivals;
    this.perHour = perHour ?? 0;
    this.arrivals = trace
      ? new TraceArrivals(
          trace.map((e) => e.at),
          this.end,
        )
      : new PiecewiseArrivals(
          { ...scenario.arrivals, perHour: perHour ?? 0 },
          parseIsoDate(scenario.start),
          Math.ceil(this.end / SECONDS_PER_DAY),
        );
    this.talk = makeSampler(scenario.intake.talkMinutes, 60);
    const patienceSpec = scenario.intake.patienceMinutes;
    if (patienceSpec) this.patience = makeSampler(patienceSpec, 60);

    this.busyTw = new TimeWeighted(0, 0);
    this.queueTw = new TimeWeighted(0, 0);
    this.agentsTw = new TimeWeighted(0, this.agents);
    this.observation = {
      agents: this.agents,
      seconds: this.end - this.warmup,
      batches: Array.from({ length: BATCHES }, emptyBatch),
      waits: new QuantileSketch(),
      directAnswers: 0,
      dispatched: 0,
      unfinished: 0,
    };

    const sim = this.sim;
    this.evArrival = sim.defineEvent((generation) => this.onArrival(generation));
    this.evDeparture = sim.defineEvent((contact) => this.onDeparture(contact));
    this.evAbandon = sim.defineEvent((id) => this.onAbandon(id));
    this.evWarmupEnd = sim.defineEvent(() => this.onWarmupEnd());
    this.evBatchEnd = sim.defineEvent(() => this.onBatchEnd());
    this.evShift = sim.defineEvent((hour) => this.onShift(hour));

    const first = this.arrivals.next(0, this.rngArrivals);
    if (first < this.end) sim.at(first, this.evArrival);
    if (this.warmup > 0) sim.at(this.warmup, this.evWarmupEnd);
    for (let b = 1; b <= BATCHES; b++) sim.at(this.warmup + b * this.batchSeconds, this.evBatchEnd);
    if (this.agentsByHour) sim.at(SECONDS_PER_HOUR, this.evShift, 1);
  }

  /** Contacts per second the arrival process produces around time t. */
  rateAt(t: number): number {
    return this.arrivals.rateAt(t);
  }

  /** Virtual seconds the whole run lasts. */
  get horizon(): number {
    return this.end;
  }

  /** Advance to time t (at most the horizon); resumable. */
  advance(t: number): void {
    this.sim.runUntil(Math.min(t, this.end));
  }

  /** Run to the end and return the observations. */
  run(): IntakeObservation {
    this.advance(this.end);
    return this.finish();
  }

  /** The observations so far; call once the clock has reached the horizon. */
  finish(): IntakeObservation {
    this.observation.unfinished = this.waiting;
    return this.observation;
  }

  private batchOf(t: number): IntakeBatch | undefined {
    if (t < this.warmup) return undefined;
    const b = Math.floor((t - this.warmup) / this.batchSeconds);
    return this.observation.batches[b < BATCHES ? b : BATCHES - 1];
  }

  private onArrival(generation: number): void {
    if (generation !== this.arrivalGeneration) return;
    const next = this.arrivals.next(this.sim.now, this.rngArrivals);
    if (next < this.end) this.sim.at(next, this.evArrival, generation);
    this.arrive();
  }

  /**
   * The mean arrival rate changes now (the profile's shape stays). The pending arrival was drawn under
   * the old rate: it is dropped and the next one drawn afresh (a Poisson process has no memory).
   */
  setPerHour(perHour: number): void {
    if (!(this.arrivals instanceof PiecewiseArrivals)) {
      throw new Error('arrivals.perHour cannot change: this run replays a recorded trace');
    }
    if (perHour === this.perHour) return;
    const now = this.sim.now;
    this.arrivals.rescale(perHour / this.perHour, Math.floor(now / SECONDS_PER_DAY));
    this.perHour = perHour;
    this.arrivalGeneration++;
    const next = this.arrivals.next(now, this.rngArrivals);
    if (next < this.end) this.sim.at(next, this.evArrival, this.arrivalGeneration);
  }

  /** Agents on duty change now (intake.agents, without agentsByHour): new ones take waiting callers at once. */
  setAgents(agents: number): void {
    if (this.agentsByHour)
      throw new Error('intake.agents does nothing while intake.agentsByHour sets the agents');
    this.changeAgents(agents);
  }

  private changeAgents(agents: number): void {
    const before = this.agents;
    this.agents = agents;
    const now = this.sim.now;
    this.agentsTw.set(now, this.agents);
    for (let extra = this.agents - before; extra > 0 && this.waiting > 0; extra--) {
      this.busy++;
      this.busyTw.set(now, this.busy);
      this.serveNext();
    }
  }

  /**
   * A contact calls now: from the arrival process, or injected by a larger model (a surge) with an
   * id of its own range, so injected calls never shift the ids of the regular ones.
   * Returns its contact id, or -1 when the hooks did not admit it.
   */
  arrive(injectedId?: number): number {
    const sim = this.sim;
    const now = sim.now;
    const contact = injectedId ?? this.nextContact++;
    if (this.hooks && !this.hooks.admit(contact)) return -1;

    // Common random numbers: alone, the intake draws talk and patience for every contact from their
    // streams; inside the hotline model, where policies change who calls at all, they are keyed by
    // contact id so a contact's call is the same whoever else calls.
    const keyed = this.keyed;
    const talk = this.talk(keyed ? keyed.at(contact, PURPOSES.talk) : this.rngTalk);
    const patience = this.patience
      ? this.patience(keyed ? keyed.at(contact, PURPOSES.patience) : this.rngPatience)
      : Infinity;
    // A share of exactly 0 or 1 needs no draw (the stream is the contact's own, so skipping shifts nothing else).
    const share = this.directShare;
    const direct = !this.hooks && (share >= 1 || (share > 0 && this.rngDirect.next() < share));
    const batch = this.batchOf(now);
    if (batch) batch.contacts++;

    if (this.busy < this.agents) {
      this.busy++;
      this.busyTw.set(now, this.busy);
      sim.after(talk, this.evDeparture, contact);
      this.hooks?.onAnswered(contact, 0);
      if (batch) {
        batch.answered++;
        batch.withinServiceLevel++;
        this.observation.waits.add(0);
        this.countOutcome(direct);
      }
      return contact;
    }
    if (batch) batch.waited++;
    if (this.tail - this.head > this.mask) this.growQueue();
    const id = this.tail++;
    const slot = id & this.mask;
    this.qArrival[slot] = now;
    this.qTalk[slot] = talk;
    this.qGone[slot] = direct ? 2 : 0;
    this.qContact[slot] = contact;
    this.waiting++;
    this.queueTw.set(now, this.waiting);
    if (patience < Infinity) sim.after(patience, this.evAbandon, id);
    return contact;
  }

  private onDeparture(contact: number): void {
    this.hooks?.onTalkEnd(contact);
    this.serveNext();
  }

  /** An agent is free: take the next caller in line, or go idle (or off shift). */
  private serveNext(): void {
    const now = this.sim.now;
    // Skip contacts that hung up while queued.
    while (this.head < this.tail && this.qGone[this.head & this.mask] === 1) this.head++;
    if (this.head === this.tail || this.busy > this.agents) {
      this.busy--;
      this.busyTw.set(now, this.busy);
      return;
    }
    const slot = this.head & this.mask;
    const arrived = this.qArrival[slot] as number;
    const direct = this.qGone[slot] === 2;
    this.sim.after(this.qTalk[slot] as number, this.evDeparture, this.qContact[slot] as number);
    this.hooks?.onAnswered(this.qContact[slot] as number, now - arrived);
    this.head++;
    this.waiting--;
    this.queueTw.set(now, this.waiting);
    const batch = this.batchOf(arrived);
    if (batch) {
      const wait = now - arrived;
      batch.answered++;
      batch.waitSum += wait;
      if (wait <= this.serviceLevel) batch.withinServiceLevel++;
      this.observation.waits.add(wait);
      this.countOutcome(direct);
    }
  }

  private onAbandon(id: number): void {
    if (id < this.head) return; // answered meanwhile
    const slot = id & this.mask;
    this.qGone[slot] = 1;
    this.waiting--;
    const now = this.sim.now;
    this.queueTw.set(now, this.waiting);
    const arrived = this.qArrival[slot] as number;
    const batch = this.batchOf(arrived);
    if (batch) {
      batch.abandoned++;
      batch.waitSum += now - arrived;
    }
    this.hooks?.onAbandon(this.qContact[slot] as number);
  }

  /** Shift change at the top of an hour: agents come on duty (and take callers) or leave after their call. */
  private onShift(hour: number): void {
    const byHour = this.agentsByHour as readonly number[];
    this.changeAgents(byHour[hour % 24] as number);
    if ((hour + 1) * SECONDS_PER_HOUR < this.end)
      this.sim.at((hour + 1) * SECONDS_PER_HOUR, this.evShift, hour + 1);
  }

  private countOutcome(direct: boolean): void {
    if (direct) this.observation.directAnswers++;
    else this.observation.dispatched++;
  }

  private onWarmupEnd(): void {
    const now = this.sim.now;
    this.busyTw.reset(now);
    this.queueTw.reset(now);
    this.agentsTw.reset(now);
  }

  private onBatchEnd(): void {
    const now = this.sim.now;
    const busyArea = this.busyTw.integral(now);
    const queueArea = this.queueTw.integral(now);
    const agentArea = this.agentsTw.integral(now);
    const batch = this.observation.batches[this.batchIndex++] as IntakeBatch;
    batch.busyArea = busyArea - this.lastBusyArea;
    batch.queueArea = queueArea - this.lastQueueArea;
    this.lastBusyArea = busyArea;
    this.lastQueueArea = queueArea;
    batch.agentArea = agentArea - this.lastAgentArea;
    this.lastAgentArea = agentArea;
  }

  private growQueue(): void {
    const size = (this.mask + 1) * 2;
    const arrival = new Float64Array(size);
    const talk = new Float64Array(size);
    const gone = new Uint8Array(size);
    const contact = new Int32Array(size);
    const newMask = size - 1;
    for (let id = this.head; id < this.tail; id++) {
      const from = id & this.mask;
      const to = id & newMask;
      arrival[to] = this.qArrival[from] as number;
      talk[to] = this.qTalk[from] as number;
      gone[to] = this.qGone[from] as number;
      contact[to] = this.qContact[from] as number;
    }
    this.mask = newMask;
    this.qArrival = arrival;
    this.qTalk = talk;
    this.qGone = gone;
    this.qContact = contact;
  }
}
