/**
 * Pure work on stored passport documents: line keys, the engine's input, the stored indicator summary, the material
 * list with the organisation's mapping, building a document from an imported table or an IFC extraction, and the
 * diff rows. No I/O.
 */
import { createHash, randomUUID } from 'node:crypto';
import { profileOrigins } from '@kringbouw/contracts';
import type {
  ImportReport,
  PassportDocument,
  PassportElementDoc,
  PassportIndicators,
  PassportLine,
  PassportProjectData,
  ProfileOrigin,
  VersionMaterial,
} from '@kringbouw/contracts';
import type { IfcExtraction } from '@kringbouw/ifc';
import {
  a1Categories,
  calculateIndicators,
  defaultProfileFor,
  layers,
  normalizeMaterialName,
  type KeyedLine,
  type LcaResult,
  type Passport,
  type ProfileLibrary,
} from '@kringbouw/domain/lca';
import type { FieldProblem } from '../../errors.ts';

/** A deterministic line key from the parts that identify a line (same file → same keys → a meaningful diff). */
export function contentKey(prefix: string, parts: readonly (string | number)[]): string {
  const hash = createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 16);
  return `${prefix}-${hash}`;
}

export function newLineKey(): string {
  return `n-${randomUUID().replace(/-/g, '').slice(0, 16)}`;
}

/** Lines without a key get a new one; duplicate keys are a problem of the request. */
export function assignKeys(elements: PassportElementDoc[]): FieldProblem[] {
  const seen = new Map<string, string>();
  const problems: FieldProblem[] = [];
  elements.forEach((element, e) => {
    element.lines.forEach((line, l) => {
      const path = `passport.elements.${e}.lines.${l}.key`;
      const first = seen.get(line.key);
      if (first !== undefined) problems.push({ path, message: `Regelsleutel "${line.key}" komt ook voor bij ${first}.` });
      else seen.set(line.key, path);
    });
  });
  return problems;
}

export function lineCountOf(document: PassportDocument): number {
  return document.elements.reduce((sum, element) => sum + element.lines.length, 0);
}

/** Distinct material names (normalised) of which no line has a profile. */
export function unmappedCountOf(document: PassportDocument): number {
  const mapped = new Set<string>();
  const all = new Set<string>();
  for (const element of document.elements) {
    for (const line of element.lines) {
      const name = normalizeMaterialName(line.description);
      all.add(name);
      if (line.profileId !== undefined) mapped.add(name);
    }
  }
  let unmapped = 0;
  for (const name of all) if (!mapped.has(name)) unmapped += 1;
  return unmapped;
}

/** The engine's passport of a document, or why there is none (empty, or no BVO). Lines keep their extra fields. */
export function engineInputOf(document: PassportDocument): { passport: Passport } | { unavailable: string } {
  const elements = document.elements.filter((element) => element.lines.length > 0);
  if (elements.length === 0) return { unavailable: 'Het paspoort heeft nog geen materiaalregels.' };
  const { bvoM2, ...project } = document.project;
  if (bvoM2 === null) return { unavailable: 'BVO ontbreekt: vul het bruto vloeroppervlak in bij het project of in het paspoort.' };
  return { passport: { project: { ...project, bvoM2 }, elements: elements.map(({ nlsfb, name, layer, lines }) => ({ nlsfb, name, layer, lines })) } };
}

const warningLineLimit = 50;

/** The stored headline figures of an engine result. */
export function summarizeIndicators(result: LcaResult, calculatedAt: Date): PassportIndicators {
  const byCategory: PassportIndicators['mki']['byCategory'] = {};
  for (const category of a1Categories) {
    const value = result.mki.byCategory[category];
    if (value !== undefined) byCategory[category] = value;
  }
  return {
    indicatief: result.indicatief,
    label: result.label,
    calculatedAt: calculatedAt.toISOString(),
    dataVersions: result.dataVersions,
    project: { ...result.project },
    mpg: { value: result.mpg.value, limit: result.mpg.limit, pass: result.mpg.pass, limitSource: result.mpg.limitSource },
    mki: { total: result.mki.total, surchargeEur: result.mki.surchargeEur, byModule: result.mki.byModule, byCategory, byLayer: result.mki.byLayer },
    gwp: {
      a1a3: result.gwp.a1a3,
      a1a5: result.gwp.a1a5,
      total: result.gwp.total,
      d: result.gwp.d,
      replacements: result.gwp.replacements,
      byModule: result.gwp.byModule,
      parisProofPerM2: result.gwp.parisProofPerM2,
    },
    biogenicCarbonKgCO2: result.biogenicCarbonKgCO2,
    materialOrigin: result.materialOrigin,
    endOfLife: result.endOfLife,
    detachability: { index: result.detachability.index, byLayer: result.detachability.byLayer },
    mci: result.mci,
    hazardous: result.hazardous,
    warnings: result.warnings.map((w) => ({ code: w.code, message: w.message, params: w.params, lineCount: w.lines.length, lines: w.lines.slice(0, warningLineLimit) })),
  };
}

