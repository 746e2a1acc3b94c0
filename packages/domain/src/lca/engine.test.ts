/**
 * Worked examples, computed by hand. Prices are the shipped A1 shadow prices (data/methods/nmd-shadow-prices-a1.json):
 * GWP 0.05 €/kg CO2-eq, AP 4 €/kg SO2-eq, EP 9 €/kg PO4-eq, ADPf 0.16 €/kg Sb-eq × 4.81E-4 kg Sb-eq/MJ.
 * If those data change, these expectations must be recomputed by hand — that is the point.
 */
import { describe, expect, it } from 'vitest';
import type { MaterialLineInput, Passport, PassportInput } from './index.ts';
import {
  calculateIndicators, lineDetachability, loadProfileLibrary, materialCircularity, methodData, oekobaudat2020II,
  passportSchema, placementsFor, suggestProfiles,
} from './index.ts';

// Test library. Testbeton (per m3, 2400 kg/m3):
//   A1-A3: GWP 200, AP 0.5, EP 0.1, ADPf 1000 MJ  → € 200×0.05 + 0.5×4 + 0.1×9 + 1000×4.81E-4×0.16
//                                                  = 10 + 2 + 0.9 + 0.07696 = 12.97696
//   C3:    GWP 10                                  → € 0.5
//   D:     GWP −5                                  → € −0.25
//   MKI per m3 over all modules = 12.97696 + 0.5 − 0.25 = 13.22696; excl. D = 13.47696
// Testhout (per m3, 448 kg/m3 at 12 % moisture, timber): A1-A3 GWP 50 → € 2.5.
const library = loadProfileLibrary({
  format: 'kringbouw-profile-library/1',
  id: 'test',
  version: '1',
  release: 'test',
  attribution: 'test',
  set: 'a1',
  categories: ['gwp', 'odp', 'pocp', 'ap', 'ep', 'adpe', 'adpf'],
  profiles: {
    beton: {
      name: { nl: 'Testbeton' },
      unit: 'm3',
      kgPerUnit: 2400,
      densityKgM3: 2400,
      impacts: { 'A1-A3': [200, null, null, 0.5, 0.1, null, 1000], C3: [10, null, null, null, null, null, null], D: [-5, null, null, null, null, null, null] },
    },
    hout: {
      name: { nl: 'Testhout' },
      unit: 'm3',
      kgPerUnit: 448,
      densityKgM3: 448,
      timber: { moisturePct: 12, woodShare: 1 },
      impacts: { 'A1-A3': [50, null, null, null, null, null, null] },
    },
  },
});

const BETON_MKI = 13.22696;

function passport(lines: MaterialLineInput[], project: Partial<PassportInput['project']> = {}): Passport {
  return passportSchema.parse({
    project: { bvoM2: 100, buildingType: 'grondgebonden', rspYears: 75, permitDate: '2025-01-01', ...project },
    elements: [{ nlsfb: '21', name: 'Buitenwand', layer: 'omhulling', lines }],
  });
}

const beton = (extra: Partial<MaterialLineInput> = {}): MaterialLineInput => ({ description: 'beton', quantity: 10, unit: 'm3', profileId: 'beton', ...extra });

