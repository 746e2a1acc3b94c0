import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeNeighbourHeights, metresPerRadian, type NeighbourInput } from './neighbours.ts';

/** 1 m north in degrees latitude at 52°N (WGS84 meridional radius of curvature ≈ 6 381 km there). */
const M_LAT = 180 / (Math.PI * metresPerRadian(52).north);
/** 1 m east in degrees longitude at 52°N. */
const M_LON = 180 / (Math.PI * metresPerRadian(52).east);

describe('computeNeighbourHeights', () => {
  it('compares with the median of the neighbours within the radius only', () => {
    const at = (bagId: string, northM: number, heightM: number | null): NeighbourInput => ({ bagId, centroid: [5, 52 + northM * M_LAT], heightM });
    const buildings = [at('x', 0, 6), at('n1', 10, 12), at('n2', 20, 14), at('n3', -30, 30), at('far', 51, 100), at('unknown', 5, null)];
    const result = computeNeighbourHeights(buildings, { radiusM: 50, minNeighbours: 3 });
    // x's neighbours within 50 m with a height: 12, 14, 30 → median 14 → 6 − 14 = −8
    expect(result.get('x')).toEqual({ differenceM: -8, neighbourMedianM: 14, neighbourCount: 3 });
    // far (51 m from x) sees n1 (41 m) and n2 (31 m) only → fewer than 3 → no entry
    expect(result.has('far')).toBe(false);
    expect(result.has('unknown')).toBe(false);
  });

  it('uses the mean of the two middle heights for an even count', () => {
    const buildings: NeighbourInput[] = [0, 10, 12, 20, 30].map((h, i) => ({ bagId: `b${i}`, centroid: [5 + i * 1e-5, 52], heightM: h }));
    // b0 neighbours: 10, 12, 20, 30 → median 16 → −16
    expect(computeNeighbourHeights(buildings, { radiusM: 50, minNeighbours: 1 }).get('b0')?.differenceM).toBe(-16);
  });

  it('local metric: 1° of latitude ≈ 111.27 km and 1° of longitude ≈ 68.7 km at 52°N (WGS84)', () => {
    expect((metresPerRadian(52).north * Math.PI) / 180).toBeCloseTo(111_267, -1);
    expect((metresPerRadian(52).east * Math.PI) / 180).toBeCloseTo(68_678, -1);
  });

  it('matches a brute-force O(n²) comparison on random layouts (grid index misses nobody)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 400, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true }), fc.integer({ min: 2, max: 40 })), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 10, max: 120 }),
        (points, radiusM) => {
          const buildings: NeighbourInput[] = points.map(([east, north, h], i) => ({
            bagId: String(i),
            centroid: [5 + east * M_LON, 52 + north * M_LAT],
            heightM: h,
          }));
          const fast = computeNeighbourHeights(buildings, { radiusM, minNeighbours: 1 });
          const meanLat = buildings.reduce((s, b) => s + b.centroid[1], 0) / buildings.length;
          const { east: kx, north: ky } = metresPerRadian(meanLat);
          const toRad = Math.PI / 180;
          for (const b of buildings) {
            const hs = buildings
              .filter((o) => o !== b && Math.hypot((o.centroid[0] - b.centroid[0]) * toRad * kx, (o.centroid[1] - b.centroid[1]) * toRad * ky) <= radiusM)
              .map((o) => o.heightM ?? 0)
              .sort((p, q) => p - q);
            expect(fast.get(b.bagId)?.neighbourCount ?? 0).toBe(hs.length);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
