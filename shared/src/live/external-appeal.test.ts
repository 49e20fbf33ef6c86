import { describe, expect, it } from 'vitest';
import { validateScenario } from '../scenario/load';
import { LiveRun, externalAppealId, type AppealStep, type LiveInput } from './live-run';

/** A small city morning: short time limits so orders close within a virtual day. */
const scenario = validateScenario({
  name: 'external-appeal',
  seed: 11,
  start: '2025-03-12',
  hours: 4,
  warmupHours: 0,
  arrivals: { perHour: 60 },
  intake: { agents: 8, talkMinutes: { exponential: { mean: 5 } } },
  lifecycle: {
    timeLimits: { '2h': 2, '24h': 8, '7d': 24, '15d': 36 },
    response: { hours: { lognormal: { mean: 3, cv: 1 } }, limitHours: 8 },
  },
});

function drive(inputs: LiveInput[]): { steps: AppealStep[]; run: LiveRun } {
  const run = new LiveRun(scenario, scenario.seed);
  const steps: AppealStep[] = [];
  let pending = [...inputs];
  for (let t = 0; !run.finished; t += 600) {
    // Inputs are logged the way the owner logs them: at the released time, then the clock moves.
    for (const input of pending.filter((i) => i.at <= run.now)) run.addInput(input);
    pending = pending.filter((i) => i.at > run.now);
    for (const group of run.advanceTo(t)) steps.push(...group);
  }
  return { steps, run };
}

const cellOf = (run: LiveRun, street: number) =>
  run.model.city.city.cells.find((_, i) => run.model.city.cellStreet[i] === street)?.id ?? '';

describe('live run: an appeal filed from outside (Open311)', () => {
  const probe = new LiveRun(scenario, scenario.seed);
  const cell = cellOf(probe, 10);
  const inputs: LiveInput[] = [
    {
      at: 3_600,
      kind: 'appeal',
      id: externalAppealId(0),
      appeal: { category: 'noise-nuisance', cell, channel: 'open311', token: 't-1' },
    },
    {
      at: 7_200,
      kind: 'appeal',
      id: externalAppealId(1),
      appeal: { category: 'heating', cell, channel: 'open311', token: 't-2' },
    },
  ];

  it('is received at its time, dispatched to a unit and closed after the callback', () => {
    const { steps } = drive(inputs);
    const first = steps.filter((s) => s.id === externalAppealId(0));
    expect(first[0]).toMatchObject({ to: 'received', at: 3_600, seq: 0, source: 'citizen' });
    expect(first[1]?.to).toBe('dispatched');
    expect(first[first.length - 1]?.to).toBe('closed');
    expect(first.map((s) => s.seq)).toEqual(first.map((_, i) => i));
    expect(steps.filter((s) => s.id === externalAppealId(1))[0]?.at).toBe(7_200);
  });

  it('replays exactly: the same inputs give the same history for every appeal', () => {
    const a = drive(inputs);
    const b = drive(inputs);
    expect(JSON.stringify(b.steps)).toBe(JSON.stringify(a.steps));
    expect(JSON.stringify(b.run.report())).toBe(JSON.stringify(a.run.report()));
  });

  it('refuses an id out of turn, an unknown category or cell', () => {
    const run = new LiveRun(scenario, scenario.seed);
    const appeal = { category: 'noise-nuisance', cell, channel: 'open311' as const, token: 'x' };
    expect(() => run.addInput({ at: 0, kind: 'appeal', id: externalAppealId(1), appeal })).toThrow(
      /comes next/,
    );
    expect(() =>
      run.addInput({ at: 0, kind: 'appeal', id: externalAppealId(0), appeal: { ...appeal, category: 'x' } }),
    ).toThrow(/unknown category/);
    expect(() =>
      run.addInput({ at: 0, kind: 'appeal', id: externalAppealId(0), appeal: { ...appeal, cell: '0' } }),
    ).toThrow(/unknown cell/);
  });
});
