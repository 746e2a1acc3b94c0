/**
 * SQL of monitoring: the append-only indicator ledger, attached report PDFs, the per-project aggregate row and the
 * dashboard aggregation over those rows. Every ledger write goes through `appendAndRefresh`, which inserts entries and
 * rewrites the project's ledger figures in one transaction; the project facts in the same row follow every project
 * write through a trigger (migration 0008). So the dashboards never drift from the ledger or the projects. Each entry's
 * phase at recording is set by the insert trigger `indicator_entries_record_phase` (migration 0014), not here.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DashboardProjectSort } from '@kringbouw/contracts';
import type { ProjectVisibilityScope } from '@kringbouw/domain/authz';
import type { HnnIndicatorId, IndicatorId, LedgerSource, PhaseSource } from '@kringbouw/domain/monitoring';
import { checkHnnLevel, hnnIndicatorIds, ledgerFigures } from '@kringbouw/domain/monitoring';
import { buildingTypes, projectKinds, projectPhases, type ProjectKind, type ProjectPhase } from '@kringbouw/domain/projects';
import type { Db } from '../../db/index.ts';
import { indicatorEntries, indicatorReports, municipalities, passportVersions, projectMonitoring, users } from '../../db/schema.ts';

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
  /** The project's phase when the entry was written (set by the insert trigger, migration 0014); see `PhaseSource`. */
  phase: ProjectPhase | null;
  phaseSource: PhaseSource;
  recordedByName: string | null;
  reportName: string | null;
  reportSize: number | null;
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
      phase: indicatorEntries.phase,
      phaseSource: indicatorEntries.phaseSource,
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
    phase: projectPhases.find((phase) => phase === r.phase) ?? null,
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
    hnnMpg: figures.hnnValues.mpg,
    hnnEmbodiedCarbon: figures.hnnValues.embodiedCarbon,
    hnnMaterialOrigin: figures.hnnValues.materialOrigin,
    hnnDetachability: figures.hnnValues.detachability,
    updatedAt: at,
  };
  // The row exists from the project's insert on (trigger projects_sync_monitoring, migration 0008).
  const updated = await tx.update(projectMonitoring).set(row).where(eq(projectMonitoring.projectId, projectId)).returning({ projectId: projectMonitoring.projectId });
  if (updated.length !== 1) throw new Error(`project_monitoring has no row for project ${projectId}`);
  return ids;
}


/**
 * One dashboard cell: the projects of one municipality × phase × monitoring year × (visible to the viewer or not) —
 * after the kind/year filter, which the query applies — with the additive sums every dashboard figure is made of. Computed in SQL from `project_monitoring` alone (its
 * ledger figures and the project facts the trigger copies), so a dashboard reads a few hundred cells, not every project.
 */
export interface MonitoringCell {
  municipalityCode: string;
  phase: ProjectPhase;
  year: number;
  /** May the viewer see these projects (canViewProject)? Hidden cells hold only confidential projects. */
  visible: boolean;
  projects: number;
  dwellings: number;
  /** Projects / dwellings with a concept (industrialised or conceptual building). */
  industrialisedProjects: number;
  industrialisedDwellings: number;
  /** Σ and count of the official MPGs (indicative MPGs never enter an average). */
  officialMpgSum: number;
  officialMpgCount: number;
  /** Σ official stored biogenic CO₂ (t); Σ indicative stored CO₂ of projects without an official figure (t). */
  storedCarbonOfficialT: number;
  storedCarbonIndicativeT: number;
  /** Per HNN indicator: projects meeting the level, projects with a checked value (voldoet + voldoet niet). */
  hnn: Record<HnnIndicatorId, { met: number; checked: number }>;
}

export interface CellQuery {
  municipalityCodes: readonly string[];
  kind?: ProjectKind | undefined;
  year?: number | undefined;
}

export interface DashboardProjectRecord {
  id: string;
  name: string;
  kind: ProjectKind;
  phase: ProjectPhase;
  year: number;
  dwellings: number;
  officialMpg: number | null;
  indicativeMpg: number | null;
  lat: number | null;
  lon: number | null;
}

/** A text column normalised as the pure rules do (`oneOf`): unknown values count as `fallback`. */
function normalised(column: SQL, values: readonly string[], fallback: string): SQL {
  return sql`(case when ${column} in (${sql.join(values.map((v) => sql`${v}`), sql`, `)}) then ${column} else ${fallback} end)`;
}

function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return (values as readonly string[]).includes(value) ? (value as T) : fallback;
}

const kindSql = normalised(sql`m.kind`, projectKinds, 'nieuwbouw');
const phaseSql = normalised(sql`m.phase`, projectPhases, 'initiatief');

