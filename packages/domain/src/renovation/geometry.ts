/**
 * Outlines of neighbourhoods and complexes drawn from the footprints of their buildings. CBS wijk- en
 * buurtgrenzen are not bundled; an area is the convex hull of every footprint vertex of the buildings the stock
 * data places in it. A hull over-covers concave neighbourhoods (it is an outline of "where the buildings are",
 * not an administrative boundary).
 */

export type LonLat = readonly [number, number];

function cross(o: LonLat, a: LonLat, b: LonLat): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/**
 * Convex hull of points (Andrew's monotone chain, O(n log n)). Returns the hull as a closed, counter-clockwise
 * ring (first point repeated at the end), or null for fewer than 3 non-collinear points. Works in the plane of
 * the given coordinates (WGS84 degrees: fine for a neighbourhood, where the distortion is a constant scale).
 */
export function convexHull(points: readonly LonLat[]): [number, number][] | null {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const unique: LonLat[] = [];
  for (const p of sorted) {
    const last = unique[unique.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) unique.push(p);
  }
  if (unique.length < 3) return null;
  const lower: LonLat[] = [];
  for (const p of unique) {
    while (lower.length >= 2 && cross(lower[lower.length - 2] as LonLat, lower[lower.length - 1] as LonLat, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: LonLat[] = [];
  for (let i = unique.length - 1; i >= 0; i -= 1) {
    const p = unique[i] as LonLat;
    while (upper.length >= 2 && cross(upper[upper.length - 2] as LonLat, upper[upper.length - 1] as LonLat, p) <= 0) upper.pop();
    upper.push(p);
  }
  const hull = [...lower.slice(0, -1), ...upper.slice(0, -1)];
  if (hull.length < 3) return null;
  const first = hull[0] as LonLat;
  return [...hull.map((p) => [p[0], p[1]] as [number, number]), [first[0], first[1]]];
}

/**
 * The outline of an area from its buildings' footprints (GeoJSON polygon rings, WGS84): the convex hull of every
 * exterior vertex, 6 decimals (≈ 0.1 m). A single building gives its own hull; no buildings give null.
 */
export function areaOutline(footprints: readonly { coordinates: readonly (readonly (readonly number[])[])[] }[]): { type: 'Polygon'; coordinates: [number, number][][] } | null {
  const points: LonLat[] = [];
  for (const footprint of footprints) {
    for (const vertex of footprint.coordinates[0] ?? []) {
      const [lon, lat] = vertex;
      if (typeof lon === 'number' && typeof lat === 'number') points.push([lon, lat]);
    }
  }
  const hull = convexHull(points);
  if (hull === null) return null;
  return { type: 'Polygon', coordinates: [hull.map(([lon, lat]) => [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6])] };
}
