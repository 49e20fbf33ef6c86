/**
 * District outlines for the city builder: ECharts 4.9 province maps decoded into RFC 7946 rings, and,
 * where a map has no outline per district (a prefecture city's districts), the fallback: the city's
 * outline split into Voronoi regions of synthetic district seats (see data/SOURCES.md).
 */
import { bboxOf, pointInGeometry, type AreaGeometry, type LinearRing, type Position } from '../geo';
import { decodeFeature, type EchartsMap, type Ring } from './echarts-decode';
import { distance2, lloyd, round5, samplePoints, type Site } from './placement';

export interface Outline {
  /** Division code of the feature (ECharts `id`), when the map gives one. */
  readonly id: string | undefined;
  readonly name: string;
  /** ECharts' `cp`: the seat of the unit. */
  readonly seat: readonly [number, number];
  readonly geometry: AreaGeometry;
}

/** ECharts' compressed outlines → closed, RFC 7946-oriented rings rounded to 5 decimals. */
export function decodeOutlines(map: EchartsMap): Outline[] {
  if (map.UTF8Encoding !== true) throw new Error('expected the UTF8Encoding form of the ECharts map');
  const scale = map.UTF8Scale ?? 1024;
  return map.features.map((feature) => {
    // Rings that vanish at 5 decimals (tiny islets) are dropped, with their polygon if it is the exterior.
    const polygons = decodeFeature(feature, scale).flatMap((rings) => {
      const [exterior, ...holes] = rings.map((r, i) => cleanRing(r, i === 0));
      return exterior === undefined ? [] : [[exterior, ...holes.filter((h) => h !== undefined)]];
    });
    if (polygons.length === 0) throw new Error(`feature ${feature.properties.name} has no outline`);
    const geometry = asGeometry(polygons);
    const cp = feature.properties.cp;
    const seat = cp === undefined ? interiorPoint(geometry) : ([round5(cp[0]), round5(cp[1])] as const);
    return { id: feature.id, name: feature.properties.name, seat, geometry };
  });
}

/** For a feature without `cp` (Shanghai's 崇明区): the inside point of a 41 × 41 grid nearest its bbox centre. */
function interiorPoint(geometry: AreaGeometry): readonly [number, number] {
  const [minLon, minLat, maxLon, maxLat] = bboxOf([geometry]);
  const cx = (minLon + maxLon) / 2;
  const cy = (minLat + maxLat) / 2;
  let best: readonly [number, number] | undefined;
  let bestD = Infinity;
  for (let i = 0; i <= 40; i++) {
    for (let j = 0; j <= 40; j++) {
      const lon = round5(minLon + ((maxLon - minLon) * i) / 40);
      const lat = round5(minLat + ((maxLat - minLat) * j) / 40);
      const d = distance2(lon, lat, cx, cy);
      if (d < bestD && pointInGeometry(lon, lat, geometry)) {
        best = [lon, lat];
        bestD = d;
      }
    }
  }
  if (best === undefined) throw new Error('no interior point');
  return best;
}

