import type { City } from '../city/types';
import { cityOfScenario } from '../city/registry';
import { Simulation } from '../engine/simulation';
import { IntakeModel } from '../intake/intake-model';
import type { Scenario } from '../scenario/schema';
import type { ServiceObservation } from '../services/observation';
import type { MatterCall } from '../services/service-model';
import {
  decideAtRole,
  roleDesks,
  roleHooks,
  type RoleDesks,
  type RoleInput,
} from '../training/roles/role-desks';
import { SeatDesk } from '../training/seat-desk';
import type { SeatDecision, SeatEvent } from '../training/seats';
import type { DeepReadonly } from '../util/deep-readonly';
import type { CityModel } from './city-model';
import { NO_HOOKS, type ModelHooks } from './hooks';
import { Batches } from './injects/batches';
import { ExternalAppeals, type ExternalAppeal } from './injects/external-appeals';
import { Injects } from './injects/injects';
import { LeverChanges, type AppliedLeverChange, type LeverNote } from './lever-changes';
import { MatterCalls } from './injects/matter-calls';
import { Surges } from './injects/surges';
import type { Inject } from './lifecycle-schema';
import { ModelState } from './model-state';
import type { AppealTransition, HotlineObservation } from './observation';
import { dispatchPolicy } from './policies/dispatch-policy';
import { GridPatrol } from './proactive/grid-patrol';
import { Governance } from './proactive/governance';
import { MonthlyTopic } from './proactive/monthly-topic';
import { AssessmentStage } from './stages/assessment-stage';
import { CallbackStage } from './stages/callback-stage';
import { DispatchStage } from './stages/dispatch-stage';
import { IntakeStage } from './stages/intake-stage';
import type { Effort } from './stages/stage-links';
import { WorkStage } from './stages/work-stage';
import { Whistle } from './whistle/whistle';

export * from './observation';
export { EXTERNAL_ID_BASE, appealKind, type AppealKind } from './appeal-kind';
export type { ExternalAppeal } from './injects/external-appeals';
export type { AppliedLeverChange, LeverNote, LeverSource } from './lever-changes';

export interface HotlineOptions {
  /** The city the model runs in. @defaultValue the scenario's city (`scenario.city`, else Beijing) */
  city?: City;
  /** Called on every lifecycle transition (tests, and the live runtime's event history). */
  onTransition?: (step: AppealTransition) => void;
  /** Called on everything that happens at a training seat (scenario `lifecycle.training`). */
  onSeatEvent?: (event: SeatEvent) => void;
}

/**
 * The full 接诉即办 model: contacts arrive and queue for agents (the intake model), then are redirected,
 * answered on the spot or dispatched as work orders; orders go to units that sign or return them,
 * respond, handle (blowing the whistle when needed), reply, and are called back and rated at the time
 * limit; overdue orders are supervised. Grid patrols discover problems, and proactive governance lowers
 * the latent rate of future appeals. All per-appeal randomness is keyed by appeal id (keyed-random.ts).
 *
 * This module wires the lifecycle stages (stages/), the dispatch policy (policies/) and the add-ons
 * (proactive/, injects/, the training seat desk) over one state (model-state.ts); add-ons act on the
 * stages through hooks (hooks.ts).
 */
export class HotlineModel {
  /** Ten-minute buckets: a city keeps hundreds of thousands of events pending, most of them days ahead. */
  readonly sim = new Simulation(600);
  readonly intake: IntakeModel;
  readonly city: CityModel;
  private readonly state: ModelState;
  private readonly assessment: AssessmentStage;
  private readonly injects: Injects;
  private readonly external: ExternalAppeals;
  private readonly seats: SeatDesk | undefined;
  /** The review (退单审核) and callback (回访) seats' desks, when the exercise has such seats. */
  private readonly roles: RoleDesks;
  private readonly onSeatEvent: HotlineOptions['onSeatEvent'];
  private readonly levers: LeverChanges;
  /** The integrated hotline's callers about service matters (a scenario with a `services` section). */
  private readonly matters: MatterCalls | undefined;

