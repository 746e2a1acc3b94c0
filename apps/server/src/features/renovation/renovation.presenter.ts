import type { z } from 'zod';
import type { neighbourhoodDesignation, renovationPlanDetail, renovationPlanSummary } from '@kringbouw/contracts';
import type { DesignationRecord, PlanRecord, PlanRowRecord } from './renovation.repository.ts';

export function presentPlanSummary(plan: PlanRecord): z.infer<typeof renovationPlanSummary> {
  return {
    id: plan.id,
    name: plan.name,
    municipalityCode: plan.municipalityCode,
    ownerOrganisationId: plan.ownerOrganisationId,
    ownerName: plan.ownerName,
    sharedWithOrganisationIds: plan.sharedWithOrganisationIds,
    rowCount: plan.rowCount,
    dwellings: plan.dwellings,
    updatedAt: plan.updatedAt.toISOString(),
  };
}

export function presentPlanDetail(plan: PlanRecord, rows: PlanRowRecord[]): z.infer<typeof renovationPlanDetail> {
  return {
    ...presentPlanSummary(plan),
    rows: rows.map((r) => ({ id: r.id, year: r.year, intervention: r.intervention, dwellings: r.dwellings, complexnummer: r.complexnummer, buurt: r.buurt, circularAmbition: r.circularAmbition })),
  };
}

export function presentDesignation(d: DesignationRecord, outline: z.infer<typeof neighbourhoodDesignation>['outline']): z.infer<typeof neighbourhoodDesignation> {
  return {
    id: d.id,
    organisationId: d.organisationId,
    organisationName: d.organisationName,
    municipalityCode: d.municipalityCode,
    buurt: d.buurt,
    categories: d.categories,
    note: d.note,
    sharedWithOrganisationIds: d.sharedWithOrganisationIds,
    createdAt: d.createdAt.toISOString(),
    outline,
  };
}
