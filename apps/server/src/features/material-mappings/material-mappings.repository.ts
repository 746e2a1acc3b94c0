/** SQL of the organisations' material → profile mappings. */
import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/index.ts';
import { materialMappings, users } from '../../db/schema.ts';
import { likePattern } from '../organisations/organisations.repository.ts';

export type MappingOriginValue = 'manual' | 'suggested' | 'imported';

export interface MappingRecord {
  id: string;
  organisationId: string;
  materialName: string;
  normalizedName: string;
  profileId: string;
  origin: MappingOriginValue;
  updatedById: string | null;
  updatedByName: string | null;
  updatedAt: Date;
}

const columns = {
  id: materialMappings.id,
  organisationId: materialMappings.organisationId,
  materialName: materialMappings.materialName,
  normalizedName: materialMappings.normalizedName,
  profileId: materialMappings.profileId,
  origin: materialMappings.origin,
  updatedById: materialMappings.updatedBy,
  updatedByName: users.name,
  updatedAt: materialMappings.updatedAt,
};

function queries(db: Db) {
  const select = () => db.select(columns).from(materialMappings).leftJoin(users, eq(users.id, materialMappings.updatedBy));

  return {
    async list(organisationId: string, filter: { q?: string | undefined; origin?: MappingOriginValue | undefined }): Promise<MappingRecord[]> {
      const conditions: (SQL | undefined)[] = [eq(materialMappings.organisationId, organisationId)];
      if (filter.q) {
        const pattern = likePattern(filter.q);
        conditions.push(or(ilike(materialMappings.materialName, pattern), ilike(materialMappings.profileId, pattern)));
      }
      if (filter.origin) conditions.push(eq(materialMappings.origin, filter.origin));
      return select().where(and(...conditions)).orderBy(asc(materialMappings.normalizedName));
    },

    /** The organisation's mappings for these normalised names, keyed by normalised name. */
    async byNames(organisationId: string, normalizedNames: readonly string[]): Promise<Map<string, MappingRecord>> {
      const found = new Map<string, MappingRecord>();
      if (normalizedNames.length === 0) return found;
      const unique = [...new Set(normalizedNames)];
      for (let i = 0; i < unique.length; i += 1000) {
        const rows = await select().where(and(eq(materialMappings.organisationId, organisationId), inArray(materialMappings.normalizedName, unique.slice(i, i + 1000))));
        for (const row of rows) found.set(row.normalizedName, row);
      }
      return found;
    },

    async find(organisationId: string, id: string): Promise<MappingRecord | null> {
      const rows = await select().where(and(eq(materialMappings.organisationId, organisationId), eq(materialMappings.id, id)));
      return rows[0] ?? null;
    },

    /** Insert or replace the mapping of one normalised name; returns its id. */
    async upsert(values: { organisationId: string; materialName: string; normalizedName: string; profileId: string; origin: MappingOriginValue; updatedBy: string | null; now: Date }): Promise<string> {
      const rows = await db
        .insert(materialMappings)
        .values({ ...values, updatedAt: values.now })
        .onConflictDoUpdate({
          target: [materialMappings.organisationId, materialMappings.normalizedName],
          set: { profileId: values.profileId, origin: values.origin, updatedBy: values.updatedBy, updatedAt: values.now },
        })
        .returning({ id: materialMappings.id });
      const id = rows[0]?.id;
      if (id === undefined) throw new Error('upsert into material_mappings returned no row');
      return id;
    },

    /** Adds mappings for names that have none yet (never overwrites); used for profiles learned from imported files. */
    async insertMissing(rows: readonly { organisationId: string; materialName: string; normalizedName: string; profileId: string; origin: MappingOriginValue; updatedBy: string | null; now: Date }[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 500) {
        const chunk = rows.slice(i, i + 500).map(({ now, ...rest }) => ({ ...rest, updatedAt: now }));
        if (chunk.length > 0) await db.insert(materialMappings).values(chunk).onConflictDoNothing();
      }
    },

    async delete(organisationId: string, id: string): Promise<boolean> {
      const deleted = await db
        .delete(materialMappings)
        .where(and(eq(materialMappings.organisationId, organisationId), eq(materialMappings.id, id)))
        .returning({ id: materialMappings.id });
      return deleted.length > 0;
    },

    async count(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(materialMappings);
      return Number(row?.n ?? 0);
    },
  };
}

export type MaterialMappingsRepository = ReturnType<typeof queries>;

export function createMaterialMappingsRepository(db: Db): MaterialMappingsRepository {
  return queries(db);
}
