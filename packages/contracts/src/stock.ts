/** HTTP shapes of the kansenkaart (stock) API, shared by server and web. */
import { z } from 'zod';
import { opportunityKinds, opportunityRulesSchema } from '@kringbouw/domain/opportunities';

export const opportunityKind = z.enum(opportunityKinds);
const stockMunicipalityCode = z.string().regex(/^GM\d{4}$/, 'CBS-gemeentecode, bijvoorbeeld GM0503');
const bagPandId = z.string().regex(/^\d{4}10\d{10}$/, 'BAG-pandidentificatie van 16 cijfers');

export const stockMunicipalityParams = z.object({ code: stockMunicipalityCode });
export const stockBagIdParams = z.object({ bagId: bagPandId });
export const stockListIdParams = z.object({ id: z.uuid() });

export const stockImportIssue = z.object({
  severity: z.enum(['error', 'warning']),
  id: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  reason: z.string(),
});

export const stockImportResult = z.object({
  imported: z.number().int(),
  verblijfsobjecten: z.number().int(),
  rescored: z.number().int(),
  rulesVersion: z.string(),
  warnings: z.array(stockImportIssue),
});

export const stockScoreReason = z.object({ code: z.string(), text_nl: z.string(), text_en: z.string(), points: z.number(), value: z.union([z.number(), z.string(), z.null()]) });
export const stockKindScore = z.object({ score: z.number().int(), reasons: z.array(stockScoreReason), unknown: z.array(z.object({ code: z.string(), missing: z.string() })) });

export const stockBboxQuery = z.object({
  bbox: z
    .string()
    .transform((value, ctx) => {
      const parts = value.split(',').map(Number);
      const [minLon = Number.NaN, minLat = Number.NaN, maxLon = Number.NaN, maxLat = Number.NaN] = parts;
      if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)) || minLon > maxLon || minLat > maxLat) {
        ctx.addIssue({ code: 'custom', message: 'bbox = minLon,minLat,maxLon,maxLat (WGS84)' });
        return z.NEVER;
      }
      return { minLon, minLat, maxLon, maxLat };
    }),
  zoom: z.coerce.number().min(0).max(24),
  kind: opportunityKind.default('optoppen'),
  minScore: z.coerce.number().int().min(0).max(100).default(0),
  buildYearFrom: z.coerce.number().int().optional(),
  buildYearTo: z.coerce.number().int().optional(),
  /** Only buildings in this stock list (own stock); 404 when the list is not visible. */
  listId: z.uuid().optional(),
});

export const stockBboxResponse = z.object({
  type: z.literal('FeatureCollection'),
  mode: z.enum(['footprints', 'points', 'clusters']),
  total: z.number().int(),
  kind: opportunityKind,
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: z.union([
        z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) }),
        z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
      ]),
      properties: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
    }),
  ),
});

/** The tenants' organisation's say on a candidate: selecting pilots happens together with them. */
export const stockConsultation = z.object({
  consulted: z.boolean(),
  date: z.iso.date().nullable(),
  opinion: z.string().trim().max(2000),
});

export const stockAssessment = z.object({
  organisationId: z.uuid(),
  organisationName: z.string(),
  status: z.enum(['kandidaat', 'ongeschikt']),
  kind: opportunityKind.nullable(),
  reason: z.string(),
  updatedAt: z.string(),
  consultation: stockConsultation.nullable(),
  /** Project created from this candidate. */
  projectId: z.uuid().nullable(),
});

export const stockBuildingDetail = z.object({
  bagId: z.string(),
  municipalityCode: z.string(),
  footprint: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) }),
  centroid: z.tuple([z.number(), z.number()]),
  footprintAreaM2: z.number(),
  buildYear: z.number().int().nullable(),
  roofType: z.string().nullable(),
  heightM: z.number().nullable(),
  storeysEstimate: z.number().int().nullable(),
  useFunctions: z.array(z.string()).nullable(),
  dwellings: z.number().int().nullable(),
  floorAreaM2: z.number().nullable(),
  vacant: z.boolean().nullable(),
  neighbourDifferenceM: z.number().nullable(),
  rulesVersion: z.string(),
  opportunities: z.object({ splitsen: stockKindScore, optoppen: stockKindScore, transformatie: stockKindScore }),
  assessments: z.array(stockAssessment),
  stockListRows: z.array(
    z.object({
      listId: z.uuid(),
      listName: z.string(),
      rowNumber: z.number().int(),
      complexnummer: z.string(),
      woningtype: z.string(),
      oppervlakteM2: z.number(),
      energielabel: z.string().nullable(),
      jaarGrootOnderhoud: z.number().int().nullable(),
    }),
  ),
});

export const stockAssessmentRequest = z.object({
  organisationId: z.uuid(),
  status: z.enum(['kandidaat', 'ongeschikt']),
  kind: opportunityKind.nullable().default(null),
  reason: z.string().trim().min(3, 'Geef een reden (minstens 3 tekens).').max(2000),
  /** Left out: keep the stored consultation; null: clear it. A consultation that took place needs its date. */
  consultation: stockConsultation
    .refine((c) => !c.consulted || c.date !== null, { path: ['date'], message: 'Geef de datum van het overleg met de huurdersorganisatie.' })
    .nullable()
    .optional(),
  /** Left out: keep the stored link; null: unlink. The project must belong to the assessing organisation. */
  projectId: z.uuid().nullable().optional(),
});

