/**
 * The little GeoJSON the city needs: district outlines as Polygon / MultiPolygon features in
 * longitude/latitude (RFC 7946 order), and a point-in-polygon test for them.
 */

/** `[longitude, latitude]` in degrees (WGS 84 order as GeoJSON writes it). */
export type Position = readonly [lon: number, lat: number];

/** A closed ring: the first and last positions are equal. */
export type LinearRing = readonly Position[];

export interface PolygonGeometry {
  readonly type: 'Polygon';
  /** The exterior ring first, then any holes. */
  readonly coordinates: readonly LinearRing[];
}

export interface MultiPolygonGeometry {
  readonly type: 'MultiPolygon';
  readonly coordinates: readonly (readonly LinearRing[])[];
}

export type AreaGeometry = PolygonGeometry | MultiPolygonGeometry;

/** The properties every district outline carries; `id` equals the district's id. */
export interface DistrictFeatureProperties {
  readonly id: string;
  readonly name: string;
  readonly nameEn: string;
}

export interface DistrictFeature {
  readonly type: 'Feature';
  readonly id: string;
  readonly properties: DistrictFeatureProperties;
  readonly geometry: AreaGeometry;
}

export interface DistrictOutlines {
  readonly type: 'FeatureCollection';
  /** Credit line for the outlines' source, to show with any map drawn from them. */
  readonly attribution?: string;
  readonly features: readonly DistrictFeature[];
}

/** `[minLon, minLat, maxLon, maxLat]`. */
export type BBox = readonly [minLon: number, minLat: number, maxLon: number, maxLat: number];

/**
 * Even-odd ray casting against one ring. A point exactly on an edge may fall either way; the city
 * generator uses this same function, so committed positions pass or fail it consistently.
 */
export function pointInRing(lon: number, lat: number, ring: LinearRing): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (a === undefined || b === undefined) continue;
    const [xi, yi] = a;
    const [xj, yj] = b;
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the exterior ring and outside every hole. */
export function pointInPolygon(lon: number, lat: number, rings: readonly LinearRing[]): boolean {
  const [exterior, ...holes] = rings;
  if (exterior === undefined || !pointInRing(lon, lat, exterior)) return false;
  return !holes.some((hole) => pointInRing(lon, lat, hole));
}

export function pointInGeometry(lon: number, lat: number, geometry: AreaGeometry): boolean {
  switch (geometry.type) {
    case 'Polygon':
      return pointInPolygon(lon, lat, geometry.coordinates);
    case 'MultiPolygon':
      return geometry.coordinates.some((rings) => pointInPolygon(lon, lat, rings));
  }
}

/** The bounding box of one geometry, or of several (e.g. every district of a city). */
export function bboxOf(geometries: readonly AreaGeometry[]): BBox {
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (const geometry of geometries) {
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const rings of polygons) {
      for (const ring of rings) {
        for (const [lon, lat] of ring) {
          if (lon < minLon) minLon = lon;
          if (lon > maxLon) maxLon = lon;
          if (lat < minLat) minLat = lat;
          if (lat > maxLat) maxLat = lat;
        }
      }
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}
