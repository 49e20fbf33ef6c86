/**
 * Synthetic positions. No public coordinates exist for Beijing's streets and communities in the
 * packages used, so they are made up, deterministically:
 *
 * 1. Sample points inside a district polygon (seeded by the district code), thinned by a density
 *    that falls off from the city centre, 1 / (1 + (d / 10 km)²), so inner areas get more, smaller units.
 * 2. Lloyd's algorithm (k-means on the samples) with one site per street: streets spread out over the
 *    district, each owning a Voronoi region of roughly equal sample mass.
 * 3. The same inside each street's region, one site per community: communities tile their street.
 * 4. Names are matched to sites by a plausibility rule: the sites nearest the district seat (ECharts'
 *    `cp`) go to 街道, then 地区, 镇, 乡; inside a street, residents' committees before villages.
 *
 * Every position is rounded to 5 decimals and checked to lie inside its district polygon; a centroid
 * that falls outside (concave outlines) is replaced by its region's sample nearest to it.
 */
import { pointInGeometry, type AreaGeometry } from '../geo';

/** Kilometres per degree around 40° N: equirectangular is plenty at district scale. */
const KM_PER_DEG_LON = 85.3;
const KM_PER_DEG_LAT = 111.0;
const DENSITY_SCALE_KM = 10;

export function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