  constructor(scenario: Scenario, seed: number = scenario.seed, options: HotlineOptions = {}) {
    const lc = scenario.lifecycle;
    if (!lc) throw new Error(`scenario "${scenario.name}" has no lifecycle section: use the intake model`);
    const sim = this.sim;
    const s = new ModelState(
      sim,
      scenario,
      lc,
      seed,
      options.city ?? cityOfScenario(scenario),
      options.onTransition,
    );
    this.state = s;
    this.city = s.city;
    this.onSeatEvent = options.onSeatEvent;

    // Add-ons fill these in below; until then (and where none is present) the stages run bare.
    const hooks: ModelHooks = { ...NO_HOOKS };
    const assessment = new AssessmentStage(s);
    this.assessment = assessment;
    const pressure = assessment.pressure;
    const effort: Effort = {
      work: pressure.work.bind(pressure),
      contact: pressure.contact.bind(pressure),
      of: pressure.of.bind(pressure),
      games: pressure.games.bind(pressure),
      promptCall: pressure.promptCall.bind(pressure),
      help: assessment.list.speedUp.bind(assessment.list),
    };
    // The scenario's dispatch mode in the streets that adopt it (lifecycle.adoption.dispatch), tiered elsewhere.
    let adopted = dispatchPolicy(lc.dispatch.mode, s);
    let tiered = dispatchPolicy('tiered', s);
    s.onLeversChanged(() => {
      adopted = dispatchPolicy(s.lc.dispatch.mode, s);
      tiered = dispatchPolicy('tiered', s);
    });
    const policyFor = (street: number) => (s.adoption.has('dispatch', street) ? adopted : tiered);
    const dispatch = new DispatchStage(s, hooks, policyFor, effort);
    const callback = new CallbackStage(s, hooks, effort, assessment);
    const whistle = new Whistle(s);
    const work = new WorkStage(
      s,
      hooks,
      effort,
      assessment,
      callback.close.bind(callback),
      whistle.blow.bind(whistle),
    );
    const toDispatch = dispatch.dispatchInDue.bind(dispatch);
    const intake = new IntakeStage(s, hooks, toDispatch, scenario.arrivals.trace);
    s.ev = {
      receive: sim.defineEvent(dispatch.onReceive.bind(dispatch)),
      review: sim.defineEvent(dispatch.onReview.bind(dispatch)),
      forward: sim.defineEvent(dispatch.onForward.bind(dispatch)),
      respond: sim.defineEvent(work.onRespond.bind(work)),
      handled: sim.defineEvent(work.onHandled.bind(work)),
      deadline: sim.defineEvent(callback.onDeadline.bind(callback)),
      callback: sim.defineEvent(callback.onCallback.bind(callback)),
    };
    this.intake = new IntakeModel(scenario, seed, {
      sim,
      hooks: {
        admit: intake.admit.bind(intake),
        onAnswered: intake.answered.bind(intake),
        onTalkEnd: intake.talkEnd.bind(intake),
        onAbandon: intake.forget.bind(intake),
      },
    });

    const topic = new MonthlyTopic(s);
    const governance = new Governance(s, work, topic);
    const grid = new GridPatrol(s, dispatch.dispatch.bind(dispatch));
    const surges = new Surges(s, this.intake);
    const matters = scenario.services ? new MatterCalls(s, this.intake, scenario, seed) : undefined;
    this.matters = matters;
    // Batch appeals go to a seat when there are seats, else to the model's own intake.
    const batches: Batches = new Batches(s, (id, category, street, received, waitMinutes) =>
      seats
        ? seats.offer(id, category, street, received, waitMinutes)
        : intake.decides(id, category, street, received, waitMinutes),
    );
    const seats: SeatDesk | undefined = lc.training
      ? new SeatDesk(s, lc.training, intake, dispatch, batches, this.onSeatEvent)
      : undefined;
    this.seats = seats;
    this.roles = lc.training ? roleDesks(s, lc.training, dispatch, callback, this.onSeatEvent) : {};
    this.injects = new Injects(s, work, surges, batches);
    this.external = new ExternalAppeals(s, toDispatch);
    Object.assign(hooks, {
      placement: matters
        ? (contact: number) => matters.placement(contact) ?? surges.placement(contact)
        : surges.placement.bind(surges),
      release: surges.release.bind(surges),
      gridFactor: grid.factor.bind(grid),
      proactiveFactor: governance.factor.bind(governance),
      presetDecision: matters
        ? (contact: number, category: number) =>
            matters.presetDecision(contact) ?? batches.presetDecision(contact, category)
        : batches.presetDecision.bind(batches),
      firstReceipt: governance.firstReceipt.bind(governance),
      workStretch: topic.workStretch.bind(topic),
      topicPolicies: topic.policies.bind(topic),
      verified: grid.verified.bind(grid),
      ...(seats ? { takeCall: seats.takeCall.bind(seats), news: seats.news.bind(seats) } : {}),
      ...roleHooks(this.roles),
    } satisfies Partial<ModelHooks>);

    // WARNING: events at the same time run in the order they were scheduled: the intake's own first
    // events (first arrival, batch ends), then the day tick, the grid's first hour and the injects.
    governance.start();
    assessment.start();
    grid.start();
    matters?.start();
    this.injects.start();
    this.levers = new LeverChanges(s, this.intake);
    this.levers.scheduleTimeline();
  }

