import { buildReport, type KpiEstimate, type Report } from '../experiment/run-scenario';
import { appealId } from '../hotline/appeal-kind';
import { HotlineModel } from '../hotline/hotline-model';
import type { AppealTransition } from '../hotline/observation';
import type { AppliedLeverChange } from '../hotline/lever-changes';
import { TERMINAL_STATES } from '../hotline/lifecycle';
import type { LeverValue } from '../levers/scenario-levers';
import { leverValuesOf } from './lever-history';
import type { Inject } from '../hotline/lifecycle-schema';
import { observationTotals } from '../report/hotline-kpis';
import type { KpiName } from '../report/kpis';
import type { Scenario } from '../scenario/schema';
import type { RoleInput } from '../training/roles/role-desks';
import type { SeatDecision, SeatEvent } from '../training/seats';
import type { DeepReadonly } from '../util/deep-readonly';
import type { OpenAppeals, SeriesPoint } from './protocol';

/**
 * Something from outside the model that changes a live run, logged with the virtual time it took
 * effect. A run's state is a pure function of (scenario, seed, inputs): replaying the log rebuilds it
 * exactly, which is how a restarted or second server takes a run over.
 */
export type LiveInput =
  | { at: number; kind: 'inject'; inject: DeepReadonly<Inject> }
  | { at: number; kind: 'appeal'; id: number; appeal: ExternalAppealInput }
  /** A trainee's decision at a training seat (scenario `lifecycle.training`). */
  | { at: number; kind: 'decision'; seat: string; decision: SeatDecision }
  /** A review (退单审核) or callback (回访) seat's decision (training/roles/). */
  | ({ at: number } & RoleInput)
  /** An instructor's lever change (contract C3): lever path → new value. */
  | { at: number; kind: 'levers'; set: Record<string, unknown>; label?: { zh: string; en: string } };

/** Channels an appeal can be filed through from outside the model. */
export const EXTERNAL_CHANNELS = ['open311'] as const;
export type ExternalChannel = (typeof EXTERNAL_CHANNELS)[number];

/**
 * An appeal filed from outside (an Open311 client), as the input log keeps it: what the model needs
 * (category id, cell code) and where it came from (channel, the client's token). Text, address and
 * contact details stay with the channel; they do not change what happens.
 */
export interface ExternalAppealInput {
  /** A catalogue category id (the Open311 service_code). */
  category: string;
  /** A grid cell's division code (the nearest community to the lat/long, or the one named). */
  cell: string;
  channel: ExternalChannel;
  /** The channel's handle on it (Open311: the token returned by POST requests). */
  token: string;
}

/** The id the n-th (0-based) external appeal of a run gets. */
export const externalAppealId = (n: number): number => appealId('external', n);

/** A transition numbered within its appeal's history (0 = the appeal's first step). */
export interface AppealStep extends AppealTransition {
  seq: number;
}

/**
 * The hotline model driven in steps of virtual time by the live runtime. `advanceTo(t)` fires the
 * model's events up to t and releases the transitions that happened by t, grouped per appeal in
 * order; transitions the model decided ahead of its clock (a dispatch is decided when the call ends)
 * wait until their time comes. The same model and seed as the engine: a live run's report equals an
 * engine replication's.
 */
export class LiveRun {
  readonly model: HotlineModel;
  /** Virtual time released so far. */
  private releasedTo = 0;
  /** Transitions emitted by the model and not yet released (their time lies ahead). */
  private held: AppealStep[] = [];
  private emitted: AppealStep[] = [];
  /** Next seq per open appeal (dropped when it reaches a terminal state). */
  private readonly seqs = new Map<number, number>();
  private readonly inputs: LiveInput[] = [];
  private nextInput = 0;
  /** External appeals logged so far (the next one's id follows). */
  private externals = 0;
  private cellIndex: Map<string, number> | undefined;
  /** Street and holding unit of each released appeal not yet in a terminal state. */
  private readonly open = new Map<number, { street: number; unit: number }>();
  /** Everything that happened at training seats, in time order (scoring and the after-action review). */
  readonly seatEvents: SeatEvent[] = [];
  private newSeatEvents: SeatEvent[] = [];
  /** Lever changes handed out by `takeLeverChanges`. */
  private leverChangesTaken = 0;
  /** Appeals whose first step has been released. */
  created = 0;
  /** Transitions released. */
  transitions = 0;