/** FNV-1a over UTF-16 code units: a stable 32-bit seed from a string such as a division code. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: small, seedable, and the same on every platform (integer arithmetic only). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Points inside one district, rounded to 5 decimals, in random (seeded) order. */
export interface Samples {
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export function samplePoints(
  geometry: AreaGeometry,
  bbox: readonly [number, number, number, number],
  count: number,
  seed: string,
  centre: readonly [number, number],
): Samples {
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const random = seededRandom(hashString(seed));
  const inside = bandedInsideTest(geometry, minLat, maxLat);
  const density = (lon: number, lat: number): number => {
    const dx = (lon - centre[0]) * KM_PER_DEG_LON;
    const dy = (lat - centre[1]) * KM_PER_DEG_LAT;
    return 1 / (1 + (dx * dx + dy * dy) / (DENSITY_SCALE_KM * DENSITY_SCALE_KM));
  };
  // The density peaks at the bbox point nearest the centre: the rejection bound.
  const peak = density(clamp(centre[0], minLon, maxLon), clamp(centre[1], minLat, maxLat));
  const samples: Samples = {
    lon: new Float64Array(count),
    lat: new Float64Array(count),
    x: new Float64Array(count),
    y: new Float64Array(count),
  };
  let n = 0;
  while (n < count) {
    const lon = round5(minLon + random() * (maxLon - minLon));
    const lat = round5(minLat + random() * (maxLat - minLat));
    const keep = random() * peak < density(lon, lat);
    if (!keep || !inside(lon, lat)) continue;
    samples.lon[n] = lon;
    samples.lat[n] = lat;
    samples.x[n] = lon * KM_PER_DEG_LON;
    samples.y[n] = lat * KM_PER_DEG_LAT;
    n++;
  }
  return samples;
}

/**
 * The same even-odd test as `pointInGeometry` (same edge order, same arithmetic, so the same answer),
 * but each ring's edges are bucketed by latitude band: only edges in the point's band can cross its
 * horizontal ray. Sampling calls this millions of times.
 */
function bandedInsideTest(
  geometry: AreaGeometry,
  minLat: number,
  maxLat: number,
  bands = 512,
): (lon: number, lat: number) => boolean {
  const height = (maxLat - minLat) / bands || 1;
  const band = (lat: number): number => clamp(Math.floor((lat - minLat) / height), 0, bands - 1);
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  // polygon → ring → band → flat [xi, yi, xj, yj, …]
  const index = polygons.map((rings) =>
    rings.map((ring) => {
      const buckets: number[][] = Array.from({ length: bands }, () => []);
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i] as readonly [number, number];
        const [xj, yj] = ring[j] as readonly [number, number];
        for (let b = band(Math.min(yi, yj)); b <= band(Math.max(yi, yj)); b++) {
          (buckets[b] as number[]).push(xi, yi, xj, yj);
        }
      }
      return buckets;
    }),
  );
  const inRing = (edges: readonly number[], lon: number, lat: number): boolean => {
    let inside = false;
    for (let e = 0; e < edges.length; e += 4) {
      const xi = edges[e] as number;
      const yi = edges[e + 1] as number;
      const xj = edges[e + 2] as number;
      const yj = edges[e + 3] as number;
      if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
  return (lon, lat) => {
    if (lat < minLat || lat > maxLat) return false;
    const b = band(lat);
    return index.some((rings) => {
      const [exterior, ...holes] = rings;
      if (exterior === undefined || !inRing(exterior[b] as number[], lon, lat)) return false;
      return !holes.some((hole) => inRing(hole[b] as number[], lon, lat));
    });
  };
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

export interface Site {
  readonly lon: number;
  readonly lat: number;
  /** Indices (into the samples) of the points this site owns. */
  readonly members: readonly number[];
}

/**
 * Lloyd's algorithm on a subset of the samples: `k` sites start on the first `k` points (already in
 * random order), then move to the centroid of the points nearest to them until nothing changes.
 * The first `pinned.length` sites are fixed at the given `[lon, lat]` and never move.
 */
export function lloyd(
  samples: Samples,
  subset: readonly number[],
  k: number,
  geometry: AreaGeometry,
  pinned: readonly (readonly [number, number])[] = [],
  maxIterations = 80,
): Site[] {
  if (subset.length < k) throw new Error(`need at least ${k} sample points, got ${subset.length}`);
  const sx = new Float64Array(k);
  const sy = new Float64Array(k);
  for (let s = 0; s < k; s++) {
    const pin = pinned[s];
    const p = subset[s] as number;
    sx[s] = pin === undefined ? (samples.x[p] as number) : pin[0] * KM_PER_DEG_LON;
    sy[s] = pin === undefined ? (samples.y[p] as number) : pin[1] * KM_PER_DEG_LAT;
  }
  const owner = new Int32Array(subset.length).fill(-1);
  const assign = (): boolean => {
    let changed = false;
    for (let i = 0; i < subset.length; i++) {
      const p = subset[i] as number;
      const px = samples.x[p] as number;
      const py = samples.y[p] as number;
      let best = 0;
      let bestD = Infinity;
      for (let s = 0; s < k; s++) {
        const dx = px - (sx[s] as number);
        const dy = py - (sy[s] as number);
        const d = dx * dx + dy * dy;
        if (d < bestD) {
          bestD = d;
          best = s;
        }
      }
      if (owner[i] !== best) {
        owner[i] = best;
        changed = true;
      }
    }
    return changed;
  };
  const moveToCentroids = (): void => {
    const cx = new Float64Array(k);
    const cy = new Float64Array(k);
    const n = new Int32Array(k);
    for (let i = 0; i < subset.length; i++) {
      const p = subset[i] as number;
      const s = owner[i] as number;
      cx[s] = (cx[s] as number) + (samples.x[p] as number);
      cy[s] = (cy[s] as number) + (samples.y[p] as number);
      n[s] = (n[s] as number) + 1;
    }
    for (let s = pinned.length; s < k; s++) {
      const m = n[s] as number;
      // An empty site stays put; it cannot happen at the start (each site sits on its own point).
      if (m > 0) {
        sx[s] = (cx[s] as number) / m;
        sy[s] = (cy[s] as number) / m;
      }
    }
  };
  for (let it = 0; it < maxIterations; it++) {
    if (!assign() && it > 0) break;
    moveToCentroids();
  }
  assign();

  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < subset.length; i++) (members[owner[i] as number] as number[]).push(subset[i] as number);
  const sites: Site[] = [];
  for (let s = 0; s < k; s++) {
    const own = members[s] as number[];
    if (own.length === 0) throw new Error(`site ${s} of ${k} owns no sample`);
    const [lon, lat] = insideOrNearest(
      (sx[s] as number) / KM_PER_DEG_LON,
      (sy[s] as number) / KM_PER_DEG_LAT,
      own,
      samples,
      geometry,
    );
    sites.push({ lon, lat, members: own });
  }
  return sites;
}

/** The rounded point if it lies inside; otherwise the owned sample nearest to it (always inside). */
function insideOrNearest(
  lon: number,
  lat: number,
  own: readonly number[],
  samples: Samples,
  geometry: AreaGeometry,
): [number, number] {
  const rLon = round5(lon);
  const rLat = round5(lat);
  if (pointInGeometry(rLon, rLat, geometry)) return [rLon, rLat];
  let best = own[0] as number;
  let bestD = Infinity;
  for (const p of own) {
    const dx = ((samples.lon[p] as number) - lon) * KM_PER_DEG_LON;
    const dy = ((samples.lat[p] as number) - lat) * KM_PER_DEG_LAT;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = p;
    }
  }
  return [samples.lon[best] as number, samples.lat[best] as number];
}

/** Squared distance in km², for ordering sites around a point. */
export function distance2(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dx = (lon1 - lon2) * KM_PER_DEG_LON;
  const dy = (lat1 - lat2) * KM_PER_DEG_LAT;
  return dx * dx + dy * dy;
}
