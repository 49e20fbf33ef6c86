import { SPEED_MAX, SPEED_MIN } from '@hotline-sim/shared';

/** Steps of the speed slider: ×0.5 … ×10,000 on a log scale. */
export const SLIDER_STEPS = 1000;
const LOG_MIN = Math.log(SPEED_MIN);
const LOG_MAX = Math.log(SPEED_MAX);

export function speedToSlider(speed: number): number {
  const clamped = Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
  return Math.round(((Math.log(clamped) - LOG_MIN) / (LOG_MAX - LOG_MIN)) * SLIDER_STEPS);
}

/** The slider position as a speed, rounded to two significant digits (×60, ×1,300 …). */
export function sliderToSpeed(position: number): number {
  const raw = Math.exp(LOG_MIN + (position / SLIDER_STEPS) * (LOG_MAX - LOG_MIN));
  if (raw < 1) return Math.max(SPEED_MIN, Math.round(raw * 10) / 10);
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(raw)) - 1);
  return Math.min(SPEED_MAX, Math.round(raw / magnitude) * magnitude);
}