describe('replacements', () => {
  it('nmd: fractional placements max(1, RSP/SL); en15978: ceil(RSP/SL) − 1 whole replacements', () => {
    // RSP 75, SL 30: nmd 75/30 = 2.5 placements (1.5 replacements); en15978 ceil(2.5) − 1 = 2 replacements, 3 placements.
    expect(placementsFor({ rule: 'nmd', rspYears: 75, serviceLifeYears: 30 })).toEqual({ placements: 2.5, replacements: 1.5 });
    expect(placementsFor({ rule: 'en15978', rspYears: 75, serviceLifeYears: 30 })).toEqual({ placements: 3, replacements: 2 });
    // RSP 75, SL 25: exactly 3 placements under both rules.
    expect(placementsFor({ rule: 'nmd', rspYears: 75, serviceLifeYears: 25 })).toEqual({ placements: 3, replacements: 2 });
    expect(placementsFor({ rule: 'en15978', rspYears: 75, serviceLifeYears: 25 })).toEqual({ placements: 3, replacements: 2 });
    // SL ≥ RSP: no replacement.
    expect(placementsFor({ rule: 'nmd', rspYears: 75, serviceLifeYears: 100 })).toEqual({ placements: 1, replacements: 0 });
    expect(placementsFor({ rule: 'en15978', rspYears: 75, serviceLifeYears: 75 })).toEqual({ placements: 1, replacements: 0 });
  });

  it('MKI of a line over the RSP under both rules', () => {
    const p = passport([beton({ serviceLifeYears: 30 })]);
    // nmd: 10 m3 × 2.5 × 13.22696 = 330.674
    const nmd = calculateIndicators(p, { library, replacementRule: 'nmd' });
    expect(nmd.mki.total).toBeCloseTo(330.674, 9);
    // en15978: 10 m3 × 3 × 13.22696 = 396.8088
    const en = calculateIndicators(p, { library, replacementRule: 'en15978' });
    expect(en.mki.total).toBeCloseTo(396.8088, 9);
    // GWP: initial A1-A3 = 10 × 200 = 2000; all modules excl. D over RSP (en15978) = 10 × 3 × (200 + 10) = 6300,
    // of which replacements 6300 − 2100 = 4200; D = 10 × 3 × −5 = −150.
    expect(en.gwp.a1a3).toBeCloseTo(2000, 9);
    expect(en.gwp.total).toBeCloseTo(6300, 9);
    expect(en.gwp.replacements).toBeCloseTo(4200, 9);
    expect(en.gwp.d).toBeCloseTo(-150, 9);
    // MPG = 396.8088 / (100 m² × 75 yr) = 0.05290784 → 0.0529 (4 decimals)
    expect(en.mpg.value).toBe(0.0529);
    expect(en.mpg.limit).toBe(0.8);
    expect(en.mpg.pass).toBe(true);
    expect(en.mpg.marginEurPerM2Yr).toBe(0.7471);
  });
});

describe('NMD category surcharge', () => {
  it('category 3 adds 30 % to the MKI, 3a does not, GWP is unchanged', () => {
    // 10 m3 × 13.22696 × 1.3 = 171.95048; surcharge 0.3 × 132.2696 = 39.68088
    const cat3 = calculateIndicators(passport([beton({ nmdCategory: '3' })]), { library });
    expect(cat3.mki.total).toBeCloseTo(171.95048, 9);
    expect(cat3.mki.surchargeEur).toBeCloseTo(39.68088, 9);
    expect(cat3.gwp.a1a3).toBeCloseTo(2000, 9);
    const cat3a = calculateIndicators(passport([beton({ nmdCategory: '3a' })]), { library });
    expect(cat3a.mki.total).toBeCloseTo(132.2696, 9);
    expect(cat3a.mki.surchargeEur).toBe(0);
  });
});

describe('unit conversions', () => {
  it('converts via mass and via thickness, and refuses what it cannot convert', () => {
    const r = calculateIndicators(
      passport([
        // 2400 kg ÷ 2400 kg/m3 = 1 m3 → MKI 13.22696
        { description: 'beton', quantity: 2400, unit: 'kg', profileId: 'beton' },
        // 20 m2 × 0.05 m = 1 m3 → MKI 13.22696; mass 1 m3 × 2400 = 2400 kg
        { description: 'beton', quantity: 20, unit: 'm2', thicknessM: 0.05, profileId: 'beton' },
        // 3 st: no piece weight and no mass → no impact, warning
        { description: 'beton', quantity: 3, unit: 'st', profileId: 'beton' },
      ]),
      { library },
    );
    const [kg, m2, st] = r.lines;
    expect(kg?.declaredQuantity).toBe(1);
    expect(kg?.conversion).toBe('via massa');
    expect(m2?.declaredQuantity).toBeCloseTo(1, 12);
    expect(m2?.conversion).toBe('via dikte');
    expect(m2?.massKg).toBeCloseTo(2400, 9);
    expect(st?.declaredQuantity).toBeNull();
    expect(st?.mkiEur).toBeNull();
    expect(r.mki.total).toBeCloseTo(2 * BETON_MKI, 9);
    expect(r.warnings.map((w) => w.code)).toContain('EENHEID_ONVERENIGBAAR');
    expect(r.warnings.find((w) => w.code === 'MASSA_ONTBREEKT')?.lines).toEqual([3]);
  });

  it('uses the ÖKOBAUDAT area weight: 500 kg gypsum board ÷ 10 kg/m2 = 50 m2', () => {
    const lib = oekobaudat2020II();
    const id = 'da72684f-471c-425b-817d-69f262323f04';
    expect(lib.profiles.get(id)?.areaWeightKgM2).toBe(10);
    const r = calculateIndicators(passport([{ description: 'gipsplaat', quantity: 500, unit: 'kg', profileId: id }]), { library: lib });
    expect(r.lines.at(0)?.declaredQuantity).toBe(50);
    expect(r.lines.at(0)?.declaredUnit).toBe('m2');
  });
});

