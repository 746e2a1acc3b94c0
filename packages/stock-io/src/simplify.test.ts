import { describe, expect, it } from 'vitest';
import { simplifyFootprint, toleranceForZoom } from './simplify.ts';

describe('simplifyFootprint', () => {
  const square = { type: 'Polygon' as const, coordinates: [[[0, 0], [0.5, 0.00001], [1, 0], [1, 1], [0, 1], [0, 0]] as [number, number][]] };

  it('drops a vertex that deviates less than the tolerance, keeps the corners', () => {
    expect(simplifyFootprint(square, 0.001).coordinates[0]).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
    expect(simplifyFootprint(square, 0.000001).coordinates[0]).toHaveLength(6);
  });

  it('never collapses the exterior ring; drops a collapsing hole', () => {
    const withHole = { type: 'Polygon' as const, coordinates: [...square.coordinates, [[0.4, 0.4], [0.4, 0.41], [0.41, 0.41], [0.4, 0.4]] as [number, number][]] };
    const simplified = simplifyFootprint(withHole, 0.5);
    expect(simplified.coordinates).toHaveLength(1);
    expect(simplified.coordinates[0]?.length).toBeGreaterThanOrEqual(4);
  });

  it('tolerance halves with every zoom level (half a 256-px pixel)', () => {
    expect(toleranceForZoom(0)).toBeCloseTo(360 / 512, 12);
    expect(toleranceForZoom(16) * 2).toBeCloseTo(toleranceForZoom(15), 15);
  });
});