  constructor(
    readonly scenario: Scenario,
    readonly seed: number,
    inputs: readonly LiveInput[] = [],
  ) {
    this.model = new HotlineModel(scenario, seed, {
      onTransition: (t) => this.onTransition(t),
      onSeatEvent: (e) => {
        this.seatEvents.push(e);
        this.newSeatEvents.push(e);
      },
    });
    for (const input of inputs) this.addInput(input);
  }

  /** Virtual seconds of arrivals (the run then drains until every appeal has closed). */
  get horizon(): number {
    return this.model.horizon;
  }

  /** Virtual time released so far. */
  get now(): number {
    return this.releasedTo;
  }

  /** Every appeal closed and released: nothing will ever happen again. */
  get finished(): boolean {
    return this.model.finished && this.held.length === 0 && this.nextInput >= this.inputs.length;
  }

  /** Log an input; it takes effect at `input.at`, which must not lie before the released time. */
  addInput(input: LiveInput): void {
    if (!(input.at >= this.releasedTo)) {
      throw new Error(`an input at ${input.at} s comes after the run released ${this.releasedTo} s`);
    }
    const last = this.inputs[this.inputs.length - 1];
    if (last && input.at < last.at) throw new Error('inputs must be added in time order');
    if (input.kind === 'appeal') {
      const expected = externalAppealId(this.externals);
      if (input.id !== expected)
        throw new Error(`external appeal ${input.id} logged where appeal ${expected} comes next`);
      this.resolve(input.appeal);
      this.externals++;
    }
    this.inputs.push(input);
  }

  /**
   * The model's indexes of an external appeal's category and cell; throws naming the unknown one
   * (the server checks both before it accepts an appeal, so a logged one always resolves).
   */
  resolve(appeal: Pick<ExternalAppealInput, 'category' | 'cell'>): { category: number; cell: number } {
    const city = this.model.city;
    const category = city.categories.findIndex((c) => c.id === appeal.category);
    if (category < 0) throw new Error(`unknown category "${appeal.category}"`);
    this.cellIndex ??= new Map(city.city.cells.map((c, i) => [c.id, i]));
    const cell = this.cellIndex.get(appeal.cell);
    if (cell === undefined) throw new Error(`unknown cell "${appeal.cell}"`);
    return { category, cell };
  }

  /**
   * Fire the model's events up to t (inputs due by then take effect at their time) and return the
   * transitions at or before t, grouped per appeal, each group in history order, groups in order of
   * their first transition.
   */
  advanceTo(t: number): AppealStep[][] {
    if (!(t >= this.releasedTo)) throw new Error(`cannot go back to ${t} s from ${this.releasedTo} s`);
    for (
      let input = this.inputs[this.nextInput];
      input && input.at <= t;
      input = this.inputs[this.nextInput]
    ) {
      this.model.advance(Math.max(input.at, this.model.sim.now));
      this.apply(input);
      this.nextInput++;
    }
    this.model.advance(t);
    this.releasedTo = t;
    const due: AppealStep[] = [];
    const held: AppealStep[] = [];
    for (const list of [this.held, this.emitted]) {
      for (const step of list) (step.at <= t ? due : held).push(step);
    }
    this.held = held;
    this.emitted = [];
    // Stable: steps at the same time keep the model's order.
    due.sort((a, b) => a.at - b.at);
    const groups = new Map<number, AppealStep[]>();
    for (const step of due) {
      const group = groups.get(step.id);
      if (group) group.push(step);
      else groups.set(step.id, [step]);
      if (step.seq === 0) this.created++;
      if (TERMINAL_STATES.has(step.to)) this.open.delete(step.id);
      else this.open.set(step.id, { street: step.street, unit: step.unit });
    }
    this.transitions += due.length;
    return [...groups.values()];
  }