describe('stored biogenic carbon', () => {
  it('EN 16449 for timber without declared carbon content', () => {
    // 2 m3 × 448 kg/m3 = 896 kg at 12 % moisture → oven-dry 896 / 1.12 = 800 kg
    // CO2 = 44/12 × 0.5 × 800 = 1466.667 kg
    const r = calculateIndicators(passport([{ description: 'hout', quantity: 2, unit: 'm3', profileId: 'hout', origin: { renewablePct: 100 } }]), { library });
    expect(r.lines.at(0)?.biogenicMethod).toBe('EN 16449');
    expect(r.biogenicCarbonKgCO2).toBeCloseTo((44 / 12) * 0.5 * 800, 9);
    expect(r.materialOrigin.renewablePct).toBe(100);
  });

  it('ÖKOBAUDAT spruce: 1 m3 × 481.6 kg/m3 ÷ 1.12 = 430 kg dry → 788.33 kg CO2', () => {
    const r = calculateIndicators(
      passport([{ description: 'vuren', quantity: 1, unit: 'm3', profileId: '3057d7c0-7bee-4ba2-9edf-517d4cd97a14' }]),
      { library: oekobaudat2020II() },
    );
    expect(r.biogenicCarbonKgCO2).toBeCloseTo((44 / 12) * 0.5 * 430, 6);
  });
});

describe('detachability (LI v2.0)', () => {
  it('a dry, freely accessible, uncrossed, open line scores 1.0', () => {
    expect(lineDetachability({ connection: 'droog', accessibility: 'vrij', crossings: 'geen', edgeContainment: 'open' }, methodData).index).toBe(1);
  });

  it('a glued, inaccessible line scores low', () => {
    // connection = 2/(1/0.1 + 1/0.1) = 0.1; composition (geen, open) = 1; LI = 2/(1/0.1 + 1/1) = 2/11 = 0.1818…
    const open = lineDetachability({ connection: 'hard_chemisch', accessibility: 'onherstelbaar', crossings: 'geen', edgeContainment: 'open' }, methodData);
    expect(open.connectionFactor).toBeCloseTo(0.1, 12);
    expect(open.index).toBeCloseTo(2 / 11, 12);
    // with crossings to another layer and closed on several sides: composition 0.1 → LI 0.1
    const closed = lineDetachability({ connection: 'hard_chemisch', accessibility: 'onherstelbaar', crossings: 'andere_laag', edgeContainment: 'meerzijdig' }, methodData);
    expect(closed.index).toBeCloseTo(0.1, 12);
  });

  it('building level is MKI-weighted', () => {
    // line 1: LI 1.0, MKI excl. D = 10 × 13.47696 = 134.7696
    // line 2: LI 2/11, MKI excl. D = 10 × 13.47696 = 134.7696 → weighted mean (1 + 2/11)/2 = 13/22
    const r = calculateIndicators(
      passport([
        beton({ detachability: { connection: 'droog', accessibility: 'vrij', crossings: 'geen', edgeContainment: 'open' } }),
        beton({ detachability: { connection: 'hard_chemisch', accessibility: 'onherstelbaar', crossings: 'geen', edgeContainment: 'open' } }),
      ]),
      { library },
    );
    expect(r.detachability.weighting).toBe('mki');
    expect(r.detachability.index).toBeCloseTo(13 / 22, 12);
    expect(r.detachability.byLayer.omhulling).toBeCloseTo(13 / 22, 12);
  });
});

