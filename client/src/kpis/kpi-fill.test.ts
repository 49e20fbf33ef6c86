import { describe, expect, it } from 'vitest';
import { DEFAULT_TIME_LIMITS, hoursToFirstCallbacks, hoursUntilCallbacks, timeLimitsOf } from './kpi-fill';

describe('kpi fill: when the callback KPIs fill', () => {
  it('waits for the shortest time limit the catalogue uses (2 h, the emergency class, by default)', () => {
    expect(hoursToFirstCallbacks(DEFAULT_TIME_LIMITS)).toBe(2);
  });

  it('follows a scenario whose limits differ', () => {
    expect(hoursToFirstCallbacks(timeLimitsOf({ lifecycle: { timeLimits: { '2h': 6, '24h': 4 } } }))).toBe(4);
  });

  it('counts down from the run`s elapsed virtual time, in whole hours, and stops at 0', () => {
    const limits = timeLimitsOf({ lifecycle: { timeLimits: { '2h': 3 } } });
    expect(hoursUntilCallbacks(limits, 0)).toBe(3);
    expect(hoursUntilCallbacks(limits, 1.5 * 3600)).toBe(2);
    expect(hoursUntilCallbacks(limits, 5 * 3600)).toBe(0);
  });

  it('uses the defaults for a scenario without limits or with bad ones', () => {
    expect(timeLimitsOf(null)).toEqual(DEFAULT_TIME_LIMITS);
    expect(timeLimitsOf({ lifecycle: { timeLimits: { '2h': -1, '7d': 'x' } } })).toEqual(DEFAULT_TIME_LIMITS);
  });
});
