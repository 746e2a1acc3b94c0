/**
 * SQL of monitoring: the append-only indicator ledger, attached report PDFs and the per-project aggregate row.
 * Every write goes through `appendAndRefresh`, which inserts entries and rewrites the project's aggregate row in
 * one transaction, so the dashboards never drift from the ledger.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { IndicatorId, LedgerFigures, LedgerSource } from '@kringbouw/domain/monitoring';
import { ledgerFigures } from '@kringbouw/domain/monitoring';
import type { Db } from '../../db/index.ts';
import { indicatorEntries, indicatorReports, municipalities, passportVersions, projectMonitoring, projects, users } from '../../db/schema.ts';

export interface EntryValues {
  indicatorId: IndicatorId;
  source: LedgerSource;
  value: number | null;
  withdrawsEntryId: string | null;
  passportVersionId: string | null;
  passportVersionNumber: number | null;
  dataVersions: Record<string, string> | null;
  tool: string | null;
  toolVersion: string | null;
  nmdVersion: string | null;
  calculationDate: string | null;
  note: string | null;
  recordedBy: string | null;
}

export interface EntryRecord extends EntryValues {
  id: string;
  seq: number;
  recordedAt: Date;
  recordedByName: string | null;
  reportName: string | null;
  reportSize: number | null;
}

export interface AggregateRowRecord {
  projectId: string;
  name: string;
  municipalityCode: string;
  kind: string;
  phase: string;
  dwellings: number;
  buildingType: string;
  conceptName: string | null;
  visibility: string;
  ownerOrganisationId: string;
  partyOrganisationIds: string[];
  opgeleverdDate: string | null;
  realisatieDate: string | null;
  ontwerpDate: string | null;
  initiatiefDate: string | null;
  createdAt: Date;
  lat: number | null;
  lon: number | null;
  figures: LedgerFigures | null;
}

async function entriesOf(db: Db, projectId: string): Promise<EntryRecord[]> {
  const rows = await db
    .select({
      id: indicatorEntries.id,
      seq: indicatorEntries.seq,
      indicatorId: indicatorEntries.indicatorId,
      source: indicatorEntries.source,
      value: indicatorEntries.value,
      withdrawsEntryId: indicatorEntries.withdrawsEntryId,
      passportVersionId: indicatorEntries.passportVersionId,
      passportVersionNumber: indicatorEntries.passportVersionNumber,
      dataVersions: indicatorEntries.dataVersions,
      tool: indicatorEntries.tool,
      toolVersion: indicatorEntries.toolVersion,
      nmdVersion: indicatorEntries.nmdVersion,
      calculationDate: indicatorEntries.calculationDate,
      note: indicatorEntries.note,
      recordedBy: indicatorEntries.recordedBy,
      recordedAt: indicatorEntries.recordedAt,
      recordedByName: users.name,
      reportName: indicatorReports.name,
      reportSize: indicatorReports.sizeBytes,
    })
    .from(indicatorEntries)
    .leftJoin(users, eq(users.id, indicatorEntries.recordedBy))
    .leftJoin(indicatorReports, eq(indicatorReports.entryId, indicatorEntries.id))
    .where(eq(indicatorEntries.projectId, projectId))
    .orderBy(asc(indicatorEntries.seq));
  return rows.map((r) => ({
    ...r,
    indicatorId: r.indicatorId as IndicatorId,
    dataVersions: (r.dataVersions ?? null) as Record<string, string> | null,
  }));
}

/** Inserts entries (and a report) and rewrites the project's aggregate row from the whole ledger, inside `tx`. */
async function appendIn(tx: Db, projectId: string, entries: readonly EntryValues[], at: Date, report?: { name: string; content: Buffer }): Promise<string[]> {
  // Serialises ledger writes per project, so the aggregate row is always computed from a complete ledger.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`indicator_entries:${projectId}`}))`);
  const ids: string[] = [];
  for (const values of entries) {
    const inserted = await tx.insert(indicatorEntries).values({ projectId, ...values, recordedAt: at }).returning({ id: indicatorEntries.id });
    const id = inserted[0]?.id;
    if (id === undefined) throw new Error('insert into indicator_entries returned no row');
    ids.push(id);
  }
  const first = ids[0];
  if (report && first !== undefined) {
    await tx.insert(indicatorReports).values({ entryId: first, name: report.name, sizeBytes: report.content.length, content: report.content });
  }
  const figures = ledgerFigures(await entriesOf(tx, projectId));
  const row = {
    officialMpg: figures.officialMpg,
    indicativeMpg: figures.indicativeMpg,
    officialStoredCarbonT: figures.officialStoredCarbonT,
    indicativeStoredCarbonT: figures.indicativeStoredCarbonT,
    hnn: figures.hnnValues,
    updatedAt: at,
  };
  await tx.insert(projectMonitoring).values({ projectId, ...row }).onConflictDoUpdate({ target: projectMonitoring.projectId, set: row });
  return ids;
}