/** Everything stored next to a document that follows from it: counts, indicators, headline figures. */
export function derivedValues(document: PassportDocument, library: ProfileLibrary, now: Date) {
  const input = engineInputOf(document);
  let indicators: PassportIndicators | null = null;
  let unavailable: string | null = null;
  if ('passport' in input) indicators = summarizeIndicators(calculateIndicators(input.passport, { library, lineBreakdown: false }), now);
  else unavailable = input.unavailable;
  return {
    indicators,
    indicatorsUnavailable: unavailable,
    elementCount: document.elements.length,
    lineCount: lineCountOf(document),
    unmappedCount: unmappedCountOf(document),
    mpg: indicators?.mpg.value ?? null,
    gwpA1a5: indicators?.gwp.a1a5 ?? null,
  };
}

/** Material names of a document with the profile their lines use and the organisation's mapping; unmapped first. */
export function materialsOf(
  document: PassportDocument,
  mappings: ReadonlyMap<string, { profileId: string; origin: 'manual' | 'suggested' | 'imported' }>,
  library: ProfileLibrary,
): VersionMaterial[] {
  const byName = new Map<string, { name: string; lineCount: number; profiles: Set<string>; origin: ProfileOrigin | null; withoutProfile: number }>();
  for (const element of document.elements) {
    for (const line of element.lines) {
      const key = normalizeMaterialName(line.description);
      let entry = byName.get(key);
      if (!entry) {
        entry = { name: line.description, lineCount: 0, profiles: new Set(), origin: null, withoutProfile: 0 };
        byName.set(key, entry);
      }
      entry.lineCount += 1;
      if (line.profileId !== undefined) {
        entry.profiles.add(line.profileId);
        entry.origin ??= line.profileOrigin;
      } else entry.withoutProfile += 1;
    }
  }
  const materials: VersionMaterial[] = [...byName.entries()].map(([normalizedName, entry]) => {
    const profileId = entry.profiles.size > 0 ? ([...entry.profiles].sort()[0] ?? null) : null;
    const profile = profileId === null ? undefined : library.profiles.get(profileId);
    const mapping = mappings.get(normalizedName);
    return {
      name: entry.name,
      normalizedName,
      lineCount: entry.lineCount,
      profileId,
      profileName: profile ? (profile.name.nl ?? profile.name.en ?? profile.name.de ?? profile.id) : null,
      mixedProfiles: entry.profiles.size > 1 || (entry.profiles.size > 0 && entry.withoutProfile > 0),
      profileOrigin: profileId === null ? null : entry.origin,
      mapping: mapping ? { profileId: mapping.profileId, origin: mapping.origin } : null,
    };
  });
  return materials.sort((a, b) => Number(a.profileId !== null) - Number(b.profileId !== null) || a.normalizedName.localeCompare(b.normalizedName));
}

export interface ProfileResolver {
  /** The organisation's mapping for a normalised name. */
  mapping(normalizedName: string): string | undefined;
}

type Resolved = { profileId?: string; profileOrigin: ProfileOrigin | null };

/** Profile for a line without one: the organisation's mapping, else the engine's default suggestion, else none. */
export function resolveProfile(description: string, resolver: ProfileResolver, library: ProfileLibrary): Resolved {
  const mapped = resolver.mapping(normalizeMaterialName(description));
  if (mapped !== undefined) return { profileId: mapped, profileOrigin: 'mapping' };
  const suggestion = defaultProfileFor(description, library);
  if (suggestion) return { profileId: suggestion.profileId, profileOrigin: 'suggested' };
  return { profileOrigin: null };
}

/** resolveProfile once per distinct name: a model repeats a handful of material names over thousands of lines. */
function cachedResolve(resolver: ProfileResolver, library: ProfileLibrary): (description: string) => Resolved {
  const cache = new Map<string, Resolved>();
  return (description) => {
    let resolved = cache.get(description);
    if (resolved === undefined) {
      resolved = resolveProfile(description, resolver, library);
      cache.set(description, resolved);
    }
    return resolved;
  };
}

