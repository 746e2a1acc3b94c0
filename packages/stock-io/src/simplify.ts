/**
 * Footprint simplification for map serving: Douglas–Peucker on each ring, in degrees, with the tolerance the
 * zoom level needs (about half a screen pixel), so a city's footprints stay small on the wire.
 */
import type { FootprintPolygon } from '@kringbouw/domain/opportunities';

type Position = [number, number];

function perpendicularDistance(point: Position, start: Position, end: Position): number {
  const dx = end[0] - start[0];
  const dy = end[1] - start[1];
  if (dx === 0 && dy === 0) return Math.hypot(point[0] - start[0], point[1] - start[1]);
  const t = ((point[0] - start[0]) * dx + (point[1] - start[1]) * dy) / (dx * dx + dy * dy);
  const clamped = Math.max(0, Math.min(1, t));
  return Math.hypot(point[0] - (start[0] + clamped * dx), point[1] - (start[1] + clamped * dy));
}

function douglasPeucker(points: Position[], tolerance: number): Position[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop() ?? [0, 0];
    let maxDistance = 0;
    let index = -1;
    const a = points[first];
    const b = points[last];
    if (!a || !b) continue;
    for (let i = first + 1; i < last; i += 1) {
      const p = points[i];
      if (!p) continue;
      const distance = perpendicularDistance(p, a, b);
      if (distance > maxDistance) {
        maxDistance = distance;
        index = i;
      }
    }
    if (index !== -1 && maxDistance > tolerance) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * Simplifies a closed-ring polygon. Rings that would collapse below 4 positions (a triangle, closed) keep their
 * original shape; holes that collapse are dropped. Tolerance in degrees.
 */
export function simplifyFootprint(polygon: FootprintPolygon, tolerance: number): FootprintPolygon {
  const coordinates: [number, number][][] = [];
  polygon.coordinates.forEach((ring, index) => {
    const simplified = douglasPeucker(ring, tolerance);
    if (simplified.length >= 4) coordinates.push(simplified);
    else if (index === 0) coordinates.push(ring);
  });
  return { type: 'Polygon', coordinates };
}

/** Half a pixel at a Web Mercator zoom level, in degrees of longitude (256-px tiles). */
export function toleranceForZoom(zoom: number): number {
  return 360 / (256 * 2 ** zoom) / 2;
}