export function createMonitoringRepository(db: Db) {
  return {
    entries: (projectId: string) => entriesOf(db, projectId),

    /** One transaction: entries, optional report PDF, aggregate row. */
    appendAndRefresh: (projectId: string, entries: readonly EntryValues[], at: Date, report?: { name: string; content: Buffer }) =>
      db.transaction((tx) => appendIn(tx, projectId, entries, at, report)),

    async report(projectId: string, entryId: string): Promise<{ name: string; content: Buffer } | null> {
      const rows = await db
        .select({ name: indicatorReports.name, content: indicatorReports.content })
        .from(indicatorReports)
        .innerJoin(indicatorEntries, eq(indicatorEntries.id, indicatorReports.entryId))
        .where(and(eq(indicatorEntries.projectId, projectId), eq(indicatorReports.entryId, entryId)));
      return rows[0] ?? null;
    },

    async municipalityName(code: string): Promise<string | null> {
      const rows = await db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.code, code));
      return rows[0]?.name ?? null;
    },

    async municipalityNames(codes: readonly string[]): Promise<Map<string, string>> {
      const rows = await db.select({ code: municipalities.code, name: municipalities.name }).from(municipalities).where(inArray(municipalities.code, [...codes]));
      return new Map(rows.map((r) => [r.code, r.name]));
    },

    /** Every project of the municipalities with its stored aggregate row (null when it has no ledger yet). */
    async aggregateRows(municipalityCodes: string | readonly string[]): Promise<AggregateRowRecord[]> {
      const codes = typeof municipalityCodes === 'string' ? [municipalityCodes] : [...municipalityCodes];
      const rows = await db
        .select({
          projectId: projects.id,
          name: projects.name,
          municipalityCode: projects.municipalityCode,
          kind: projects.kind,
          phase: projects.phase,
          dwellings: projects.dwellings,
          buildingType: projects.buildingType,
          conceptName: projects.conceptName,
          visibility: projects.visibility,
          ownerOrganisationId: projects.ownerOrganisationId,
          opgeleverdDate: projects.opgeleverdDate,
          realisatieDate: projects.realisatieDate,
          ontwerpDate: projects.ontwerpDate,
          initiatiefDate: projects.initiatiefDate,
          createdAt: projects.createdAt,
          lat: projects.lat,
          lon: projects.lon,
          officialMpg: projectMonitoring.officialMpg,
          indicativeMpg: projectMonitoring.indicativeMpg,
          officialStoredCarbonT: projectMonitoring.officialStoredCarbonT,
          indicativeStoredCarbonT: projectMonitoring.indicativeStoredCarbonT,
          hnn: projectMonitoring.hnn,
          // Only confidential projects need their parties (for canViewProject); public ones skip the subquery.
          parties: sql<string[]>`case when ${projects.visibility} = 'vertrouwelijk' then coalesce((select array_agg(pp.organisation_id::text) from project_parties pp where pp.project_id = ${projects.id}), '{}') else '{}' end`,
        })
        .from(projects)
        .leftJoin(projectMonitoring, eq(projectMonitoring.projectId, projects.id))
        .where(codes.length === 1 ? eq(projects.municipalityCode, codes[0] ?? '') : inArray(projects.municipalityCode, codes))
        .orderBy(asc(projects.name));
      return rows.map((r) => ({
        projectId: r.projectId,
        name: r.name,
        municipalityCode: r.municipalityCode,
        kind: r.kind,
        phase: r.phase,
        dwellings: r.dwellings,
        buildingType: r.buildingType,
        conceptName: r.conceptName,
        visibility: r.visibility,
        ownerOrganisationId: r.ownerOrganisationId,
        partyOrganisationIds: r.parties,
        opgeleverdDate: r.opgeleverdDate,
        realisatieDate: r.realisatieDate,
        ontwerpDate: r.ontwerpDate,
        initiatiefDate: r.initiatiefDate,
        createdAt: r.createdAt,
        lat: r.lat,
        lon: r.lon,
        figures:
          r.hnn === null
            ? null
            : {
                officialMpg: r.officialMpg,
                indicativeMpg: r.indicativeMpg,
                officialStoredCarbonT: r.officialStoredCarbonT,
                indicativeStoredCarbonT: r.indicativeStoredCarbonT,
                hnnValues: r.hnn as LedgerFigures['hnnValues'],
              },
      }));
    },

    /** Tests: the stored aggregate rows of some projects, to compare with a recomputation from the ledger. */
    async storedFigures(projectIds: readonly string[]) {
      if (projectIds.length === 0) return [];
      return db.select().from(projectMonitoring).where(inArray(projectMonitoring.projectId, [...projectIds]));
    },
  };
}

export type MonitoringRepository = ReturnType<typeof createMonitoringRepository>;

/**
 * The passport hook: when a version is vastgesteld, its stored indicators become `berekend` ledger entries — called
 * by the passports repository inside the publish transaction (`tx`), so publishing and the ledger commit together.
 */
export async function recordPublishedVersion(
  tx: Db,
  input: { projectId: string; versionId: string; publishedBy: string | null; at: Date },
  toEntries: (indicators: unknown, version: { id: string; number: number }) => EntryValues[],
): Promise<void> {
  const rows = await tx
    .select({ id: passportVersions.id, number: passportVersions.number, indicators: passportVersions.indicators })
    .from(passportVersions)
    .where(and(eq(passportVersions.projectId, input.projectId), eq(passportVersions.id, input.versionId)));
  const version = rows[0];
  if (version === undefined || version.indicators === null) return;
  const entries = toEntries(version.indicators, { id: version.id, number: version.number }).map((e) => ({ ...e, recordedBy: input.publishedBy }));
  if (entries.length === 0) return;
  await appendIn(tx, input.projectId, entries, input.at);
}
