import { describe, expect, it } from 'vitest';
import { valueDecimals } from './value-decimals';

describe('valueDecimals', () => {
  it('shows each swept value as asked', () => {
    expect(valueDecimals([0.25, 0.5, 1])).toBe(2);
    expect(valueDecimals([0, 60])).toBe(0);
    expect(valueDecimals([1.5, 2])).toBe(1);
    expect(valueDecimals([24, 72, 168])).toBe(0);
  });

  it('keeps a floor (shares: 2) and a ceiling', () => {
    expect(valueDecimals([0, 1], 2)).toBe(2);
    expect(valueDecimals([0.125, 0.5], 2)).toBe(3);
    expect(valueDecimals([1 / 3])).toBe(4);
  });
});
