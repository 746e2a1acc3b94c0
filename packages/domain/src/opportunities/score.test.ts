import { describe, expect, it } from 'vitest';
import rulesData from '../../data/opportunities/rules-v1.json' with { type: 'json' };
import {
  defaultOpportunityRules as rules,
  estimateStoreys,
  InvalidOpportunityRulesError,
  parseOpportunityRules,
  scoreBuilding,
  scoreStock,
  type ScoringInput,
  type StockBuilding,
} from './index.ts';

/** A building about which nothing fires: slanted roof, 2011, 8 storeys, residential, small dwellings. */
const neutral: ScoringInput = {
  buildYear: 2011,
  roofType: 'slanted',
  heightM: 24,
  storeysEstimate: 8,
  footprintAreaM2: 100,
  useFunctions: ['woonfunctie'],
  dwellings: 10,
  floorAreaM2: 700,
  vacant: false,
  dwellingType: 'galerijflat',
};

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

const codes = (reasons: { code: string }[]) => reasons.map((r) => r.code);

describe('scoreBuilding — optoppen', () => {
  it('a 1972 flat-roofed 3-storey block 6 m lower than its neighbours scores every positive optoppen rule', () => {
    const building: ScoringInput = { ...neutral, buildYear: 1972, roofType: 'horizontal', heightM: 9, storeysEstimate: 3 };
    const result = scoreBuilding(building, rules, { differenceM: -6, neighbourMedianM: 15, neighbourCount: 5 });
    // platte_dakvorm 35 + bouwjaar_1965_1985 25 + lager_dan_buren 25 + bouwlagen_2_4 15 = 100
    expect(result.optoppen.score).toBe(100);
    expect(result.optoppen.reasons).toEqual([
      { code: 'platte_dakvorm', text_nl: 'platte dakvorm', text_en: 'flat roof', points: 35, value: 'horizontal' },
      { code: 'bouwjaar_1965_1985', text_nl: 'bouwjaar 1972', text_en: 'built 1972', points: 25, value: 1972 },
      { code: 'lager_dan_buren', text_nl: 'lager dan buren (\u22126 m)', text_en: 'lower than neighbours (\u22126 m)', points: 25, value: -6 },
      { code: 'bouwlagen_2_4', text_nl: '3 bouwlagen (geschat)', text_en: '3 storeys (estimated)', points: 15, value: 3 },
    ]);
    expect(result.optoppen.unknown).toEqual([]);
    expect(result.rulesVersion).toBe('rules-v1');
  });

  it('"multiple horizontal" counts as flat; slanted does not', () => {
    expect(codes(scoreBuilding({ ...neutral, roofType: 'multiple horizontal' }, rules).optoppen.reasons)).toContain('platte_dakvorm');
    expect(codes(scoreBuilding({ ...neutral, roofType: 'slanted' }, rules).optoppen.reasons)).not.toContain('platte_dakvorm');
  });

  it('build year range is inclusive at both ends', () => {
    for (const [year, fires] of [[1964, false], [1965, true], [1985, true], [1986, false]] as const) {
      expect(codes(scoreBuilding({ ...neutral, buildYear: year }, rules).optoppen.reasons).includes('bouwjaar_1965_1985')).toBe(fires);
    }
  });

  it('a decimal difference is shown with a decimal comma in Dutch and a point in English', () => {
    const result = scoreBuilding(neutral, rules, { differenceM: -4.5, neighbourMedianM: 28.5, neighbourCount: 4 });
    const reason = result.optoppen.reasons.find((r) => r.code === 'lager_dan_buren');
    expect(reason?.text_nl).toBe('lager dan buren (\u22124,5 m)');
    expect(reason?.text_en).toBe('lower than neighbours (\u22124.5 m)');
  });

  it('less than 3 m lower does not fire; without neighbour data the rule is unknown, not "no"', () => {
    const near = scoreBuilding(neutral, rules, { differenceM: -2.9, neighbourMedianM: 26.9, neighbourCount: 4 });
    expect(codes(near.optoppen.reasons)).not.toContain('lager_dan_buren');
    expect(near.optoppen.unknown).toEqual([]);
    const none = scoreBuilding(neutral, rules);
    expect(none.optoppen.unknown).toEqual([{ code: 'lager_dan_buren', missing: 'neighbourHeight' }]);
  });

  it('negative rules subtract and the score never drops below 0', () => {
    // 8 storeys: bouwlagen_7_plus −20; built 1900: bouwjaar_voor_1930 −15 ⇒ −35 ⇒ clamped to 0
    const result = scoreBuilding({ ...neutral, buildYear: 1900 }, rules);
    expect(result.optoppen.reasons.map((r) => r.points)).toEqual([-20, -15]);
    expect(result.optoppen.score).toBe(0);
  });

  it('unknown roof type, year and storeys are listed as unknown', () => {
    const result = scoreBuilding({ ...neutral, roofType: 'no points', buildYear: null, storeysEstimate: null }, rules);
    expect(result.optoppen.reasons).toEqual([]);
    expect(result.optoppen.unknown.map((u) => u.missing)).toEqual([
      'roofType',
      'buildYear',
      'neighbourHeight',
      'storeysEstimate',
      'storeysEstimate',
      'buildYear',
    ]);
  });
});

