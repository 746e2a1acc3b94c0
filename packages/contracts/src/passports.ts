/**
 * HTTP contracts of material passports (issue 4): versions per project, imports (table and IFC), diff, exports,
 * the organisation's material → profile mapping and the profile picker.
 *
 * A stored passport is the engine's passport (packages/domain/src/lca/passport.ts) with two additions: every line
 * carries a stable `key` (kept across edits, copies and xlsx round trips; the diff matches on it) and an optional
 * `profileOrigin` (where its profile came from), and elements may carry their IFC source.
 */
import { z } from 'zod';
import {
  a1Categories,
  buildingTypes as lcaBuildingTypes,
  detachabilityInputSchema,
  endOfLifeSchema,
  layers,
  materialLineSchema,
  modules,
  originSchema,
  units,
  useFunctions,
} from '@kringbouw/domain/lca';
import { isoDate, isoDateTime, uuid } from './common.ts';

// ---------------------------------------------------------------------------------------------------------------
// The passport document

/** Stable key of one material line: letters, digits, `-`, `_`, `:` and `.`; unique within a version. */
export const lineKey = z.string().trim().regex(/^[A-Za-z0-9._:-]{1,80}$/, 'Regelsleutel: 1-80 tekens A-Z, 0-9, . _ : -');

export const profileOrigins = ['file', 'mapping', 'suggested', 'manual'] as const;
/** file = named in the imported file; mapping = the organisation's mapping; suggested = the engine's default suggestion; manual = chosen in the editor. */
export type ProfileOrigin = (typeof profileOrigins)[number];

/** A line as stored and returned: the engine's material line + key + profile origin. */
export const passportLine = materialLineSchema.extend({
  key: lineKey,
  profileOrigin: z.enum(profileOrigins).nullable().default(null),
});
export type PassportLine = z.infer<typeof passportLine>;

/** A line as sent by the editor: without `key` the server assigns one. */
export const passportLineInput = materialLineSchema.extend({
  key: lineKey.optional(),
  profileOrigin: z.enum(profileOrigins).nullable().optional(),
  origin: originSchema.optional(),
  endOfLife: endOfLifeSchema.optional(),
  detachability: detachabilityInputSchema.optional(),
});
export type PassportLineInput = z.input<typeof passportLineInput>;

/** Where an element came from, when it was imported from an IFC model. */
export const elementSource = z.object({
  ifcGlobalId: z.string(),
  ifcClass: z.string(),
  storey: z.string().nullable(),
  /** Why the NL-SfB code was suggested (from the IFC class and properties). */
  nlsfbReason: z.string().nullable().default(null),
});

const nlsfbCode = z.string().trim().regex(/^\d{2}(\.\d{1,2})?$/, 'NL-SfB-code: twee cijfers, eventueel gevolgd door .x of .xx');

export const passportElement = z.object({
  nlsfb: nlsfbCode,
  name: z.string().trim().min(1).max(500),
  layer: z.enum(layers),
  source: elementSource.nullable().default(null),
  lines: z.array(passportLine),
});
export type PassportElementDoc = z.infer<typeof passportElement>;

export const passportElementInput = passportElement.extend({
  source: elementSource.nullable().optional(),
  lines: z.array(passportLineInput),
});

/**
 * Project data of the passport. `bvoM2` may be null in a concept (then no indicators can be computed); it is taken
 * from the project when a passport is created.
 */
export const passportProjectData = z.object({
  name: z.string().trim().min(1).optional(),
  bvoM2: z.number().finite().positive().nullable(),
  buildingType: z.enum(lcaBuildingTypes),
  useFunction: z.enum(useFunctions).optional(),
  rspYears: z.number().finite().positive().optional(),
  permitDate: isoDate.optional(),
});
export type PassportProjectData = z.infer<typeof passportProjectData>;

export const passportDocument = z.object({
  project: passportProjectData,
  elements: z.array(passportElement),
});
export type PassportDocument = z.infer<typeof passportDocument>;

