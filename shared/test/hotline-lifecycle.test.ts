import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HotlineModel,
  TERMINAL_STATES,
  appealKind,
  canTransition,
  replicationKpis,
  runReplication,
  runScenario,
  type Inject,
} from '../src';
import {
  counterTotals,
  makeLifecycleScenario,
  runRecorded,
  type LifecycleOverrides,
  type Step,
} from './hotline-scenario';

/** Random levers of a small lifecycle scenario. */
interface Levers {
  seed: number;
  perHour: number;
  hours: number;
  mode: 'tiered' | 'direct' | 'smart';
  accuracy: number;
  /** 首接负责: off, streets dispute multi-unit cases once. */
  leadUnit: boolean;
  whistle: boolean;
  supervision: boolean;
  review: boolean;
  maxReturns: number;
  falseReturnShare: number;
  grid: boolean;
  hotSpots: boolean;
  /** Short 7-day and 15-day limits: many more orders go overdue and through 督办. */
  tightLimits: boolean;
  inject: 'none' | 'outage' | 'surge';
}

const leversArb: fc.Arbitrary<Levers> = fc.record({
  seed: fc.nat({ max: 0x7fffffff }),
  perHour: fc.integer({ min: 200, max: 500 }),
  hours: fc.integer({ min: 24, max: 48 }),
  mode: fc.constantFrom('tiered', 'direct', 'smart'),
  accuracy: fc.double({ min: 0.5, max: 1, noNaN: true }),
  leadUnit: fc.boolean(),
  whistle: fc.boolean(),
  supervision: fc.boolean(),
  review: fc.boolean(),
  maxReturns: fc.integer({ min: 1, max: 4 }),
  falseReturnShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
  grid: fc.boolean(),
  hotSpots: fc.boolean(),
  tightLimits: fc.boolean(),
  inject: fc.constantFrom('none', 'outage', 'surge'),
});

function scenarioOf(l: Levers): LifecycleOverrides {
  const injects: Inject[] =
    l.inject === 'outage'
      ? [{ kind: 'outage', atHours: 2, hours: 30, unitId: 'heat' }]
      : l.inject === 'surge'
        ? [{ kind: 'surge', atHours: 3, hours: 4, factor: 2 }]
        : [];
  return {
    seed: l.seed,
    hours: l.hours,
    arrivals: { perHour: l.perHour },
    intake: { agents: Math.ceil(((l.perHour * 5.3) / 60) * 1.3) },
    lifecycle: {
      dispatch: { mode: l.mode, manualAccuracy: l.accuracy, smartAccuracy: l.accuracy, leadUnit: l.leadUnit },
      whistle: { enabled: l.whistle },
      supervision: { enabled: l.supervision },
      returns: { review: l.review, maxReturns: l.maxReturns, falseReturnShare: l.falseReturnShare },
      // Fewer discoveries than the city-wide default: the property is about paths, not volumes.
      grid: { enabled: l.grid, perCellPerDay: 0.3 },
      proactive: { hotSpots: { enabled: l.hotSpots, threshold: 3 } },
      timeLimits: l.tightLimits ? { '7d': 30, '15d': 60 } : {},
      injects,
    },
  };
}

/** What each property found wrong in one run: a few examples per property, empty when it holds. */
interface Violations {
  entry: string[];
  terminal: string[];
  path: string[];
  signedBeforeHandled: string[];
  returns: string[];
  drained: string[];
  time: string[];
  counters: string[];
}

const show = (id: number, h: readonly Step[]): string =>
  `${id}: ${h.map((s) => `${s.from ?? '∅'}→${s.to}@${Math.round(s.t)}`).join(' ')}`;

