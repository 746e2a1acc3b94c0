import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readEpdFile } from '../src/index.ts';

// A hand-made ILCD+EPD v1.2 archive in the layout ÖKOBAUDAT exports (processes/, flows/); values invented.
const PROCESS_UUID = 'aaaaaaaa-0000-4000-8000-000000000001';
const FLOW_UUID = 'aaaaaaaa-0000-4000-8000-000000000002';
const processXml = `<?xml version="1.0" encoding="UTF-8"?>
<processDataSet xmlns="http://lca.jrc.it/ILCD/Process" xmlns:common="http://lca.jrc.it/ILCD/Common" xmlns:epd="http://www.iai.kit.edu/EPD/2013" version="1.1">
  <processInformation>
    <dataSetInformation>
      <common:UUID>${PROCESS_UUID}</common:UUID>
      <name><baseName xml:lang="de">Testbeton C30/37</baseName><baseName xml:lang="en">Test concrete C30/37</baseName></name>
    </dataSetInformation>
    <quantitativeReference type="Reference flow(s)"><referenceToReferenceFlow>0</referenceToReferenceFlow></quantitativeReference>
  </processInformation>
  <modellingAndValidation>
    <complianceDeclarations><compliance><common:referenceToComplianceSystem refObjectId="x" type="source data set">
      <common:shortDescription xml:lang="en">DIN EN 15804</common:shortDescription></common:referenceToComplianceSystem></compliance></complianceDeclarations>
  </modellingAndValidation>
  <exchanges>
    <exchange dataSetInternalID="0">
      <referenceToFlowDataSet type="flow data set" refObjectId="${FLOW_UUID}" uri="../flows/${FLOW_UUID}.xml"><common:shortDescription xml:lang="en">Test concrete</common:shortDescription></referenceToFlowDataSet>
      <meanAmount>1.0</meanAmount>
      <resultingAmount>1.0</resultingAmount>
    </exchange>
  </exchanges>
  <LCIAResults>
    <LCIAResult>
      <referenceToLCIAMethodDataSet refObjectId="m1" type="LCIA method data set"><common:shortDescription xml:lang="en">Global warming potential (GWP)</common:shortDescription></referenceToLCIAMethodDataSet>
      <meanAmount>0</meanAmount>
      <common:other>
        <epd:amount epd:module="A1-A3">250.5</epd:amount>
        <epd:amount epd:module="C3">12</epd:amount>
        <epd:amount epd:module="C4"></epd:amount>
        <epd:amount epd:module="D">-8</epd:amount>
      </common:other>
    </LCIAResult>
    <LCIAResult>
      <referenceToLCIAMethodDataSet refObjectId="m2" type="LCIA method data set"><common:shortDescription xml:lang="en">Abiotic depletion potential for fossil resources (ADPF)</common:shortDescription></referenceToLCIAMethodDataSet>
      <meanAmount>0</meanAmount>
      <common:other><epd:amount module="A1-A3">1500</epd:amount></common:other>
    </LCIAResult>
  </LCIAResults>
</processDataSet>`;
const flowXml = `<?xml version="1.0" encoding="UTF-8"?>
<flowDataSet xmlns="http://lca.jrc.it/ILCD/Flow" xmlns:common="http://lca.jrc.it/ILCD/Common" xmlns:mm="http://www.matml.org/" version="1.1">
  <flowInformation>
    <dataSetInformation>
      <common:UUID>${FLOW_UUID}</common:UUID>
      <common:other>
        <mm:MatML_Doc>
          <mm:Material><mm:BulkDetails><mm:Name>Test concrete</mm:Name>
            <mm:PropertyData property="pr1"><mm:Data format="float">2365</mm:Data></mm:PropertyData>
          </mm:BulkDetails></mm:Material>
          <mm:Metadata><mm:PropertyDetails id="pr1"><mm:Name>gross density</mm:Name><mm:Units name="kg/m^3"><mm:Unit><mm:Name>kg</mm:Name></mm:Unit></mm:Units></mm:PropertyDetails></mm:Metadata>
        </mm:MatML_Doc>
      </common:other>
    </dataSetInformation>
    <quantitativeReference><referenceToReferenceFlowProperty>0</referenceToReferenceFlowProperty></quantitativeReference>
  </flowInformation>
  <flowProperties>
    <flowProperty dataSetInternalID="0">
      <referenceToFlowPropertyDataSet type="flow property data set" refObjectId="93a60a56-a3c8-22da-a746-0800200c9a66"><common:shortDescription xml:lang="en">Volume</common:shortDescription></referenceToFlowPropertyDataSet>
      <meanValue>1.0</meanValue>
    </flowProperty>
  </flowProperties>
</flowDataSet>`;