describe('MCI', () => {
  it('50 % recycled feedstock and 50 % recycled at end of life', () => {
    // V = 0.5M, W = W0 = 0.5M, LFI = (0.5 + 0.5)M / 2M = 0.5, MCI = 1 − 0.5 × 0.9 = 0.55
    expect(materialCircularity({ massKg: 100, recycled: 0.5, reused: 0, renewable: 0, eolRecycling: 0.5, eolReuse: 0 }, methodData)).toBeCloseTo(0.55, 12);
    // fully linear: LFI 1 → MCI 0.1
    expect(materialCircularity({ massKg: 100, recycled: 0, reused: 0, renewable: 0, eolRecycling: 0, eolReuse: 0 }, methodData)).toBeCloseTo(0.1, 12);
  });
});

describe('missing data', () => {
  it('lists categories without data as unweighted, never as zero', () => {
    const r = calculateIndicators(passport([beton()]), { library });
    const unweighted = r.mpg.unweightedCategories.map((u) => u.category);
    // model order adpe, adpf, gwp, odp, pocp, ap, ep, htp, faetp, maetp, tetp minus the four with data
    expect(unweighted).toEqual(['adpe', 'odp', 'pocp', 'htp', 'faetp', 'maetp', 'tetp']);
    expect(Object.keys(r.mki.byCategory)).toEqual(['adpf', 'gwp', 'ap', 'ep']);
  });

  it('A2 weighting of A1-only data gives no MKI (null), not zero', () => {
    const r = calculateIndicators(passport([beton()]), { library, weightingSet: 'a2' });
    expect(r.mki.total).toBeNull();
    expect(r.mpg.value).toBeNull();
    expect(r.mpg.limit).toBeNull();
    expect(r.warnings.map((w) => w.code)).toContain('GEEN_DATA_WEGINGSSET');
    // GWP still comes from the A1 profile
    expect(r.gwp.a1a3).toBeCloseTo(2000, 9);
  });

  it('a profile missing a category that others declare is named', () => {
    // Testhout declares GWP only; Testbeton also AP, EP, ADPf
    const r = calculateIndicators(passport([beton(), { description: 'hout', quantity: 1, unit: 'm3', profileId: 'hout' }]), { library });
    const w = r.warnings.find((x) => x.code === 'CATEGORIE_ONTBREEKT');
    expect(w?.message).toContain('"Testhout" mist adpf, ap, ep');
  });

  it('unknown profile: a warning, and the line has no impact', () => {
    const r = calculateIndicators(passport([beton({ profileId: 'bestaat-niet' })]), { library });
    expect(r.mki.total).toBeNull();
    expect(r.warnings[0]?.code).toBe('PROFIEL_ONBEKEND');
  });
});

describe('HNN and Paris Proof', () => {
  it('Paris Proof = initial A1-A5 per m² BVO; checked against ≤ 200 (grondgebonden)', () => {
    // 10 m3 × 200 kg CO2-eq = 2000 kg over 100 m² → 20 kg/m² (replacements not counted)
    const r = calculateIndicators(passport([beton({ serviceLifeYears: 25 })]), { library });
    expect(r.gwp.parisProofPerM2).toBeCloseTo(20, 9);
    const check = r.hnn.find((h) => h.indicator === 'embodiedCarbon');
    expect(check).toMatchObject({ level: 200, status: 'voldoet' });
    expect(r.hnn.find((h) => h.indicator === 'mpg')?.level).toBe(0.45);
  });
});

describe('default mapping', () => {
  it('suggests profiles from Dutch, English and German names', () => {
    const lib = oekobaudat2020II();
    expect(suggestProfiles('beton', lib, 1)[0]?.profileId).toBe('9702d9ab-2af2-4fdc-9d99-225583a9ffb7');
    expect(suggestProfiles('Ziegel', lib, 1)[0]?.profileId).toBe('f74a19da-df9a-4462-a632-3b3dc83377b1');
    expect(suggestProfiles('vurenhout', lib, 1)[0]?.name).toMatch(/spruce/i);
    expect(suggestProfiles('Kalkzandsteen lijmblok', lib, 1)[0]?.name).toBe('Sand-lime brick');
    expect(suggestProfiles('', lib, 3)).toEqual([]);
  });

  it('a line without profile gets the default profile and a warning', () => {
    const r = calculateIndicators(passport([{ description: 'Gewapend beton', quantity: 1, unit: 'm3' }]), { library: oekobaudat2020II() });
    expect(r.lines.at(0)?.profileSource).toBe('suggested');
    expect(r.warnings.map((w) => w.code)).toContain('PROFIEL_VOORGESTELD');
  });
});