function check(l: Levers): Violations {
  const scenario = makeLifecycleScenario(scenarioOf(l));
  const { obs, histories } = runRecorded(scenario);
  const v: Violations = {
    entry: [],
    terminal: [],
    path: [],
    signedBeforeHandled: [],
    returns: [],
    drained: [],
    time: [],
    counters: [],
  };
  const note = (list: string[], what: string): void => {
    if (list.length < 3) list.push(what);
  };
  let citizens = 0;
  const seen = {
    dispatched: 0,
    grid: 0,
    answered: 0,
    redirected: 0,
    returnedOrders: 0,
    returns: 0,
    supervised: 0,
    evaluated: 0,
    closed: 0,
  };
  for (const [id, h] of histories) {
    const grid = appealKind(id) === 'grid';
    const states = h.map((s) => s.to);
    const first = h[0];
    // Entry: citizens at received (when the agent finishes), grid discoveries at dispatched.
    if (!first || first.from !== undefined || first.to !== (grid ? 'dispatched' : 'received'))
      note(v.entry, show(id, h));
    // Exactly one terminal state, and it is the last thing that happens.
    const terminals = states.filter((s) => TERMINAL_STATES.has(s)).length;
    if (terminals !== 1 || !TERMINAL_STATES.has(states[states.length - 1] ?? 'received'))
      note(v.terminal, show(id, h));
    // A valid path: each step starts where the last ended and is a transition of the machine.
    h.forEach((s, i) => {
      const prev = i === 0 ? undefined : h[i - 1]?.to;
      if (i > 0 && (s.from !== prev || s.from === undefined || !canTransition(s.from, s.to)))
        note(v.path, `${prev}→(${s.from}→${s.to}) in ${show(id, h)}`);
    });
    // A work order is signed, then contacted, then handled; it never closes unhandled.
    const isOrder = states.includes('dispatched');
    if (isOrder) {
      const signed = states.indexOf('signed');
      const contacted = states.indexOf('contacted');
      const handled = states.indexOf('handled');
      if (states.includes('closed') && handled < 0) note(v.signedBeforeHandled, show(id, h));
      if (handled >= 0 && !(signed >= 0 && signed < contacted && contacted < handled))
        note(v.signedBeforeHandled, show(id, h));
      // Grid discoveries are checked (verified), never called back; citizens' orders the reverse.
      const wrongEnd = grid
        ? states.includes('evaluated') || (states.includes('closed') && !states.includes('verified'))
        : states.includes('verified');
      if (wrongEnd) note(v.signedBeforeHandled, show(id, h));
    }
    // Returns are bounded: the reviewer assigns the owner after maxReturns.
    const returns = states.filter((s) => s === 'returned').length;
    if (returns > l.maxReturns) note(v.returns, `${returns} returns > ${l.maxReturns}: ${show(id, h)}`);
    // Time runs forward along each history, from a receipt inside the run.
    h.forEach((s, i) => {
      const prev = h[i - 1];
      if (!Number.isFinite(s.t) || s.t < 0 || (prev && s.t < prev.t)) note(v.time, show(id, h));
    });
    if (first && first.t >= scenario.hours * 3600) note(v.time, `received after the horizon: ${show(id, h)}`);

    if (!grid) citizens++;
    if (!grid && isOrder) seen.dispatched++;
    if (grid) seen.grid++;
    if (states.at(-1) === 'answered') seen.answered++;
    if (states.at(-1) === 'redirected') seen.redirected++;
    if (returns > 0) seen.returnedOrders++;
    seen.returns += returns;
    if (!grid && states.includes('supervised')) seen.supervised++;
    if (states.includes('evaluated')) seen.evaluated++;
    if (states.at(-1) === 'closed') seen.closed++;
  }
  if (obs.open !== 0) note(v.drained, `${obs.open} appeals open after the drain`);
  if (obs.intake.unfinished !== 0) note(v.drained, `${obs.intake.unfinished} contacts still queued`);

  // The counters behind the KPIs count exactly what the histories show (no warm-up here).
  const c = counterTotals(obs);
  const abandoned = obs.intake.batches.reduce((a, b) => a + b.abandoned, 0);
  const expectSame = (name: string, counted: number, recorded: number): void => {
    if (counted !== recorded) note(v.counters, `${name}: counters say ${counted}, histories ${recorded}`);
  };
  expectSame('admitted − abandoned', c.admitted - abandoned, citizens);
  expectSame('workOrders', c.workOrders, seen.dispatched);
  expectSame('gridOrders', c.gridOrders, seen.grid);
  expectSame('answered', c.answered, seen.answered);
  expectSame('redirected + repeats', c.redirected + c.repeats, seen.redirected);
  expectSame('returnedOrders', c.returnedOrders, seen.returnedOrders);
  expectSame('returns', c.returns, seen.returns);
  expectSame('supervised', c.supervised, seen.supervised);
  expectSame('evaluated', c.evaluated, seen.evaluated);
  expectSame('closed', c.closed, seen.closed);
  if (!l.supervision) expectSame('supervised with supervision off', c.supervised, 0);
  return v;
}

// Every property below runs the same scenarios (same fast-check seed), so each model runs once. The seed
// is fixed (STYLE: property tests use fixed seeds): a failure names its levers and reproduces as is.
const FC_SEED = 0x5eed;
const NUM_RUNS = 10;
const cache = new Map<string, Violations>();
const violations = (l: Levers): Violations => {
  const key = JSON.stringify(l);
  let v = cache.get(key);
  if (!v) {
    v = check(l);
    cache.set(key, v);
  }
  return v;
};
const holds = (property: keyof Violations): void => {
  fc.assert(
    fc.property(leversArb, (l) => {
      expect(violations(l)[property], `levers ${JSON.stringify(l)}`).toEqual([]);
    }),
    { seed: FC_SEED, numRuns: NUM_RUNS },
  );
};

