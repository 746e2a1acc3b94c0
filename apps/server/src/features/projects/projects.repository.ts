import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { ProjectVisibilityScope } from '@kringbouw/domain/authz';
import {
  projectPhases,
  type BuildingType,
  type PartyRole,
  type ProjectKind,
  type ProjectPhase,
  type Visibility,
} from '@kringbouw/domain/projects';
import type { Db } from '../../db/index.ts';
import { municipalities, organisations, projectParties, projects } from '../../db/schema.ts';
import { likePattern } from '../organisations/organisations.repository.ts';

export interface ProjectValues {
  name: string;
  description: string;
  municipalityCode: string;
  lat: number | null;
  lon: number | null;
  kind: ProjectKind;
  phase: ProjectPhase;
  initiatiefDate: string | null;
  ontwerpDate: string | null;
  realisatieDate: string | null;
  opgeleverdDate: string | null;
  dwellings: number;
  bvoM2: number | null;
  buildingType: BuildingType;
  conceptName: string | null;
  conceptSupplier: string | null;
  visibility: Visibility;
}

export interface PartyRecord {
  organisationId: string;
  organisationName: string;
  role: PartyRole;
}

export interface ProjectRecord extends ProjectValues {
  id: string;
  municipalityName: string;
  isExample: boolean;
  ownerOrganisationId: string;
  createdAt: Date;
  updatedAt: Date;
  version: number;
  parties: PartyRecord[];
}

