/**
 * Reading EPD files into environmental profiles: LCAx JSON, ILCD+EPD JSON (soda4LCA `view=extended`), ILCD+EPD XML as
 * an ILCD archive (.zip with processes/ and flows/, as ÖKOBAUDAT exports it) or a single process .xml (then the
 * declared unit must come from the flow dataset, so a lone process file is refused with that reason).
 * XML is parsed with saxes, archives with jszip; the mapping to the profile model is the domain's
 * `profileFromIlcdJson`, so both ILCD forms share one set of rules.
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import type { EnvironmentalProfile, EpdIssue } from '@kringbouw/domain/lca';
import { profileFromIlcdJson, profileFromLcaxEpd } from '@kringbouw/domain/lca';
import { decodeText } from './csv.ts';

export type EpdReadResult = { ok: true; profiles: EnvironmentalProfile[]; notes: string[] } | { ok: false; issues: EpdIssue[] };

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses XML into a light tree of local names (namespace prefixes dropped). Throws on malformed XML. */
function parseXml(text: string): XmlNode {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  parser.on('opentag', (tag) => {
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (typeof attr === 'string') continue;
      attrs[attr.prefix === 'xml' ? `xml:${attr.local}` : attr.local] = attr.value;
    }
    const node: XmlNode = { name: tag.local ?? tag.name, attrs, children: [], text: '' };
    stack[stack.length - 1]?.children.push(node);
    stack.push(node);
  });
  parser.on('text', (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.write(text).close();
  const first = root.children[0];
  if (!first) throw new Error('leeg XML-document');
  return first;
}

const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => node?.children.find((c) => c.name === name);
const children = (node: XmlNode | undefined, name: string): XmlNode[] => node?.children.filter((c) => c.name === name) ?? [];
const path = (node: XmlNode | undefined, ...names: string[]): XmlNode | undefined => names.reduce<XmlNode | undefined>((n, name) => child(n, name), node);
const langStrings = (nodes: XmlNode[]) => nodes.map((n) => ({ value: n.text.trim(), lang: n.attrs['xml:lang'] ?? 'en' }));

/**
 * Unit of the reference flow property: by the flow property dataset's UUID (those seen in ÖKOBAUDAT exports), else by
 * its name in any language — real ÖKOBAUDAT flows may name it in German only ("Fläche").
 */
const unitByFlowPropertyId: Record<string, string> = {
  '93a60a56-a3c8-11da-a746-0800200b9a66': 'kg',
  '93a60a56-a3c8-22da-a746-0800200c9a66': 'm3',
  '93a60a56-a3c8-19da-a746-0800200c9a66': 'qm',
};
const unitByFlowProperty: Record<string, string> = {
  mass: 'kg', masse: 'kg', volume: 'm3', volumen: 'm3', area: 'qm', 'fläche': 'qm', length: 'm', 'number of items': 'pcs.',
};

/** The flow dataset's reference unit and MatML material properties, in the soda4LCA extended-JSON shape. */
function flowDetails(flow: XmlNode): { flowProperties: unknown[]; materialProperties: unknown[] } {
  const refId = path(flow, 'flowInformation', 'quantitativeReference', 'referenceToReferenceFlowProperty')?.text.trim();
  const flowProperties = children(path(flow, 'flowProperties'), 'flowProperty').map((fp) => {
    const ref = child(fp, 'referenceToFlowPropertyDataSet');
    const uuid = ref?.attrs.refObjectId ?? '';
    const names = langStrings(children(ref, 'shortDescription'));
    const en = (names.find((n) => n.lang === 'en') ?? names[0])?.value.toLowerCase() ?? '';
    const byName = names.map((n) => unitByFlowProperty[n.value.toLowerCase()]).find((u) => u !== undefined);
    return {
      name: names,
      uuid,
      referenceFlowProperty: fp.attrs.dataSetInternalID === refId,
      meanValue: Number(child(fp, 'meanValue')?.text ?? '1'),
      referenceUnit: unitByFlowPropertyId[uuid] ?? byName ?? en,
    };
  });
  const materialProperties: unknown[] = [];
  const matml = path(flow, 'flowInformation', 'dataSetInformation', 'other', 'MatML_Doc');
  if (matml) {
    const details = new Map(children(path(matml, 'Metadata'), 'PropertyDetails').map((d) => [d.attrs.id, d]));
    for (const data of children(path(matml, 'Material', 'BulkDetails'), 'PropertyData')) {
      const detail = details.get(data.attrs.property);
      materialProperties.push({
        name: child(detail, 'Name')?.text.trim() ?? '',
        value: child(data, 'Data')?.text.trim() ?? '',
        unit: child(detail, 'Units')?.attrs.name ?? '',
      });
    }
  }
  return { flowProperties, materialProperties };
}

/** A process dataset (XML tree) in the soda4LCA extended-JSON shape, with the reference flow's details merged in. */
function processAsJson(process: XmlNode, flowsById: Map<string, XmlNode>): Record<string, unknown> {
  const info = path(process, 'processInformation', 'dataSetInformation');
  const refFlow = path(process, 'processInformation', 'quantitativeReference', 'referenceToReferenceFlow')?.text.trim();
  const exchanges = children(path(process, 'exchanges'), 'exchange').map((ex) => {
    const isReference = ex.attrs.dataSetInternalID === refFlow;
    const flowId = child(ex, 'referenceToFlowDataSet')?.attrs.refObjectId ?? '';
    const flow = isReference ? flowsById.get(flowId) : undefined;
    return {
      dataSetInternalID: Number(ex.attrs.dataSetInternalID),
      referenceFlow: isReference,
      meanAmount: Number(child(ex, 'meanAmount')?.text ?? 'NaN'),
      ...(child(ex, 'resultingAmount') && { resultingAmount: Number(child(ex, 'resultingAmount')?.text) }),
      ...(flow ? flowDetails(flow) : { flowProperties: [], materialProperties: [] }),
    };
  });
  const results = children(path(process, 'LCIAResults'), 'LCIAResult').map((r) => ({
    referenceToLCIAMethodDataSet: { shortDescription: langStrings(children(child(r, 'referenceToLCIAMethodDataSet'), 'shortDescription')) },
    other: {
      anies: children(child(r, 'other'), 'amount').map((a) => ({ module: a.attrs.module ?? '', value: a.text.trim(), ...(a.attrs.scenario && { scenario: a.attrs.scenario }) })),
    },
  }));
  const scenario = children(path(info, 'other', 'scenarios'), 'scenario').map((s) => ({ name: s.attrs.name ?? '', default: s.attrs.default === 'true' }));
  const compliance = children(path(process, 'modellingAndValidation', 'complianceDeclarations'), 'compliance').map((c) => ({
    referenceToComplianceSystem: { shortDescription: langStrings(children(child(c, 'referenceToComplianceSystem'), 'shortDescription')) },
  }));
  return {
    processInformation: {
      dataSetInformation: {
        UUID: child(info, 'UUID')?.text.trim(),
        name: { baseName: langStrings(children(child(info, 'name'), 'baseName')) },
        other: { anies: [{ scenario }] },
      },
      quantitativeReference: { referenceToReferenceFlow: [Number(refFlow)] },
    },
    modellingAndValidation: { complianceDeclarations: { compliance } },
    exchanges: { exchange: exchanges },
    LCIAResults: { LCIAResult: results },
    otherAttributes: process.attrs,
    ...(process.attrs.version !== undefined && { version: process.attrs.version }),
  };
}

function referenceUnitMissing(json: Record<string, unknown>): boolean {
  const exchanges = (json.exchanges as { exchange: { referenceFlow: boolean; flowProperties: unknown[] }[] }).exchange;
  return !exchanges.some((e) => e.referenceFlow && e.flowProperties.length > 0);
}

/**
 * Reads an EPD file (.json LCAx or ILCD JSON; .zip ILCD archive; .xml ILCD process dataset). Every problem comes back
 * as an issue with the file-internal path; nothing is imported when any dataset is invalid. Never throws.
 */
export async function readEpdFile(bytes: Uint8Array, fileName: string): Promise<EpdReadResult> {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase();
  const source = `epd:${fileName.split(/[\\/]/).pop() ?? fileName}`;
  if (ext === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(decodeText(bytes).text.replace(/^\uFEFF/, ''));
    } catch (error) {
      return { ok: false, issues: [{ path: '(json)', message: `geen geldige JSON: ${error instanceof Error ? error.message : String(error)}` }] };
    }
    const isIlcd = data !== null && typeof data === 'object' && 'processInformation' in data;
    const result = isIlcd ? profileFromIlcdJson(data, { source }) : profileFromLcaxEpd(data, { source });
    return result.ok ? { ok: true, profiles: [result.profile], notes: result.notes } : result;
  }
  if (ext === 'xml') {
    let process: XmlNode;
    try {
      process = parseXml(decodeText(bytes).text);
    } catch (error) {
      return { ok: false, issues: [{ path: '(xml)', message: `XML kan niet worden gelezen: ${error instanceof Error ? error.message : String(error)}` }] };
    }
    const json = processAsJson(process, new Map());
    if (referenceUnitMissing(json)) {
      return { ok: false, issues: [{ path: 'exchanges', message: 'de eenheid staat in het flow-dataset: lever het ILCD-archief (.zip) met processes/ en flows/' }] };
    }
    const result = profileFromIlcdJson(json, { source });
    return result.ok ? { ok: true, profiles: [result.profile], notes: result.notes } : result;
  }
  if (ext === 'zip') {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (error) {
      return { ok: false, issues: [{ path: '(zip)', message: `ZIP kan niet worden gelezen: ${error instanceof Error ? error.message : String(error)}` }] };
    }
    const issues: EpdIssue[] = [];
    const flows = new Map<string, XmlNode>();
    const processes: { name: string; node: XmlNode }[] = [];
    const entries = Object.values(zip.files).filter((f) => !f.dir && f.name.toLowerCase().endsWith('.xml')).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const folder = entry.name.toLowerCase().split('/').slice(-2, -1)[0];
      if (folder !== 'processes' && folder !== 'flows') continue;
      try {
        const node = parseXml(decodeText(await entry.async('uint8array')).text);
        if (folder === 'flows') {
          const uuid = path(node, 'flowInformation', 'dataSetInformation', 'UUID')?.text.trim();
          if (uuid) flows.set(uuid, node);
        } else {
          processes.push({ name: entry.name, node });
        }
      } catch (error) {
        issues.push({ path: entry.name, message: `XML kan niet worden gelezen: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    if (processes.length === 0 && issues.length === 0) issues.push({ path: '(zip)', message: 'geen processes/*.xml in het archief' });
    const profiles: EnvironmentalProfile[] = [];
    const notes: string[] = [];
    for (const { name, node } of processes) {
      const json = processAsJson(node, flows);
      if (referenceUnitMissing(json)) {
        issues.push({ path: name, message: 'flow-dataset van de referentiestroom ontbreekt in flows/: eenheid onbekend' });
        continue;
      }
      const result = profileFromIlcdJson(json, { source });
      if (result.ok) {
        profiles.push(result.profile);
        notes.push(...result.notes.map((n) => `${name}: ${n}`));
      } else {
        issues.push(...result.issues.map((i) => ({ path: `${name}: ${i.path}`, message: i.message })));
      }
    }
    return issues.length > 0 ? { ok: false, issues } : { ok: true, profiles, notes };
  }
  return { ok: false, issues: [{ path: '(bestand)', message: `onbekend EPD-formaat "${fileName}": gebruik .json (LCAx of ILCD), .zip (ILCD-archief) of .xml` }] };
}
