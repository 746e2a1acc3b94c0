import { describe, expect, it } from 'vitest';
import { profileFromIlcdJson } from './index.ts';

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
