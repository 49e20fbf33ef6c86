import { SECONDS_PER_DAY, SECONDS_PER_HOUR } from '../../engine/calendar';
import { keyedUniform } from '../../random/keyed-random';
import { hashSeed } from '../../random/rng';
import type { Scenario } from '../../scenario/schema';
import type { ServiceObservation } from '../../services/observation';
import { poisson, runServices, type MatterCall } from '../../services/service-model';
import { appealId, appealKind, appealNumber } from '../appeal-kind';
import type { IntakeDecision, Placement } from '../hooks';
import type { ModelState } from '../model-state';

/** The category a call about a matter is taken in: 政策咨询及其他 (questions on how to get a matter done). */
export const MATTER_CATEGORY = 'policy-consultation';
/** Draw purposes of the matter callers (a day's count, then each caller's hour, minute and call), on a seed of their own. */
const P = { day: 1, hour: 2, minute: 3, pick: 4 };

/**
 * The integrated 12345 of the service-delivery cities (一网通办, 最多跑一次): the service-matter model's
 * questions and complaints (services/service-model.ts) become callers in the hotline's intake queue,
 * so that a lever that spares applicants a question or a complaint (data sharing, fewer materials, one
 * window) also shortens the hotline's queue, and a hotline that starts answering matter questions gets
 * busier. Each day's callers are Poisson(callsPerMatterCall × that day's matter calls), at an hour of
 * the day drawn by the arrivals' hour-of-day profile; each stands for one of the day's calls (its
 * matter, channel, visits). A question is handled as the intake handles any consultation; a complaint
 * is always made a work order.
 *
 * The services model runs once, when the hotline model is made: levers of the `services` section
 * changed during a live run do not reach the calls (the calls of the whole run are drawn up front).
 */
export class MatterCalls {
  /** The services model's observation, with the contacts it sent to the hotline in the observed window. */
  readonly observation: ServiceObservation;
  private readonly calls: MatterCall[] = [];
  /** Per matter caller (by number): its arrival time and the call it stands for, in time order. */
  private readonly times: number[] = [];
  private readonly picks: number[] = [];
  private next = 0;
  private readonly category: number;
  private readonly event: number;
  /** Callers before this virtual time are not observed (the scenario's warm-up). */
  private warmup = 0;

  constructor(
    private readonly s: ModelState,
    private readonly intake: { arrive(injectedId?: number): number },
    scenario: Scenario,
    seed: number,
  ) {
    const services = scenario.services;
    if (!services) throw new Error('matter calls need a services section');
    const days = Math.ceil(scenario.hours / 24);
    this.observation = runServices(services, {
      seed,
      start: scenario.start,
      days,
      warmupDays: Math.ceil(scenario.warmupHours / 24),
      onCall: (call) => this.calls.push(call),
    });
    this.category = s.city.categories.findIndex((c) => c.id === MATTER_CATEGORY);
    this.event = s.sim.defineEvent(this.onArrival.bind(this));
    const k = services.callsPerMatterCall;
    if (k <= 0 || this.category < 0) return;
    this.drawCallers(k, days, scenario.arrivals.hourOfDay, hashSeed(seed, 0x3a77));
    this.warmup = scenario.warmupHours * SECONDS_PER_HOUR;
  }

  /** Every caller of the run, drawn up front (keyed by day and by caller: the same seed, the same callers). */
  private drawCallers(k: number, days: number, hourOfDay: readonly number[] | undefined, seed: number): void {
    const byDay = new Map<number, number[]>();
    this.calls.forEach((c, i) => {
      const list = byDay.get(c.day);
      if (list) list.push(i);
      else byDay.set(c.day, [i]);
    });
    const hours = hourOfDay ?? new Array<number>(24).fill(1);
    const cumulative = hours.reduce<number[]>((acc, h) => [...acc, (acc.at(-1) ?? 0) + h], []);
    const total = cumulative.at(-1) as number;
    const callers: { t: number; pick: number }[] = [];
    let n = 0;
    for (let day = 0; day < days; day++) {
      const today = byDay.get(day);
      if (!today) continue;
      const count = poisson(k * today.length, (c) => keyedUniform(seed, day, P.day, c));
      for (let j = 0; j < count; j++, n++) {
        const u = keyedUniform(seed, n, P.hour) * total;
        const hour = Math.max(
          0,
          cumulative.findIndex((c) => u < c),
        );
        const t = day * SECONDS_PER_DAY + (hour + keyedUniform(seed, n, P.minute)) * SECONDS_PER_HOUR;
        const pick = today[Math.floor(keyedUniform(seed, n, P.pick) * today.length)] as number;
        callers.push({ t, pick });
      }
    }
    // Caller numbers follow arrival time, so the ids of a day's callers read in the order they call.
    callers.sort((a, b) => a.t - b.t);
    for (const c of callers) {
      this.times.push(c.t);
      this.picks.push(c.pick);
    }
  }

  /** Schedule the first caller (the rest follow one by one: one pending event at a time). */
  start(): void {
    this.schedule();
  }

  private schedule(): void {
    const t = this.times[this.next];
    if (t === undefined || t >= this.s.end) return;
    this.s.sim.after(Math.max(0, t - this.s.sim.now), this.event, this.next);
  }

  private onArrival(n: number): void {
    this.next = n + 1;
    this.schedule();
    // Counted when the caller reaches the queue (一网通办's self-service answers some before they call).
    const admitted = this.intake.arrive(appealId('matter', n)) >= 0;
    if (admitted && this.s.sim.now >= this.warmup) this.observation.matterContacts++;
  }

  /** A caller about a matter calls in the matter category; its street is drawn as any caller's. */
  placement(contact: number): Placement | undefined {
    return appealKind(contact) === 'matter' ? { category: this.category, street: undefined } : undefined;
  }

  /** A complaint about a matter is made a work order (the department must answer it); a question is not fixed. */
  presetDecision(contact: number): IntakeDecision | undefined {
    const call = this.callOf(contact);
    return call?.kind === 'complaint' ? { action: 'dispatch', channel: null } : undefined;
  }

  /** The matter call an appeal stands for (undefined for any other appeal). */
  callOf(id: number): MatterCall | undefined {
    if (appealKind(id) !== 'matter') return undefined;
    const pick = this.picks[appealNumber(id)];
    return pick === undefined ? undefined : this.calls[pick];
  }
}
