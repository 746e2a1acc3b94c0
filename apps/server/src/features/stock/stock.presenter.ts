import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { OpportunityKind, StockBuilding } from '@kringbouw/domain/opportunities';
import type { StockAssessmentRecord, StockBuildingInsert, StockBuildingRow, StockListRecord, stockListRows } from './stock.repository.ts';
import type { buildingDetail, candidateList, stockListDetail, stockListSummary } from './stock.schemas.ts';
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
      buurt: r.buurt,
    })),
  };
}

const kindLabels = { splitsen: 'Splitsen', optoppen: 'Optoppen', transformatie: 'Transformatie' } as const;

/**
 * The candidate list as an .xlsx workbook (Dutch: the export goes to the tenants' organisation and the
 * municipality). Coordinates in WGS84 so the rows can be put on any map.
 */
export async function candidatesWorkbook(municipalityCode: string, list: z.infer<typeof candidateList>, rulesVersion: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Kringbouw';
  const sheet = workbook.addWorksheet('Kandidaten');
  sheet.columns = [
    { header: 'BAG-pand', key: 'bagId', width: 20 },
    { header: `Score ${kindLabels[list.kind].toLowerCase()}`, key: 'score', width: 10 },
    { header: 'Redenen', key: 'reasons', width: 60 },
    { header: 'Bouwjaar', key: 'buildYear', width: 10 },
    { header: 'Dakvorm', key: 'roofType', width: 18 },
    { header: 'Hoogte (m)', key: 'heightM', width: 11 },
    { header: 'Lengtegraad', key: 'lon', width: 12 },
    { header: 'Breedtegraad', key: 'lat', width: 12 },
    { header: 'Beoordelingen', key: 'assessments', width: 60 },
  ];
  for (const item of list.items) {
    sheet.addRow({
      bagId: item.bagId,
      score: item.score,
      reasons: item.reasons.join('; '),
      buildYear: item.buildYear,
      roofType: item.roofType,
      heightM: item.heightM,
      lon: item.centroid[0],
      lat: item.centroid[1],
      assessments: item.assessments.map((a) => `${a.status} (${a.organisationName}): ${a.reason}`).join(' | '),
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  const about = workbook.addWorksheet('Toelichting');
  about.addRows([
    ['Kansenkaart', `${kindLabels[list.kind]} in ${municipalityCode}`],
    ['Regels', `${rulesVersion} (aanname van deskundigen; score = som van de punten, begrensd op 0–100)`],
    ['Bronnen', '3D BAG (TU Delft), BAG (Kadaster) — CC BY 4.0'],
    ['Let op', 'Panden die een van uw organisaties ongeschikt vond, staan niet in de lijst.'],
  ]);
  about.getColumn(1).font = { bold: true };
  about.getColumn(1).width = 14;
  about.getColumn(2).width = 90;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
