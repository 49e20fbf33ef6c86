/**
 * The model's behaviour, pinned byte for byte: each built-in scenario's JSON report (one replication
 * on its own seed, its full horizon), and a live exercise with every add-on at once (training seats,
 * all inject kinds, external appeals, seat decisions), recorded as a SHA-256 of its transitions and
 * seat events. Fixtures were made before the model was split into stages (issue 12); a change that
 * moves them changes behaviour and must be deliberate (rerun with `vitest -u`).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  LiveRun,
  builtInScenario,
  builtInScenarioNames,
  externalAppealId,
  runScenario,
  type AppealTransition,
  type SeatEvent,
  type SeatOffer,
} from '../src';
import { makeLifecycleScenario } from './hotline-scenario';

const fixture = (name: string) => `./fixtures/model-equivalence/${name}.json`;

describe('model equivalence: built-in scenarios give the same JSON report', () => {
  for (const name of builtInScenarioNames) {
    it(`${name}: one replication on its own seed`, async () => {
      const scenario = builtInScenario(name);
      if (!scenario) throw new Error(`built-in scenario ${name} is missing`);
      const json = JSON.stringify(runScenario(scenario, { replications: 1 }), null, 1);
      await expect(json).toMatchFileSnapshot(fixture(name));
    });
  }
});

describe('model equivalence: a live exercise with every add-on', () => {
  it('gives the same transitions, seat events and report', async () => {
    const scenario = makeLifecycleScenario({
      hours: 8,
      lifecycle: {
        dispatch: { mode: 'tiered' },
        grid: { enabled: true },
        training: { seats: ['A', 'B'], share: 0.05, holdMinutes: 20, ambiguity: 0.3 },
        injects: [
          { kind: 'surge', atHours: 1, hours: 3, factor: 4, categories: ['heating', 'water-supply'] },
          { kind: 'outage', atHours: 2, hours: 2, unitId: 'power' },
          { kind: 'ambiguous-batch', atHours: 3, hours: 1, count: 6 },
          { kind: 'emergency-batch', atHours: 4, hours: 1, count: 4 },
        ],
      },
    });
    const steps: AppealTransition[] = [];
    const seatEvents: SeatEvent[] = [];
    const run = new LiveRun(scenario, 5);
    const model = run.model;
    const hash = createHash('sha256');
    const record = (kind: string, value: unknown) => hash.update(`${kind} ${JSON.stringify(value)}\n`);
    // Decide every other offer rightly and leave the rest to time out; file an external appeal each hour.
    let considered = 0;
    for (let hour = 1; hour <= 8; hour++) {
      const at = hour * 3600;
      run.addInput({
        at,
        kind: 'appeal',
        id: externalAppealId(hour - 1),
        appeal: {
          category: 'noise-nuisance',
          cell: model.city.city.cells[hour * 97]?.id ?? '',
          channel: 'open311',
          token: `t${hour}`,
        },
      });
      if (hour === 5)
        run.addInput({
          at,
          kind: 'inject',
          inject: { kind: 'heating-start', atHours: 5, hours: 24, factor: 3 },
        });
      for (const group of run.advanceTo(at)) steps.push(...group);
      for (const e of run.takeSeatEvents()) {
        seatEvents.push(e);
        if (e.kind !== 'offer' || considered++ % 2 === 1) continue;
        const o = e as SeatOffer;
        run.addInput({
          at,
          kind: 'decision',
          seat: o.seat,
          decision: {
            appealId: o.appealId,
            action: o.truth.action,
            ...(o.truth.channel ? { channel: o.truth.channel } : {}),
            ...(o.truth.action === 'dispatch' ? { unit: o.truth.unit } : {}),
            assisting: o.truth.assisting,
          },
        });
      }
    }
    for (const group of run.advanceTo(60 * 24 * 3600)) steps.push(...group);
    seatEvents.push(...run.takeSeatEvents());
    expect(run.finished).toBe(true);
    for (const s of steps) record('step', s);
    for (const e of seatEvents) record('seat', e);
    const report = run.report();
    record('report', report);
    const summary = {
      steps: steps.length,
      seatEvents: seatEvents.length,
      offers: seatEvents.filter((e) => e.kind === 'offer').length,
      considered,
      contacts: report.kpis.contacts?.mean,
      workOrders: report.kpis.workOrders?.mean,
      sha256: hash.digest('hex'),
    };
    await expect(JSON.stringify(summary, null, 1)).toMatchFileSnapshot(fixture('live-exercise'));
  });
});
