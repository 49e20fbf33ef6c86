import { SECONDS_PER_DAY, SECONDS_PER_HOUR } from '../engine/calendar';
import type { CityModel } from './city-model';

/**
 * When work of `seconds` that a unit starts at `t` is done, counting only its working hours: a unit
 * that works office hours (departments, districts: UNIT_KIND_INFO) stops at closing time and goes on
 * the next working day, so a 2-hour order that reaches it on a Saturday waits until Monday. Units that
 * work around the clock finish at t + seconds.
 */
export function finishWithin(city: CityModel, unit: number, t: number, seconds: number): number {
  const u = city.units[unit];
  if (!u || u.signsAlways) return t + seconds;
  let left = seconds;
  let at = city.nextOpen(unit, t);
  for (;;) {
    const close = Math.floor(at / SECONDS_PER_DAY) * SECONDS_PER_DAY + u.hours.end * SECONDS_PER_HOUR;
    if (at + left <= close) return at + left;
    left -= close - at;
    at = city.nextOpen(unit, close);
  }
}
