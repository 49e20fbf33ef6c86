import { EventQueue } from './event-queue';

/** What happens when an event of one kind fires; `ref` is the model's own handle (caller id, unit …). */
export type EventHandler = (ref: number) => void;

/**
 * The discrete-event core: a virtual clock and a future event list ordered by (time, seq).
 * It never reads the wall clock and never sets a timer: `step()` and `runUntil(t)` advance it, and a
 * later `runUntil` resumes where the last one stopped. Models register one handler per event kind
 * and refer to their own state by integer `ref`, so scheduling allocates nothing.
 */
export class Simulation {
  /** Virtual time in seconds. */
  now = 0;
  /** Events processed so far. */
  processed = 0;
  private readonly queue: EventQueue;

  /** @param bucketSeconds events further ahead than this wait outside the heap (see EventQueue) */
  constructor(bucketSeconds = 3600) {
    this.queue = new EventQueue(bucketSeconds);
  }
  private readonly handlers: EventHandler[] = [];
  private seq = 0;

  /** Register a kind of event; returns its id for `at` / `after`. */
  defineEvent(handler: EventHandler): number {
    this.handlers.push(handler);
    return this.handlers.length - 1;
  }

  /** Schedule an event at an absolute time, never before now. */
  at(time: number, kind: number, ref = 0): void {
    // `!(a >= b)` also rejects NaN.
    if (!(time >= this.now)) throw new Error(`cannot schedule at ${time}: the clock is at ${this.now}`);
    if (time === Infinity) return;
    this.queue.push(time, this.seq++, kind, ref);
  }

  /** Schedule an event `delay` seconds from now. */
  after(delay: number, kind: number, ref = 0): void {
    this.at(this.now + delay, kind, ref);
  }

  /** Events waiting to fire. */
  get pending(): number {
    return this.queue.size;
  }

  /** Time of the next event; Infinity when none is scheduled. */
  nextTime(): number {
    return this.queue.peekTime();
  }

  /** Fire the next event. Returns false when there is none. */
  step(): boolean {
    const q = this.queue;
    if (q.size === 0) return false;
    this.now = q.peekTime();
    const kind = q.topKind();
    const ref = q.topRef();
    q.pop();
    this.processed++;
    (this.handlers[kind] as EventHandler)(ref);
    return true;
  }

  /** Fire every event until none is left (the model must stop scheduling); the clock stays at the last. */
  runAll(): number {
    return this.runUntil(Infinity);
  }

  /**
   * Fire every event with time ≤ t, then leave the clock at t. Events scheduled during the run that
   * fall at or before t fire too. Returns how many events fired.
   */
  runUntil(t: number): number {
    if (!(t >= this.now)) throw new Error(`cannot run back to ${t}: the clock is at ${this.now}`);
    const q = this.queue;
    const handlers = this.handlers;
    let fired = 0;
    for (;;) {
      const time = q.peekTime();
      // An empty queue peeks Infinity, which no finite t reaches.
      if (time > t || time === Infinity) break;
      this.now = time;
      const kind = q.topKind();
      const ref = q.topRef();
      q.pop();
      (handlers[kind] as EventHandler)(ref);
      fired++;
    }
    this.processed += fired;
    // runUntil(Infinity) (runAll) leaves the clock at the last event, not at infinity.
    if (t < Infinity) this.now = t;
    return fired;
  }
}
