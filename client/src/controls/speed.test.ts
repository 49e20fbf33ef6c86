import { SPEED_MAX, SPEED_MIN } from '@hotline-sim/shared';
import { describe, expect, it } from 'vitest';
import { SLIDER_STEPS, sliderToSpeed, speedToSlider } from './speed';

describe('speed slider (log scale)', () => {
  it('spans ×0.5 to ×10,000', () => {
    expect(sliderToSpeed(0)).toBe(SPEED_MIN);
    expect(sliderToSpeed(SLIDER_STEPS)).toBe(SPEED_MAX);
  });

  it('gives round speeds back for the positions of round speeds', () => {
    for (const speed of [1, 60, 600, 1000, 5000]) expect(sliderToSpeed(speedToSlider(speed))).toBe(speed);
  });

  it('is monotone', () => {
    let last = 0;
    for (let p = 0; p <= SLIDER_STEPS; p++) {
      const s = sliderToSpeed(p);
      expect(s).toBeGreaterThanOrEqual(last);
      last = s;
    }
  });
});