/**
 * `checkHnnLevel` of the displayed value in SQL: true (voldoet), false (voldoet niet) or null (niet berekend / geen
 * niveau), against the project's current building type (unknown types as gestapeld, like the pure rules). The levels
 * come from the same method data (hnn-levels.json) through `checkHnnLevel`, so SQL and domain cannot disagree.
 */
function hnnMetSql(id: HnnIndicatorId): SQL {
  const value = sql.identifier(`hnn_${id.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`);
  const test = (buildingType: (typeof buildingTypes)[number]): SQL => {
    const { level, comparison } = checkHnnLevel(id, 0, buildingType);
    if (level === null || comparison === 'none') return sql`null::boolean`;
    return comparison === 'max' ? sql`(${value} <= ${level}::float8)` : sql`(${value} >= ${level}::float8)`;
  };
  const branches = buildingTypes.map((t) => sql`when m.building_type = ${t} then ${test(t)}`);
  return sql`(case ${sql.join(branches, sql` `)} else ${test('gestapeld')} end)`;
}

/**
 * canViewProject as SQL for one viewer over the aggregate row's copied facts (the same rule as projects.repository's
 * list scope): public, or the viewer is in the owner or a party organisation, or the coordinator (scope `all`).
 */
function visibleSql(scope: ProjectVisibilityScope): SQL {
  if (scope.kind === 'all') return sql`true`;
  if (scope.kind === 'none' || scope.organisationIds.length === 0) return sql`(not m.confidential)`;
  const ids = sql.join(scope.organisationIds.map((id) => sql`${id}::uuid`), sql`, `);
  return sql`(not m.confidential or m.owner_organisation_id in (${ids}) or exists (select 1 from project_parties pp where pp.project_id = m.project_id and pp.organisation_id in (${ids})))`;
}

function whereSql(query: CellQuery): SQL {
  const codes = sql.join(query.municipalityCodes.map((c) => sql`${c}`), sql`, `);
  const conditions = [sql`m.municipality_code in (${codes})`];
  if (query.kind !== undefined) conditions.push(sql`${kindSql} = ${query.kind}`);
  if (query.year !== undefined) conditions.push(sql`m.year = ${query.year}`);
  return sql.join(conditions, sql` and `);
}

/** Rows of `db.execute` on both drivers (node-postgres and PGlite both answer `{ rows }`). */
async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

interface CellRow {
  municipality_code: string;
  phase: string;
  year: number;
  visible: boolean;
  projects: number;
  dwellings: number;
  industrialised_projects: number;
  industrialised_dwellings: number;
  official_mpg_sum: number | null;
  official_mpg_count: number;
  stored_official: number | null;
  stored_indicative: number | null;
  [hnn: `hnn_${string}`]: number;
}

/**
 * Sums of doubles are taken over the values rounded to whole units of 1e-9 €/m²/yr (MPG) or 1e-6 t (stored CO₂): sums
 * of whole numbers in float8 are exact below 2^53, so they do not depend on row order or plan and the same projects
 * give bit-identical figures in every query (numeric or int8 sums would be exact too, but cost far more per group).
 */
const MPG_UNIT = 1e9;
const CARBON_UNIT = 1e6;

/**
 * The dashboard cells of some municipalities for one viewer: one pass over the projects (inner query, every per-row
 * expression evaluated once) grouped by municipality × phase × year × visible, after the kind/year filter.
 */