describe('lifecycle properties over whole runs (random levers)', () => {
  it('enters citizens at received and grid discoveries at dispatched', () => holds('entry'));

  it('ends every appeal in exactly one terminal state, after which nothing happens', () => holds('terminal'));

  it('moves every appeal along a valid path of the state machine', () => holds('path'));

  it('signs, contacts and handles every order before it closes (callback for citizens, check for grid)', () =>
    holds('signedBeforeHandled'));

  it('never returns an order more than lifecycle.returns.maxReturns times', () => holds('returns'));

  it('drains: no appeal open and no contact queued when the run ends', () => holds('drained'));

  it('never moves time backwards along an appeal’s history', () => holds('time'));

  it('counts in its KPI counters exactly what the histories show', () => holds('counters'));
});

describe('lifecycle edge cases', () => {
  it('caps the returns of a hopeless dispatcher at maxReturns and still closes every order', () => {
    // Every manual dispatch goes to the wrong unit: each order bounces until the reviewer assigns it.
    const scenario = makeLifecycleScenario({
      hours: 24,
      arrivals: { perHour: 200 },
      intake: { agents: 25 },
      lifecycle: { dispatch: { mode: 'direct', manualAccuracy: 0 }, returns: { maxReturns: 2 } },
    });
    const { obs, histories } = runRecorded(scenario);
    expect(obs.open).toBe(0);
    let orders = 0;
    for (const h of histories.values()) {
      const states = h.map((s) => s.to);
      if (!states.includes('dispatched')) continue;
      orders++;
      expect(states.filter((s) => s === 'returned')).toHaveLength(2);
      expect(states.at(-1)).toBe('closed');
    }
    expect(orders).toBeGreaterThan(500);
  });

  it('supervises no order when supervision is off, even with very tight limits', () => {
    const scenario = makeLifecycleScenario({
      hours: 24,
      arrivals: { perHour: 200 },
      intake: { agents: 25 },
      lifecycle: {
        supervision: { enabled: false },
        timeLimits: { '2h': 0.5, '24h': 1, '7d': 2, '15d': 3 },
      },
    });
    const { obs, histories } = runRecorded(scenario);
    for (const h of histories.values()) expect(h.map((s) => s.to)).not.toContain('supervised');
    expect(counterTotals(obs).supervised).toBe(0);
    expect(obs.open).toBe(0);
  });
});

describe('lifecycle determinism', () => {
  const scenario = makeLifecycleScenario({
    hours: 24,
    arrivals: { perHour: 300 },
    intake: { agents: 35 },
    lifecycle: { grid: { enabled: true, perCellPerDay: 0.3 }, proactive: { hotSpots: { enabled: true } } },
  });

  it('gives an identical report JSON for the same scenario and seed', () => {
    const a = JSON.stringify(runScenario(scenario, { replications: 2 }));
    const b = JSON.stringify(runScenario(scenario, { replications: 2 }));
    expect(b).toBe(a);
  });

  it('gives a different report for a different seed', () => {
    const a = runScenario(scenario, { replications: 1, seed: 1 });
    const b = runScenario(scenario, { replications: 1, seed: 2 });
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a));
    expect(b.kpis.workOrders?.mean).not.toBe(a.kpis.workOrders?.mean);
  });

  it('replays the same transition log for the same seed, however the run is advanced', () => {
    const log = (stepwise: boolean): string[] => {
      const out: string[] = [];
      const model = new HotlineModel(scenario, 7, {
        onTransition: ({ id, from, to, at: t }) => out.push(`${id} ${from} ${to} ${t}`),
      });
      if (stepwise) for (let i = 1; i <= 37; i++) model.advance((model.horizon * i) / 37);
      else model.advance(model.horizon);
      model.drain();
      return out;
    };
    const once = log(false);
    expect(once.length).toBeGreaterThan(10_000);
    expect(log(true)).toEqual(once);
  });

  it('keeps intake and dispatch identical when only a lever after dispatch changes (common random numbers)', () => {
    // No grid or proactive work here: their effects depend on outcomes, which these levers move.
    const plain = (lifecycle: LifecycleOverrides['lifecycle']) =>
      makeLifecycleScenario({ hours: 24, arrivals: { perHour: 300 }, intake: { agents: 35 }, lifecycle });
    const base = replicationKpis(runReplication(plain({}), 3));
    // 督办 no longer makes an order better (it counts against the unit next month): within a day it
    // moves only the supervised share.
    const levers = [
      [{ whistle: { enabled: false } }, 'resolutionRate'],
      [{ supervision: { enabled: false } }, 'supervisedRate'],
    ] as const;
    for (const [lifecycle, moved] of levers) {
      const other = replicationKpis(runReplication(plain(lifecycle), 3));
      expect(other.contacts).toBe(base.contacts);
      expect(other.workOrders).toBe(base.workOrders);
      expect(other.directAnswerRate).toBe(base.directAnswerRate);
      expect(other.meanMinutesToDispatch).toBe(base.meanMinutesToDispatch);
      expect(other[moved]).not.toBe(base[moved]);
    }
  });
});
