/** SQL of material passports: versions (whole passport as one jsonb document), kept IFC files and settings. */
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/index.ts';
import { passportFiles, passportSettings, passportVersions, users } from '../../db/schema.ts';

export type PassportStatusValue = 'concept' | 'vastgesteld';

/** What a version's row holds besides the document; `document`, `indicators` and `importReport` are plain JSON. */
export interface VersionValues {
  label: string;
  source: string;
  basedOnVersionId: string | null;
  document: unknown;
  indicators: unknown;
  indicatorsUnavailable: string | null;
  importReport: unknown;
  elementCount: number;
  lineCount: number;
  unmappedCount: number;
  mpg: number | null;
  gwpA1a5: number | null;
}

export interface VersionSummaryRecord {
  id: string;
  projectId: string;
  number: number;
  label: string;
  status: PassportStatusValue;
  source: string;
  basedOnVersionId: string | null;
  elementCount: number;
  lineCount: number;
  unmappedCount: number;
  mpg: number | null;
  gwpA1a5: number | null;
  revision: number;
  createdAt: Date;
  createdById: string | null;
  createdByName: string | null;
  updatedAt: Date;
  publishedAt: Date | null;
  publishedById: string | null;
  publishedByName: string | null;
  originalFileName: string | null;
  originalFileSize: number | null;
}

export interface VersionRecord extends VersionSummaryRecord {
  document: unknown;
  indicators: unknown;
  indicatorsUnavailable: string | null;
  importReport: unknown;
}

const creator = alias(users, 'creator');
const publisher = alias(users, 'publisher');

const summaryColumns = {
  id: passportVersions.id,
  projectId: passportVersions.projectId,
  number: passportVersions.number,
  label: passportVersions.label,
  status: passportVersions.status,
  source: passportVersions.source,
  basedOnVersionId: passportVersions.basedOnVersionId,
  elementCount: passportVersions.elementCount,
  lineCount: passportVersions.lineCount,
  unmappedCount: passportVersions.unmappedCount,
  mpg: passportVersions.mpg,
  gwpA1a5: passportVersions.gwpA1a5,
  revision: passportVersions.revision,
  createdAt: passportVersions.createdAt,
  createdById: passportVersions.createdBy,
  createdByName: creator.name,
  updatedAt: passportVersions.updatedAt,
  publishedAt: passportVersions.publishedAt,
  publishedById: passportVersions.publishedBy,
  publishedByName: publisher.name,
  originalFileName: passportFiles.name,
  originalFileSize: passportFiles.sizeBytes,
};

/** Called inside the publish transaction (monitoring writes the computed indicators to the project's ledger). */
export type OnPublished = (tx: Db, published: { projectId: string; versionId: string; publishedBy: string; at: Date }) => Promise<void>;

