import { and, asc, count, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { MembershipRole, OrganisationKind } from '@kringbouw/domain/organisations';
import type { Db } from '../../db/index.ts';
import { memberships, municipalities, organisations, users } from '../../db/schema.ts';

export interface OrganisationRecord {
  id: string;
  name: string;
  shortName: string | null;
  kind: OrganisationKind;
  municipalityCode: string | null;
  website: string | null;
  cityDealSignatory: boolean;
  memberCount: number;
}

export interface MemberRecord {
  userId: string;
  name: string;
  email: string;
  role: MembershipRole;
  joinedAt: Date;
}

export interface OrganisationValues {
  name: string;
  shortName: string | null;
  kind: OrganisationKind;
  municipalityCode: string | null;
  website: string | null;
  cityDealSignatory: boolean;
}

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const memberCount = sql<number>`(select count(*)::int from ${memberships} where ${memberships.organisationId} = ${organisations.id})`;

const organisationColumns = {
  id: organisations.id,
  name: organisations.name,
  shortName: organisations.shortName,
  kind: organisations.kind,
  municipalityCode: organisations.municipalityCode,
  website: organisations.website,
  cityDealSignatory: organisations.cityDealSignatory,
  memberCount,
};

type OrganisationRow = Omit<OrganisationRecord, 'kind'> & { kind: string };
const toRecord = (row: OrganisationRow): OrganisationRecord => ({
  ...row,
  kind: row.kind as OrganisationKind,
  memberCount: Number(row.memberCount),
});

function queries(db: Db) {
  return {
    async list(filter: { q?: string | undefined; kind?: OrganisationKind | undefined }): Promise<OrganisationRecord[]> {
      const conditions: SQL[] = [];
      if (filter.q) {
        const pattern = likePattern(filter.q);
        const match = or(ilike(organisations.name, pattern), ilike(organisations.shortName, pattern));
        if (match) conditions.push(match);
      }
      if (filter.kind) conditions.push(eq(organisations.kind, filter.kind));
      const rows = await db
        .select(organisationColumns)
        .from(organisations)
        .where(conditions.length > 0 ? and(...conditions) : undefined)
        .orderBy(asc(organisations.name));
      return rows.map(toRecord);
    },

    async findById(id: string): Promise<OrganisationRecord | null> {
      const rows = await db.select(organisationColumns).from(organisations).where(eq(organisations.id, id));
      const row = rows[0];
      return row === undefined ? null : toRecord(row);
    },

    async nameTaken(name: string, exceptId: string | null): Promise<boolean> {
      const rows = await db
        .select({ id: organisations.id })
        .from(organisations)
        .where(sql`lower(${organisations.name}) = lower(${name})`);
      return rows.some((row) => row.id !== exceptId);
    },

    async create(values: OrganisationValues): Promise<string> {
      const rows = await db.insert(organisations).values(values).returning({ id: organisations.id });
      const row = rows[0];
      if (row === undefined) throw new Error('insert into organisations returned no row');
      return row.id;
    },

    async update(id: string, values: Partial<OrganisationValues>): Promise<void> {
      if (Object.keys(values).length === 0) return;
      await db.update(organisations).set(values).where(eq(organisations.id, id));
    },

    async count(): Promise<number> {
      const rows = await db.select({ n: count() }).from(organisations);
      return Number(rows[0]?.n ?? 0);
    },

    async idsByName(): Promise<Map<string, string>> {
      const rows = await db.select({ id: organisations.id, name: organisations.name }).from(organisations);
      return new Map(rows.map((row) => [row.name, row.id]));
    },

    async existingIds(ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, [...ids]));
      return new Set(rows.map((row) => row.id));
    },

    async municipalityExists(code: string): Promise<boolean> {
      const rows = await db.select({ code: municipalities.code }).from(municipalities).where(eq(municipalities.code, code));
      return rows.length > 0;
    },

    async members(organisationId: string): Promise<MemberRecord[]> {
      const rows = await db
        .select({
          userId: users.id,
          name: users.name,
          email: users.email,
          role: memberships.role,
          joinedAt: memberships.createdAt,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(eq(memberships.organisationId, organisationId))
        .orderBy(asc(users.name));
      return rows;
    },

    async membership(organisationId: string, userId: string): Promise<MemberRecord | null> {
      const all = await db
        .select({
          userId: users.id,
          name: users.name,
          email: users.email,
          role: memberships.role,
          joinedAt: memberships.createdAt,
        })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
      return all[0] ?? null;
    },

    /**
     * Counts the beheerders and locks their rows until the transaction ends, so two simultaneous demotions cannot
     * both see "there is another beheerder" and leave none.
     */
    async countBeheerders(organisationId: string): Promise<number> {
      const rows = await db
        .select({ userId: memberships.userId })
        .from(memberships)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'beheerder')))
        .for('update');
      return rows.length;
    },

    async setMemberRole(organisationId: string, userId: string, role: MembershipRole): Promise<void> {
      await db
        .update(memberships)
        .set({ role })
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
    },

    async removeMember(organisationId: string, userId: string): Promise<void> {
      await db
        .delete(memberships)
        .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
    },

    /** Adds the membership, or raises the role when the person is already a member with a lower one. */
    async addMembership(organisationId: string, userId: string, role: MembershipRole): Promise<void> {
      await db
        .insert(memberships)
        .values({ organisationId, userId, role })
        .onConflictDoUpdate({
          target: [memberships.userId, memberships.organisationId],
          set: {
            role: sql`case when array_position(array['lezer','bewerker','beheerder'], excluded.role) > array_position(array['lezer','bewerker','beheerder'], ${memberships.role}) then excluded.role else ${memberships.role} end`,
          },
        });
    },
  };
}

export type OrganisationsRepository = ReturnType<typeof queries> & {
  transaction<T>(fn: (repository: OrganisationsRepository) => Promise<T>): Promise<T>;
};

export function createOrganisationsRepository(db: Db): OrganisationsRepository {
  return { ...queries(db), transaction: (fn) => db.transaction((tx) => fn(createOrganisationsRepository(tx))) };
}
