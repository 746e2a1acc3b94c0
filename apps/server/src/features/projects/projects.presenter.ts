import type { Project, ProjectInput } from '@kringbouw/contracts';
import type { ProjectRecord, ProjectValues } from './projects.repository.ts';

export function presentProject(record: ProjectRecord): Project {
  return {
    id: record.id,
    name: record.name,
    description: record.description,
    municipalityCode: record.municipalityCode,
    municipalityName: record.municipalityName,
    location: record.lat === null || record.lon === null ? null : { lat: record.lat, lon: record.lon },
    kind: record.kind,
    phase: record.phase,
    phaseDates: {
      initiatief: record.initiatiefDate,
      ontwerp: record.ontwerpDate,
      realisatie: record.realisatieDate,
      opgeleverd: record.opgeleverdDate,
    },
    dwellings: record.dwellings,
    bvoM2: record.bvoM2,
    buildingType: record.buildingType,
    concept: record.conceptName === null ? null : { name: record.conceptName, supplier: record.conceptSupplier },
    parties: record.parties.map((p) => ({ organisationId: p.organisationId, organisationName: p.organisationName, role: p.role })),
    visibility: record.visibility,
    isExample: record.isExample,
    ownerOrganisationId: record.ownerOrganisationId,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    version: record.version,
  };
}

/** Contract input → the columns the repository stores. */
export function projectValuesOf(input: ProjectInput): ProjectValues {
  return {
    name: input.name,
    description: input.description,
    municipalityCode: input.municipalityCode,
    lat: input.location?.lat ?? null,
    lon: input.location?.lon ?? null,
    kind: input.kind,
    phase: input.phase,
    initiatiefDate: input.phaseDates.initiatief,
    ontwerpDate: input.phaseDates.ontwerp,
    realisatieDate: input.phaseDates.realisatie,
    opgeleverdDate: input.phaseDates.opgeleverd,
    dwellings: input.dwellings,
    bvoM2: input.bvoM2,
    buildingType: input.buildingType,
    conceptName: input.concept?.name ?? null,
    conceptSupplier: input.concept?.supplier ?? null,
    visibility: input.visibility,
  };
}
