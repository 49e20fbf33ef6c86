import { describe, expect, it } from 'vitest';
import {
  appealKind,
  builtInScenario,
  HotlineModel,
  MATTER_CONTACT_SHARE,
  pairedDifferenceCI,
  replicationKpis,
  replicationSeed,
  runReplication,
  validateScenario,
  type Scenario,
} from '../src';

/**
 * Issue 17: the integrated 12345 of the service cities. The service-matter model's questions and
 * complaints are callers in the hotline's intake queue (hotline/injects/matter-calls.ts), so a
 * service lever that spares applicants a call shortens the hotline's queue. Paired replications on
 * common random numbers (the regular callers are the same on both sides; only the matter callers
 * differ), 95 % intervals.
 */
const R = 4;
const base = builtInScenario('shanghai-2018') as Scenario;

/** shanghai-2018 with some service levers changed (everything else as built in). */
function variant(services: Record<string, unknown>, hours = 72): Scenario {
  const { name: _n, ...rest } = structuredClone(base);
  return validateScenario(
    { ...rest, name: 'variant', hours, services: { ...base.services, ...services } },
    'test',
  );
}

function kpis(s: Scenario) {
  return Array.from({ length: R }, (_, r) => replicationKpis(runReplication(s, replicationSeed(s.seed, r))));
}

/** The paired 95 % interval of b − a for one KPI. */
function change(a: ReturnType<typeof kpis>, b: ReturnType<typeof kpis>, kpi: string) {
  const pick = (xs: ReturnType<typeof kpis>) => xs.map((k) => (k as Record<string, number>)[kpi] ?? NaN);
  return pairedDifferenceCI(pick(b), pick(a));
}

describe('matter calls become hotline contacts', () => {
  it('as callers of kind matter, the same ones for the same seed', () => {
    const scenario = variant({}, 24);
    const seen = (seed: number) => {
      const ids: number[] = [];
      const model = new HotlineModel(scenario, seed, {
        onTransition: (t) => {
          if (appealKind(t.id) === 'matter' && t.to === 'received') ids.push(t.id);
        },
      });
      model.run();
      return { ids, model };
    };
    const a = seen(7);
    const b = seen(7);
    expect(a.ids.length).toBeGreaterThan(20);
    expect(b.ids).toEqual(a.ids);
    // Each stands for a call of the services model: a question or a complaint about a real matter.
    const call = a.model.matterCallOf(a.ids[0] as number);
    expect(call?.kind === 'question' || call?.kind === 'complaint').toBe(true);
    expect(a.model.matterCallOf(0)).toBeUndefined();
    expect(a.model.services?.matterContacts).toBeGreaterThan(0);
  });

  it("in each city's first year, about the assumed share of its contacts (the fitted scale)", () => {
    for (const name of ['shanghai-2018', 'hangzhou-2016']) {
      const s = builtInScenario(name) as Scenario;
      const shares = kpis(s).map((k) => {
        const x = k as Record<string, number>;
        return (x.matterContacts as number) / (x.contacts as number);
      });
      const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
      expect(mean, name).toBeGreaterThan(MATTER_CONTACT_SHARE * 0.8);
      expect(mean, name).toBeLessThan(MATTER_CONTACT_SHARE * 1.2);
    }
  });

  it('fewer papers (data sharing, materials halved): fewer questions, fewer hotline contacts, shorter waits', () => {
    const a = kpis(variant({ dataSharing: 0.2, materialsCut: 0 }));
    const b = kpis(variant({ dataSharing: 0.9, materialsCut: 0.5 }));
    expect(change(a, b, 'matterContacts').ci95[1]).toBeLessThan(0);
    expect(change(a, b, 'contacts').ci95[1]).toBeLessThan(0);
    expect(change(a, b, 'meanWaitSeconds').ci95[1]).toBeLessThan(0);
  });

  it('12345 answering matter questions: more contacts and longer waits on the hotline', () => {
    const a = kpis(variant({ hotlineAnswers: false }));
    const b = kpis(variant({ hotlineAnswers: true }));
    expect(change(a, b, 'matterContacts').ci95[0]).toBeGreaterThan(0);
    expect(change(a, b, 'meanWaitSeconds').ci95[0]).toBeGreaterThan(0);
  });

  it('callers about matters in flight beside the first citizens do not blow up the intake (ids ≡ mod 2^27)', () => {
    // A flat day from midnight: matter callers 0, 1, … call while citizens 0, 1, … are still on the
    // line. In one contact ring they shared slots and the ring doubled to 2^28 slots (gigabytes).
    const { name: _n, ...rest } = structuredClone(base);
    const flat = validateScenario(
      {
        ...rest,
        name: 'flat',
        hours: 3,
        arrivals: { perHour: base.arrivals.perHour },
        services: { ...base.services, callsPerMatterCall: 20 },
      },
      'test',
    );
    const before = process.memoryUsage().arrayBuffers;
    const rep = runReplication(flat, 5);
    expect(rep.services?.matterContacts).toBeGreaterThan(10);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(200 * 2 ** 20);
  });

  it('a scale of 0 feeds nothing: the hotline is as without matter calls', () => {
    const off = kpis(variant({ callsPerMatterCall: 0 }, 24));
    const none = kpis(variant({ callsPerMatterCall: 0, hotlineAnswers: false, oneWindow: true }, 24));
    for (const k of off) expect((k as Record<string, number>).matterContacts).toBe(0);
    // The hotline's KPIs do not depend on the services model at all then.
    expect(off.map((k) => k.meanWaitSeconds)).toEqual(none.map((k) => k.meanWaitSeconds));
  });
});
