/**
 * `extractIfc`: elements, storeys, materials and quantities of an IFC2X3 / IFC4 / IFC4X3 model, read with web-ifc.
 * Relations are walked once into indices (never web-ifc's per-element property helpers, which rescan all
 * relations per call). Method, precedence and limits: docs/ifc-import.md.
 */
import type { IfcAPI } from 'web-ifc';
import {
  IFCBUILDINGSTOREY,
  IFCDISTRIBUTIONELEMENT,
  IFCELEMENT,
  IFCELEMENTQUANTITY,
  IFCFEATUREELEMENT,
  IFCFURNISHINGELEMENT,
  IFCPROJECT,
  IFCPROPERTYSET,
  IFCPROPERTYSINGLEVALUE,
  IFCRELAGGREGATES,
  IFCRELASSOCIATESMATERIAL,
  IFCRELCONTAINEDINSPATIALSTRUCTURE,
  IFCRELDEFINESBYPROPERTIES,
  IFCRELDEFINESBYTYPE,
  IFCRELFILLSELEMENT,
  IFCRELSPACEBOUNDARY,
  IFCRELVOIDSELEMENT,
  IFCVIRTUALELEMENT,
} from 'web-ifc';
import { discardIfcApi, getIfcApi } from './api.ts';
import { IfcImportError } from './errors.ts';
import { measureElements } from './geometry.ts';
import type { MeasuredGeometry } from './geometry.ts';
import { readStepHeader } from './header.ts';
import { checkStepSyntax } from './step-syntax.ts';
import { MaterialResolver } from './materials.ts';
import type { ElementFamily } from './nlsfb.ts';
import { suggestionDataVersions, suggestNlsfb } from './nlsfb.ts';
import type { PickedQuantities, ShapeFamily } from './quantities.ts';
import { QuantityReader, shapeFamily } from './quantities.ts';
import type { RawLine } from './raw.ts';
import { LineReader, boolOf, enumOf, numOf, refOf, refsOf, strOf } from './raw.ts';
import type { ExtractIfcOptions, IfcExtractedElement, IfcExtraction, IfcStorey } from './types.ts';
import { readProjectUnits } from './units.ts';

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new IfcImportError('cancelled');
}

