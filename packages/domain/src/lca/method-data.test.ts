import { describe, expect, it } from 'vitest';
import { lookupMpgLimit, methodData, methodDataVersions } from './index.ts';

describe('MPG limit lookup', () => {
  const q = (useFunction: 'woonfunctie' | 'kantoorfunctie' | 'overig', permitDate?: string, bvoM2 = 120, weightingSet: 'a1' | 'a2' = 'a1') =>
    lookupMpgLimit(methodData, { useFunction, weightingSet, bvoM2, permitDate });

  it('dwellings: 1.0 from 2018, 0.8 from 1 July 2021', () => {
    expect(q('woonfunctie', '2019-05-01').limit).toBe(1.0);
    expect(q('woonfunctie', '2021-06-30').limit).toBe(1.0);
    expect(q('woonfunctie', '2021-07-01').limit).toBe(0.8);
    expect(q('woonfunctie', '2025-01-01').limit).toBe(0.8);
    expect(q('woonfunctie').limit).toBe(0.8);
    expect(q('woonfunctie', '2017-12-31').limit).toBeNull();
  });

  it('offices: 1.0, only above 100 m²', () => {
    expect(q('kantoorfunctie', '2024-03-01', 500).limit).toBe(1.0);
    const small = q('kantoorfunctie', '2024-03-01', 100);
    expect(small.limit).toBeNull();
    expect(small.notes.join(' ')).toContain('100 m²');
  });

  it('A2: no limit in force, the planned value is reported', () => {
    const a2 = q('woonfunctie', '2025-01-01', 120, 'a2');
    expect(a2.limit).toBeNull();
    expect(a2.planned?.limit).toBe(1.0);
    expect(a2.planned?.inForce).toBe(false);
  });

  it('other use functions have no limit', () => {
    expect(q('overig', '2025-01-01').limit).toBeNull();
  });

  it('every data file has a version', () => {
    const versions = methodDataVersions(methodData);
    expect(Object.keys(versions)).toHaveLength(8);
    for (const v of Object.values(versions)) expect(v).toMatch(/^\d{4}\.\d+$/);
  });
});
