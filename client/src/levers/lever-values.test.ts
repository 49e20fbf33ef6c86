import { LEVERS } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { getPath, LEVER_INPUTS, setPath } from './lever-values';

describe('lever paths', () => {
  it('reads and writes dotted paths without touching the original', () => {
    const scenario = { name: 's', lifecycle: { grid: { enabled: false, workers: 3 } } };
    const next = setPath(scenario, 'lifecycle.grid.enabled', true);
    expect(getPath(next, 'lifecycle.grid.enabled')).toBe(true);
    expect(getPath(next, 'lifecycle.grid.workers')).toBe(3);
    expect(scenario.lifecycle.grid.enabled).toBe(false);
  });

  it('creates missing objects and removes a value set to undefined (the default applies)', () => {
    const next = setPath({ name: 's' }, 'lifecycle.reforms.oneNetwork', 0.5);
    expect(getPath(next, 'lifecycle.reforms.oneNetwork')).toBe(0.5);
    expect(getPath(setPath(next, 'lifecycle.reforms.oneNetwork', undefined), 'lifecycle.reforms')).toEqual(
      {},
    );
  });

  it('has an input for every lever shared/ defines', () => {
    for (const lever of LEVERS) expect(LEVER_INPUTS[lever.path], lever.path).toBeDefined();
  });
});

describe('lever inputs from the catalogue', () => {
  it('edits switches as switches, the dispatch mode as a choice, shares between 0 and 1', () => {
    expect(LEVER_INPUTS['lifecycle.grid.enabled']).toBe('boolean');
    expect(LEVER_INPUTS['lifecycle.dispatch.mode']).toBe('choice');
    expect(LEVER_INPUTS['lifecycle.reforms.dataSharing']).toBe('share');
    expect(LEVER_INPUTS['intake.agents']).toBe('integer');
    expect(LEVER_INPUTS['lifecycle.timeLimits.7d']).toBe('number');
  });
});
