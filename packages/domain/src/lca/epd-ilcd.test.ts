import { describe, expect, it } from 'vitest';
import { profileFromIlcdJson } from './index.ts';
import realA1 from './fixtures/ilcd/oekobaudat-f63ac879.soda4lca.json' with { type: 'json' };

const amounts = (values: Record<string, string | undefined>) => ({
  anies: [
    ...Object.entries(values).map(([module, value]) => (value === undefined ? { module } : { module, value })),
    { name: 'referenceToUnitGroupDataSet', value: { shortDescription: [{ value: 'kg CO2 eqv.' }] } },
  ],
});
const method = (en: string) => ({ shortDescription: [{ value: en, lang: 'en' }], type: 'LCIA method data set' });

// Test data in the structure of an ÖKOBAUDAT process dataset (soda4LCA JSON, view=extended); values invented.
const dataset = {
  processInformation: {
    dataSetInformation: {
      UUID: '11111111-2222-4333-8444-555555555555',
      name: { baseName: [{ value: 'Testgevelplaat', lang: 'de' }, { value: 'Test facade panel', lang: 'en' }] },
    },
    quantitativeReference: { referenceToReferenceFlow: [1], type: 'Reference flow(s)' },
  },
  modellingAndValidation: {
    complianceDeclarations: { compliance: [{ referenceToComplianceSystem: { shortDescription: [{ value: 'EN 15804+A2', lang: 'en' }] } }] },
  },
  exchanges: {
    exchange: [
      {
        dataSetInternalID: 1,
        referenceFlow: true,
        meanAmount: 2.0,
        resultingAmount: 2.0,
        flowProperties: [{ name: [{ lang: 'en', value: 'Area' }], referenceFlowProperty: true, meanValue: 1.0, referenceUnit: 'qm' }],
        materialProperties: [{ name: 'grammage', value: '52.95', unit: 'kg/m^2' }],
      },
    ],
  },
  LCIAResults: {
    LCIAResult: [
      { referenceToLCIAMethodDataSet: method('Global Warming Potential - total (GWP-total)'), other: amounts({ 'A1-A3': '120.0', A4: '2.0', B1: undefined, C3: '', D: '-10' }) },
      { referenceToLCIAMethodDataSet: method('Global Warming Potential - biogenic (GWP-biogenic)'), other: amounts({ 'A1-A3': '-4.0' }) },
      { referenceToLCIAMethodDataSet: method('Potential incidence of disease due to PM emissions (PM)'), other: amounts({ 'A1-A3': '1.04E-6' }) },
      { referenceToLCIAMethodDataSet: method('Use of net fresh water (FW)'), other: amounts({ 'A1-A3': '3' }) },
    ],
  },
  otherAttributes: { '{http://www.okworx.com/ILCD/Extensions/2018/Profile}profile': 'EN_15804_A2' },
  version: '1.1',
};

describe('ILCD+EPD (soda4LCA extended JSON) import', () => {
  it('reads unit, mass, A2 indicators per declared unit; empty values stay missing', () => {
    const result = profileFromIlcdJson(dataset);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = result.profile;
    expect(p.id).toBe('11111111-2222-4333-8444-555555555555');
    expect(p.name).toEqual({ en: 'Test facade panel', de: 'Testgevelplaat' });
    expect(p.declaredUnit).toBe('m2');
    expect(p.areaWeightKgM2).toBe(52.95);
    // reference flow amount 2 m2: values ÷ 2
    expect(p.a2?.['A1-A3']).toEqual({ gwpTotal: 60, gwpBiogenic: -2, pm: 5.2e-7 });
    expect(p.a2?.A4).toEqual({ gwpTotal: 1 });
    expect(p.a2?.C3).toBeUndefined();
    expect(p.a2?.B1).toBeUndefined();
    expect(p.a2?.D).toEqual({ gwpTotal: -5 });
    expect(result.notes.join(' ')).toContain('(FW)');
  });

  it('reports every problem and accepts nothing', () => {
    const broken = {
      ...dataset,
      processInformation: { dataSetInformation: {}, quantitativeReference: { referenceToReferenceFlow: [1] } },
      exchanges: { exchange: [{ dataSetInternalID: 1, referenceFlow: true, meanAmount: 1, flowProperties: [{ referenceFlowProperty: true, referenceUnit: 'MJ' }] }] },
      LCIAResults: { LCIAResult: [{ referenceToLCIAMethodDataSet: method('Global Warming Potential - total (GWP-total)'), other: amounts({ 'A1-A3': 'veel' }) }] },
    };
    const result = profileFromIlcdJson(broken);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map((i) => i.path)).toEqual([
      'processInformation.dataSetInformation.UUID',
      'processInformation.dataSetInformation.name',
      'exchanges.referenceFlow.flowProperties',
      'LCIAResults.LCIAResult.0.A1-A3',
    ]);
    expect(profileFromIlcdJson([]).ok).toBe(false);
  });
});