async function cellsOf(db: Db, scope: ProjectVisibilityScope, query: CellQuery): Promise<MonitoringCell[]> {
  if (query.municipalityCodes.length === 0) return [];
  const hnnInner = hnnIndicatorIds.map((id) => sql`${hnnMetSql(id)} as ${sql.identifier(`met_${id}`)}`);
  const hnnOuter = hnnIndicatorIds.map((id) => {
    const met = sql.identifier(`met_${id}`);
    return sql`count(*) filter (where ${met})::int as ${sql.identifier(`hnn_${id}_met`)}, count(${met})::int as ${sql.identifier(`hnn_${id}_checked`)}`;
  });
  const whole = (column: SQL, unit: number) => sql`round(${column} * ${unit}::float8)`;
  const rows = await rowsOf<CellRow>(
    db,
    sql`
      select municipality_code, phase, year, visible,
             count(*)::int as projects,
             coalesce(sum(dwellings), 0)::int as dwellings,
             count(*) filter (where industrialised)::int as industrialised_projects,
             coalesce(sum(dwellings) filter (where industrialised), 0)::int as industrialised_dwellings,
             sum(official_mpg) / ${MPG_UNIT}::float8 as official_mpg_sum,
             count(official_mpg)::int as official_mpg_count,
             sum(stored_official) / ${CARBON_UNIT}::float8 as stored_official,
             sum(stored_indicative) filter (where stored_official is null) / ${CARBON_UNIT}::float8 as stored_indicative,
             ${sql.join(hnnOuter, sql`, `)}
      from (
        select m.municipality_code, m.phase, m.year, ${visibleSql(scope)} as visible, m.dwellings, m.industrialised,
               ${whole(sql`m.official_mpg`, MPG_UNIT)} as official_mpg,
               ${whole(sql`m.official_stored_carbon_t`, CARBON_UNIT)} as stored_official,
               ${whole(sql`m.indicative_stored_carbon_t`, CARBON_UNIT)} as stored_indicative,
               ${sql.join(hnnInner, sql`, `)}
        from project_monitoring m
        where ${whereSql(query)}
        offset 0
      ) r
      group by 1, 2, 3, 4
      order by 1, 2, 3, 4`,
  );
  return rows.map((r) => {
    const hnn = {} as MonitoringCell['hnn'];
    for (const id of hnnIndicatorIds) hnn[id] = { met: Number(r[`hnn_${id}_met`]), checked: Number(r[`hnn_${id}_checked`]) };
    return {
      municipalityCode: r.municipality_code,
      phase: oneOf(projectPhases, r.phase, 'initiatief'),
      year: Number(r.year),
      visible: r.visible,
      projects: Number(r.projects),
      dwellings: Number(r.dwellings),
      industrialisedProjects: Number(r.industrialised_projects),
      industrialisedDwellings: Number(r.industrialised_dwellings),
      officialMpgSum: Number(r.official_mpg_sum ?? 0),
      officialMpgCount: Number(r.official_mpg_count),
      storedCarbonOfficialT: Number(r.stored_official ?? 0),
      storedCarbonIndicativeT: Number(r.stored_indicative ?? 0),
      hnn,
    };
  });
}

/** Sort key of the list → ORDER BY: the column (nulls last), then name and id so every order is total and stable. */
function orderSql(sort: DashboardProjectSort): SQL {
  const descending = sort.startsWith('-');
  const dir = descending ? sql`desc` : sql`asc`;
  const key = (descending ? sort.slice(1) : sort) as 'name' | 'year' | 'dwellings' | 'officialMpg' | 'indicativeMpg';
  if (key === 'name') return sql`m.name ${dir}, m.project_id ${dir}`;
  const column = { year: sql`m.year`, dwellings: sql`m.dwellings`, officialMpg: sql`m.official_mpg`, indicativeMpg: sql`m.indicative_mpg` }[key];
  return sql`${column} ${dir} nulls last, m.name, m.project_id`;
}

const listColumns = sql`m.project_id as id, m.name, ${kindSql} as kind, ${phaseSql} as phase, m.year, m.dwellings,
  m.official_mpg as "officialMpg", m.indicative_mpg as "indicativeMpg", m.lat, m.lon`;

interface ListRow {
  id: string;
  name: string;
  kind: string;
  phase: string;
  year: number;
  dwellings: number;
  officialMpg: number | null;
  indicativeMpg: number | null;
  lat: number | null;
  lon: number | null;
}

const nullableNumber = (v: number | string | null): number | null => (v === null ? null : Number(v));

function listRecord(r: ListRow): DashboardProjectRecord {
  return {
    id: r.id,
    name: r.name,
    kind: oneOf(projectKinds, r.kind, 'nieuwbouw'),
    phase: oneOf(projectPhases, r.phase, 'initiatief'),
    year: Number(r.year),
    dwellings: Number(r.dwellings),
    officialMpg: nullableNumber(r.officialMpg),
    indicativeMpg: nullableNumber(r.indicativeMpg),
    lat: nullableNumber(r.lat),
    lon: nullableNumber(r.lon),
  };
}

/**
 * One page of the projects of some municipalities the viewer may see (filters kind/year), ordered by `sort` — LIMIT /
 * OFFSET in SQL; the default order (name, id) walks project_monitoring_list_idx (migration 0012) and stops after the page.
 */
async function projectPageOf(db: Db, scope: ProjectVisibilityScope, query: CellQuery, page: { offset: number; limit: number; sort: DashboardProjectSort }): Promise<DashboardProjectRecord[]> {
  if (query.municipalityCodes.length === 0) return [];
  const rows = await rowsOf<ListRow>(
    db,
    sql`select ${listColumns} from project_monitoring m
        where ${whereSql(query)} and ${visibleSql(scope)}
        order by ${orderSql(page.sort)} limit ${page.limit} offset ${page.offset}`,
  );
  return rows.map(listRecord);
}

