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
