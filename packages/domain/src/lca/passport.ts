/**
 * The material passport as Kringbouw reads it: project data → elements (NL-SfB table 1) → material lines.
 * The zod schema is the single source: TypeScript types are inferred from it and docs/passport.schema.json is
 * generated from it (packages/domain/scripts/generate-passport-schema.ts).
 */
import { z } from 'zod';
import {
  accessibilities, buildingTypes, connectionTypes, crossingTypes, edgeContainments, layers, nmdCategories, units, useFunctions,
} from './model.ts';

const pct = z.number().min(0).max(100);

export const originSchema = z
  .object({
    renewablePct: pct.default(0).describe('Mass share from renewable (biobased) sources, %'),
    reusedPct: pct.default(0).describe('Mass share reused (secondary products), %'),
    recycledPct: pct.default(0).describe('Mass share from recycled material, %'),
  })
  .refine((o) => o.renewablePct + o.reusedPct + o.recycledPct <= 100 + 1e-9, {
    message: 'hernieuwbaar + hergebruikt + gerecycled is meer dan 100 %',
  });

export const endOfLifeSchema = z
  .object({
    reusePct: pct.default(0).describe('Share reused after end of life, %'),
    recyclingPct: pct.default(0).describe('Share recycled after end of life, %'),
  })
  .refine((e) => e.reusePct + e.recyclingPct <= 100 + 1e-9, { message: 'eol_hergebruik + eol_recycling is meer dan 100 %' });

export const detachabilityInputSchema = z.object({
  connection: z.enum(connectionTypes).optional().describe('Type verbinding (LI v2.0)'),
  accessibility: z.enum(accessibilities).optional().describe('Toegankelijkheid van de verbinding'),
  crossings: z.enum(crossingTypes).optional().describe('Doorkruisingen'),
  edgeContainment: z.enum(edgeContainments).optional().describe('Randopsluiting'),
});

export const materialLineSchema = z.object({
  description: z.string().trim().min(1).describe('Material description (materiaal)'),
  quantity: z.number().finite().min(0).describe('Quantity in `unit`'),
  unit: z.enum(units),
  massKg: z.number().finite().min(0).optional().describe('Mass in kg; derived from the profile when absent'),
  thicknessM: z.number().finite().positive().optional().describe('Layer thickness in m, to convert m2 ↔ m3'),
  serviceLifeYears: z.number().finite().positive().optional().describe('Product reference service life, years'),
  profileId: z.string().trim().min(1).optional().describe('Environmental profile id, e.g. an ÖKOBAUDAT UUID'),
  nmdCategory: z.enum(nmdCategories).optional().describe('NMD data category of the profile, when known'),
  origin: originSchema.default({ renewablePct: 0, reusedPct: 0, recycledPct: 0 }),
  endOfLife: endOfLifeSchema.default({ reusePct: 0, recyclingPct: 0 }),
  detachability: detachabilityInputSchema.default({}),
  hazardous: z.boolean().default(false).describe('Contains substances of concern'),
});

export const elementSchema = z.object({
  nlsfb: z.string().trim().regex(/^\d{2}(\.\d{1,2})?$/, 'NL-SfB-code: twee cijfers, eventueel gevolgd door .x of .xx').describe('NL-SfB table 1 code'),
  name: z.string().trim().min(1),
  layer: z.enum(layers),
  lines: z.array(materialLineSchema).min(1),
});

export const projectSchema = z.object({
  name: z.string().trim().min(1).optional(),
  bvoM2: z.number().finite().positive().describe('Gross floor area (BVO), m²'),
  buildingType: z.enum(buildingTypes),
  useFunction: z.enum(useFunctions).optional().describe('Bbl use function; default from buildingType'),
  rspYears: z.number().finite().positive().optional().describe('Reference study period, years; default 75 dwellings / 50 offices'),
  permitDate: z.iso.date().optional().describe('Date of the permit application (YYYY-MM-DD); selects the MPG limit'),
});

export const passportSchema = z.object({
  format: z.literal('kringbouw-passport/1').optional(),
  project: projectSchema,
  elements: z.array(elementSchema).min(1),
});

export type Passport = z.infer<typeof passportSchema>;
export type PassportInput = z.input<typeof passportSchema>;
export type PassportProject = z.infer<typeof projectSchema>;
export type PassportElement = z.infer<typeof elementSchema>;
export type MaterialLine = z.infer<typeof materialLineSchema>;
export type MaterialLineInput = z.input<typeof materialLineSchema>;
export type DetachabilityInput = z.infer<typeof detachabilityInputSchema>;

/** One problem in a passport: where (path, or row/column for tables) and why. */
export interface PassportIssue {
  path: string;
  row?: number;
  column?: string;
  message: string;
}

/** Validates unknown data as a passport; returns every problem, never throws. */
export function parsePassport(data: unknown): { ok: true; passport: Passport } | { ok: false; issues: PassportIssue[] } {
  const result = passportSchema.safeParse(data);
  if (result.success) return { ok: true, passport: result.data };
  return {
    ok: false,
    issues: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message })),
  };
}

/** JSON Schema (draft 2020-12) of the passport, as published in docs/passport.schema.json. */
export function passportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(passportSchema, { io: 'input' }),
    $id: 'https://kringbouw.nl/schemas/passport.schema.json',
    title: 'Kringbouw materiaalpaspoort',
  };
}
