import { describe, expect, it } from 'vitest';
import { areaKeyOf, areaOutline, canManageRenovationRecord, canViewRenovationRecord, convexHull, renovationInterventions, totalsPerArea, totalsPerYear, type PlanRowFacts } from './index.ts';

describe('convexHull', () => {
  it('keeps the corners of a square and drops inner and collinear points', () => {
    // Square 0..2 with its centre (1,1) and an edge midpoint (1,0): the hull is the four corners, counter-clockwise.
    const hull = convexHull([[0, 0], [2, 0], [1, 0], [2, 2], [0, 2], [1, 1], [0, 0]]);
    expect(hull).toEqual([[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]);
  });

  it('gives null for fewer than three distinct or only collinear points', () => {
    expect(convexHull([])).toBeNull();
    expect(convexHull([[1, 1], [1, 1], [2, 2]])).toBeNull();
    expect(convexHull([[0, 0], [1, 1], [2, 2]])).toBeNull();
  });

  it('contains every input point (random clouds)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let run = 0; run < 20; run += 1) {
      const points = Array.from({ length: 50 }, () => [random() * 10, random() * 10] as [number, number]);
      const hull = convexHull(points);
      if (hull === null) throw new Error('no hull');
      for (const p of points) {
        for (let i = 0; i < hull.length - 1; i += 1) {
          const a = hull[i] as [number, number];
          const b = hull[i + 1] as [number, number];
          // Counter-clockwise ring: every point lies left of (or on) every edge.
          expect((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])).toBeGreaterThanOrEqual(-1e-9);
        }
      }
    }
  });
});

describe('areaOutline', () => {
  it('is the hull of two footprints, rounded to 6 decimals', () => {
    // Two unit squares side by side: the hull is the outer rectangle; 4.10030004 rounds to 4.1003.
    const a = { coordinates: [[[4.1, 52.1], [4.1001, 52.1], [4.1001, 52.1001], [4.1, 52.1001], [4.1, 52.1]]] };
    const b = { coordinates: [[[4.1002, 52.1], [4.10030004, 52.1], [4.10030004, 52.1001], [4.1002, 52.1001], [4.1002, 52.1]]] };
    expect(areaOutline([a, b])).toEqual({ type: 'Polygon', coordinates: [[[4.1, 52.1], [4.1003, 52.1], [4.1003, 52.1001], [4.1, 52.1001], [4.1, 52.1]]] });
    expect(areaOutline([])).toBeNull();
  });
});

describe('plan totals', () => {
  const rows: PlanRowFacts[] = [
    { year: 2027, intervention: 'verduurzamen', dwellings: 120, areaKey: 'buurt:tanthof' },
    { year: 2027, intervention: 'groot_onderhoud', dwellings: 30, areaKey: 'buurt:tanthof' },
    { year: 2029, intervention: 'sloop_nieuwbouw', dwellings: 80, areaKey: 'complex:C-7' },
    { year: 2029, intervention: 'verduurzamen', dwellings: 40, areaKey: 'buurt:tanthof' },
    { year: 2040, intervention: 'renovatie', dwellings: 999, areaKey: 'buurt:tanthof' },
  ];

  it('sums dwellings per year and intervention, with zero years and without rows outside the range', () => {
    const years = totalsPerYear(rows, { fromYear: 2026, toYear: 2030 }, renovationInterventions);
    expect(years.map((y) => [y.year, y.total])).toEqual([[2026, 0], [2027, 150], [2028, 0], [2029, 120], [2030, 0]]);
    // 2027: 120 verduurzamen + 30 groot onderhoud.
    expect(years[1]?.byIntervention).toEqual({ verduurzamen: 120, groot_onderhoud: 30, renovatie: 0, sloop_nieuwbouw: 0, transformatie: 0 });
  });

  it('ranks areas by dwellings and names the peak year', () => {
    // Tanthof 120 + 30 + 40 = 190 (2027: 150, 2029: 40); complex C-7 80 in 2029; 2040 is outside the range.
    expect(totalsPerArea(rows, { fromYear: 2026, toYear: 2035 })).toEqual([
      { areaKey: 'buurt:tanthof', total: 190, perYear: { 2027: 150, 2029: 40 }, peakYear: 2027 },
      { areaKey: 'complex:C-7', total: 80, perYear: { 2029: 80 }, peakYear: 2029 },
    ]);
  });

  it('keys a row by buurt (case and spaces ignored), else by complex', () => {
    expect(areaKeyOf({ buurt: ' Hof  van Delft ', complexnummer: 'C-1' })).toBe('buurt:hof van delft');
    expect(areaKeyOf({ buurt: null, complexnummer: 'C-1' })).toBe('complex:C-1');
    expect(areaKeyOf({ buurt: '  ', complexnummer: 'C-1' })).toBe('complex:C-1');
  });
});

describe('renovation confidentiality (the stock-list sharing rules)', () => {
  const plan = { ownerOrganisationId: 'corp', sharedWithOrganisationIds: ['gemeente'] };
  const actor = (organisationId: string, role: 'lezer' | 'bewerker' | 'beheerder') => ({ userId: 'u', platformRole: null, memberships: [{ organisationId, role }] });

  it('is visible to owner and shared-with members and the coordinator, not to others', () => {
    expect(canViewRenovationRecord(actor('corp', 'lezer'), plan)).toBe(true);
    expect(canViewRenovationRecord(actor('gemeente', 'lezer'), plan)).toBe(true);
    expect(canViewRenovationRecord(actor('bouwer', 'beheerder'), plan)).toBe(false);
    expect(canViewRenovationRecord({ userId: 'c', platformRole: 'coordinator', memberships: [] }, plan)).toBe(true);
    expect(canViewRenovationRecord(null, plan)).toBe(false);
  });

  it('is changed only by a bewerker or beheerder of the owner', () => {
    expect(canManageRenovationRecord(actor('corp', 'bewerker'), plan)).toBe(true);
    expect(canManageRenovationRecord(actor('corp', 'lezer'), plan)).toBe(false);
    expect(canManageRenovationRecord(actor('gemeente', 'beheerder'), plan)).toBe(false);
    expect(canManageRenovationRecord({ userId: 'c', platformRole: 'coordinator', memberships: [] }, plan)).toBe(false);
  });
});
