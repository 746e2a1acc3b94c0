import { describe, expect, it } from 'vitest';
import { derivedPhaseAt, phaseSources } from './phase.ts';

const project = { phase: 'realisatie' as const, phaseDates: { initiatief: '2025-01-01', ontwerp: '2025-06-01', realisatie: '2026-02-01', opgeleverd: '2027-01-01' } };
const undated = { initiatief: null, ontwerp: null, realisatie: null, opgeleverd: null };

describe('derivedPhaseAt (the rule of the afgeleid backfill)', () => {
  it('places a recording time in the last phase started by then, never beyond the current phase', () => {
    expect(derivedPhaseAt('2024-12-31T10:00:00.000Z', project)).toBeNull();
    expect(derivedPhaseAt('2025-01-01T00:00:00.000Z', project)).toBe('initiatief');
    expect(derivedPhaseAt('2025-09-15T10:00:00.000Z', project)).toBe('ontwerp');
    expect(derivedPhaseAt('2026-02-01', project)).toBe('realisatie');
    // Planned delivery date passed but the project is still in realisatie: stays realisatie.
    expect(derivedPhaseAt('2027-03-01T10:00:00.000Z', project)).toBe('realisatie');
  });

  it('counts only dated phases, and uses the UTC day of the recording time', () => {
    expect(derivedPhaseAt('2026-03-01', { phase: 'opgeleverd', phaseDates: { ...undated, ontwerp: '2025-06-01' } })).toBe('ontwerp');
    expect(derivedPhaseAt('2026-03-01', { phase: 'ontwerp', phaseDates: undated })).toBeNull();
    // 23:30 UTC on 31 May is 1 June in Amsterdam, but the rule reads the UTC day: still before ontwerp.
    expect(derivedPhaseAt('2025-05-31T23:30:00.000Z', project)).toBe('initiatief');
  });

  it('knows two phase sources', () => {
    expect(phaseSources).toEqual(['vastgelegd', 'afgeleid']);
  });
});