/** How many projects of the municipalities the viewer may see (filters kind/year). */
async function projectCountOf(db: Db, scope: ProjectVisibilityScope, query: CellQuery): Promise<number> {
  if (query.municipalityCodes.length === 0) return 0;
  const rows = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from project_monitoring m where ${whereSql(query)} and ${visibleSql(scope)}`);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Every visible project in the default order (name, id), in batches by keyset on (name, id) — so a CSV of any size
 * is written while it is read, with bounded memory and no OFFSET cost growing with the position.
 */
async function* allProjectsOf(db: Db, scope: ProjectVisibilityScope, query: CellQuery, batchSize = 2000): AsyncGenerator<DashboardProjectRecord[]> {
  if (query.municipalityCodes.length === 0) return;
  let after: { name: string; id: string } | null = null;
  for (;;) {
    const keyset: SQL = after === null ? sql`true` : sql`(m.name, m.project_id) > (${after.name}, ${after.id}::uuid)`;
    const rows: ListRow[] = await rowsOf<ListRow>(
      db,
      sql`select ${listColumns} from project_monitoring m
          where ${whereSql(query)} and ${visibleSql(scope)} and ${keyset}
          order by m.name, m.project_id limit ${batchSize}`,
    );
    if (rows.length > 0) yield rows.map(listRecord);
    const last = rows[rows.length - 1];
    if (rows.length < batchSize || last === undefined) return;
    after = { name: last.name, id: last.id };
  }
}

export interface MapColumnsRecord {
  id: string[];
  name: string[];
  phase: ProjectPhase[];
  lat: number[];
  lon: number[];
  dwellings: number[];
  mpg: (number | null)[];
  standing: ('officieel' | 'indicatief' | 'geen')[];
}

const noMapColumns = (): MapColumnsRecord => ({ id: [], name: [], phase: [], lat: [], lon: [], dwellings: [], mpg: [], standing: [] });

/**
 * The visible projects with a location, only what the map draws, as columns — built as one JSON text value in SQL,
 * because decoding thousands of rows field by field costs more than the query (PGlite especially), and one array per
 * column because objects per point made SQL build (and the client parse) every key 9,000 times. Coordinates are
 * rounded to 1e-5° (about 1 m) and the MPG to 3 decimals (the popup shows 2) in double precision (cheaper than
 * numeric; the shortest text of the rounded double is the rounded decimal), and the points come in no particular
 * order (a map needs none; sorting 9k names by collation cost a tenth of the request).
 */
async function mapColumnsOf(db: Db, scope: ProjectVisibilityScope, query: CellQuery): Promise<MapColumnsRecord> {
  if (query.municipalityCodes.length === 0) return noMapColumns();
  const rows = await rowsOf<{ columns: string | null }>(
    db,
    sql`
      select case when count(*) = 0 then null else json_build_object(
               'id', json_agg(m.project_id), 'name', json_agg(m.name), 'phase', json_agg(${phaseSql}),
               'lat', json_agg(round(m.lat * 1e5) / 1e5), 'lon', json_agg(round(m.lon * 1e5) / 1e5), 'dwellings', json_agg(m.dwellings),
               'mpg', json_agg(round(coalesce(m.official_mpg, m.indicative_mpg) * 1e3) / 1e3),
               'standing', json_agg(case when m.official_mpg is not null then 'officieel' when m.indicative_mpg is not null then 'indicatief' else 'geen' end)
             )::text end as columns
      from project_monitoring m
      where ${whereSql(query)} and ${visibleSql(scope)} and m.lat is not null and m.lon is not null`,
  );
  const columns = rows[0]?.columns ?? null;
  return columns === null ? noMapColumns() : (JSON.parse(columns) as MapColumnsRecord);
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

    /** Dashboard cells (municipality × phase × year × visible, filtered by kind/year) for one viewer; see {@link MonitoringCell}. */
    cells: (scope: ProjectVisibilityScope, query: CellQuery) => cellsOf(db, scope, query),

    /** One page of the projects the viewer may see, with their official/indicative MPG, sorted. */
    projectPage: (scope: ProjectVisibilityScope, query: CellQuery, page: { offset: number; limit: number; sort: DashboardProjectSort }) => projectPageOf(db, scope, query, page),

    /** How many projects the viewer may see (the length of the full list). */
    projectCount: (scope: ProjectVisibilityScope, query: CellQuery) => projectCountOf(db, scope, query),

    /** Every visible project by name, in keyset batches (CSV). */
    allProjects: (scope: ProjectVisibilityScope, query: CellQuery, batchSize?: number) => allProjectsOf(db, scope, query, batchSize),

    /** The visible projects with a location, as the map draws them. */
    mapColumns: (scope: ProjectVisibilityScope, query: CellQuery) => mapColumnsOf(db, scope, query),

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