  /**
   * The run's report so far, in the same shape as the CLI's (one replication, no interval), under
   * the levers as they stand now (agents, league rules).
   */
  report(): Report {
    const replication = { intake: this.model.intake.finish(), hotline: this.model.observe() };
    return buildReport(this.model.scenarioNow, this.seed, [replication], this.model.city.city);
  }

  /** The current value of every catalogue lever, and the arrival rate (contract C1). */
  leverValues(): Record<string, LeverValue> {
    return leverValuesOf(this.model.scenarioNow);
  }

  /** Lever changes that took effect since the last call (the live server sends them with its updates). */
  takeLeverChanges(): AppliedLeverChange[] {
    const all = this.model.leverChanges;
    const out = all.slice(this.leverChangesTaken);
    this.leverChangesTaken = all.length;
    return out;
  }

  /** Released appeals not yet closed (answered, redirected or closed): per street, and per kind of unit holding them. */
  openAppeals(): OpenAppeals {
    const units = this.model.city.units;
    const byStreet = new Array<number>(this.model.city.city.streets.length).fill(0);
    const byUnitKind: OpenAppeals['byUnitKind'] = {
      none: 0,
      district: 0,
      street: 0,
      department: 0,
      utility: 0,
    };
    for (const { street, unit } of this.open.values()) {
      if (street >= 0) byStreet[street] = (byStreet[street] ?? 0) + 1;
      byUnitKind[units[unit]?.kind ?? 'none'] += 1;
    }
    return { total: this.open.size, byStreet, byUnitKind };
  }

  /** Series point `n` now: the KPIs of `report` (this run's, just built) and the running counts. */
  seriesPoint(n: number, report: Report): SeriesPoint {
    const obs = this.model.observe();
    const totals = observationTotals(obs);
    const kpis: SeriesPoint['kpis'] = {};
    for (const [name, estimate] of Object.entries(report.kpis) as [KpiName, KpiEstimate][]) {
      if (Number.isFinite(estimate.mean)) kpis[name] = estimate.mean;
    }
    return {
      n,
      at: this.now,
      kpis,
      reactiveOrders: totals.workOrders,
      gridOrders: totals.gridOrders,
      proactiveTasks: totals.proactiveTasks,
      appealsAvoided: totals.avoided,
      open: obs.open,
    };
  }

  /** Seat events since the last call (the live server streams them to the seats). */
  takeSeatEvents(): SeatEvent[] {
    const out = this.newSeatEvents;
    this.newSeatEvents = [];
    return out;
  }

  private apply(input: LiveInput): void {
    if (input.kind === 'inject') {
      this.model.injectNow(input.inject);
      return;
    }
    if (input.kind === 'decision') {
      this.model.decide(input.seat, input.decision);
      return;
    }
    if (input.kind === 'review' || input.kind === 'callback') {
      this.model.decideRole(input);
      return;
    }
    if (input.kind === 'levers') {
      try {
        this.model.setLevers(input.set, { source: 'instructor', label: input.label });
      } catch {
        // The server checks a change before logging it; should the levers it meets at its time refuse
        // it after all, it changes nothing, the same way in every replay.
      }
      return;
    }
    const id = this.model.admitExternal(this.resolve(input.appeal));
    if (id !== input.id) throw new Error(`external appeal logged as ${input.id} became ${id}`);
  }

  private onTransition(t: AppealTransition): void {
    const seq = this.seqs.get(t.id) ?? 0;
    if (t.to === 'closed' || t.to === 'answered' || t.to === 'redirected') this.seqs.delete(t.id);
    else this.seqs.set(t.id, seq + 1);
    this.emitted.push({ ...t, seq });
  }
}