async function archive(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: 'uint8array' });
}

describe('EPD files', () => {
  it('ILCD archive (.zip): unit and density from the flow dataset, EN 15804+A1 indicators by abbreviation', async () => {
    const bytes = await archive({ [`ILCD/processes/${PROCESS_UUID}.xml`]: processXml, [`ILCD/flows/${FLOW_UUID}.xml`]: flowXml });
    const result = await readEpdFile(bytes, 'beton.zip');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [profile] = result.profiles;
    expect(profile?.id).toBe(PROCESS_UUID);
    expect(profile?.declaredUnit).toBe('m3');
    expect(profile?.densityKgM3).toBe(2365);
    expect(profile?.a1?.['A1-A3']).toEqual({ gwp: 250.5, adpf: 1500 });
    expect(profile?.a1?.C3).toEqual({ gwp: 12 });
    expect(profile?.a1?.C4).toBeUndefined(); // empty value = not assessed = missing
    expect(profile?.a1?.D).toEqual({ gwp: -8 });
  });

  it('a process XML without its flow dataset is refused with the reason', async () => {
    const result = await readEpdFile(new TextEncoder().encode(processXml), 'proces.xml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.message).toContain('flow-dataset');
  });

  it('reports broken XML, a missing flow and unknown formats; never throws', async () => {
    const broken = await readEpdFile(await archive({ 'ILCD/processes/x.xml': '<processDataSet><oops></processDataSet>', [`ILCD/flows/${FLOW_UUID}.xml`]: flowXml }), 'kapot.zip');
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.issues[0]?.path).toBe('ILCD/processes/x.xml');
    const noFlow = await readEpdFile(await archive({ [`ILCD/processes/${PROCESS_UUID}.xml`]: processXml }), 'zonder-flow.zip');
    expect(noFlow.ok).toBe(false);
    if (!noFlow.ok) expect(noFlow.issues[0]?.message).toContain('flows/');
    expect((await readEpdFile(new Uint8Array([1, 2, 3]), 'x.zip')).ok).toBe(false);
    expect((await readEpdFile(new Uint8Array([1, 2, 3]), 'x.pdf')).ok).toBe(false);
    expect((await readEpdFile(new TextEncoder().encode('{"id": 1}'), 'x.json')).ok).toBe(false);
  });
});

