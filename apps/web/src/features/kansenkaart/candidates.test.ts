import { describe, expect, it } from 'vitest';
import { sortCandidates, type Candidate } from './candidates.ts';

const candidate = (bagId: string, score: number, buildYear: number | null, heightM: number | null): Candidate => ({
  bagId,
  score,
  buildYear,
  heightM,
  reasons: [],
  roofType: null,
  centroid: [4.36, 52.0],
  assessments: [],
});

const items = [
  candidate('0503100000000003', 60, 1972, 9.5),
  candidate('0503100000000001', 85, null, 12),
  candidate('0503100000000002', 60, 1930, null),
  candidate('0503100000000004', 40, 1985, 6),
];

describe('candidate list', () => {
  it('sorts by score with the id as tie-breaker', () => {
    expect(sortCandidates(items, 'score', 'desc').map((c) => c.bagId.slice(-1))).toEqual(['1', '2', '3', '4']);
    expect(sortCandidates(items, 'score', 'asc').map((c) => c.bagId.slice(-1))).toEqual(['4', '2', '3', '1']);
  });

  it('puts unknown build years and heights last in both directions', () => {
    expect(sortCandidates(items, 'buildYear', 'asc').map((c) => c.buildYear)).toEqual([1930, 1972, 1985, null]);
    expect(sortCandidates(items, 'buildYear', 'desc').map((c) => c.buildYear)).toEqual([1985, 1972, 1930, null]);
    expect(sortCandidates(items, 'heightM', 'desc').map((c) => c.heightM)).toEqual([12, 9.5, 6, null]);
  });

});
