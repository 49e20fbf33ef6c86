import { LEVERS, VIOTE_DRIVERS } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import {
  controlKey,
  controlLevers,
  leverControl,
  leverControls,
  leverGroups,
  sliderBounds,
} from './lever-controls';
import { LEVER_UNITS } from './lever-units';

const lever = (path: string) => {
  const found = LEVERS.find((l) => l.path === path);
  if (!found) throw new Error(`no lever ${path}`);
  return found;
};

describe('lever controls: one fitting control per lever kind', () => {
  it('edits switches as switches and the dispatch mode as a select of its choices', () => {
    expect(leverControl(lever('lifecycle.whistle.enabled')).kind).toBe('switch');
    const mode = leverControl(lever('lifecycle.dispatch.mode'));
    expect(mode).toMatchObject({ kind: 'select', choices: ['tiered', 'direct', 'smart'] });
  });

  it('edits a share as a percentage slider over its range', () => {
    expect(leverControl(lever('lifecycle.adoption.whistle.share'))).toMatchObject({
      kind: 'slider',
      unit: 'share',
      min: 0,
      max: 100,
      step: 1,
    });
    expect(leverControl(lever('lifecycle.reforms.dataSharing'))).toMatchObject({ min: 0, max: 80 });
  });

  it('edits bounded counts and minutes as sliders in whole steps, with their unit', () => {
    expect(leverControl(lever('lifecycle.assessment.governanceListSize'))).toMatchObject({
      kind: 'slider',
      unit: 'count',
      min: 0,
      max: 60,
      step: 1,
    });
    expect(leverControl(lever('lifecycle.whistle.reportLimitMinutes'))).toMatchObject({
      kind: 'slider',
      unit: 'minutes',
      min: 10,
      max: 240,
      step: 1,
    });
    // Fractional ranges get a step of about a hundredth of the range.
    expect(leverControl(lever('lifecycle.units.capacity.street'))).toMatchObject({
      unit: 'factor',
      step: 0.01,
    });
  });

  it('edits a count relative to the scenario (agents) as a number field of at least one', () => {
    expect(leverControl(lever('intake.agents'))).toMatchObject({
      kind: 'number',
      unit: 'count',
      min: 1,
      step: 1,
    });
  });

  it('knows the unit of every number lever of the catalogue but the time limits', () => {
    const numbers = LEVERS.filter((l) => l.kind === 'number' && !l.path.startsWith('lifecycle.timeLimits.'));
    for (const l of numbers) expect(LEVER_UNITS[l.path], l.path).toBeDefined();
    // Paperwork is in hours (range 0-1), not a share: the range alone would mislead.
    expect(LEVER_UNITS['lifecycle.assessment.effortHours.paperwork']).toBe('hours');
  });

  it('edits the time limits as one control with a field per class, hours for the short ones, days for the long', () => {
    const limits = leverControls().filter((c) => c.kind === 'timeLimits');
    expect(limits).toHaveLength(1);
    const [only] = limits;
    if (only?.kind !== 'timeLimits') throw new Error('no time-limits control');
    expect(only.fields.map((f) => [f.cls, f.unit])).toEqual([
      ['7d', 'days'],
      ['2h', 'hours'],
      ['24h', 'hours'],
      ['15d', 'days'],
    ]);
    expect(controlKey(only)).toBe('lifecycle.timeLimits');
  });

  it('covers every lever of the catalogue exactly once', () => {
    const covered = leverControls().flatMap((c) => controlLevers(c).map((l) => l.path));
    expect([...covered].sort()).toEqual(LEVERS.map((l) => l.path).sort());
  });
});

describe('slider bounds', () => {
  const control = { min: 10, max: 240, step: 1 };
  it('are the catalogue range for a value inside it', () => {
    expect(sliderBounds(control, 30)).toEqual([10, 240]);
    expect(sliderBounds(control, undefined)).toEqual([10, 240]);
  });
  it('widen to a scenario value outside the range, on the step', () => {
    expect(sliderBounds(control, 300.5)).toEqual([10, 301]);
    expect(sliderBounds({ min: 0.25, max: 2, step: 0.01 }, 0.1234)).toEqual([0.12, 2]);
  });
});

describe('grouping by VIOTE driver', () => {
  it('puts the drivers in VIOTE order with their zh/en headings, each control under its own driver', () => {
    const groups = leverGroups();
    expect(groups.map((g) => g.driver)).toEqual([
      'value',
      'institution',
      'organization',
      'technology',
      'environment',
    ]);
    expect(groups[0]?.heading).toEqual(VIOTE_DRIVERS.value);
    for (const g of groups) {
      for (const c of g.controls) for (const l of controlLevers(c)) expect(l.driver, l.path).toBe(g.driver);
    }
    const institution = groups.find((g) => g.driver === 'institution');
    expect(institution?.controls.some((c) => c.kind === 'timeLimits')).toBe(true);
  });

  it('leaves out a driver without levers', () => {
    const groups = leverGroups(leverControls([lever('intake.agents'), lever('lifecycle.grid.enabled')]));
    expect(groups.map((g) => g.driver)).toEqual(['value', 'organization']);
  });
});
