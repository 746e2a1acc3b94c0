import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeNeighbourHeights, type NeighbourInput } from './neighbours.ts';

/** 1 m north in degrees latitude (R = 6 371 008.8 m). */
const M_LAT = 180 / (Math.PI * 6_371_008.8);

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

  it('matches a brute-force O(n²) comparison on random layouts (grid index misses nobody)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 0, max: 400, noNaN: true }), fc.double({ min: 0, max: 400, noNaN: true }), fc.integer({ min: 2, max: 40 })), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 10, max: 120 }),
        (points, radiusM) => {
          const buildings: NeighbourInput[] = points.map(([east, north, h], i) => ({
            bagId: String(i),
            centroid: [5 + (east * M_LAT) / Math.cos((52 * Math.PI) / 180), 52 + north * M_LAT],
            heightM: h,
          }));
          const fast = computeNeighbourHeights(buildings, { radiusM, minNeighbours: 1 });
          const meanLat = buildings.reduce((s, b) => s + b.centroid[1], 0) / buildings.length;
          const k = (Math.PI / 180) * 6_371_008.8;
          for (const b of buildings) {
            const hs = buildings
              .filter((o) => o !== b && Math.hypot((o.centroid[0] - b.centroid[0]) * k * Math.cos((meanLat * Math.PI) / 180), (o.centroid[1] - b.centroid[1]) * k) <= radiusM)
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
