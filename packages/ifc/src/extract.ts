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
import { StepOffsets, StepText, checkStepSyntax } from './step-syntax.ts';
import { MaterialResolver } from './materials.ts';
import type { ElementFamily } from './nlsfb.ts';
import { suggestionDataVersions, suggestNlsfb } from './nlsfb.ts';
import type { PickedQuantities, ShapeFamily } from './quantities.ts';
import type { QuantityItem, QuantitySet } from './quantities.ts';
import { QuantityReader, quantityKinds, quantitySetRank, shapeFamily } from './quantities.ts';
import { LineReader, numOf, strOf } from './raw.ts';
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
  // The vector lives in the wasm heap (embind); web-ifc's typings omit delete().
  (vector as { delete?: () => void }).delete?.();
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
  const offsets = new StepOffsets();
  checkStepSyntax(bytes, offsets);
  const text = new StepText(bytes, offsets);
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
    const extraction = await readModel({ api, modelID, schema, options, text });
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

async function readModel(params: { api: IfcAPI; modelID: number; schema: string; options: ExtractIfcOptions; text: StepText }): Promise<IfcExtraction> {
  const { api, modelID, schema, options, text } = params;
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

  // Relations are read from the STEP text by argument position (the same in IFC2X3 and IFC4).
  for (const rel of ids(api, modelID, IFCRELCONTAINEDINSPATIALSTRUCTURE)) {
    const structure = text.ref(rel, 5);
    if (structure === undefined) continue;
    for (const element of text.refs(rel, 4)) if (!containerOf.has(element)) containerOf.set(element, structure);
  }
  for (const rel of ids(api, modelID, IFCRELAGGREGATES)) {
    const whole = text.ref(rel, 4);
    if (whole === undefined) continue;
    for (const part of text.refs(rel, 5)) if (part !== whole && !parentOf.has(part)) parentOf.set(part, whole);
  }
  for (const rel of ids(api, modelID, IFCRELASSOCIATESMATERIAL)) {
    const material = text.ref(rel, 5);
    if (material === undefined) continue;
    for (const object of text.refs(rel, 4)) if (!materialOf.has(object)) materialOf.set(object, material);
  }
  onProgress?.(0.2);
  await yieldToEventLoop();
  throwIfAborted(signal);
  for (const rel of ids(api, modelID, IFCRELDEFINESBYPROPERTIES)) {
    const definition = text.ref(rel, 5);
    if (definition === undefined) continue;
    const target = quantitySets.has(definition) ? quantitySetsOf : propertySets.has(definition) ? propertySetsOf : undefined;
    if (!target) continue;
    for (const object of text.refs(rel, 4)) if (elementSet.has(object)) pushTo(target, object, definition);
  }
  for (const rel of ids(api, modelID, IFCRELDEFINESBYTYPE)) {
    const type = text.ref(rel, 5);
    if (type === undefined) continue;
    for (const object of text.refs(rel, 4)) if (!typeOf.has(object)) typeOf.set(object, type);
  }
  for (const rel of ids(api, modelID, IFCRELSPACEBOUNDARY, true)) {
    const element = text.ref(rel, 5);
    const kind = text.enumeration(rel, 8);
    if (element === undefined || !kind) continue;
    const facts = boundary.get(element) ?? { external: false, internal: false };
    if (kind.startsWith('EXTERNAL')) facts.external = true;
    else if (kind === 'INTERNAL') facts.internal = true;
    boundary.set(element, facts);
  }
  for (const rel of ids(api, modelID, IFCRELVOIDSELEMENT)) {
    const host = text.ref(rel, 4);
    const opening = text.ref(rel, 5);
    if (host !== undefined && opening !== undefined) hostOfOpening.set(opening, host);
  }
  for (const rel of ids(api, modelID, IFCRELFILLSELEMENT)) {
    const opening = text.ref(rel, 4);
    const filler = text.ref(rel, 5);
    if (opening !== undefined && filler !== undefined) openingOfFiller.set(filler, opening);
  }
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

  // Property-set facts (IsExternal, LoadBearing) per set id; sets are shared by many elements in some exports.
  const psetCache = new Map<number, PsetFacts>();
  /** A string argument from the text; lines with escaped or non-ASCII strings are decoded by web-ifc. */
  const stringArg = (id: number, index: number): string | undefined => {
    const value = text.string(id, index);
    if (value === null) return undefined;
    return value ?? strOf(reader.line(id)?.args[index]);
  };
  const loadPsetFacts = (psetIds: Iterable<number>) => {
    for (const psetId of psetIds) {
      if (psetCache.has(psetId)) continue;
      const facts: PsetFacts = {};
      psetCache.set(psetId, facts);
      if (!/^Pset_.*Common$/i.test(stringArg(psetId, 2) ?? '')) continue;
      for (const propertyId of text.refs(psetId, 4)) {
        if (text.entity(propertyId) !== 'IFCPROPERTYSINGLEVALUE') continue;
        const value = text.boolean(propertyId, 2);
        if (value === undefined) continue;
        const propertyName = stringArg(propertyId, 0);
        if (propertyName === 'IsExternal') facts.isExternal = value;
        if (propertyName === 'LoadBearing') facts.loadBearing = value;
      }
    }
  };
  const factsOf = (psetIds: readonly number[]): PsetFacts => {
    const facts: PsetFacts = {};
    for (const id of psetIds) {
      const found = psetCache.get(id);
      if (facts.isExternal === undefined && found?.isExternal !== undefined) facts.isExternal = found.isExternal;
      if (facts.loadBearing === undefined && found?.loadBearing !== undefined) facts.loadBearing = found.loadBearing;
    }
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

  // Not cached: a quantity set normally belongs to one element.
  const readQuantitySet = (setId: number): QuantitySet => {
    const items: QuantityItem[] = [];
    for (const quantityId of text.refs(setId, 5)) {
      const kind = quantityKinds[text.entity(quantityId) ?? ''];
      if (!kind) continue;
      const name = stringArg(quantityId, 0);
      const value = text.number(quantityId, 3);
      if (name && value !== undefined) items.push({ kind, name, value, unitId: text.ref(quantityId, 2) });
    }
    return { rank: quantitySetRank(stringArg(setId, 2)), items };
  };
  /** Standard sets (Qto_*BaseQuantities, BaseQuantities) first; other sets only when those lack a volume or an area. */
  const readQuantities = (id: number) => {
    const setIds = options.geometryOnly ? undefined : quantitySetsOf.get(id);
    if (!setIds) return;
    const family = familyOf.get(id) ?? 'other';
    const sets = setIds.map((setId) => (text.has(setId) ? { id: setId, rank: quantitySetRank(stringArg(setId, 2)) } : undefined)).filter((set) => set !== undefined);
    const standard = sets.filter((set) => set.rank < 2).map((set) => readQuantitySet(set.id));
    let found = quantities.pick(standard, family);
    if ((found.volumeM3 === undefined || found.areaM2 === undefined) && sets.some((set) => set.rank === 2)) {
      found = quantities.pick(sets.map((set) => readQuantitySet(set.id)), family);
    }
    picked.set(id, found);
  };

  const materials = new MaterialResolver(reader, units.length);
  const quantities = new QuantityReader(reader, units);
  const familyOf = new Map<number, ShapeFamily>();
  const picked = new Map<number, PickedQuantities>();

  interface Draft {
    id: number;
    /** Filled in place: quantities, suggestion and layer are set once all elements are read. */
    element: IfcExtractedElement;
    family: ElementFamily;
  }
  /** Class name and the argument position of PredefinedType, learned once per entity type from web-ifc's schema. */
  const entityCache = new Map<string, { ifcClass: string; predefinedIndex: number | undefined } | null>();
  const entityInfo = (id: number) => {
    const upper = text.entity(id);
    if (!upper) return undefined;
    let info = entityCache.get(upper);
    if (info === undefined) {
      const typeCode = api.GetTypeCodeFromName(upper);
      let line: unknown;
      try {
        line = api.GetLine(modelID, id);
      } catch {
        line = undefined;
      }
      const keys = typeof line === 'object' && line !== null ? Object.keys(line) : [];
      const predefinedAt = keys.indexOf('PredefinedType') - keys.indexOf('GlobalId');
      info = typeCode > 0 ? { ifcClass: schemaName(api, typeCode), predefinedIndex: keys.includes('PredefinedType') && keys.includes('GlobalId') ? predefinedAt : undefined } : null;
      entityCache.set(upper, info);
    }
    return info ?? undefined;
  };
  const drafts: Draft[] = [];
  const chunk = 2000;
  for (let start = 0; start < listed.length; start += chunk) {
    const batch = listed.slice(start, start + chunk);
    const typeIds = new Set<number>();
    for (const id of batch) {
      const typeId = typeOf.get(id);
      if (typeId !== undefined) typeIds.add(typeId);
    }
    loadPsetFacts([...batch.flatMap((id) => propertySetsOf.get(id) ?? []), ...[...typeIds].flatMap((typeId) => typeFacts(typeId).psets)]);
    const hosts = batch.map((id) => hostOfOpening.get(openingOfFiller.get(id) ?? -1)).filter((host): host is number => host !== undefined);
    loadPsetFacts(hosts.flatMap((host) => propertySetsOf.get(host) ?? []));

    const present: number[] = [];
    for (const id of batch) {
      const entity = entityInfo(id);
      if (!entity) continue;
      present.push(id);
      const { ifcClass } = entity;
      const globalId = stringArg(id, 0) ?? `#${id}`;
      const name = stringArg(id, 2) ?? '';
      const typeId = typeOf.get(id);
      const type = typeId === undefined ? undefined : typeFacts(typeId);
      let predefinedType = entity.predefinedIndex === undefined ? undefined : text.enumeration(id, entity.predefinedIndex);
      if ((!predefinedType || undefinedPredefined.has(predefinedType)) && type?.predefinedType && !undefinedPredefined.has(type.predefinedType)) {
        predefinedType = type.predefinedType;
      }
      const own = factsOf(propertySetsOf.get(id) ?? []);
      const fromType = type ? factsOf(type.psets) : {};
      let isExternal = own.isExternal ?? fromType.isExternal;
      const loadBearing = own.loadBearing ?? fromType.loadBearing;
      if (isExternal === undefined) {
        const facts = boundary.get(id);
        if (facts?.external) isExternal = true;
        else if (facts?.internal) isExternal = false;
      }
      if (isExternal === undefined) {
        const host = hostOfOpening.get(openingOfFiller.get(id) ?? -1);
        if (host !== undefined) {
          const hostBoundary = boundary.get(host);
          isExternal = factsOf(propertySetsOf.get(host) ?? []).isExternal ?? (hostBoundary?.external ? true : hostBoundary?.internal ? false : undefined);
        }
      }
      const materialId = materialOf.get(id) ?? (typeId === undefined ? undefined : materialOf.get(typeId));
      familyOf.set(id, shapeFamily(ifcClass));
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
          volumeM3: null,
          areaM2: null,
          quantitySource: null,
          nlsfb: { code: null, reason: '' },
          layer: null,
        },
      });
    }
    for (const id of present) readQuantities(id);
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
  const elements: IfcExtractedElement[] = [];
  for (const draft of drafts) {
    const q = picked.get(draft.id);
    const g = measured.get(draft.id);
    const element = draft.element;
    const suggestion = suggestNlsfb({
      ifcClass: element.ifcClass,
      predefinedType: element.predefinedType,
      isExternal: element.isExternal,
      loadBearing: element.loadBearing,
      family: draft.family,
    });
    let lengthM: number | undefined;
    if (q && hasQto(draft.id)) {
      element.volumeM3 = q.volumeM3 ?? null;
      element.areaM2 = q.areaM2 ?? null;
      lengthM = q.lengthM;
      element.quantitySource = 'qto';
      qtoCount++;
    } else if (g) {
      element.volumeM3 = g.volumeM3;
      element.areaM2 = g.areaM2;
      lengthM = g.lengthM ?? q?.lengthM;
      element.quantitySource = 'geometry';
      geometryCount++;
    }
    if (lengthM !== undefined) element.lengthM = lengthM;
    element.nlsfb = suggestion.nlsfb;
    element.layer = suggestion.layer;
    elements.push(element);
  }

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
