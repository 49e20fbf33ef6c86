import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { civilFromDays, dayOfWeek, daysFromCivil, parseIsoDate } from './calendar';

describe('calendar', () => {
  it('round-trips days and civil dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (d) => {
        const { year, month, day } = civilFromDays(d);
        expect(daysFromCivil(year, month, day)).toBe(d);
      }),
    );
  });

  it('knows real weekdays', () => {
    expect(dayOfWeek(parseIsoDate('2025-01-06'))).toBe(0); // a Monday
    expect(dayOfWeek(parseIsoDate('2019-01-01'))).toBe(1); // a Tuesday
    expect(dayOfWeek(parseIsoDate('2024-12-29'))).toBe(6); // a Sunday
  });

  it('rejects impossible dates', () => {
    expect(() => parseIsoDate('2025-02-29')).toThrow(/not a real date/);
    expect(() => parseIsoDate('25-1-1')).toThrow(/YYYY-MM-DD/);
  });
});
