import type { CityMap } from '@hotline-sim/shared';

/** Longitude/latitude → canvas pixels: equirectangular, x shrunk by cos(latitude) so shapes look right. */
export interface Projection {
  x(lon: number): number;
  y(lat: number): number;
  /** Pixels per degree of latitude. */
  scale: number;
}

/** Where the view looks: the whole city, or a point zoomed in (a street the league table focused). */
export interface View {
  centre: readonly [number, number] | null;
  zoom: number;
}

/** A rectangle of the canvas, in CSS pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Pixels kept free around the fitted box. */
export const FIT_PAD = 12;

/** Width over height of `bbox` once projected (x shrunk by cos(latitude)). */
export function aspectOf(bbox: CityMap['bbox']): number {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  return ((maxLon - minLon) * k) / (maxLat - minLat);
}

/**
 * Fits `bbox` into `frame` (default: the whole width × height) with {@link FIT_PAD} to spare, centred,
 * then zooms by `view`.
 */
export function makeProjection(
  bbox: CityMap['bbox'],
  width: number,
  height: number,
  view: View,
  frame: Rect = { x: 0, y: 0, width, height },
): Projection {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const pad = FIT_PAD;
  const fit = Math.min(
    (frame.width - 2 * pad) / ((maxLon - minLon) * k),
    (frame.height - 2 * pad) / (maxLat - minLat),
  );
  const scale = fit * view.zoom;
  const [cLon, cLat] = view.centre ?? [(minLon + maxLon) / 2, (minLat + maxLat) / 2];
  const cx = frame.x + frame.width / 2;
  const cy = frame.y + frame.height / 2;
  return {
    scale,
    x: (lon) => cx + (lon - cLon) * k * scale,
    y: (lat) => cy - (lat - cLat) * scale,
  };
}

/** Projected positions of everything the map draws, as flat arrays (indexes as in CityMap). */
export interface Projected {
  cellX: Float32Array;
  cellY: Float32Array;
  unitX: Float32Array;
  unitY: Float32Array;
  streetX: Float32Array;
  streetY: Float32Array;
}

export function project(city: CityMap, p: Projection): Projected {
  const n = city.cells.lon.length;
  const cellX = new Float32Array(n);
  const cellY = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    cellX[i] = p.x(city.cells.lon[i] as number);
    cellY[i] = p.y(city.cells.lat[i] as number);
  }
  return {
    cellX,
    cellY,
    unitX: Float32Array.from(city.units, (u) => p.x(u.lon)),
    unitY: Float32Array.from(city.units, (u) => p.y(u.lat)),
    streetX: Float32Array.from(city.streets, (s) => p.x(s.lon)),
    streetY: Float32Array.from(city.streets, (s) => p.y(s.lat)),
  };
}