describe('scoreBuilding — splitsen', () => {
  it('large dwellings in a pre-war 3-storey herenhuis', () => {
    const building: ScoringInput = {
      ...neutral,
      buildYear: 1910,
      storeysEstimate: 3,
      footprintAreaM2: 90,
      dwellings: 1,
      floorAreaM2: 210,
      dwellingType: 'Herenhuis',
    };
    const result = scoreBuilding(building, rules);
    // grote_woningen 40 + woningtype 20 + bouwjaar_voor_1945 15 + bouwlagen 15 = 90
    expect(result.splitsen.score).toBe(90);
    expect(result.splitsen.reasons.map((r) => [r.code, r.text_nl, r.points])).toEqual([
      ['grote_woningen', 'gemiddeld 210 m² per woning', 40],
      ['woningtype_grondgebonden', 'woningtype Herenhuis', 20],
      ['bouwjaar_voor_1945', 'bouwjaar 1910', 15],
      ['bouwlagen_2_4_splitsen', '3 bouwlagen (geschat): per laag te splitsen', 15],
    ]);
  });

  it('floor area per dwelling below 120 m² does not fire; no dwellings or no area is handled', () => {
    expect(codes(scoreBuilding({ ...neutral, floorAreaM2: 1190, dwellings: 10 }, rules).splitsen.reasons)).not.toContain('grote_woningen');
    expect(codes(scoreBuilding({ ...neutral, floorAreaM2: 1200, dwellings: 10 }, rules).splitsen.reasons)).toContain('grote_woningen');
    expect(codes(scoreBuilding({ ...neutral, dwellings: 0 }, rules).splitsen.reasons)).not.toContain('grote_woningen');
    expect(scoreBuilding({ ...neutral, floorAreaM2: null }, rules).splitsen.unknown).toContainEqual({ code: 'grote_woningen', missing: 'floorAreaM2' });
  });

  it('large footprint rule fires between 150 and 2000 m² and reports the rounded area', () => {
    const reason = scoreBuilding({ ...neutral, footprintAreaM2: 412.6 }, rules).splitsen.reasons.find((r) => r.code === 'grote_footprint');
    expect(reason).toMatchObject({ text_nl: 'grondoppervlak 413 m²', points: 10, value: 413 });
  });
});

describe('scoreBuilding — transformatie', () => {
  it('a vacant office without dwellings', () => {
    const result = scoreBuilding({ ...neutral, useFunctions: ['kantoorfunctie'], dwellings: 0, vacant: true }, rules);
    // kantoor_zonder_wonen 45 + leegstand 35 = 80
    expect(result.transformatie.score).toBe(80);
    expect(result.transformatie.reasons.map((r) => r.text_nl)).toEqual(['gebruiksdoel kantoorfunctie, geen woonfunctie', 'leegstand bekend']);
  });

  it('garage boxes (overige gebruiksfunctie)', () => {
    const result = scoreBuilding({ ...neutral, useFunctions: ['overige gebruiksfunctie'], vacant: null }, rules);
    expect(result.transformatie.score).toBe(35);
    expect(result.transformatie.unknown).toEqual([{ code: 'leegstand', missing: 'vacant' }]);
  });

  it('an office with dwellings above does not count as non-residential', () => {
    const result = scoreBuilding({ ...neutral, useFunctions: ['woonfunctie', 'kantoorfunctie', 'winkelfunctie'] }, rules);
    expect(result.transformatie.reasons).toEqual([]);
  });

  it('several non-residential functions are named together', () => {
    const result = scoreBuilding({ ...neutral, useFunctions: ['winkelfunctie', 'industriefunctie'] }, rules);
    expect(result.transformatie.reasons).toEqual([
      {
        code: 'niet_wonen_overig',
        text_nl: 'gebruiksdoel winkelfunctie, industriefunctie, geen woonfunctie',
        text_en: 'use winkelfunctie, industriefunctie, no residential use',
        points: 25,
        value: 'winkelfunctie, industriefunctie',
      },
    ]);
  });

  it('nothing known about use gives score 0 with the reasons why', () => {
    const result = scoreBuilding({ ...neutral, useFunctions: null, vacant: null }, rules);
    expect(result.transformatie.score).toBe(0);
    expect(result.transformatie.unknown.map((u) => u.missing)).toEqual(['useFunctions', 'useFunctions', 'useFunctions', 'vacant']);
  });
});