  /**
   * Change levers from the model's current virtual time on (contract C1): keys are lever paths as
   * `hotline --set` takes them, values are validated by the scenario's rules (throws an Error naming
   * the path and the rule, changing nothing). `note` says who changed them (default: an instructor).
   */
  setLevers(set: Record<string, unknown>, note?: LeverNote): void {
    this.levers.set(set, note);
  }

  /** The scenario as its levers stand now (after the timeline's and instructors' changes so far). */
  get scenarioNow(): Scenario {
    return this.state.scenario;
  }

  /** Lever changes that took effect so far, in time order (timeline entries and instructors'). */
  get leverChanges(): readonly AppliedLeverChange[] {
    return this.levers.log;
  }

  /**
   * The assessment now: the streets on the governance list (治理类), each street's score of the
   * month so far (NaN with fewer than `minRated` rated orders) and its pressure, by street index.
   */
  assessmentNow(minRated: number): { listed: number[]; scores: number[]; pressure: number[] } {
    const a = this.assessment;
    return {
      listed: a.list.streets(),
      scores: Array.from(this.city.streetUnit, (unit) => a.pressure.score(unit, minRated)),
      pressure: Array.from(this.city.streetUnit, (unit) => a.pressure.of(unit)),
    };
  }

  /** The service-matter model's observation (a scenario with a `services` section), else undefined. */
  get services(): ServiceObservation | undefined {
    return this.matters?.observation;
  }

  /** The call to 12345 about a matter that an appeal stands for (an appeal of kind `matter`), else undefined. */
  matterCallOf(appealId: number): MatterCall | undefined {
    return this.matters?.callOf(appealId);
  }

  /** Virtual seconds of arrivals; the run continues past it until every appeal has closed. */
  get horizon(): number {
    return this.state.end;
  }

  /** Advance to time t; resumable. */
  advance(t: number): void {
    this.sim.runUntil(t);
  }

  /** Run arrivals to the horizon, then drain every open appeal, and return the observations. */
  run(): HotlineObservation {
    this.sim.runUntil(this.state.end);
    return this.drain();
  }

  /** Let every open appeal finish (no new arrivals come after the horizon), then observe. */
  drain(): HotlineObservation {
    // Nothing new arrives after the horizon (day ticks, grid patrols and surges stop there), so the
    // event list empties once the last open appeal closes.
    this.sim.runAll();
    return this.observe();
  }

  /** Whether the run is over: past the horizon, with every appeal closed and nothing left to happen. */
  get finished(): boolean {
    return this.sim.now >= this.state.end && this.sim.pending === 0;
  }

  /** What the model has observed so far (a live run's report); after `drain()`, the final observation. */
  observe(): HotlineObservation {
    return this.state.observation(this.intake.finish(), this.assessment.weights);
  }

  /**
   * A seat's decision (a live input), now. A decision on an appeal no longer waiting at that seat is
   * reported as not accepted and changes nothing. A dispatch goes to the unit the seat chose: the
   * wrong unit returns it (退单) and the model's dispatcher re-routes it.
   */
  decide(seatName: string, decision: SeatDecision): void {
    if (this.seats) {
      this.seats.decide(seatName, decision);
      return;
    }
    const base = { at: this.sim.now, seat: seatName, appealId: decision.appealId, decision };
    this.onSeatEvent?.({ kind: 'decision', ...base, accepted: false, correct: false });
  }

  /** A review or callback seat's decision (a live input), now: see roles/role-desks.ts. */
  decideRole(input: RoleInput): void {
    decideAtRole(this.roles, input, this.onSeatEvent, this.sim.now);
  }

  /** An inject fired by an instructor during a live run: it starts at the model's clock and lasts `inject.hours`. */
  injectNow(inject: DeepReadonly<Inject>): void {
    this.injects.now(inject);
  }

  /**
   * An appeal filed from outside (Open311), received now and dispatched like a citizen's order after
   * the usual dispatch delay; its draws are keyed by its id like every appeal's. Returns its id
   * (`EXTERNAL_ID_BASE` + the number filed before it, so a replay gives the same ids).
   */
  admitExternal(appeal: ExternalAppeal): number {
    return this.external.admit(appeal);
  }
}