export const passportDocumentInput = z.object({
  project: passportProjectData,
  elements: z.array(passportElementInput),
});
export type PassportDocumentInput = z.input<typeof passportDocumentInput>;

// ---------------------------------------------------------------------------------------------------------------
// Indicators as stored with a version (recomputed by the server whenever the lines change)

export const indicatorWarning = z.object({
  code: z.string(),
  message: z.string(),
  /** The facts the message is built from (absent on results stored before they existed), for translated wording. */
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** Number of affected lines; `lines` lists at most the first 50 (1-based, passport order). */
  lineCount: z.number().int().min(0),
  lines: z.array(z.number().int().min(1)),
});

/**
 * The headline figures of the engine's LcaResult (calculateIndicators). Open-data figures: `indicatief` is always
 * true and `label` says so; `dataVersions` records the data used (same input + same data ⇒ the same figures).
 */
export const passportIndicators = z.object({
  indicatief: z.boolean(),
  label: z.string(),
  calculatedAt: isoDateTime,
  dataVersions: z.record(z.string(), z.string()),
  project: z.object({
    bvoM2: z.number(),
    buildingType: z.enum(lcaBuildingTypes),
    useFunction: z.enum(useFunctions),
    rspYears: z.number(),
    permitDate: z.string().nullable(),
    replacementRule: z.string(),
    weightingSet: z.string(),
  }),
  mpg: z.object({ value: z.number().nullable(), limit: z.number().nullable(), pass: z.boolean().nullable(), limitSource: z.string().nullable() }),
  mki: z.object({
    total: z.number().nullable(),
    surchargeEur: z.number(),
    byModule: z.partialRecord(z.enum(modules), z.number()),
    byCategory: z.partialRecord(z.enum(a1Categories), z.number()),
    byLayer: z.partialRecord(z.enum(layers), z.number()),
  }),
  gwp: z.object({
    a1a3: z.number(),
    a1a5: z.number(),
    total: z.number(),
    d: z.number(),
    replacements: z.number(),
    byModule: z.partialRecord(z.enum(modules), z.number()),
    parisProofPerM2: z.number(),
  }),
  biogenicCarbonKgCO2: z.number(),
  materialOrigin: z.object({
    massKg: z.number(),
    renewablePct: z.number().nullable(),
    reusedPct: z.number().nullable(),
    recycledPct: z.number().nullable(),
    primaryPct: z.number().nullable(),
  }),
  endOfLife: z.object({ massKg: z.number(), reusePct: z.number().nullable(), recyclingPct: z.number().nullable(), restPct: z.number().nullable() }),
  detachability: z.object({ index: z.number().nullable(), byLayer: z.partialRecord(z.enum(layers), z.number()) }),
  mci: z.number().nullable(),
  hazardous: z.object({ lines: z.number().int(), massKg: z.number() }),
  warnings: z.array(indicatorWarning),
});
export type PassportIndicators = z.infer<typeof passportIndicators>;

// ---------------------------------------------------------------------------------------------------------------
// Versions

export const passportStatuses = ['concept', 'vastgesteld'] as const;
export type PassportStatus = (typeof passportStatuses)[number];

export const passportSources = ['empty', 'copy', 'csv', 'xlsx', 'json', 'ifc', 'editor'] as const;
export type PassportSource = (typeof passportSources)[number];

export const userRef = z.object({ id: uuid, name: z.string() });

export const storedFile = z.object({ name: z.string(), sizeBytes: z.number().int().min(0) });

/** An element of the IFC model that could not become (complete) passport lines. */
export const ifcReportElement = z.object({ globalId: z.string(), ifcClass: z.string(), name: z.string() });

