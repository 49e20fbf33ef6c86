import { describe, expect, it } from 'vitest';
import { fieldToLimit, limitToField, timeLimitClass, timeLimitUnit } from './time-limits';

describe('time-limit fields', () => {
  it('reads the class from the lever path, and nothing else as a time limit', () => {
    expect(timeLimitClass('lifecycle.timeLimits.15d')).toBe('15d');
    expect(timeLimitClass('lifecycle.timeLimits.3d')).toBeNull();
    expect(timeLimitClass('lifecycle.response.limitHours')).toBeNull();
  });

  it('shows the emergency and 24-hour classes in hours, the 7- and 15-day ones in days', () => {
    expect(timeLimitUnit('2h')).toBe('hours');
    expect(timeLimitUnit('24h')).toBe('hours');
    expect(timeLimitUnit('7d')).toBe('days');
    expect(timeLimitUnit('15d')).toBe('days');
  });

  it('converts hours to days and back (a day is 24 h)', () => {
    expect(limitToField('days', 168)).toBe(7);
    expect(limitToField('days', 360)).toBe(15);
    expect(limitToField('days', 100)).toBe(4.1667);
    expect(limitToField('hours', 24)).toBe(24);
    expect(fieldToLimit('days', '7')).toEqual({ hours: 168 });
    expect(fieldToLimit('days', '7.5')).toEqual({ hours: 180 });
    expect(fieldToLimit('hours', '4')).toEqual({ hours: 4 });
    expect(fieldToLimit('days', String(limitToField('days', 120)))).toEqual({ hours: 120 });
  });

  it('refuses an empty, zero, negative or non-number field, naming the rule', () => {
    for (const text of ['', ' ', '0', '-2', 'abc']) {
      expect(fieldToLimit('days', text), text).toEqual({ error: 'a time limit must be a positive number' });
    }
  });
});
