import { describe, expect, it } from 'vitest';
import { calculateIndicators, libraryFromProfiles, mergeLibraries, oekobaudat2020II, passportSchema, profileFromLcaxEpd } from './index.ts';

// A small EN 15804+A2 EPD in LCAx form (snake_case, as the Rust serializer writes it).
const epd = {
  id: 'epd-houtvezel-1',
  name: 'Houtvezelplaat merk X',
  declared_unit: 'M3',
  version: '1.0',
  standard: 'EN15804A2',
  conversions: [{ to: 'KG', value: 160, meta_data: '' }],
  reference_service_life: 50,
  impacts: {
    gwp: { a1a3: -150, a4: 5, c3: 200, d: -20, b6: null },
    gwp_bio: { a1a3: -260 },
    odp: { a1a3: 1e-6 },
    pm: { a1a3: 2e-6 },
    penre: { a1a3: 900 },
  },
};

describe('LCAx EPD import', () => {
  it('maps categories, stages, unit and mass', () => {
    const result = profileFromLcaxEpd(epd);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = result.profile;
    expect(p.declaredUnit).toBe('m3');
    expect(p.kgPerDeclaredUnit).toBe(160);
    expect(p.densityKgM3).toBe(160);
    expect(p.a2?.['A1-A3']).toEqual({ gwpTotal: -150, gwpBiogenic: -260, odp: 1e-6, pm: 2e-6 });
    expect(p.a2?.D).toEqual({ gwpTotal: -20 });
    expect(result.notes.join(' ')).toContain('penre');
  });

  it('uses the EPD in a calculation: A2 MKI weights GWP-total, PM stays unweighted; stored CO2 from GWP-biogenic', () => {
    const result = profileFromLcaxEpd(epd);
    if (!result.ok) throw new Error('import failed');
    const library = mergeLibraries(libraryFromProfiles('epd', [result.profile]), oekobaudat2020II());
    const passport = passportSchema.parse({
      project: { bvoM2: 100, buildingType: 'grondgebonden' },
      elements: [{ nlsfb: '21', name: 'Gevel', layer: 'omhulling', lines: [{ description: 'houtvezel', quantity: 2, unit: 'm3', profileId: 'epd-houtvezel-1' }] }],
    });
    const r = calculateIndicators(passport, { library, weightingSet: 'a2' });
    // MKI = 2 m3 × [GWP (−150 + 5 + 200 − 20) × 0.116 + ODP 1e-6 × 32] = 2 × (35 × 0.116 + 0.000032) = 8.120064
    expect(r.mki.total).toBeCloseTo(8.120064, 9);
    expect(r.mpg.unweightedCategories.map((u) => u.category)).toContain('pm');
    // stored: −GWP-biogenic A1-A3 × 2 = 520 kg CO2
    expect(r.biogenicCarbonKgCO2).toBeCloseTo(520, 9);
    expect(r.lines.at(0)?.biogenicMethod).toBe('gwp-biogeen');
  });

  it('reports every problem of an invalid EPD', () => {
    const result = profileFromLcaxEpd({ id: '', declaredUnit: 'liter', standard: 'ISO', impacts: { gwp: { a9: 1 } } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual(['id', 'name', 'declared_unit', 'standard']);
    expect(profileFromLcaxEpd('not an object').ok).toBe(false);
    const bad = profileFromLcaxEpd({ ...epd, impacts: { gwp: { a1a3: 'veel', a9: 1 } } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.path)).toEqual(['impacts.gwp.a1a3', 'impacts.gwp.a9', 'impacts']);
  });
});