/** What an import found; null for versions that were not imported. */
export const importReport = z.object({
  format: z.enum(['csv', 'xlsx', 'json', 'ifc']),
  fileName: z.string(),
  /** IFC only: schema from the file header, element count, where quantities came from. */
  ifcSchema: z.string().nullable().default(null),
  elementCount: z.number().int().min(0),
  lineCount: z.number().int().min(0),
  quantitySources: z.object({ qto: z.number().int(), geometry: z.number().int(), none: z.number().int() }).nullable().default(null),
  /** Elements without any material (not in the passport). */
  withoutMaterial: z.array(ifcReportElement).default([]),
  /** Elements without volume: their lines have quantity 0 until someone fills them in. */
  withoutQuantity: z.array(ifcReportElement).default([]),
  /** Extra notes for people, e.g. "12 elementen zonder NL-SfB-code staan onder 00". */
  notes: z.array(z.string()).default([]),
});
export type ImportReport = z.infer<typeof importReport>;

export const passportVersionSummary = z.object({
  id: uuid,
  projectId: uuid,
  /** 1, 2, 3 … per project, in order of creation. */
  number: z.number().int().min(1),
  label: z.string(),
  status: z.enum(passportStatuses),
  source: z.enum(passportSources),
  basedOnVersionId: uuid.nullable(),
  elementCount: z.number().int().min(0),
  lineCount: z.number().int().min(0),
  /** Distinct material names without a profile. */
  unmappedCount: z.number().int().min(0),
  /** Headline figures for lists: null when no indicators could be computed (no lines or no BVO). */
  mpg: z.number().nullable(),
  gwpA1a5: z.number().nullable(),
  /** Optimistic concurrency: send it back with every change (409 version_conflict when it moved on). */
  revision: z.number().int().min(1),
  createdAt: isoDateTime,
  createdBy: userRef.nullable(),
  updatedAt: isoDateTime,
  publishedAt: isoDateTime.nullable(),
  publishedBy: userRef.nullable(),
  /** The original IFC file, when the organisation keeps originals (download via …/original). */
  originalFile: storedFile.nullable(),
});
export type PassportVersionSummary = z.infer<typeof passportVersionSummary>;

export const passportVersionList = z.object({ items: z.array(passportVersionSummary) });
export type PassportVersionList = z.infer<typeof passportVersionList>;

/** One material name of a version and its profile: unmapped names first, then by name. */
export const versionMaterial = z.object({
  name: z.string(),
  /** Lower-case, accents and punctuation removed: the key of the organisation's mapping. */
  normalizedName: z.string(),
  lineCount: z.number().int().min(1),
  /** The profile(s) the lines use; null when none of its lines has one. */
  profileId: z.string().nullable(),
  profileName: z.string().nullable(),
  /** True when lines with this name use different profiles. */
  mixedProfiles: z.boolean(),
  profileOrigin: z.enum(profileOrigins).nullable(),
  /** The organisation's mapping for this name, if any (it may differ from what the lines use). */
  mapping: z.object({ profileId: z.string(), origin: z.enum(['manual', 'suggested', 'imported']) }).nullable(),
});
export type VersionMaterial = z.infer<typeof versionMaterial>;

export const passportVersion = passportVersionSummary.extend({
  passport: passportDocument,
  indicators: passportIndicators.nullable(),
  /** Why indicators are null (Dutch), e.g. "BVO ontbreekt". */
  indicatorsUnavailable: z.string().nullable(),
  materials: z.array(versionMaterial),
  importReport: importReport.nullable(),
  /** Organisation whose material mapping this project uses (the project's owner). */
  mappingOrganisationId: uuid,
});
export type PassportVersion = z.infer<typeof passportVersion>;

export const passportVersionParams = z.object({ id: uuid, versionId: uuid });

export const createPassportVersionRequest = z.object({
  label: z.string().trim().max(200).optional(),
  /** Copy the lines of this version (any status); absent → an empty concept. */
  copyOf: uuid.optional(),
});
export type CreatePassportVersionRequest = z.infer<typeof createPassportVersionRequest>;

/** Full replacement of a concept's label and passport; 409 passport_published for a vastgesteld version. */
export const updatePassportVersionRequest = z.object({
  revision: z.number().int().min(1),
  label: z.string().trim().max(200).optional(),
  passport: passportDocumentInput,
});
export type UpdatePassportVersionRequest = z.input<typeof updatePassportVersionRequest>;

