import type { ScenarioSummary } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { exerciseCity } from './exercise-city';

const summary = (name: string, city: string): ScenarioSummary => ({
  name,
  description: '',
  descriptionZh: '',
  start: '2024-01-01',
  hours: 24,
  lifecycle: true,
  city,
});
const list = [summary('stage-2024', 'beijing'), summary('shanghai-2024', 'shanghai')];

describe('exerciseCity', () => {
  it("is a built-in scenario's city as the server lists it", () => {
    expect(exerciseCity('shanghai-2024', list)).toBe('shanghai');
    expect(exerciseCity('stage-2024', list)).toBe('beijing');
  });

  it('is undefined while the list does not have the scenario (wait, do not guess)', () => {
    expect(exerciseCity('hangzhou-2018', list)).toBeUndefined();
    expect(exerciseCity('shanghai-2024', [])).toBeUndefined();
  });

  it("is a scenario object's own city, else null (the server's default)", () => {
    expect(exerciseCity({ name: 'mine', city: 'hangzhou' }, list)).toBe('hangzhou');
    expect(exerciseCity({ name: 'mine' }, list)).toBeNull();
  });
});