// Real ÖKOBAUDAT dataset "3- und 5-Schicht Massivholzplatte (Durchschnitt DE)" (Thünen-Institut, EN 15804+A1) in the
// soda4LCA extended-JSON form; provenance and licence in fixtures/ilcd/README.md. Expected numbers are read from the file.
describe('ILCD+EPD import of a real ÖKOBAUDAT dataset (soda4LCA extended JSON)', () => {
  const copy = (): typeof realA1 => JSON.parse(JSON.stringify(realA1)) as typeof realA1;

  it('reads unit, density, biogenic carbon and the A1 indicators per module as declared', () => {
    const result = profileFromIlcdJson(realA1, { source: 'oekobaudat' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = result.profile;
    expect(p.id).toBe('f63ac879-fa7d-4f91-813e-e816cbdf1927'); // processInformation.dataSetInformation.UUID
    // baseName exists in German only: it is not presented as an English name
    expect(p.name).toEqual({ de: '3- und 5-Schicht Massivholzplatte (Durchschnitt DE)' });
    // otherAttributes …Profile}profile "EN_15804" + compliance "EN 15804" (no +A2) → A1 set
    expect(p.a2).toBeUndefined();
    // exchanges.exchange[referenceFlow].flowProperties: "Volume" is the reference flow property, referenceUnit "m3"
    expect(p.declaredUnit).toBe('m3');
    // materialProperties "gross density" = "510.45" kg/m^3
    expect(p.densityKgM3).toBe(510.45);
    expect(p.kgPerDeclaredUnit).toBe(510.45);
    // flowProperties "Carbon content (biogenic)" (uuid 62e503ce-…) meanValue 219.94; the "- packaging" one (0.0) is not it
    expect(p.biogenicCarbonKgC).toBe(219.94);
    // LCIAResult "Global warming potential (GWP)", other.anies {module, value}; reference amount 1.0, so not rescaled
    expect(p.a1?.['A1-A3']?.gwp).toBe(-647.4201396839651);
    expect(p.a1?.A5?.gwp).toBe(0.87278541690962);
    expect(p.a1?.C2?.gwp).toBe(0.535834904201247);
    expect(p.a1?.C3?.gwp).toBe(810.1162362231684);
    // D declared twice: scenario "energetisch" (default: true) -261.09709844067464, "stofflich" -11.125577109865484
    expect(p.a1?.D?.gwp).toBe(-261.09709844067464);
    expect(p.a1?.D?.adpf).toBe(-3914.6164290116735); // "… fossil resources (ADPF)", D / energetisch
    expect(p.a1?.['A1-A3']).toEqual({
      gwp: -647.4201396839651, odp: 1.2290178945654536e-11, ap: 0.5416051124710369, ep: 0.12993159851575514,
      pocp: 0.048606750868812776, adpe: 5.4074571410836295e-5, adpf: 1995.132838028948,
    });
    // modules A1, A2, A3 (declared separately besides A1-A3) are not model modules; A4, B*, C1, C4 are not declared
    expect(Object.keys(p.a1 ?? {}).sort()).toEqual(['A1-A3', 'A5', 'C2', 'C3', 'D']);
    expect(result.notes).toEqual(['D: standaardscenario "energetisch" gebruikt (gedeclareerd: energetisch, stofflich)']);
  });

  it('takes the default scenario wherever it is listed, and says so when there is none', () => {
    const stofflich = copy();
    for (const s of stofflich.processInformation.dataSetInformation.other.anies[0]?.scenario ?? []) s.default = s.name === 'stofflich';
    const a = profileFromIlcdJson(stofflich);
    expect(a.ok && a.profile.a1?.D?.gwp).toBe(-11.125577109865484);

    const none = copy();
    none.processInformation.dataSetInformation.other.anies = [];
    const b = profileFromIlcdJson(none);
    expect(b.ok && b.profile.a1?.D?.gwp).toBe(-261.09709844067464);
    expect(b.ok && b.notes).toEqual(['D: meerdere scenario\'s (energetisch, stofflich) zonder standaardscenario; "energetisch" is gebruikt']);
  });

  it('refuses a negative biogenic carbon content with its path, and imports nothing', () => {
    const broken = copy();
    const carbon = broken.exchanges.exchange[0]?.flowProperties?.find((fp) => fp.uuid === '62e503ce-544a-4599-b2ad-bcea15a7bf20');
    if (carbon) carbon.meanValue = -1;
    const result = profileFromIlcdJson(broken);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(['exchanges.referenceFlow.flowProperties.carbonContentBiogenic']);
  });
});