const lineExtrasOrigins: ReadonlySet<string> = new Set<ProfileOrigin>(profileOrigins);
const isProfileOrigin = (value: string | undefined): value is ProfileOrigin => value !== undefined && lineExtrasOrigins.has(value);

/** A document from a table (CSV/XLSX/JSON) the reader accepted. */
export function documentFromTable(
  passport: Passport,
  lineExtras: readonly { key?: string; profileOrigin?: string }[] | undefined,
  resolver: ProfileResolver,
  library: ProfileLibrary,
): PassportDocument {
  const occurrences = new Map<string, number>();
  const resolve = cachedResolve(resolver, library);
  let lineIndex = 0;
  const elements: PassportElementDoc[] = passport.elements.map((element) => ({
    nlsfb: element.nlsfb,
    name: element.name,
    layer: element.layer,
    source: null,
    lines: element.lines.map((line): PassportLine => {
      const extras = lineExtras?.[lineIndex] ?? {};
      lineIndex += 1;
      const identity = [element.nlsfb, element.name, element.layer, normalizeMaterialName(line.description)];
      const seen = (occurrences.get(identity.join('\u0000')) ?? 0) + 1;
      occurrences.set(identity.join('\u0000'), seen);
      const key = extras.key ?? contentKey('t', [...identity, seen]);
      // A Set, not a zod schema per line: a failed safeParse builds an error object, ~7 µs × 100,000 lines.
      if (line.profileId !== undefined) return { ...line, key, profileOrigin: isProfileOrigin(extras.profileOrigin) ? extras.profileOrigin : 'file' };
      const resolved = resolve(line.description);
      return { ...line, ...(resolved.profileId !== undefined && { profileId: resolved.profileId }), key, profileOrigin: resolved.profileOrigin };
    }),
  }));
  const { bvoM2, ...project } = passport.project;
  return { project: { ...project, bvoM2 }, elements };
}

const emptyLineDefaults = {
  origin: { renewablePct: 0, reusedPct: 0, recycledPct: 0 },
  endOfLife: { reusePct: 0, recyclingPct: 0 },
  detachability: {},
  hazardous: false,
} as const;

/**
 * A document from an IFC extraction: one element per IFC element with material, one line per material (volume ×
 * share in m3; quantity 0 when the model gives no volume, listed in the report), NL-SfB code and layer as suggested
 * by the extractor (00 / constructie when it had none, noted), profiles through the organisation's mapping or the
 * default suggestion.
 */
export function documentFromIfc(
  extraction: IfcExtraction,
  project: PassportProjectData,
  resolver: ProfileResolver,
  library: ProfileLibrary,
  fileName: string,
): { document: PassportDocument; report: ImportReport } {
  const elements: PassportElementDoc[] = [];
  const withoutMaterial: ImportReport['withoutMaterial'] = [];
  const withoutQuantity: ImportReport['withoutQuantity'] = [];
  const resolve = cachedResolve(resolver, library);
  let unclassified = 0;
  let withoutLayer = 0;
  let qto = 0;
  let geometry = 0;
  let none = 0;
  for (const element of extraction.elements) {
    const ref = { globalId: element.globalId, ifcClass: element.ifcClass, name: element.name };
    if (element.quantitySource === 'qto') qto += 1;
    else if (element.quantitySource === 'geometry') geometry += 1;
    else none += 1;
    if (element.materials.length === 0) {
      withoutMaterial.push(ref);
      continue;
    }
    if (element.volumeM3 === null) withoutQuantity.push(ref);
    if (element.nlsfb.code === null) unclassified += 1;
    if (element.layer === null) withoutLayer += 1;
    const volume = element.volumeM3 ?? 0;
    elements.push({
      nlsfb: element.nlsfb.code ?? '00',
      name: `${element.name || element.ifcClass} (${element.globalId})`,
      layer: element.layer !== null && (layers as readonly string[]).includes(element.layer) ? element.layer : 'constructie',
      source: { ifcGlobalId: element.globalId, ifcClass: element.ifcClass, storey: element.storey, nlsfbReason: element.nlsfb.reason },
      lines: element.materials.map((material, index): PassportLine => {
        const resolved = resolve(material.name);
        return {
          key: contentKey('i', [element.globalId, index, normalizeMaterialName(material.name)]),
          description: material.name.trim() || 'Onbekend materiaal',
          quantity: volume * material.share,
          unit: 'm3',
          ...(material.thicknessM !== undefined && material.thicknessM > 0 && { thicknessM: material.thicknessM }),
          ...(resolved.profileId !== undefined && { profileId: resolved.profileId }),
          profileOrigin: resolved.profileOrigin,
          ...emptyLineDefaults,
          detachability: {},
        };
      }),
    });
  }
  const notes: string[] = [];
  if (withoutMaterial.length > 0) notes.push(`${withoutMaterial.length} IFC-elementen zonder materiaal staan niet in het paspoort.`);
  if (withoutQuantity.length > 0) notes.push(`${withoutQuantity.length} IFC-elementen zonder volume hebben hoeveelheid 0: vul die aan.`);
  if (unclassified > 0) notes.push(`${unclassified} IFC-elementen zonder NL-SfB-code staan onder code 00.`);
  if (withoutLayer > 0) notes.push(`${withoutLayer} IFC-elementen zonder bouwlaag zijn als "constructie" ingedeeld.`);
  const document: PassportDocument = { project, elements };
  return {
    document,
    report: {
      format: 'ifc',
      fileName,
      ifcSchema: extraction.schema,
      elementCount: extraction.elements.length,
      lineCount: lineCountOf(document),
      quantitySources: { qto, geometry, none },
      withoutMaterial,
      withoutQuantity,
      notes,
    },
  };
}