describe('rules as data', () => {
  it('a municipality can pass its own weights and thresholds', () => {
    const own = clone(rulesData) as Record<string, unknown> & typeof rulesData;
    own.version = 'delft-2026';
    const flat = own.kinds.optoppen.find((rule) => rule.code === 'platte_dakvorm');
    if (!flat) throw new Error('fixture');
    flat.points = 60;
    const result = scoreBuilding({ ...neutral, roofType: 'horizontal' }, parseOpportunityRules(own));
    expect(result.rulesVersion).toBe('delft-2026');
    expect(result.optoppen.reasons[0]).toMatchObject({ code: 'platte_dakvorm', points: 60 });
  });

  it('bad rules fail with the path of every bad field', () => {
    const bad = clone(rulesData) as unknown as {
      neighbours: { radiusM: number };
      kinds: { optoppen: Record<string, unknown>[]; splitsen: Record<string, unknown>[] };
    };
    bad.neighbours.radiusM = -5;
    const first = bad.kinds.optoppen[0];
    if (!first) throw new Error('fixture');
    first.values = ['plat'];
    bad.kinds.splitsen.push({ ...bad.kinds.splitsen[0], type: 'buildYearRange', from: 2000, to: 1990, code: 'omgekeerd' });
    bad.kinds.splitsen.push({ ...bad.kinds.splitsen[0] });
    try {
      parseOpportunityRules(bad);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidOpportunityRulesError);
      const paths = (error as InvalidOpportunityRulesError).issues.map((issue) => issue.path);
      expect(paths).toContain('neighbours.radiusM');
      expect(paths).toContain('kinds.optoppen.0.values.0');
      expect(paths).toContain('kinds.splitsen.5.from');
      expect(paths).toContain('kinds.splitsen.6.code');
      expect((error as Error).message).toMatch(/duplicate rule code "grote_woningen"/);
    }
  });

  it('an unknown rule type is rejected', () => {
    const bad = clone(rulesData) as unknown as { kinds: { transformatie: Record<string, unknown>[] } };
    bad.kinds.transformatie.push({ code: 'x', type: 'zonnepanelen', points: 5, text_nl: 'x', text_en: 'x', verification: 'source' });
    expect(() => parseOpportunityRules(bad)).toThrow(/kinds\.transformatie\.4\.type/);
  });

  it('every rule with verification "source" names its source', () => {
    for (const kind of [rules.kinds.splitsen, rules.kinds.optoppen, rules.kinds.transformatie]) {
      for (const rule of kind) if (rule.verification === 'source') expect(rule.source, rule.code).toBeTruthy();
    }
  });
});

describe('estimateStoreys', () => {
  it('round(height / 3.0), at least 1, null when unknown', () => {
    expect(estimateStoreys(7.49)).toBe(2); // 7.49 / 3 = 2.50 → 2
    expect(estimateStoreys(7.5)).toBe(3); // 2.5 → 3 (Math.round rounds half up)
    expect(estimateStoreys(1.2)).toBe(1);
    expect(estimateStoreys(null)).toBeNull();
    expect(estimateStoreys(-1)).toBeNull();
  });
});

describe('scoreStock', () => {
  it('feeds neighbour heights into the optoppen score', () => {
    const base: StockBuilding = {
      bagId: '0',
      footprint: { type: 'Polygon', coordinates: [] },
      footprintAreaM2: 100,
      buildYear: 1975,
      roofType: 'horizontal',
      heightM: 18,
      storeysEstimate: 6,
      centroid: [4.37, 52.0],
      useFunctions: null,
      dwellings: null,
      floorAreaM2: null,
      vacant: null,
      dwellingType: null,
    };
    // Four 18 m blocks and one 9 m block within ~30 m of each other (0.0003° lat ≈ 33 m).
    const buildings = [
      { ...base, bagId: 'low', heightM: 9, storeysEstimate: 3 },
      { ...base, bagId: 'a', centroid: [4.37, 52.0002] as [number, number] },
      { ...base, bagId: 'b', centroid: [4.3703, 52.0] as [number, number] },
      { ...base, bagId: 'c', centroid: [4.3697, 52.0] as [number, number] },
      { ...base, bagId: 'd', centroid: [4.37, 51.9998] as [number, number] },
    ];
    const scored = scoreStock(buildings, rules);
    const low = scored.find((s) => s.bagId === 'low');
    expect(low?.neighbours).toEqual({ differenceM: -9, neighbourMedianM: 18, neighbourCount: 4 });
    expect(low?.opportunities.optoppen.reasons.map((r) => r.text_nl)).toContain('lager dan buren (\u22129 m)');
    const tall = scored.find((s) => s.bagId === 'a');
    expect(tall?.opportunities.optoppen.reasons.map((r) => r.code)).not.toContain('lager_dan_buren');
  });
});
