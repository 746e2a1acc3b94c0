/**
 * HTTP shapes of the renovation and sustainability plans (kansenkaart §5) and the neighbourhoods designated for
 * extra attention, shared by server and web.
 */
import { z } from 'zod';
import { designationCategories, renovationInterventions } from '@kringbouw/domain/renovation';

export const renovationIntervention = z.enum(renovationInterventions);
export const designationCategory = z.enum(designationCategories);
const municipalityCode = z.string().regex(/^GM\d{4}$/, 'CBS-gemeentecode, bijvoorbeeld GM0503');
const sharedWith = z.array(z.uuid()).max(50);

export const renovationPlanParams = z.object({ id: z.uuid() });
export const renovationPlanRowParams = z.object({ id: z.uuid(), rowId: z.uuid() });
export const designationParams = z.object({ id: z.uuid() });
export const renovationMunicipalityParams = z.object({ code: municipalityCode });

export const createRenovationPlanRequest = z.object({
  organisationId: z.uuid(),
  municipalityCode,
  name: z.string().trim().min(1, 'Geef het plan een naam.').max(200),
  sharedWith: sharedWith.default([]),
});

/** One row entered through the form; the same rules as a row of an uploaded file. */
export const renovationPlanRowRequest = z
  .object({
    year: z.number().int().min(2000, 'Een jaar tussen 2000 en 2100.').max(2100, 'Een jaar tussen 2000 en 2100.'),
    intervention: renovationIntervention,
    dwellings: z.number().int('Een heel aantal woningen.').min(1, 'Minstens 1 woning.').max(100_000),
    complexnummer: z.string().trim().max(100).nullable().default(null),
    buurt: z.string().trim().max(100).nullable().default(null),
    circularAmbition: z.string().trim().max(2000).nullable().default(null),
  })
  .transform((row) => ({
    ...row,
    complexnummer: row.complexnummer === '' ? null : row.complexnummer,
    buurt: row.buurt === '' ? null : row.buurt,
    circularAmbition: row.circularAmbition === '' ? null : row.circularAmbition,
  }))
  .refine((row) => row.complexnummer !== null || row.buurt !== null, { path: ['complexnummer'], message: 'Vul een complexnummer of een buurt in.' });

export const renovationSharesRequest = z.object({ organisationIds: sharedWith });

export const renovationPlanRow = z.object({
  id: z.uuid(),
  year: z.number().int(),
  intervention: renovationIntervention,
  dwellings: z.number().int(),
  complexnummer: z.string().nullable(),
  buurt: z.string().nullable(),
  circularAmbition: z.string().nullable(),
});

export const renovationPlanSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  municipalityCode: z.string(),
  ownerOrganisationId: z.uuid(),
  ownerName: z.string(),
  sharedWithOrganisationIds: z.array(z.uuid()),
  rowCount: z.number().int(),
  dwellings: z.number().int(),
  updatedAt: z.string(),
});

export const renovationPlanDetail = renovationPlanSummary.extend({ rows: z.array(renovationPlanRow) });

export const renovationImportResult = renovationPlanDetail.extend({ imported: z.number().int(), ignoredColumns: z.array(z.string()) });

export const createDesignationRequest = z.object({
  organisationId: z.uuid(),
  municipalityCode,
  buurt: z.string().trim().min(1, 'Kies of typ een buurt.').max(100),
  categories: z.array(designationCategory).min(1, 'Kies minstens één thema.').max(3),
  note: z.string().trim().max(2000).default(''),
  sharedWith: sharedWith.default([]),
});

const polygon = z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.tuple([z.number(), z.number()]))) });

export const neighbourhoodDesignation = z.object({
  id: z.uuid(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  municipalityCode: z.string(),
  buurt: z.string(),
  categories: z.array(designationCategory),
  note: z.string(),
  sharedWithOrganisationIds: z.array(z.uuid()),
  createdAt: z.string(),
  /** Outline of the buurt from the buildings in the stock lists you may see; null when none are known. */
  outline: polygon.nullable(),
});

export const renovationOverviewQuery = z.object({
  fromYear: z.coerce.number().int().min(2000).max(2100).optional(),
  toYear: z.coerce.number().int().min(2000).max(2100).optional(),
});

export const renovationOverview = z.object({
  municipalityCode: z.string(),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  /** Plans you may see that count in the overview. */
  plans: z.array(z.object({ id: z.uuid(), name: z.string(), ownerName: z.string() })),
  years: z.array(z.object({ year: z.number().int(), total: z.number().int(), byIntervention: z.record(renovationIntervention, z.number().int()) })),
  areas: z.array(
    z.object({
      key: z.string(),
      kind: z.enum(['buurt', 'complex']),
      name: z.string(),
      total: z.number().int(),
      peakYear: z.number().int(),
      perYear: z.record(z.string(), z.number().int()),
      /** Buildings the outline is drawn from (0: the area is not on the map). */
      buildings: z.number().int(),
      outline: polygon.nullable(),
    }),
  ),
  designations: z.array(neighbourhoodDesignation),
  /** Buurt names known from the visible stock lists and plans, for the designation form. */
  buurten: z.array(z.string()),
});

export type CreateRenovationPlanRequest = z.input<typeof createRenovationPlanRequest>;
export type RenovationPlanRowRequest = z.input<typeof renovationPlanRowRequest>;
export type RenovationPlanRow = z.infer<typeof renovationPlanRow>;
export type RenovationPlanSummary = z.infer<typeof renovationPlanSummary>;
export type RenovationPlanDetail = z.infer<typeof renovationPlanDetail>;
export type CreateDesignationRequest = z.input<typeof createDesignationRequest>;
export type NeighbourhoodDesignation = z.infer<typeof neighbourhoodDesignation>;
export type RenovationOverview = z.infer<typeof renovationOverview>;
export type RenovationOverviewQuery = z.input<typeof renovationOverviewQuery>;