describe('end of life and hazardous substances', () => {
  it('mass-weighted end-of-life shares and the HNN reuse potential', () => {
    // beton 1 m3 = 2400 kg (reuse 10 %, recycling 50 %); hout 1 m3 = 448 kg (reuse 50 %, recycling 50 %, hazardous)
    // reuse = (240 + 224) / 2848 = 16.29 %; recycling = (1200 + 224) / 2848 = 50 %; rest = 33.71 %
    const r = calculateIndicators(
      passport([
        beton({ quantity: 1, endOfLife: { reusePct: 10, recyclingPct: 50 } }),
        { description: 'hout', quantity: 1, unit: 'm3', profileId: 'hout', endOfLife: { reusePct: 50, recyclingPct: 50 }, hazardous: true },
      ]),
      { library },
    );
    expect(r.endOfLife.massKg).toBe(2848);
    expect(r.endOfLife.reusePct).toBeCloseTo((100 * 464) / 2848, 12);
    expect(r.endOfLife.recyclingPct).toBeCloseTo(50, 12);
    expect(r.endOfLife.restPct).toBeCloseTo((100 * 960) / 2848, 12);
    expect(r.hnn.find((h) => h.indicator === 'reusePotential')).toMatchObject({ status: 'geen niveau', category: 'Indicatie' });
    expect(r.hnn.find((h) => h.indicator === 'reusePotential')?.value).toBeCloseTo((100 * 1888) / 2848, 12);
    expect(r.hazardous).toEqual({ lines: 1, massKg: 448 });
  });
});

describe('line breakdown', () => {
  it('GWP per module per line; undeclared modules are absent in JSON', () => {
    // 10 m3 × (A1-A3 200, C3 10, D −5) = 2000, 100, −50
    const r = calculateIndicators(passport([beton()]), { library });
    const line = r.lines.at(0);
    expect(line?.gwpKgCO2).toEqual({ 'A1-A3': 2000, C3: 100, D: -50 });
    expect(JSON.parse(JSON.stringify(line?.gwpKgCO2))).toEqual({ 'A1-A3': 2000, C3: 100, D: -50 });
    expect(Object.keys(JSON.parse(JSON.stringify(line?.gwpKgCO2)))).toEqual(['A1-A3', 'C3', 'D']);
    expect(line?.mkiEur).toBeCloseTo(10 * BETON_MKI, 9);
  });
});

describe('line breakdown columns', () => {
  it('keeps an unknown profile id and leaves the figures of a line without a profile empty', () => {
    const r = calculateIndicators(passport([beton(), { description: 'iets', quantity: 3, unit: 'm2', profileId: 'bestaat-niet' }]), { library });
    expect(r.lines.length).toBe(2);
    const unknown = r.lines.at(1);
    expect(unknown).toMatchObject({ line: 2, profileId: 'bestaat-niet', profileName: null, profileSource: 'passport', declaredUnit: null, declaredQuantity: null, conversion: null, massKg: null, mkiEur: null, biogenicCarbonKgCO2: null, biogenicMethod: null, mci: null });
    expect(unknown?.gwpKgCO2).toEqual({});
    expect(r.lines.mkiEur[1]).toBeNaN();
    expect(r.lines.at(0)?.profileName).not.toBeNull();
    expect(r.lines.at(2)).toBeUndefined();
    expect(r.lines.at(0.5)).toBeUndefined();
  });

  it('is empty without the line breakdown, and serialises as an empty list', () => {
    const r = calculateIndicators(passport([beton()]), { library, lineBreakdown: false });
    expect(r.lines.length).toBe(0);
    expect(JSON.parse(JSON.stringify(r)).lines).toEqual([]);
  });
});

describe('determinism', () => {
  it('same input and data give byte-identical JSON', () => {
    const p = passport([beton({ serviceLifeYears: 30 }), { description: 'hout', quantity: 2, unit: 'm3', profileId: 'hout' }]);
    expect(JSON.stringify(calculateIndicators(p, { library }))).toBe(JSON.stringify(calculateIndicators(p, { library })));
  });
});