export const publishPassportVersionRequest = z.object({ revision: z.number().int().min(1) });

/** Sets the organisation's mapping on lines of this concept whose material has one (by default only lines without profile). */
export const applyMappingsRequest = z.object({
  revision: z.number().int().min(1),
  /** Also replace profiles that were only suggested; never replaces `file` or `manual` profiles. */
  replaceSuggested: z.boolean().default(true),
});

// ---------------------------------------------------------------------------------------------------------------
// Diff

export const diffLine = z.object({
  key: z.string(),
  element: z.string(),
  nlsfb: z.string(),
  layer: z.enum(layers),
  description: z.string(),
  quantity: z.number(),
  unit: z.enum(units),
  profileId: z.string().nullable(),
});

export const diffChange = z.object({
  field: z.string(),
  from: z.union([z.string(), z.number(), z.boolean(), z.null()]),
  to: z.union([z.string(), z.number(), z.boolean(), z.null()]),
});

export const indicatorDelta = z.object({
  indicator: z.string(),
  label: z.string(),
  unit: z.string(),
  from: z.number().nullable(),
  to: z.number().nullable(),
  /** to − from; null when either is null. */
  delta: z.number().nullable(),
});

export const passportDiff = z.object({
  from: z.object({ id: uuid, number: z.number().int(), label: z.string() }),
  to: z.object({ id: uuid, number: z.number().int(), label: z.string() }),
  counts: z.object({ added: z.number().int(), removed: z.number().int(), changed: z.number().int(), unchanged: z.number().int() }),
  added: z.array(diffLine),
  removed: z.array(diffLine),
  changed: z.array(z.object({ before: diffLine, after: diffLine, changes: z.array(diffChange) })),
  indicators: z.array(indicatorDelta),
});
export type PassportDiff = z.infer<typeof passportDiff>;

export const passportDiffQuery = z.object({ from: uuid, to: uuid });

// ---------------------------------------------------------------------------------------------------------------
// Imports

/**
 * POST …/passports/imports/table (multipart: `file` = .csv, .xlsx or .json; optional `label`) answers at once:
 * 201 with the new concept, or 400 `import_rejected` with `details: ImportProblem[]` (nothing saved).
 */