export interface ProjectListFilter {
  q?: string | undefined;
  /** Municipalities whose (everyday) name matches q; projects there match the search too. */
  qMunicipalityCodes?: readonly string[] | undefined;
  municipality?: string | undefined;
  kind?: ProjectKind | undefined;
  phase?: ProjectPhase | undefined;
  organisation?: string | undefined;
  sort: 'name' | 'municipality' | 'phase' | 'dwellings' | 'updatedAt';
  order: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

const columns = {
  id: projects.id,
  name: projects.name,
  description: projects.description,
  municipalityCode: projects.municipalityCode,
  municipalityName: municipalities.name,
  lat: projects.lat,
  lon: projects.lon,
  kind: projects.kind,
  phase: projects.phase,
  initiatiefDate: projects.initiatiefDate,
  ontwerpDate: projects.ontwerpDate,
  realisatieDate: projects.realisatieDate,
  opgeleverdDate: projects.opgeleverdDate,
  dwellings: projects.dwellings,
  bvoM2: projects.bvoM2,
  buildingType: projects.buildingType,
  conceptName: projects.conceptName,
  conceptSupplier: projects.conceptSupplier,
  visibility: projects.visibility,
  isExample: projects.isExample,
  ownerOrganisationId: projects.ownerOrganisationId,
  createdAt: projects.createdAt,
  updatedAt: projects.updatedAt,
  version: projects.version,
};

/** The visibility rule of packages/domain/src/authz as SQL: confidential rows never leave the database for others. */
function visibleTo(scope: ProjectVisibilityScope): SQL | undefined {
  if (scope.kind === 'all') return undefined;
  if (scope.kind === 'none') return sql`false`;
  const ids = scope.organisationIds;
  if (ids.length === 0) return eq(projects.visibility, 'openbaar');
  return or(
    eq(projects.visibility, 'openbaar'),
    inArray(projects.ownerOrganisationId, ids),
    sql`exists (select 1 from ${projectParties} where ${projectParties.projectId} = ${projects.id} and ${inArray(projectParties.organisationId, ids)})`,
  );
}

const phaseOrder = sql`array_position(array[${sql.join(
  projectPhases.map((phase) => sql`${phase}`),
  sql`, `,
)}]::text[], ${projects.phase})`;

function sortExpression(sort: ProjectListFilter['sort']) {
  switch (sort) {
    case 'name':
      return sql`lower(${projects.name})`;
    case 'municipality':
      return sql`lower(${municipalities.name})`;
    case 'phase':
      return phaseOrder;
    case 'dwellings':
      return projects.dwellings;
    case 'updatedAt':
      return projects.updatedAt;
  }
}

type Row = Awaited<ReturnType<ReturnType<typeof selectRows>>>[number];
function selectRows(db: Db) {
  return () => db.select(columns).from(projects).innerJoin(municipalities, eq(municipalities.code, projects.municipalityCode));
}

function toRecord(row: Row, parties: PartyRecord[]): ProjectRecord {
  return {
    ...row,
    kind: row.kind as ProjectKind,
    phase: row.phase as ProjectPhase,
    buildingType: row.buildingType as BuildingType,
    parties,
  };
}

function queries(db: Db) {
  const rows = selectRows(db);

  async function partiesOf(projectIds: readonly string[]): Promise<Map<string, PartyRecord[]>> {
    const byProject = new Map<string, PartyRecord[]>();
    if (projectIds.length === 0) return byProject;
    const partyRows = await db
      .select({
        projectId: projectParties.projectId,
        organisationId: projectParties.organisationId,
        organisationName: organisations.name,
        role: projectParties.role,
      })
      .from(projectParties)
      .innerJoin(organisations, eq(organisations.id, projectParties.organisationId))
      .where(inArray(projectParties.projectId, [...projectIds]))
      .orderBy(asc(projectParties.position));
    for (const { projectId, ...party } of partyRows) {
      const list = byProject.get(projectId) ?? [];
      list.push({ ...party, role: party.role as PartyRole });
      byProject.set(projectId, list);
    }
    return byProject;
  }

  async function insertParties(projectId: string, parties: readonly { organisationId: string; role: PartyRole }[]) {
    if (parties.length === 0) return;
    await db
      .insert(projectParties)
      .values(parties.map((party, position) => ({ projectId, organisationId: party.organisationId, role: party.role, position })))
      .onConflictDoNothing();
  }

  return {
    async list(scope: ProjectVisibilityScope, filter: ProjectListFilter): Promise<{ items: ProjectRecord[]; total: number }> {
      const conditions: (SQL | undefined)[] = [visibleTo(scope)];
      if (filter.q) {
        const pattern = likePattern(filter.q);
        const byMunicipality = filter.qMunicipalityCodes?.length ? inArray(projects.municipalityCode, [...filter.qMunicipalityCodes]) : undefined;
        conditions.push(
          or(ilike(projects.name, pattern), ilike(projects.description, pattern), ilike(municipalities.name, pattern), byMunicipality),
        );
      }
      if (filter.municipality) conditions.push(eq(projects.municipalityCode, filter.municipality));
      if (filter.kind) conditions.push(eq(projects.kind, filter.kind));
      if (filter.phase) conditions.push(eq(projects.phase, filter.phase));
      if (filter.organisation) {
        conditions.push(
          or(
            eq(projects.ownerOrganisationId, filter.organisation),
            sql`exists (select 1 from ${projectParties} where ${projectParties.projectId} = ${projects.id} and ${projectParties.organisationId} = ${filter.organisation})`,
          ),
        );
      }
      const where = and(...conditions);

      const totals = await db
        .select({ n: count() })
        .from(projects)
        .innerJoin(municipalities, eq(municipalities.code, projects.municipalityCode))
        .where(where);
      const direction = filter.order === 'asc' ? asc : desc;
      const page = await rows()
        .where(where)
        .orderBy(direction(sortExpression(filter.sort)), asc(projects.id))
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize);
      const parties = await partiesOf(page.map((row) => row.id));
      return {
        items: page.map((row) => toRecord(row, parties.get(row.id) ?? [])),
        total: Number(totals[0]?.n ?? 0),
      };
    },

    async findById(id: string): Promise<ProjectRecord | null> {
      const found = await rows().where(eq(projects.id, id));
      const row = found[0];
      if (row === undefined) return null;
      const parties = await partiesOf([id]);
      return toRecord(row, parties.get(id) ?? []);
    },

    async create(
      values: ProjectValues & { ownerOrganisationId: string; createdBy: string | null; isExample: boolean; now: Date },
      parties: readonly { organisationId: string; role: PartyRole }[],
    ): Promise<string> {
      const { now, ...rest } = values;
      const inserted = await db
        .insert(projects)
        .values({ ...rest, createdAt: now, updatedAt: now })
        .returning({ id: projects.id });
      const id = inserted[0]?.id;
      if (id === undefined) throw new Error('insert into projects returned no row');
      await insertParties(id, parties);
      return id;
    },

    /** Optimistic concurrency: updates only when the stored version is the one the client read. */
    async update(
      id: string,
      expectedVersion: number,
      values: ProjectValues,
      parties: readonly { organisationId: string; role: PartyRole }[],
      now: Date,
    ): Promise<boolean> {
      const updated = await db
        .update(projects)
        .set({ ...values, updatedAt: now, version: sql`${projects.version} + 1` })
        .where(and(eq(projects.id, id), eq(projects.version, expectedVersion)))
        .returning({ id: projects.id });
      if (updated.length === 0) return false;
      await db.delete(projectParties).where(eq(projectParties.projectId, id));
      await insertParties(id, parties);
      return true;
    },

    async delete(id: string): Promise<void> {
      await db.delete(projects).where(eq(projects.id, id));
    },

    async count(): Promise<number> {
      const result = await db.select({ n: count() }).from(projects);
      return Number(result[0]?.n ?? 0);
    },
  };
}

export type ProjectsRepository = ReturnType<typeof queries> & {
  transaction<T>(fn: (repository: ProjectsRepository) => Promise<T>): Promise<T>;
};

export function createProjectsRepository(db: Db): ProjectsRepository {
  return { ...queries(db), transaction: (fn) => db.transaction((tx) => fn(createProjectsRepository(tx))) };
}