function ids(api: IfcAPI, modelID: number, type: number, inherited = false): number[] {
  const vector = api.GetLineIDsWithType(modelID, type, inherited);
  const out: number[] = new Array<number>(vector.size());
  for (let i = 0; i < out.length; i++) out[i] = vector.get(i);
  return out;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function field(line: unknown, name: string): unknown {
  return typeof line === 'object' && line !== null ? (line as Record<string, unknown>)[name] : undefined;
}

function fieldValue(line: unknown, name: string): unknown {
  return field(field(line, name), 'value');
}

const undefinedPredefined = new Set(['NOTDEFINED', 'USERDEFINED']);

interface PsetFacts {
  isExternal?: boolean;
  loadBearing?: boolean;
}

/** Extracts the model; throws IfcImportError (not_ifc, unsupported_schema, corrupt, cancelled) and nothing else. */
export async function extractIfc(bytes: Uint8Array, options: ExtractIfcOptions = {}): Promise<IfcExtraction> {
  const started = performance.now();
  const { signal, onProgress } = options;
  const { schema } = readStepHeader(bytes);
  checkStepSyntax(bytes);
  throwIfAborted(signal);
  onProgress?.(0);
  let api: IfcAPI;
  try {
    api = await getIfcApi();
  } catch (error) {
    throw new IfcImportError('corrupt', `web-ifc: ${error instanceof Error ? error.message : String(error)}`);
  }
  let modelID = -1;
  try {
    modelID = api.OpenModel(bytes, { ALLOW_INCOMPATIBLE_SCHEMA_ALIASES: false });
  } catch (error) {
    discardIfcApi();
    throw toImportError(error);
  }
  if (modelID < 0) throw new IfcImportError('corrupt', 'web-ifc kon het model niet openen / could not open the model');
  try {
    onProgress?.(0.1);
    await yieldToEventLoop();
    throwIfAborted(signal);
    const extraction = await readModel({ api, modelID, schema, options });
    extraction.stats.ms = Math.round(performance.now() - started);
    onProgress?.(1);
    return extraction;
  } catch (error) {
    if (error instanceof IfcImportError) throw error;
    discardIfcApi();
    throw toImportError(error);
  } finally {
    try {
      api.CloseModel(modelID);
    } catch {
      discardIfcApi();
    }
  }
}

function toImportError(error: unknown): IfcImportError {
  if (error instanceof IfcImportError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RangeError && /memory|allocation/i.test(message)) return new IfcImportError('too_large');
  return new IfcImportError('corrupt', `web-ifc: ${message.split('\n')[0]?.slice(0, 160) ?? ''}`);
}

async function readModel(params: { api: IfcAPI; modelID: number; schema: string; options: ExtractIfcOptions }): Promise<IfcExtraction> {
  const { api, modelID, schema, options } = params;
  const { signal, onProgress } = options;
  const reader = new LineReader(api, modelID);

  const projectLine = reader.line(ids(api, modelID, IFCPROJECT)[0] ?? -1);
  const units = readProjectUnits(reader, projectLine?.id);
  const project = {
    name: (projectLine && (strOf(projectLine.args[2]) ?? strOf(projectLine.args[5]))) ?? '',
    globalId: (projectLine && strOf(projectLine.args[0])) ?? '',
  };

  // Which lines are elements: IfcElement and subtypes, without openings/projections and virtual elements.
  const excluded = new Set([...ids(api, modelID, IFCFEATUREELEMENT, true), ...ids(api, modelID, IFCVIRTUALELEMENT, true)]);
  const elementIds = ids(api, modelID, IFCELEMENT, true).filter((id) => !excluded.has(id)).sort((a, b) => a - b);
  const elementSet = new Set(elementIds);
  const distribution = new Set(ids(api, modelID, IFCDISTRIBUTIONELEMENT, true));
  const furnishing = new Set(ids(api, modelID, IFCFURNISHINGELEMENT, true));
  const quantitySets = new Set(ids(api, modelID, IFCELEMENTQUANTITY));
  const propertySets = new Set(ids(api, modelID, IFCPROPERTYSET));

  // One pass over each relation type.
  const containerOf = new Map<number, number>();
  const parentOf = new Map<number, number>();
  const materialOf = new Map<number, number>();
  const quantitySetsOf = new Map<number, number[]>();
  const propertySetsOf = new Map<number, number[]>();
  const typeOf = new Map<number, number>();
  const boundary = new Map<number, { external: boolean; internal: boolean }>();
  const hostOfOpening = new Map<number, number>();
  const openingOfFiller = new Map<number, number>();

  reader.stream(ids(api, modelID, IFCRELCONTAINEDINSPATIALSTRUCTURE), (rel) => {
    const structure = refOf(rel.args[5]);
    if (structure === undefined) return;
    for (const element of refsOf(rel.args[4])) if (!containerOf.has(element)) containerOf.set(element, structure);
  });
  reader.stream(ids(api, modelID, IFCRELAGGREGATES), (rel) => {
    const whole = refOf(rel.args[4]);
    if (whole === undefined) return;
    for (const part of refsOf(rel.args[5])) if (part !== whole && !parentOf.has(part)) parentOf.set(part, whole);
  });
  reader.stream(ids(api, modelID, IFCRELASSOCIATESMATERIAL), (rel) => {
    const material = refOf(rel.args[5]);
    if (material === undefined) return;
    for (const object of refsOf(rel.args[4])) if (!materialOf.has(object)) materialOf.set(object, material);
  });
  onProgress?.(0.2);
  await yieldToEventLoop();
  throwIfAborted(signal);
  reader.stream(ids(api, modelID, IFCRELDEFINESBYPROPERTIES), (rel) => {
    const definition = refOf(rel.args[5]);
    if (definition === undefined) return;
    const target = quantitySets.has(definition) ? quantitySetsOf : propertySets.has(definition) ? propertySetsOf : undefined;
    if (!target) return;
    for (const object of refsOf(rel.args[4])) if (elementSet.has(object)) pushTo(target, object, definition);
  });
  reader.stream(ids(api, modelID, IFCRELDEFINESBYTYPE), (rel) => {
    const type = refOf(rel.args[5]);
    if (type === undefined) return;
    for (const object of refsOf(rel.args[4])) if (!typeOf.has(object)) typeOf.set(object, type);
  });
  reader.stream(ids(api, modelID, IFCRELSPACEBOUNDARY, true), (rel) => {
    const element = refOf(rel.args[5]);
    const kind = enumOf(rel.args[8]);
    if (element === undefined || !kind) return;
    const facts = boundary.get(element) ?? { external: false, internal: false };
    if (kind.startsWith('EXTERNAL')) facts.external = true;
    else if (kind === 'INTERNAL') facts.internal = true;
    boundary.set(element, facts);
  });
  reader.stream(ids(api, modelID, IFCRELVOIDSELEMENT), (rel) => {
    const host = refOf(rel.args[4]);
    const opening = refOf(rel.args[5]);
    if (host !== undefined && opening !== undefined) hostOfOpening.set(opening, host);
  });
  reader.stream(ids(api, modelID, IFCRELFILLSELEMENT), (rel) => {
    const opening = refOf(rel.args[4]);
    const filler = refOf(rel.args[5]);
    if (opening !== undefined && filler !== undefined) openingOfFiller.set(filler, opening);
  });
  onProgress?.(0.3);
  await yieldToEventLoop();
  throwIfAborted(signal);

  const storeyLines = reader.lines(ids(api, modelID, IFCBUILDINGSTOREY));
  const storeyNames = new Map<number, string>();
  const storeys: IfcStorey[] = storeyLines.map((line) => {
    const name = strOf(line.args[2]) ?? strOf(line.args[7]) ?? `#${line.id}`;
    storeyNames.set(line.id, name);
    const elevation = numOf(line.args[9]);
    const elevationM = elevation === undefined ? null : elevation * units.length;
    return { globalId: strOf(line.args[0]) ?? '', name, elevationM: elevationM !== null && Number.isFinite(elevationM) ? elevationM : null };
  });
  storeys.sort((a, b) => (a.elevationM ?? 0) - (b.elevationM ?? 0));

  const storeyOf = (id: number): string | null => {
    let current: number | undefined = id;
    for (let depth = 0; current !== undefined && depth < 32; depth++) {
      const name = storeyNames.get(current);
      if (name !== undefined) return name;
      current = containerOf.get(current) ?? parentOf.get(current);
    }
    return null;
  };

  // Assemblies whose parts are themselves elements are listed through their parts, so nothing is counted twice.
  const containers = new Set<number>();
  for (const [part, whole] of parentOf) if (elementSet.has(part) && elementSet.has(whole)) containers.add(whole);
  const listed = elementIds.filter((id) => !containers.has(id));

  const psetCache = new Map<number, PsetFacts>();
  const psetFacts = (psetId: number): PsetFacts => {
    const cached = psetCache.get(psetId);
    if (cached) return cached;
    const facts: PsetFacts = {};
    const pset = reader.line(psetId);
    const name = pset ? strOf(pset.args[2]) : undefined;
    if (pset && name && /^Pset_.*Common$/i.test(name)) {
      for (const property of reader.lines(refsOf(pset.args[4]))) {
        if (property.type !== IFCPROPERTYSINGLEVALUE) continue;
        const propertyName = strOf(property.args[0]);
        const value = boolOf(property.args[2]);
        if (value === undefined) continue;
        if (propertyName === 'IsExternal') facts.isExternal = value;
        if (propertyName === 'LoadBearing') facts.loadBearing = value;
      }
    }
    psetCache.set(psetId, facts);
    return facts;
  };

  const typeCache = new Map<number, { predefinedType?: string; psets: number[] }>();
  const typeFacts = (typeId: number) => {
    const cached = typeCache.get(typeId);
    if (cached) return cached;
    let line: unknown;
    try {
      line = api.GetLine(modelID, typeId);
    } catch {
      line = undefined;
    }
    const predefined = fieldValue(line, 'PredefinedType');
    const psetsField = field(line, 'HasPropertySets');
    const psets = Array.isArray(psetsField) ? psetsField.map((item) => field(item, 'value')).filter((value): value is number => typeof value === 'number') : [];
    const facts = { ...(typeof predefined === 'string' ? { predefinedType: predefined } : {}), psets };
    typeCache.set(typeId, facts);
    return facts;
  };

  const externalFromPsets = (psetIds: number[]): PsetFacts => {
    const facts: PsetFacts = {};
    for (const id of psetIds) {
      const found = psetFacts(id);
      if (facts.isExternal === undefined && found.isExternal !== undefined) facts.isExternal = found.isExternal;
      if (facts.loadBearing === undefined && found.loadBearing !== undefined) facts.loadBearing = found.loadBearing;
    }
    return facts;
  };

  const materials = new MaterialResolver(reader, units.length);
  const quantities = new QuantityReader(reader, units);
  const familyOf = new Map<number, ShapeFamily>();
  const picked = new Map<number, PickedQuantities>();

  interface Draft {
    id: number;
    element: Omit<IfcExtractedElement, 'volumeM3' | 'areaM2' | 'quantitySource' | 'nlsfb' | 'layer'>;
    family: ElementFamily;
  }
  const drafts: Draft[] = [];
  const chunk = 500;
  for (let start = 0; start < listed.length; start += chunk) {
    const batch = listed.slice(start, start + chunk);
    let typed: unknown[] = [];
    try {
      typed = api.GetLines(modelID, batch);
    } catch {
      typed = batch.map((id) => {
        try {
          return api.GetLine(modelID, id);
        } catch {
          return undefined;
        }
      });
    }
    const typedById = new Map<number, unknown>();
    for (const line of typed) {
      const id = field(line, 'expressID');
      if (typeof id === 'number') typedById.set(id, line);
    }
    const rawLines = new Map<number, RawLine>(reader.lines(batch).map((line) => [line.id, line]));
    for (const id of batch) {
      const line = typedById.get(id);
      const raw = rawLines.get(id);
      if (!raw) continue;
      const ifcClass = schemaName(api, raw.type);
      const globalId = (typeof fieldValue(line, 'GlobalId') === 'string' ? String(fieldValue(line, 'GlobalId')) : strOf(raw.args[0])) ?? `#${id}`;
      const name = (typeof fieldValue(line, 'Name') === 'string' ? String(fieldValue(line, 'Name')) : strOf(raw.args[2])) ?? '';
      const typeId = typeOf.get(id);
      const type = typeId === undefined ? undefined : typeFacts(typeId);
      const ownPredefined = fieldValue(line, 'PredefinedType');
      let predefinedType = typeof ownPredefined === 'string' ? ownPredefined : undefined;
      if ((!predefinedType || undefinedPredefined.has(predefinedType)) && type?.predefinedType && !undefinedPredefined.has(type.predefinedType)) {
        predefinedType = type.predefinedType;
      }
      const own = externalFromPsets(propertySetsOf.get(id) ?? []);
      const fromType = type ? externalFromPsets(type.psets) : {};
      let isExternal = own.isExternal ?? fromType.isExternal;
      const loadBearing = own.loadBearing ?? fromType.loadBearing;
      if (isExternal === undefined) {
        const facts = boundary.get(id);
        if (facts?.external) isExternal = true;
        else if (facts?.internal) isExternal = false;
      }
      if (isExternal === undefined) {
        const opening = openingOfFiller.get(id);
        const host = opening === undefined ? undefined : hostOfOpening.get(opening);
        if (host !== undefined) {
          const hostFacts = externalFromPsets(propertySetsOf.get(host) ?? []);
          const hostBoundary = boundary.get(host);
          isExternal = hostFacts.isExternal ?? (hostBoundary?.external ? true : hostBoundary?.internal ? false : undefined);
        }
      }
      const materialId = materialOf.get(id) ?? (typeId === undefined ? undefined : materialOf.get(typeId));
      const shape = shapeFamily(ifcClass);
      familyOf.set(id, shape);
      if (!options.geometryOnly) {
        const setIds = quantitySetsOf.get(id);
        if (setIds) picked.set(id, quantities.read(setIds, shape));
      }
      drafts.push({
        id,
        family: distribution.has(id) ? 'distribution' : furnishing.has(id) ? 'furnishing' : 'other',
        element: {
          globalId,
          ifcClass,
          name,
          storey: storeyOf(id),
          ...(predefinedType ? { predefinedType } : {}),
          ...(isExternal !== undefined ? { isExternal } : {}),
          ...(loadBearing !== undefined ? { loadBearing } : {}),
          materials: materialId === undefined ? [] : materials.resolve(materialId),
        },
      });
    }
    onProgress?.(0.3 + 0.3 * Math.min(1, (start + chunk) / Math.max(1, listed.length)));
    await yieldToEventLoop();
    throwIfAborted(signal);
  }

  const hasQto = (id: number) => {
    const q = picked.get(id);
    return q !== undefined && (q.volumeM3 !== undefined || q.areaM2 !== undefined);
  };
  let measured = new Map<number, MeasuredGeometry>();
  if (options.geometry !== false) {
    const toMeasure = drafts.map((draft) => draft.id).filter((id) => !hasQto(id));
    if (toMeasure.length > 0) {
      measured = measureElements({
        api,
        modelID,
        ids: toMeasure,
        familyOf: (id) => familyOf.get(id) ?? 'other',
        between: (done) => {
          onProgress?.(0.6 + 0.35 * (done / toMeasure.length));
          throwIfAborted(signal);
        },
      });
    }
  }

  let qtoCount = 0;
  let geometryCount = 0;
  const elements: IfcExtractedElement[] = drafts.map((draft) => {
    const q = picked.get(draft.id);
    const g = measured.get(draft.id);
    const suggestion = suggestNlsfb({
      ifcClass: draft.element.ifcClass,
      predefinedType: draft.element.predefinedType,
      isExternal: draft.element.isExternal,
      loadBearing: draft.element.loadBearing,
      family: draft.family,
    });
    let volumeM3: number | null = null;
    let areaM2: number | null = null;
    let lengthM: number | undefined;
    let quantitySource: IfcExtractedElement['quantitySource'] = null;
    if (q && hasQto(draft.id)) {
      volumeM3 = q.volumeM3 ?? null;
      areaM2 = q.areaM2 ?? null;
      lengthM = q.lengthM;
      quantitySource = 'qto';
      qtoCount++;
    } else if (g) {
      volumeM3 = g.volumeM3;
      areaM2 = g.areaM2;
      lengthM = g.lengthM ?? q?.lengthM;
      quantitySource = 'geometry';
      geometryCount++;
    }
    return {
      ...draft.element,
      volumeM3,
      areaM2,
      ...(lengthM !== undefined ? { lengthM } : {}),
      quantitySource,
      nlsfb: suggestion.nlsfb,
      layer: suggestion.layer,
    };
  });

  return {
    schema,
    project,
    lengthUnitM: units.length,
    storeys,
    elements,
    withoutMaterial: elements.filter((element) => element.materials.length === 0).map((element) => element.globalId),
    withoutQuantity: elements.filter((element) => element.volumeM3 === null && element.areaM2 === null).map((element) => element.globalId),
    stats: { elementCount: elements.length, qtoCount, geometryCount, ms: 0 },
    dataVersions: suggestionDataVersions,
  };
}

const classNames = new Map<number, string>();

/** The entity name as web-ifc's schema spells it, e.g. "IfcWallStandardCase". */
function schemaName(api: IfcAPI, type: number): string {
  const cached = classNames.get(type);
  if (cached) return cached;
  const name = api.GetNameFromTypeCode(type) || `#type${type}`;
  classNames.set(type, name);
  return name;
}
