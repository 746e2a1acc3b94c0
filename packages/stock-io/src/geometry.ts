/**
 * Planar footprint geometry in RD New metres: area, centroid, ring clean-up and conversion to a WGS84 GeoJSON
 * Polygon. Areas and centroids are computed in RD (a conformal projection with scale error ≤ 1e-4 on land), so
 * they are exact in metres up to that scale factor.
 */
import type { FootprintPolygon } from '@kringbouw/domain/opportunities';
import { rdToWgs84, round6 } from './rd.ts';

export type Point2 = [number, number];

/** Drops repeated consecutive points and a closing point equal to the first. */
export function cleanRing(ring: readonly Point2[]): Point2[] {
  const out: Point2[] = [];
  for (const point of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) out.push([point[0], point[1]]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) out.pop();
  return out;
}

/** Shoelace formula on an open ring; positive for counter-clockwise. m² when the input is in metres. */
export function signedRingArea(ring: readonly Point2[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const a = ring[i];
    const b = ring[(i + 1) % ring.length];
    if (!a || !b) continue;
    twice += a[0] * b[1] - b[0] * a[1];
  }
  return twice / 2;
}

export interface PlanarPolygon {
  /** Exterior ring first, then holes; open rings (no repeated closing point). */
  rings: Point2[][];
}

/** Area of a polygon with holes, m² (exterior minus holes). */
export function polygonArea(polygon: PlanarPolygon): number {
  const [outer, ...holes] = polygon.rings;
  if (!outer) return 0;
  return Math.abs(signedRingArea(outer)) - holes.reduce((sum, hole) => sum + Math.abs(signedRingArea(hole)), 0);
}

/** Area-weighted centroid of a polygon with holes (standard polygon centroid formula, holes subtracted). */
export function polygonCentroid(polygon: PlanarPolygon): Point2 {
  const outer = polygon.rings[0] ?? [];
  // Offset by one vertex for numerical stability with RD's six-digit coordinates.
  const [ox, oy] = outer[0] ?? [0, 0];
  let cx = 0;
  let cy = 0;
  let twiceArea = 0;
  polygon.rings.forEach((ring, index) => {
    // Exterior counts positive, holes negative, whatever their stored orientation.
    const factor = (index === 0 ? 1 : -1) * (signedRingArea(ring) < 0 ? -1 : 1);
    for (let i = 0; i < ring.length; i += 1) {
      const a = ring[i];
      const b = ring[(i + 1) % ring.length];
      if (!a || !b) continue;
      const ax = a[0] - ox;
      const ay = a[1] - oy;
      const bx = b[0] - ox;
      const by = b[1] - oy;
      const cross = (ax * by - bx * ay) * factor;
      twiceArea += cross;
      cx += (ax + bx) * cross;
      cy += (ay + by) * cross;
    }
  });
  if (twiceArea === 0) {
    const n = outer.length || 1;
    return [outer.reduce((s, p) => s + p[0], 0) / n, outer.reduce((s, p) => s + p[1], 0) / n];
  }
  return [ox + cx / (3 * twiceArea), oy + cy / (3 * twiceArea)];
}

/**
 * Converts a cleaned RD polygon to a GeoJSON Polygon in WGS84 (RFC 7946: exterior counter-clockwise, holes
 * clockwise, rings closed, 6 decimals).
 */
export function toWgs84Polygon(polygon: PlanarPolygon): FootprintPolygon {
  const coordinates = polygon.rings.map((ring, index) => {
    const wantCcw = index === 0;
    const oriented = signedRingArea(ring) > 0 === wantCcw ? ring : [...ring].reverse();
    const converted = cleanRing(
      oriented.map((point) => {
        const [lon, lat] = rdToWgs84(point);
        return [round6(lon), round6(lat)] as Point2;
      }),
    );
    const first = converted[0];
    return first ? [...converted, [first[0], first[1]] as Point2] : converted;
  });
  return { type: 'Polygon', coordinates };
}