export const stockCandidatesQuery = z.object({
  kind: opportunityKind.default('optoppen'),
  minScore: z.coerce.number().int().min(0).max(100).default(50),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  sort: z.enum(['score', 'buildYear']).default('score'),
  /** Same filters as the map; buildings without a known build year drop out of a year range. */
  buildYearFrom: z.coerce.number().int().optional(),
  buildYearTo: z.coerce.number().int().optional(),
  /** Only buildings in this stock list (own stock); 404 when the list is not visible. */
  listId: z.uuid().optional(),
});

export const stockCandidateList = z.object({
  kind: opportunityKind,
  items: z.array(
    z.object({
      bagId: z.string(),
      score: z.number().int(),
      reasons: z.array(z.string()),
      buildYear: z.number().int().nullable(),
      roofType: z.string().nullable(),
      heightM: z.number().nullable(),
      centroid: z.tuple([z.number(), z.number()]),
      assessments: z.array(stockAssessment),
    }),
  ),
});

export const stockListSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  municipalityCode: z.string(),
  ownerOrganisationId: z.uuid(),
  ownerName: z.string(),
  sharedWithOrganisationIds: z.array(z.uuid()),
  rowCount: z.number().int(),
  createdAt: z.string(),
});

export const stockListDetail = stockListSummary.extend({
  rows: z.array(
    z.object({
      rowNumber: z.number().int(),
      bagId: z.string().nullable(),
      bagIdType: z.string().nullable(),
      adres: z.string().nullable(),
      complexnummer: z.string(),
      woningtype: z.string(),
      oppervlakteM2: z.number(),
      energielabel: z.string().nullable(),
      jaarGrootOnderhoud: z.number().int().nullable(),
      buurt: z.string().nullable(),
    }),
  ),
});

export const stockSharesRequest = z.object({ organisationIds: z.array(z.uuid()).max(50) });

export type StockImportIssue = z.infer<typeof stockImportIssue>;
export type StockImportResult = z.infer<typeof stockImportResult>;
export type StockScoreReason = z.infer<typeof stockScoreReason>;
export type StockKindScore = z.infer<typeof stockKindScore>;
export type StockBboxQuery = z.input<typeof stockBboxQuery>;
export type StockBboxResponse = z.infer<typeof stockBboxResponse>;
export type StockAssessment = z.infer<typeof stockAssessment>;
export type StockConsultation = z.infer<typeof stockConsultation>;
export type StockBuildingDetail = z.infer<typeof stockBuildingDetail>;
export type StockAssessmentRequest = z.input<typeof stockAssessmentRequest>;
export type StockCandidatesQuery = z.input<typeof stockCandidatesQuery>;
export type StockCandidateList = z.infer<typeof stockCandidateList>;
export type StockListSummary = z.infer<typeof stockListSummary>;
export type StockListDetail = z.infer<typeof stockListDetail>;

/** Phases of a building import job: reading and transforming the file, scoring, writing (one transaction). */
export const stockImportPhases = ['read', 'score', 'save'] as const;
export const stockImportJobParams = z.object({ jobId: z.uuid() });

/** A building import running in the background; progress comes over GET /api/stock/imports/:jobId/events. */
export const stockImportJob = z.object({
  id: z.uuid(),
  municipalityCode: z.string(),
  organisationId: z.uuid(),
  fileName: z.string(),
  status: z.enum(['running', 'done', 'failed', 'cancelled']),
  phase: z.enum(stockImportPhases),
  /** 0..1 over the whole import. */
  fraction: z.number().min(0).max(1),
  result: stockImportResult.nullable(),
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).nullable(),
});

/**
 * Server-sent events of GET /api/stock/imports/:jobId/events: `progress` {phase, fraction}, then exactly one of
 * `done` {result} or `failed` {code, message, details}; a cancelled job ends with `failed`, code `import_cancelled`.
 */
export const stockImportProgressEvent = z.object({ phase: z.enum(stockImportPhases), fraction: z.number().min(0).max(1) });
export const stockImportDoneEvent = z.object({ result: stockImportResult });
export const stockImportFailedEvent = z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() });

export type StockImportPhase = (typeof stockImportPhases)[number];
export type StockImportJob = z.infer<typeof stockImportJob>;

/** The opportunity rules of a municipality: the stored version in force (or the default), and the history. */
export const stockRuleSetRequest = z.object({
  organisationId: z.uuid(),
  /** Validated in full by the domain schema: every bad path is named (e.g. rules.kinds.optoppen.0.points). */
  rules: opportunityRulesSchema,
  note: z.string().trim().max(2000).default(''),
});

export const stockRuleSetVersion = z.object({
  version: z.number().int(),
  rulesVersion: z.string(),
  note: z.string(),
  organisationName: z.string().nullable(),
  createdAt: z.string(),
});

export const stockRuleSet = z.object({
  municipalityCode: z.string(),
  /** null: no own set; the default rules apply. */
  version: z.number().int().nullable(),
  rules: opportunityRulesSchema,
  history: z.array(stockRuleSetVersion),
});

export const stockRuleSetSaved = stockRuleSet.extend({ rescored: z.number().int() });

export type StockRuleSet = z.infer<typeof stockRuleSet>;
export type StockRuleSetRequest = z.input<typeof stockRuleSetRequest>;
export type StockRuleSetSaved = z.infer<typeof stockRuleSetSaved>;
