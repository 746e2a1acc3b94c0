import { z } from 'zod';
import {
  buildingTypes,
  partyRoles,
  projectKinds,
  projectPhases,
  visibilities,
} from '@kringbouw/domain/projects';
import { isoDate, isoDateTime, pageOf, paginationQuery, uuid } from './common.ts';

export const municipalityCode = z.string().regex(/^GM\d{4}$/, 'Gebruik een CBS-gemeentecode zoals GM0546');

export const location = z.object({
  lat: z.number().min(50.7).max(53.7),
  lon: z.number().min(3.2).max(7.3),
});

export const phaseDates = z.object({
  initiatief: isoDate.nullable().default(null),
  ontwerp: isoDate.nullable().default(null),
  realisatie: isoDate.nullable().default(null),
  opgeleverd: isoDate.nullable().default(null),
});

export const constructionConcept = z.object({
  name: z.string().trim().min(1).max(200),
  supplier: z.string().trim().max(200).nullable().default(null),
});

export const projectPartyInput = z.object({
  organisationId: uuid,
  role: z.enum(partyRoles),
});

export const projectInput = z.object({
  name: z.string().trim().min(2).max(200),
  description: z.string().trim().max(5000).default(''),
  municipalityCode,
  location: location.nullable().default(null),
  kind: z.enum(projectKinds),
  phase: z.enum(projectPhases),
  phaseDates: phaseDates.default({ initiatief: null, ontwerp: null, realisatie: null, opgeleverd: null }),
  dwellings: z.number().int().min(0).max(100_000),
  bvoM2: z.number().positive().max(10_000_000).nullable().default(null),
  buildingType: z.enum(buildingTypes),
  concept: constructionConcept.nullable().default(null),
  parties: z.array(projectPartyInput).max(50).default([]),
  visibility: z.enum(visibilities).default('openbaar'),
});
export type ProjectInput = z.infer<typeof projectInput>;

/** Update = full replacement of the editable fields plus the version read, for optimistic concurrency (409). */
export const projectUpdate = projectInput.extend({ version: z.number().int().min(1) });
export type ProjectUpdate = z.infer<typeof projectUpdate>;

export const projectParty = z.object({
  organisationId: uuid,
  organisationName: z.string(),
  role: z.enum(partyRoles),
});

export const project = z.object({
  id: uuid,
  name: z.string(),
  description: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  location: location.nullable(),
  kind: z.enum(projectKinds),
  phase: z.enum(projectPhases),
  phaseDates: z.object({
    initiatief: isoDate.nullable(),
    ontwerp: isoDate.nullable(),
    realisatie: isoDate.nullable(),
    opgeleverd: isoDate.nullable(),
  }),
  dwellings: z.number().int(),
  bvoM2: z.number().nullable(),
  buildingType: z.enum(buildingTypes),
  concept: z.object({ name: z.string(), supplier: z.string().nullable() }).nullable(),
  parties: z.array(projectParty),
  visibility: z.enum(visibilities),
  /** Demo data is labelled so nobody mistakes it for a real result. */
  isExample: z.boolean(),
  ownerOrganisationId: uuid,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  version: z.number().int().min(1),
});
export type Project = z.infer<typeof project>;

export const projectSortFields = ['name', 'municipality', 'phase', 'dwellings', 'updatedAt'] as const;

export const projectListQuery = paginationQuery.extend({
  q: z.string().trim().max(200).optional(),
  municipality: municipalityCode.optional(),
  kind: z.enum(projectKinds).optional(),
  phase: z.enum(projectPhases).optional(),
  /** Only projects this organisation owns or is a party in. */
  organisation: uuid.optional(),
  sort: z.enum(projectSortFields).default('updatedAt'),
  order: z.enum(['asc', 'desc']).default('desc'),
});
export type ProjectListQuery = z.infer<typeof projectListQuery>;

export const projectList = pageOf(project);
export type ProjectList = z.infer<typeof projectList>;

export const createProjectRequest = projectInput.extend({
  /** The organisation on whose behalf the project is registered; the user must be bewerker or beheerder there. */
  ownerOrganisationId: uuid,
});
export type CreateProjectRequest = z.infer<typeof createProjectRequest>;
