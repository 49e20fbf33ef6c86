/**
 * ECharts 4 ships its map JSON with every ring compressed into a string: each vertex is two UTF-16
 * code units holding zigzag-encoded deltas from the previous vertex (offset 64), in units of
 * 1/UTF8Scale degree (default 1024), starting from `encodeOffsets`. This is a port of
 * `decodePolygon` in echarts 4.9.0 `src/coord/geo/parseGeoJson.js` (Apache-2.0).
 */

export type Ring = [number, number][];

export interface EchartsFeature {
  readonly id?: string;
  readonly properties: { readonly name: string; readonly cp?: readonly [number, number] };
  readonly geometry:
    | { readonly type: 'Polygon'; readonly coordinates: string[]; readonly encodeOffsets: [number, number][] }
    | {
        readonly type: 'MultiPolygon';
        readonly coordinates: string[][];
        readonly encodeOffsets: [number, number][][];
      };
}

export interface EchartsMap {
  readonly UTF8Encoding?: boolean;
  readonly UTF8Scale?: number;
  readonly features: readonly EchartsFeature[];
}

export function decodeRing(encoded: string, offsets: readonly [number, number], scale: number): Ring {
  const ring: Ring = [];
  let prevX = offsets[0];
  let prevY = offsets[1];
  for (let i = 0; i < encoded.length; i += 2) {
    let x = encoded.charCodeAt(i) - 64;
    let y = encoded.charCodeAt(i + 1) - 64;
    x = (x >> 1) ^ -(x & 1);
    y = (y >> 1) ^ -(y & 1);
    x += prevX;
    y += prevY;
    prevX = x;
    prevY = y;
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

/** Decoded polygons (each a list of rings, exterior first) of one feature, as ECharts stores them. */
export function decodeFeature(feature: EchartsFeature, scale: number): Ring[][] {
  const g = feature.geometry;
  if (g.type === 'Polygon') {
    return [g.coordinates.map((ring, r) => decodeRing(ring, at(g.encodeOffsets, r), scale))];
  }
  return g.coordinates.map((polygon, p) =>
    polygon.map((ring, r) => decodeRing(ring, at(at(g.encodeOffsets, p), r), scale)),
  );
}

function at<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`encodeOffsets has no entry ${i}`);
  return item;
}