export const importProblem = z.object({
  /** Spreadsheet row (header = 1); null for problems about the file or the project data. */
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof importProblem>;

/** POST …/passports/imports/ifc (multipart `file` = .ifc; optional `label`) answers 202 with a job. */
export const importPhases = ['upload', 'extract', 'map', 'calculate', 'save'] as const;
export type ImportPhase = (typeof importPhases)[number];

export const importJobStatuses = ['running', 'done', 'failed', 'cancelled'] as const;

export const importJob = z.object({
  id: uuid,
  projectId: uuid,
  fileName: z.string(),
  status: z.enum(importJobStatuses),
  phase: z.enum(importPhases),
  /** 0..1 over the whole import. */
  fraction: z.number().min(0).max(1),
  versionId: uuid.nullable(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
});
export type ImportJob = z.infer<typeof importJob>;

export const importJobParams = z.object({ id: uuid, jobId: uuid });

/**
 * Server-sent events of GET …/imports/:jobId/events: `event: progress` (ImportProgressEvent), then exactly one of
 * `event: done` (ImportDoneEvent) or `event: failed` (ImportFailedEvent). A cancelled job ends with `failed`,
 * code `import_cancelled`.
 */
export const importProgressEvent = z.object({ phase: z.enum(importPhases), fraction: z.number().min(0).max(1) });
export const importDoneEvent = z.object({ versionId: uuid });
export const importFailedEvent = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });
export type ImportProgressEvent = z.infer<typeof importProgressEvent>;
export type ImportDoneEvent = z.infer<typeof importDoneEvent>;
export type ImportFailedEvent = z.infer<typeof importFailedEvent>;

// ---------------------------------------------------------------------------------------------------------------
// Exports: GET …/passports/:versionId/exports/:format

export const passportExportFormats = ['xlsx', 'json', 'lcax', 'pdf'] as const;
export type PassportExportFormat = (typeof passportExportFormats)[number];
export const passportExportParams = passportVersionParams.extend({ format: z.enum(passportExportFormats) });

// ---------------------------------------------------------------------------------------------------------------
// Organisation settings and material mappings

export const passportSettings = z.object({
  /** Keep the original IFC file of imports (default off: some corporations do not want full models stored). */
  keepOriginalIfc: z.boolean(),
});
export type PassportSettings = z.infer<typeof passportSettings>;

export const mappingOrigins = ['manual', 'suggested', 'imported'] as const;
export type MappingOrigin = (typeof mappingOrigins)[number];

export const materialMapping = z.object({
  id: uuid,
  organisationId: uuid,
  /** The name as first entered. */
  materialName: z.string(),
  normalizedName: z.string(),
  profileId: z.string(),
  profileName: z.string().nullable(),
  declaredUnit: z.enum(units).nullable(),
  origin: z.enum(mappingOrigins),
  updatedBy: userRef.nullable(),
  updatedAt: isoDateTime,
});
export type MaterialMapping = z.infer<typeof materialMapping>;

export const materialMappingList = z.object({ items: z.array(materialMapping), total: z.number().int().min(0) });
export type MaterialMappingList = z.infer<typeof materialMappingList>;

export const materialMappingListQuery = z.object({
  q: z.string().trim().max(200).optional(),
  origin: z.enum(mappingOrigins).optional(),
});

/** Upsert by normalised name; answers the stored mapping. */
export const putMaterialMappingRequest = z.object({
  materialName: z.string().trim().min(1).max(300),
  profileId: z.string().trim().min(1).max(200),
  origin: z.enum(mappingOrigins).default('manual'),
});
export type PutMaterialMappingRequest = z.input<typeof putMaterialMappingRequest>;

export const materialMappingParams = z.object({ id: uuid, mappingId: uuid });

// ---------------------------------------------------------------------------------------------------------------
// Profiles (the picker)

export const profileSummary = z.object({
  id: z.string(),
  name: z.string(),
  names: z.object({ nl: z.string().optional(), en: z.string().optional(), de: z.string().optional() }),
  declaredUnit: z.enum(units),
  category: z.string().nullable(),
  source: z.string(),
});
export type ProfileSummary = z.infer<typeof profileSummary>;

export const profileDetail = profileSummary.extend({
  release: z.string(),
  version: z.string().nullable(),
  /** How far the data is checked, in Dutch, e.g. "generieke open data (ÖKOBAUDAT), niet NMD-getoetst: indicatief". */
  verification: z.string(),
  attribution: z.string(),
  /** Modules the profile declares, in EN 15804 order. */
  modules: z.array(z.enum(modules)),
  kgPerDeclaredUnit: z.number().nullable(),
  densityKgM3: z.number().nullable(),
  areaWeightKgM2: z.number().nullable(),
  linearWeightKgM: z.number().nullable(),
  nmdCategory: z.string().nullable(),
  url: z.string().nullable(),
  /** kg CO2-eq per declared unit per module (A1 set gwp), where declared. */
  gwpByModule: z.partialRecord(z.enum(modules), z.number()),
});
export type ProfileDetail = z.infer<typeof profileDetail>;

export const profileSearchQuery = z.object({
  q: z.string().trim().max(200).optional(),
  unit: z.enum(units).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export const profileSearchResult = z.object({ items: z.array(profileSummary), total: z.number().int().min(0) });

export const profileParams = z.object({ profileId: z.string().min(1).max(200) });

export const profileSuggestionsQuery = z.object({
  name: z.string().trim().min(1).max(300),
  limit: z.coerce.number().int().min(1).max(20).default(5),
});
export const profileSuggestion = z.object({
  profileId: z.string(),
  name: z.string(),
  declaredUnit: z.enum(units),
  score: z.number(),
  reason: z.string(),
});
export const profileSuggestionList = z.object({ items: z.array(profileSuggestion) });
export type ProfileSuggestionItem = z.infer<typeof profileSuggestion>;