// Real ÖKOBAUDAT ILCD+EPD datasets (process + reference flow), kept with the domain's ILCD fixtures; provenance and
// licence in packages/domain/src/lca/fixtures/ilcd/README.md. Expected numbers are read from the XML (element named).
describe('readEpdFile on real ÖKOBAUDAT ILCD+EPD archives', () => {
  const fixtures = new URL('../../domain/src/lca/fixtures/ilcd/', import.meta.url);
  const A1 = ['ILCD/processes/f63ac879-fa7d-4f91-813e-e816cbdf1927.xml', 'ILCD/flows/4e1beb5b-f059-4aa9-b12a-4462eb1fa606.xml'];
  const A2 = ['ILCD/processes/0e85f255-4d11-4973-9daa-c03889948351.xml', 'ILCD/flows/eb506ec7-5f6c-a0f9-14fb-83461078573d.xml'];
  const realArchive = (paths: string[]) => {
    const zip = new JSZip();
    for (const p of paths) zip.file(p, readFileSync(new URL(p, fixtures)));
    return zip.generateAsync({ type: 'uint8array' });
  };

  it('EN 15804+A1 (3- und 5-Schicht Massivholzplatte): unit, density, biogenic carbon, GWP per module, default scenario', async () => {
    const result = await readEpdFile(await realArchive(A1), 'massivholz.zip');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const [p] = result.profiles;
    expect(p?.id).toBe('f63ac879-fa7d-4f91-813e-e816cbdf1927'); // common:UUID
    expect(p?.name).toEqual({ de: '3- und 5-Schicht Massivholzplatte (Durchschnitt DE)' }); // baseName xml:lang="de" only
    expect(p?.release).toBe('ILCD 1.1'); // processDataSet/@version
    expect(p?.a2).toBeUndefined(); // @ns9:profile="EN_15804", compliance "EN 15804" → A1
    // flow 4e1beb5b…: referenceToReferenceFlowProperty 0 → flowProperty 0 "Volume"; exchange meanAmount 1.0
    expect(p?.declaredUnit).toBe('m3');
    expect(p?.densityKgM3).toBe(510.45); // mat:MatML_Doc, PropertyData pr2 "gross density" kg/m^3
    expect(p?.biogenicCarbonKgC).toBe(219.94); // flowProperty 2 "Carbon content (biogenic)" meanValue
    // LCIAResult "Global warming potential (GWP)", epd:amount epd:module=…
    expect(p?.a1?.['A1-A3']?.gwp).toBe(-647.4201396839651);
    expect(p?.a1?.A5?.gwp).toBe(0.87278541690962);
    expect(p?.a1?.C2?.gwp).toBe(0.535834904201247);
    expect(p?.a1?.C3?.gwp).toBe(810.1162362231684);
    // two D amounts: epd:scenario="energetisch" (epd:scenarios: epd:default="true") and "stofflich" (-11.125577109865484)
    expect(p?.a1?.D?.gwp).toBe(-261.09709844067464);
    expect(Object.keys(p?.a1 ?? {}).sort()).toEqual(['A1-A3', 'A5', 'C2', 'C3', 'D']);

    // The same dataset as soda4LCA serves it in JSON gives the same profile.
    const json = await readEpdFile(readFileSync(new URL('oekobaudat-f63ac879.soda4lca.json', fixtures)), 'massivholz.json');
    expect(json.ok && { ...json.profiles[0], source: '' }).toEqual({ ...p, source: '' });
  });

  it('EN 15804+A2 (Beton-Pflastersteine, Rinn): area unit named in German, grammage, GWP-total/-fossil/-biogenic per module', async () => {
    const result = await readEpdFile(await realArchive(A2), 'pflaster.zip');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.notes).toEqual([]);
    const [p] = result.profiles;
    expect(p?.id).toBe('0e85f255-4d11-4973-9daa-c03889948351');
    expect(p?.name).toEqual({ en: 'Beton-Pflastersteine', de: 'Beton-Pflastersteine' }); // the en baseName ends in a space
    expect(p?.a1).toBeUndefined(); // compliance shortDescription (de only) "DIN EN 15804+A2"
    // flow eb506ec7…: reference flow property 0 is "Fläche" (xml:lang="de" only, refObjectId 93a60a56-a3c8-19da-…)
    expect(p?.declaredUnit).toBe('m2');
    expect(p?.areaWeightKgM2).toBe(179); // MatML pr3 "Grammage" kg/m^2
    expect(p?.kgPerDeclaredUnit).toBe(179);
    expect(p?.densityKgM3).toBeUndefined(); // pr1 "Gross density" 2.40 (t/m³ labelled kg/m^3) is not used for m2
    expect(p?.biogenicCarbonKgC).toBeUndefined(); // no "Carbon content (biogenic)" flow property
    // LCIAResult "Global Warming Potential total (GWP-total)": A1-A3 21.8, A4 1.5, C1 0, C2 0.59, C3 0.449, C4 0.1835, D -2.62
    expect(Object.fromEntries(Object.entries(p?.a2 ?? {}).map(([m, row]) => [m, row?.gwpTotal]))).toEqual({
      'A1-A3': 21.8, A4: 1.5, C1: 0, C2: 0.59, C3: 0.449, C4: 0.1835, D: -2.62,
    });
    expect(p?.a2?.['A1-A3']?.gwpFossil).toBe(21.8); // "(GWP-fossil)"
    expect(p?.a2?.['A1-A3']?.gwpBiogenic).toBe(0.0215); // "(GWP-biogenic)"
    expect(p?.a2?.['A1-A3']?.gwpLuluc).toBe(0.0118); // "(GWP-luluc)"
    expect(p?.a2?.C4?.gwpBiogenic).toBe(0.0135);
    // PM, IR, ETP-fw, HTP-c, HTP-nc, SQP: every epd:amount is empty → not declared, not 0
    expect(p?.a2?.['A1-A3']?.pm).toBeUndefined();
    expect(p?.a2?.['A1-A3']?.irp).toBeUndefined();
  });

  it('an archive with both datasets gives both profiles; without one reference flow it imports nothing', async () => {
    const both = await readEpdFile(await realArchive([...A1, ...A2]), 'beide.zip');
    expect(both.ok && both.profiles.map((p) => p.id)).toEqual(['0e85f255-4d11-4973-9daa-c03889948351', 'f63ac879-fa7d-4f91-813e-e816cbdf1927']);
    const missingFlow = await readEpdFile(await realArchive([...A1, A2[0] as string]), 'half.zip');
    expect(missingFlow.ok).toBe(false);
    if (!missingFlow.ok) expect(missingFlow.issues.map((i) => i.path)).toEqual(['ILCD/processes/0e85f255-4d11-4973-9daa-c03889948351.xml']);
  });
});