function queries(db: Db, onPublished?: OnPublished) {
  const summaries = () =>
    db
      .select(summaryColumns)
      .from(passportVersions)
      .leftJoin(creator, eq(creator.id, passportVersions.createdBy))
      .leftJoin(publisher, eq(publisher.id, passportVersions.publishedBy))
      .leftJoin(passportFiles, eq(passportFiles.versionId, passportVersions.id));

  return {
    async list(projectId: string): Promise<VersionSummaryRecord[]> {
      return summaries().where(eq(passportVersions.projectId, projectId)).orderBy(asc(passportVersions.number));
    },

    async find(projectId: string, versionId: string): Promise<VersionRecord | null> {
      const rows = await db
        .select({
          ...summaryColumns,
          document: passportVersions.document,
          indicators: passportVersions.indicators,
          indicatorsUnavailable: passportVersions.indicatorsUnavailable,
          importReport: passportVersions.importReport,
        })
        .from(passportVersions)
        .leftJoin(creator, eq(creator.id, passportVersions.createdBy))
        .leftJoin(publisher, eq(publisher.id, passportVersions.publishedBy))
        .leftJoin(passportFiles, eq(passportFiles.versionId, passportVersions.id))
        .where(and(eq(passportVersions.projectId, projectId), eq(passportVersions.id, versionId)));
      return rows[0] ?? null;
    },

    /** Everything of a version except its document (for answering with a document already in memory). */
    async findMeta(projectId: string, versionId: string): Promise<Omit<VersionRecord, 'document'> | null> {
      const rows = await db
        .select({
          ...summaryColumns,
          indicators: passportVersions.indicators,
          indicatorsUnavailable: passportVersions.indicatorsUnavailable,
          importReport: passportVersions.importReport,
        })
        .from(passportVersions)
        .leftJoin(creator, eq(creator.id, passportVersions.createdBy))
        .leftJoin(publisher, eq(publisher.id, passportVersions.publishedBy))
        .leftJoin(passportFiles, eq(passportFiles.versionId, passportVersions.id))
        .where(and(eq(passportVersions.projectId, projectId), eq(passportVersions.id, versionId)));
      return rows[0] ?? null;
    },

    /** Inserts a concept with the next number of the project (and the original file, when given): one transaction. */
    async insert(
      projectId: string,
      values: VersionValues,
      meta: { createdBy: string | null; now: Date; file?: { name: string; content: Buffer } | undefined; beforeCommit?: () => void },
    ): Promise<string> {
      return db.transaction(async (tx) => {
        // Serialises concurrent inserts for one project, so numbers stay 1, 2, 3 … without gaps or clashes.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`passport_versions:${projectId}`}))`);
        const next = await tx
          .select({ n: sql<number>`coalesce(max(${passportVersions.number}), 0) + 1` })
          .from(passportVersions)
          .where(eq(passportVersions.projectId, projectId));
        const inserted = await tx
          .insert(passportVersions)
          .values({
            projectId,
            number: Number(next[0]?.n ?? 1),
            status: 'concept',
            ...values,
            createdBy: meta.createdBy,
            createdAt: meta.now,
            updatedAt: meta.now,
          })
          .returning({ id: passportVersions.id });
        const id = inserted[0]?.id;
        if (id === undefined) throw new Error('insert into passport_versions returned no row');
        if (meta.file) {
          await tx.insert(passportFiles).values({ versionId: id, name: meta.file.name, sizeBytes: meta.file.content.length, content: meta.file.content });
        }
        // Last chance to give up (a cancelled import): throwing here rolls everything back.
        meta.beforeCommit?.();
        return id;
      });
    },

    /** Replaces a concept's content when its revision is still `expectedRevision`; false otherwise. */
    async update(projectId: string, versionId: string, expectedRevision: number, values: Partial<VersionValues>, now: Date): Promise<boolean> {
      const updated = await db
        .update(passportVersions)
        .set({ ...values, updatedAt: now, revision: sql`${passportVersions.revision} + 1` })
        .where(
          and(
            eq(passportVersions.projectId, projectId),
            eq(passportVersions.id, versionId),
            eq(passportVersions.status, 'concept'),
            eq(passportVersions.revision, expectedRevision),
          ),
        )
        .returning({ id: passportVersions.id });
      return updated.length > 0;
    },

    async publish(projectId: string, versionId: string, expectedRevision: number, by: string, now: Date): Promise<boolean> {
      return db.transaction(async (tx) => {
        const updated = await tx
          .update(passportVersions)
          .set({ status: 'vastgesteld', publishedAt: now, publishedBy: by, updatedAt: now, revision: sql`${passportVersions.revision} + 1` })
          .where(
            and(
              eq(passportVersions.projectId, projectId),
              eq(passportVersions.id, versionId),
              eq(passportVersions.status, 'concept'),
              eq(passportVersions.revision, expectedRevision),
            ),
          )
          .returning({ id: passportVersions.id });
        if (updated.length > 0 && onPublished) await onPublished(tx, { projectId, versionId, publishedBy: by, at: now });
        return updated.length > 0;
      });
    },

    async deleteConcept(projectId: string, versionId: string): Promise<boolean> {
      const deleted = await db
        .delete(passportVersions)
        .where(and(eq(passportVersions.projectId, projectId), eq(passportVersions.id, versionId), eq(passportVersions.status, 'concept')))
        .returning({ id: passportVersions.id });
      return deleted.length > 0;
    },

    async originalFile(versionId: string): Promise<{ name: string; content: Buffer } | null> {
      const rows = await db.select({ name: passportFiles.name, content: passportFiles.content }).from(passportFiles).where(eq(passportFiles.versionId, versionId));
      return rows[0] ?? null;
    },

    async settings(organisationId: string): Promise<{ keepOriginalIfc: boolean }> {
      const rows = await db.select({ keepOriginalIfc: passportSettings.keepOriginalIfc }).from(passportSettings).where(eq(passportSettings.organisationId, organisationId));
      return rows[0] ?? { keepOriginalIfc: false };
    },

    async saveSettings(organisationId: string, settings: { keepOriginalIfc: boolean }, now: Date): Promise<void> {
      await db
        .insert(passportSettings)
        .values({ organisationId, keepOriginalIfc: settings.keepOriginalIfc, updatedAt: now })
        .onConflictDoUpdate({ target: passportSettings.organisationId, set: { keepOriginalIfc: settings.keepOriginalIfc, updatedAt: now } });
    },

    /** Row counts of the passport tables (tests prove refused imports wrote nothing). */
    async counts(): Promise<{ versions: number; files: number }> {
      const [versions] = await db.select({ n: count() }).from(passportVersions);
      const [files] = await db.select({ n: count() }).from(passportFiles);
      return { versions: Number(versions?.n ?? 0), files: Number(files?.n ?? 0) };
    },
  };
}

export type PassportsRepository = ReturnType<typeof queries>;

export function createPassportsRepository(db: Db, onPublished?: OnPublished): PassportsRepository {
  return queries(db, onPublished);
}