function asGeometry(polygons: readonly (readonly LinearRing[])[]): AreaGeometry {
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] as readonly LinearRing[] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** Rounded to 5 decimals, repeats dropped, closed, oriented; undefined when fewer than 4 positions remain. */
export function cleanRing(
  ring: readonly (readonly [number, number])[],
  exterior: boolean,
): LinearRing | undefined {
  const pts: [number, number][] = [];
  for (const [x, y] of ring) {
    const p: [number, number] = [round5(x), round5(y)];
    const last = pts[pts.length - 1];
    if (last === undefined || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
  }
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (first === undefined || last === undefined) return undefined;
  if (first[0] !== last[0] || first[1] !== last[1]) pts.push([first[0], first[1]]);
  if (pts.length < 4) return undefined;
  // RFC 7946: exteriors counter-clockwise (positive shoelace area), holes clockwise.
  let area2 = 0;
  for (let i = 1; i < pts.length; i++) {
    const [x1, y1] = pts[i - 1] as [number, number];
    const [x2, y2] = pts[i] as [number, number];
    area2 += x1 * y2 - x2 * y1;
  }
  if (area2 === 0) return undefined;
  return area2 > 0 === exterior ? pts : pts.reverse();
}

/** Equirectangular scale used to measure distances between seats (the same as placement's). */
const KX = 85.3;
const KY = 111.0;

export interface VoronoiDistricts {
  /** One seat and one outline per district, in the order of `count`'s sites (nearest the centre first). */
  readonly seats: readonly (readonly [number, number])[];
  readonly geometries: readonly AreaGeometry[];
}

/**
 * The fallback: `count` synthetic district seats placed by Lloyd's algorithm on points sampled inside
 * the city's outline (denser near `centre`, so central districts come out smaller), and each
 * district's outline = the city's outline clipped to its seat's Voronoi region (Sutherland–Hodgman
 * against every bisector, in km). Seats are returned nearest the centre first.
 */
export function voronoiDistricts(
  city: AreaGeometry,
  count: number,
  centre: readonly [number, number],
  seed: string,
): VoronoiDistricts {
  const samples = samplePoints(city, bboxOf([city]), Math.max(4000, 400 * count), seed, centre);
  const all = Array.from({ length: samples.lon.length }, (_, i) => i);
  const sites: Site[] = lloyd(samples, all, count, city)
    .map((site, i) => ({ site, i, d: distance2(site.lon, site.lat, centre[0], centre[1]) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map((e) => e.site);
  const polygons = city.type === 'Polygon' ? [city.coordinates] : city.coordinates;
  const geometries = sites.map((site, s) => {
    const pieces: LinearRing[][] = [];
    for (const rings of polygons) {
      const [exterior, ...holes] = rings;
      const outer = exterior === undefined ? undefined : clipToCell(exterior, sites, s, true);
      if (outer === undefined) continue;
      const kept = holes.map((h) => clipToCell(h, sites, s, false)).filter((h) => h !== undefined);
      pieces.push([outer, ...kept]);
    }
    if (pieces.length === 0) throw new Error(`district seat ${s} has an empty region`);
    const geometry = asGeometry(pieces);
    if (!pointInGeometry(site.lon, site.lat, geometry))
      throw new Error(`district seat ${s} outside its region`);
    return geometry;
  });
  return { seats: sites.map((s) => [s.lon, s.lat] as const), geometries };
}

/** A ring clipped to the half-planes nearer `sites[s]` than any other site. */
function clipToCell(
  ring: LinearRing,
  sites: readonly Site[],
  s: number,
  exterior: boolean,
): LinearRing | undefined {
  const me = sites[s] as Site;
  let pts: Ring = ring.map((p: Position) => [p[0] * KX, p[1] * KY]);
  for (let o = 0; o < sites.length && pts.length > 0; o++) {
    if (o === s) continue;
    const other = sites[o] as Site;
    // Keep points p with (p − m)·n ≤ 0: n = other − me, m = the midpoint.
    const nx = (other.lon - me.lon) * KX;
    const ny = (other.lat - me.lat) * KY;
    const mx = ((other.lon + me.lon) / 2) * KX;
    const my = ((other.lat + me.lat) / 2) * KY;
    pts = clipHalfPlane(pts, (x, y) => (x - mx) * nx + (y - my) * ny);
  }
  return cleanRing(
    pts.map(([x, y]) => [x / KX, y / KY] as [number, number]),
    exterior,
  );
}

/** Sutherland–Hodgman against one half-plane `side(p) ≤ 0`. */
function clipHalfPlane(ring: Ring, side: (x: number, y: number) => number): Ring {
  const out: Ring = [];
  const n = ring.length;
  for (let i = 0; i < n; i++) {
    const a = ring[i] as [number, number];
    const b = ring[(i + 1) % n] as [number, number];
    const sa = side(a[0], a[1]);
    const sb = side(b[0], b[1]);
    if (sa <= 0) out.push(a);
    if (sa <= 0 !== sb <= 0) {
      const t = sa / (sa - sb);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}
