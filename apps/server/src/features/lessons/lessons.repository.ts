/** SQL of lessons (City Deal monitoring level 1). */
import { and, asc, desc, eq, inArray, lte, type SQL } from 'drizzle-orm';
import type { LessonTheme } from '@kringbouw/domain/monitoring';
import type { Db } from '../../db/index.ts';
import { lessons, organisations, users } from '../../db/schema.ts';

export interface LessonRecord {
  id: string;
  organisationId: string;
  organisationName: string;
  organisationMunicipalityCode: string | null;
  authorId: string | null;
  authorName: string | null;
  year: number;
  theme: string;
  accelerators: string;
  blockers: string;
  createdAt: Date;
}

export interface LessonFilter {
  year?: number | undefined;
  /** Every year up to and including this one. */
  upToYear?: number | undefined;
  organisationId?: string | undefined;
  theme?: LessonTheme | undefined;
  /** Lessons of organisations based in this municipality. */
  municipalityCode?: string | undefined;
}

export function createLessonsRepository(db: Db) {
  return {
    async list(filter: LessonFilter): Promise<LessonRecord[]> {
      const where: SQL[] = [];
      if (filter.year !== undefined) where.push(eq(lessons.year, filter.year));
      if (filter.upToYear !== undefined) where.push(lte(lessons.year, filter.upToYear));
      if (filter.organisationId !== undefined) where.push(eq(lessons.organisationId, filter.organisationId));
      if (filter.theme !== undefined) where.push(eq(lessons.theme, filter.theme));
      if (filter.municipalityCode !== undefined) where.push(eq(organisations.municipalityCode, filter.municipalityCode));
      return db
        .select({
          id: lessons.id,
          organisationId: lessons.organisationId,
          organisationName: organisations.name,
          organisationMunicipalityCode: organisations.municipalityCode,
          authorId: lessons.authorId,
          authorName: users.name,
          year: lessons.year,
          theme: lessons.theme,
          accelerators: lessons.accelerators,
          blockers: lessons.blockers,
          createdAt: lessons.createdAt,
        })
        .from(lessons)
        .innerJoin(organisations, eq(organisations.id, lessons.organisationId))
        .leftJoin(users, eq(users.id, lessons.authorId))
        .where(where.length === 0 ? undefined : and(...where))
        .orderBy(desc(lessons.year), asc(organisations.name), desc(lessons.createdAt));
    },

    async insert(values: { organisationId: string; authorId: string; year: number; theme: LessonTheme; accelerators: string; blockers: string; createdAt: Date }): Promise<string> {
      const [row] = await db.insert(lessons).values(values).returning({ id: lessons.id });
      if (row === undefined) throw new Error('lesson insert returned nothing');
      return row.id;
    },

    async organisationNames(ids: readonly string[] | 'all'): Promise<{ id: string; name: string }[]> {
      if (ids !== 'all' && ids.length === 0) return [];
      return db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisations)
        .where(ids === 'all' ? undefined : inArray(organisations.id, [...ids]))
        .orderBy(asc(organisations.name));
    },
  };
}

export type LessonsRepository = ReturnType<typeof createLessonsRepository>;
