import type { z } from 'zod';
import type { OpportunityKind, StockBuilding } from '@kringbouw/domain/opportunities';
import type { StockAssessmentRecord, StockBuildingInsert, StockBuildingRow, StockListRecord, stockListRows } from './stock.repository.ts';
import type { buildingDetail, stockListDetail, stockListSummary } from './stock.schemas.ts';
import type { ScoredBuilding } from '@kringbouw/domain/opportunities';

export function presentAssessment(a: StockAssessmentRecord) {
  return {
    organisationId: a.organisationId,
    organisationName: a.organisationName,
    status: a.status,
    kind: a.kind,
    reason: a.reason,
    updatedAt: a.updatedAt.toISOString(),
    consultation: a.tenantConsulted === null ? null : { consulted: a.tenantConsulted, date: a.consultedOn, opinion: a.tenantOpinion ?? '' },
    projectId: a.projectId,
  };
}

export function scoreOf(row: Pick<StockBuildingRow, 'scoreSplitsen' | 'scoreOptoppen' | 'scoreTransformatie'>, kind: OpportunityKind): number {
  if (kind === 'splitsen') return row.scoreSplitsen;
  if (kind === 'optoppen') return row.scoreOptoppen;
  return row.scoreTransformatie;
}

export function presentBuilding(
  row: StockBuildingRow,
  assessments: StockAssessmentRecord[],
  listRows: { row: typeof stockListRows.$inferSelect; listName: string }[],
): z.infer<typeof buildingDetail> {
  const { splitsen, optoppen, transformatie } = row.opportunities;
  return {
    bagId: row.bagId,
    municipalityCode: row.municipalityCode,
    footprint: row.footprint,
    centroid: [row.centroidLon, row.centroidLat],
    footprintAreaM2: row.footprintAreaM2,
    buildYear: row.buildYear,
    roofType: row.roofType,
    heightM: row.heightM,
    storeysEstimate: row.storeysEstimate,
    useFunctions: row.useFunctions,
    dwellings: row.dwellings,
    floorAreaM2: row.floorAreaM2,
    vacant: row.vacant,
    neighbourDifferenceM: row.neighbourDifferenceM,
    rulesVersion: row.rulesVersion,
    opportunities: { splitsen, optoppen, transformatie },
    assessments: assessments.map(presentAssessment),
    stockListRows: listRows.map(({ row: r, listName }) => ({
      listId: r.listId,
      listName,
      rowNumber: r.rowNumber,
      complexnummer: r.complexnummer,
      woningtype: r.woningtype,
      oppervlakteM2: r.oppervlakteM2,
      energielabel: r.energielabel,
      jaarGrootOnderhoud: r.jaarGrootOnderhoud,
    })),
  };
}

/** A StockBuilding and its scores as a row to store. */
export function buildingValues(
  building: StockBuilding,
  scored: ScoredBuilding,
  context: { municipalityCode: string; organisationId: string; source: string; now: Date },
): StockBuildingInsert {
  const ring = building.footprint.coordinates[0] ?? [];
  const lons = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return {
    bagId: building.bagId,
    municipalityCode: context.municipalityCode,
    importedByOrganisationId: context.organisationId,
    source: context.source,
    footprint: building.footprint,
    minLon: Math.min(...lons),
    minLat: Math.min(...lats),
    maxLon: Math.max(...lons),
    maxLat: Math.max(...lats),
    centroidLon: building.centroid[0],
    centroidLat: building.centroid[1],
    footprintAreaM2: building.footprintAreaM2,
    buildYear: building.buildYear,
    roofType: building.roofType,
    heightM: building.heightM,
    storeysEstimate: building.storeysEstimate,
    useFunctions: building.useFunctions,
    dwellings: building.dwellings,
    floorAreaM2: building.floorAreaM2,
    vacant: building.vacant,
    dwellingType: building.dwellingType,
    scoreSplitsen: scored.opportunities.splitsen.score,
    scoreOptoppen: scored.opportunities.optoppen.score,
    scoreTransformatie: scored.opportunities.transformatie.score,
    opportunities: scored.opportunities,
    neighbourDifferenceM: scored.neighbours?.differenceM ?? null,
    rulesVersion: scored.opportunities.rulesVersion,
    importedAt: context.now,
  };
}

export function presentListSummary(list: StockListRecord): z.infer<typeof stockListSummary> {
  return {
    id: list.id,
    name: list.name,
    municipalityCode: list.municipalityCode,
    ownerOrganisationId: list.ownerOrganisationId,
    ownerName: list.ownerName,
    sharedWithOrganisationIds: list.sharedWithOrganisationIds,
    rowCount: list.rowCount,
    createdAt: list.createdAt.toISOString(),
  };
}

export function presentListDetail(list: StockListRecord, rows: (typeof stockListRows.$inferSelect)[]): z.infer<typeof stockListDetail> {
  return {
    ...presentListSummary(list),
    rows: rows.map((r) => ({
      rowNumber: r.rowNumber,
      bagId: r.bagId,
      bagIdType: r.bagIdType,
      adres: r.adres,
      complexnummer: r.complexnummer,
      woningtype: r.woningtype,
      oppervlakteM2: r.oppervlakteM2,
      energielabel: r.energielabel,
      jaarGrootOnderhoud: r.jaarGrootOnderhoud,
    })),
  };
}