/** A line of a document as the domain diff compares it. */
export type DocumentLine = KeyedLine & { element: { nlsfb: string; name: string; layer: PassportElementDoc['layer'] }; line: PassportLine };

/** The lines of a document as the domain diff compares them. */
export function keyedLinesOf(document: PassportDocument): DocumentLine[] {
  return document.elements.flatMap((element) =>
    element.lines.map((line) => ({ key: line.key, element: { nlsfb: element.nlsfb, name: element.name, layer: element.layer }, line })),
  );
}

const deltaIndicators: { indicator: string; label: string; unit: string; pick: (i: PassportIndicators) => number | null }[] = [
  { indicator: 'mpg', label: 'MPG (indicatief)', unit: '€/m² BVO/jr', pick: (i) => i.mpg.value },
  { indicator: 'mki.total', label: 'MKI totaal', unit: '€', pick: (i) => i.mki.total },
  { indicator: 'gwp.a1a3', label: 'CO2 A1-A3', unit: 'kg CO2-eq', pick: (i) => i.gwp.a1a3 },
  { indicator: 'gwp.a1a5', label: 'CO2 A1-A5', unit: 'kg CO2-eq', pick: (i) => i.gwp.a1a5 },
  { indicator: 'gwp.total', label: 'CO2 alle modules excl. D', unit: 'kg CO2-eq', pick: (i) => i.gwp.total },
  { indicator: 'gwp.parisProofPerM2', label: 'Paris Proof (A1-A5 per m²)', unit: 'kg CO2-eq/m² BVO', pick: (i) => i.gwp.parisProofPerM2 },
  { indicator: 'biogenicCarbonKgCO2', label: 'Opgeslagen biogene CO2', unit: 'kg CO2', pick: (i) => i.biogenicCarbonKgCO2 },
  { indicator: 'materialOrigin.massKg', label: 'Totale massa', unit: 'kg', pick: (i) => i.materialOrigin.massKg },
  { indicator: 'materialOrigin.renewablePct', label: 'Hernieuwbaar', unit: '% massa', pick: (i) => i.materialOrigin.renewablePct },
  { indicator: 'materialOrigin.reusedPct', label: 'Hergebruikt', unit: '% massa', pick: (i) => i.materialOrigin.reusedPct },
  { indicator: 'materialOrigin.recycledPct', label: 'Gerecycled', unit: '% massa', pick: (i) => i.materialOrigin.recycledPct },
  { indicator: 'detachability.index', label: 'Losmaakbaarheid (LI)', unit: '0-1', pick: (i) => i.detachability.index },
  { indicator: 'mci', label: 'MCI', unit: '0-1', pick: (i) => i.mci },
];

export function indicatorDeltas(from: PassportIndicators | null, to: PassportIndicators | null) {
  return deltaIndicators.map(({ indicator, label, unit, pick }) => {
    const a = from === null ? null : pick(from);
    const b = to === null ? null : pick(to);
    return { indicator, label, unit, from: a, to: b, delta: a === null || b === null ? null : b - a };
  });
}
