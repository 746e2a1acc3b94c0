/**
 * SQL of prestatieafspraken: agreements with their parties and versions (signed ones are immutable — trigger in
 * migration 0007), approvals, evidence, comments, the append-only audit trail, notifications, and the projects
 * and ledgers progress reads.
 */
import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { AgreementPartyRole, AgreementState, AgreementVisibility, Commitment, EvaluationRecord, FieldChange } from '@kringbouw/domain/agreements';
import type { ProjectVisibilityScope } from '@kringbouw/domain/authz';
import type { IndicatorId, LedgerEntry } from '@kringbouw/domain/monitoring';
import type { ProjectKind } from '@kringbouw/domain/projects';
import type { Db } from '../../db/index.ts';
import {
  agreementApprovals,
  agreementAudit,
  agreementComments,
  agreementEvidence,
  agreementEvidenceFiles,
  agreementParties,
  agreements,
  agreementVersions,
  indicatorEntries,
  memberships,
  municipalities,
  notifications,
  organisations,
  projectParties,
  projects,
  users,
} from '../../db/schema.ts';

export interface PartyContent {
  organisationId: string;
  role: AgreementPartyRole;
  tenantsOfOrganisationId: string | null;
}

/** What one version holds (stored as jsonb in agreement_versions.content). */
export interface AgreementContent {
  title: string;
  description: string;
  periodStartYear: number;
  periodEndYear: number;
  visibility: AgreementVisibility;
  parties: PartyContent[];
  commitments: Commitment[];
}

export interface AgreementRow {
  id: string;
  title: string;
  municipalityCode: string;
  municipalityName: string;
  periodStartYear: number;
  periodEndYear: number;
  visibility: AgreementVisibility;
  state: AgreementState;
  revision: number;
  workingVersion: number;
  signedVersion: number | null;
  bidSubmittedAt: Date | null;
  negotiationStartedAt: Date | null;
  signedAt: Date | null;
  evaluations: EvaluationRecord[];
  isExample: boolean;
  createdBy: { id: string; name: string } | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PartyRecord extends PartyContent {
  organisationName: string;
}

export interface VersionRecord {
  number: number;
  content: AgreementContent;
  createdAt: Date;
  createdBy: { id: string; name: string } | null;
  signedAt: Date | null;
}

export interface ApprovalRecord {
  versionNumber: number;
  revision: number;
  organisationId: string;
  organisationName: string;
  approvedBy: { id: string; name: string };
  approvedAt: Date;
  note: string | null;
}

export interface OrganisationFacts {
  id: string;
  name: string;
  kind: string;
  municipalityCode: string | null;
}

export interface EvidenceRecord {
  id: string;
  commitmentId: string;
  note: string;
  date: string;
  documentTitle: string | null;
  documentUrl: string | null;
  /** The uploaded document's facts (its bytes: {@link evidenceFile}). */
  file: { name: string; mediaType: string; sizeBytes: number } | null;
  organisationId: string;
  organisationName: string;
  recordedBy: { id: string; name: string } | null;
  recordedAt: Date;
}

export interface EvidenceFileValues {
  name: string;
  mediaType: string;
  content: Buffer;
}

export interface CommentRecord {
  id: string;
  commitmentId: string | null;
  body: string;
  organisationId: string;
  organisationName: string;
  evaluationYear: number | null;
  author: { id: string; name: string } | null;
  createdAt: Date;
}

export interface AuditRecord {
  id: string;
  seq: number;
  at: Date;
  actor: { id: string; name: string } | null;
  action: string;
  entity: string;
  entityId: string | null;
  versionNumber: number | null;
  changes: FieldChange[];
}

export interface AuditValues {
  agreementId: string;
  at: Date;
  actorId: string | null;
  action: string;
  entity: 'agreement' | 'commitment' | 'approval' | 'evidence' | 'comment';
  entityId: string | null;
  versionNumber: number | null;
  changes: FieldChange[];
}

export interface NotificationRecord {
  id: string;
  kind: string;
  agreementId: string;
  agreementTitle: string;
  commitmentId: string | null;
  actor: { id: string; name: string } | null;
  organisationName: string | null;
  createdAt: Date;
  readAt: Date | null;
}

export interface ProgressProjectRecord {
  id: string;
  name: string;
  kind: ProjectKind;
  dwellings: number;
  visibility: 'openbaar' | 'vertrouwelijk';
  ownerOrganisationId: string;
  partyOrganisationIds: string[];
  ledger: (LedgerEntry & { recordedAt: Date })[];
}

export interface AgreementListFilter {
  scope: ProjectVisibilityScope;
  q?: string | undefined;
  municipality?: string | undefined;
  organisation?: string | undefined;
  state?: AgreementState | undefined;
  /** Periods covering this year. */
  year?: number | undefined;
  page: number;
  pageSize: number;
}

const ref = (id: string | null, name: string | null) => (id === null || name === null ? null : { id, name });

const agreementColumns = {
  id: agreements.id,
  title: agreements.title,
  municipalityCode: agreements.municipalityCode,
  municipalityName: municipalities.name,
  periodStartYear: agreements.periodStartYear,
  periodEndYear: agreements.periodEndYear,
  visibility: agreements.visibility,
  state: agreements.state,
  revision: agreements.revision,
  workingVersion: agreements.workingVersion,
  signedVersion: agreements.signedVersion,
  bidSubmittedAt: agreements.bidSubmittedAt,
  negotiationStartedAt: agreements.negotiationStartedAt,
  signedAt: agreements.signedAt,
  evaluations: agreements.evaluations,
  isExample: agreements.isExample,
  createdById: agreements.createdBy,
  createdByName: users.name,
  createdAt: agreements.createdAt,
  updatedAt: agreements.updatedAt,
};

type AgreementSelect = { [K in keyof typeof agreementColumns]: unknown } & {
  id: string;
  title: string;
  municipalityCode: string;
  municipalityName: string;
  periodStartYear: number;
  periodEndYear: number;
  visibility: AgreementVisibility;
  state: string;
  revision: number;
  workingVersion: number;
  signedVersion: number | null;
  bidSubmittedAt: Date | null;
  negotiationStartedAt: Date | null;
  signedAt: Date | null;
  evaluations: unknown;
  isExample: boolean;
  createdById: string | null;
  createdByName: string | null;
  createdAt: Date;
  updatedAt: Date;
};

function toAgreementRow(r: AgreementSelect): AgreementRow {
  const { createdById, createdByName, ...rest } = r;
  return { ...rest, state: r.state as AgreementState, evaluations: (r.evaluations ?? []) as EvaluationRecord[], createdBy: ref(createdById, createdByName) };
}

/** canViewAgreement as SQL (same rule as the policy). */
function visibleSql(scope: ProjectVisibilityScope): SQL {
  if (scope.kind === 'all') return sql`true`;
  if (scope.kind === 'none') return sql`false`;
  if (scope.organisationIds.length === 0) return sql`${agreements.visibility} = 'openbaar'`;
  return sql`(${agreements.visibility} = 'openbaar' or exists (select 1 from ${agreementParties} ap where ap.agreement_id = ${agreements.id} and ap.organisation_id in (${sql.join(
    scope.organisationIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})))`;
}

function buildRepository(db: Db) {
  async function findRow(tx: Db, id: string, lock = false): Promise<AgreementRow | null> {
    if (lock) await tx.execute(sql`select 1 from agreements where id = ${id} for update`);
    const rows = await tx
      .select(agreementColumns)
      .from(agreements)
      .innerJoin(municipalities, eq(municipalities.code, agreements.municipalityCode))
      .leftJoin(users, eq(users.id, agreements.createdBy))
      .where(eq(agreements.id, id));
    const row = rows[0];
    return row === undefined ? null : toAgreementRow(row as AgreementSelect);
  }

  async function partiesOf(tx: Db, agreementIds: readonly string[]): Promise<Map<string, PartyRecord[]>> {
    const out = new Map<string, PartyRecord[]>();
    if (agreementIds.length === 0) return out;
    const rows = await tx
      .select({ agreementId: agreementParties.agreementId, organisationId: agreementParties.organisationId, role: agreementParties.role, tenantsOfOrganisationId: agreementParties.tenantsOfOrganisationId, organisationName: organisations.name })
      .from(agreementParties)
      .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
      .where(inArray(agreementParties.agreementId, [...agreementIds]))
      .orderBy(asc(agreementParties.position));
    for (const r of rows) {
      const list = out.get(r.agreementId) ?? [];
      list.push({ organisationId: r.organisationId, role: r.role as AgreementPartyRole, tenantsOfOrganisationId: r.tenantsOfOrganisationId, organisationName: r.organisationName });
      out.set(r.agreementId, list);
    }
    return out;
  }

  return {
    findRow: (id: string, lock = false) => findRow(db, id, lock),

    async parties(agreementId: string): Promise<PartyRecord[]> {
      return (await partiesOf(db, [agreementId])).get(agreementId) ?? [];
    },

    async list(filter: AgreementListFilter): Promise<{ rows: (AgreementRow & { parties: PartyRecord[]; commitmentCount: number })[]; total: number }> {
      const conditions: SQL[] = [visibleSql(filter.scope)];
      if (filter.q) conditions.push(ilike(agreements.title, `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`));
      if (filter.municipality) conditions.push(eq(agreements.municipalityCode, filter.municipality));
      if (filter.state) conditions.push(eq(agreements.state, filter.state));
      if (filter.year !== undefined) conditions.push(lte(agreements.periodStartYear, filter.year), gte(agreements.periodEndYear, filter.year));
      if (filter.organisation) conditions.push(sql`exists (select 1 from ${agreementParties} ap2 where ap2.agreement_id = ${agreements.id} and ap2.organisation_id = ${filter.organisation}::uuid)`);
      const where = and(...conditions);
      const [totalRow] = await db.select({ n: count() }).from(agreements).where(where);
      const rows = await db
        .select({ ...agreementColumns, commitmentCount: sql<number>`jsonb_array_length(${agreementVersions.content} -> 'commitments')` })
        .from(agreements)
        .innerJoin(municipalities, eq(municipalities.code, agreements.municipalityCode))
        .leftJoin(users, eq(users.id, agreements.createdBy))
        .innerJoin(agreementVersions, and(eq(agreementVersions.agreementId, agreements.id), eq(agreementVersions.number, agreements.workingVersion)))
        .where(where)
        .orderBy(desc(agreements.updatedAt), asc(agreements.id))
        .limit(filter.pageSize)
        .offset((filter.page - 1) * filter.pageSize);
      const parties = await partiesOf(db, rows.map((r) => r.id));
      return {
        total: Number(totalRow?.n ?? 0),
        rows: rows.map(({ commitmentCount, ...r }) => ({ ...toAgreementRow(r as AgreementSelect), parties: parties.get(r.id) ?? [], commitmentCount: Number(commitmentCount) })),
      };
    },

    async versions(agreementId: string): Promise<VersionRecord[]> {
      const rows = await db
        .select({ number: agreementVersions.number, content: agreementVersions.content, createdAt: agreementVersions.createdAt, createdById: agreementVersions.createdBy, createdByName: users.name, signedAt: agreementVersions.signedAt })
        .from(agreementVersions)
        .leftJoin(users, eq(users.id, agreementVersions.createdBy))
        .where(eq(agreementVersions.agreementId, agreementId))
        .orderBy(asc(agreementVersions.number));
      return rows.map((r) => ({ number: r.number, content: r.content as AgreementContent, createdAt: r.createdAt, createdBy: ref(r.createdById, r.createdByName), signedAt: r.signedAt }));
    },

    async version(agreementId: string, number: number): Promise<VersionRecord | null> {
      const rows = await db
        .select({ number: agreementVersions.number, content: agreementVersions.content, createdAt: agreementVersions.createdAt, createdById: agreementVersions.createdBy, createdByName: users.name, signedAt: agreementVersions.signedAt })
        .from(agreementVersions)
        .leftJoin(users, eq(users.id, agreementVersions.createdBy))
        .where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.number, number)));
      const r = rows[0];
      return r === undefined ? null : { number: r.number, content: r.content as AgreementContent, createdAt: r.createdAt, createdBy: ref(r.createdById, r.createdByName), signedAt: r.signedAt };
    },

    async approvals(agreementId: string): Promise<ApprovalRecord[]> {
      const rows = await db
        .select({
          versionNumber: agreementApprovals.versionNumber,
          revision: agreementApprovals.revision,
          organisationId: agreementApprovals.organisationId,
          organisationName: organisations.name,
          approvedById: agreementApprovals.approvedBy,
          approvedByName: users.name,
          approvedAt: agreementApprovals.approvedAt,
          note: agreementApprovals.note,
        })
        .from(agreementApprovals)
        .innerJoin(organisations, eq(organisations.id, agreementApprovals.organisationId))
        .leftJoin(users, eq(users.id, agreementApprovals.approvedBy))
        .where(and(eq(agreementApprovals.agreementId, agreementId), isNull(agreementApprovals.withdrawnAt)))
        .orderBy(asc(agreementApprovals.approvedAt));
      return rows.map(({ approvedById, approvedByName, ...r }) => ({ ...r, approvedBy: { id: approvedById, name: approvedByName ?? '—' } }));
    },

    async organisations(ids: readonly string[]): Promise<OrganisationFacts[]> {
      if (ids.length === 0) return [];
      return db
        .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, municipalityCode: organisations.municipalityCode })
        .from(organisations)
        .where(inArray(organisations.id, [...new Set(ids)]));
    },

    async municipalityName(code: string): Promise<string | null> {
      const rows = await db.select({ name: municipalities.name }).from(municipalities).where(eq(municipalities.code, code));
      return rows[0]?.name ?? null;
    },

    /** Which of the ids are projects in the municipality. */
    async projectsIn(municipalityCode: string, ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const rows = await db.select({ id: projects.id }).from(projects).where(and(eq(projects.municipalityCode, municipalityCode), inArray(projects.id, [...new Set(ids)])));
      return new Set(rows.map((r) => r.id));
    },

    async userName(userId: string): Promise<string | null> {
      const rows = await db.select({ name: users.name }).from(users).where(eq(users.id, userId));
      return rows[0]?.name ?? null;
    },

    async insertAgreement(values: { content: AgreementContent; municipalityCode: string; state: AgreementState; createdBy: string | null; at: Date; isExample?: boolean }): Promise<string> {
      const { content } = values;
      const inserted = await db
        .insert(agreements)
        .values({
          title: content.title,
          municipalityCode: values.municipalityCode,
          periodStartYear: content.periodStartYear,
          periodEndYear: content.periodEndYear,
          visibility: content.visibility,
          state: values.state,
          isExample: values.isExample ?? false,
          createdBy: values.createdBy,
          createdAt: values.at,
          updatedAt: values.at,
        })
        .returning({ id: agreements.id });
      const id = inserted[0]?.id;
      if (id === undefined) throw new Error('insert into agreements returned no row');
      await db.insert(agreementVersions).values({ agreementId: id, number: 1, content, createdBy: values.createdBy, createdAt: values.at });
      await replaceParties(db, id, content.parties);
      return id;
    },

    /** Writes the working version's content and mirrors its header on the agreement row (unsigned versions only). */
    async saveWorkingContent(agreementId: string, version: number, content: AgreementContent, municipalityCode: string, at: Date, newVersion: { createdBy: string | null } | null): Promise<void> {
      if (newVersion !== null) {
        await db.insert(agreementVersions).values({ agreementId, number: version, content, createdBy: newVersion.createdBy, createdAt: at });
      } else {
        await db.update(agreementVersions).set({ content }).where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.number, version)));
      }
      await db
        .update(agreements)
        .set({ title: content.title, municipalityCode, periodStartYear: content.periodStartYear, periodEndYear: content.periodEndYear, visibility: content.visibility, workingVersion: version, revision: sql`${agreements.revision} + 1`, updatedAt: at })
        .where(eq(agreements.id, agreementId));
      await replaceParties(db, agreementId, content.parties);
    },

    async updateCycle(
      agreementId: string,
      values: Partial<{ state: AgreementState; bidSubmittedAt: Date | null; negotiationStartedAt: Date | null; signedAt: Date | null; signedVersion: number; evaluations: EvaluationRecord[] }>,
      at: Date,
    ): Promise<void> {
      await db.update(agreements).set({ ...values, updatedAt: at }).where(eq(agreements.id, agreementId));
    },

    async signVersion(agreementId: string, number: number, at: Date): Promise<void> {
      await db.update(agreementVersions).set({ signedAt: at }).where(and(eq(agreementVersions.agreementId, agreementId), eq(agreementVersions.number, number), isNull(agreementVersions.signedAt)));
    },

    async insertApproval(values: { agreementId: string; versionNumber: number; revision: number; organisationId: string; approvedBy: string; at: Date; note: string | null }): Promise<void> {
      await db.insert(agreementApprovals).values({ agreementId: values.agreementId, versionNumber: values.versionNumber, revision: values.revision, organisationId: values.organisationId, approvedBy: values.approvedBy, approvedAt: values.at, note: values.note });
    },

    async approvedOrganisations(agreementId: string, revision: number): Promise<string[]> {
      const rows = await db
        .select({ organisationId: agreementApprovals.organisationId })
        .from(agreementApprovals)
        .where(and(eq(agreementApprovals.agreementId, agreementId), eq(agreementApprovals.revision, revision), isNull(agreementApprovals.withdrawnAt)));
      return rows.map((r) => r.organisationId);
    },

    /**
     * Marks the organisation's approval of `revision` withdrawn (the row stays, with who and when); returns what was
     * approved, or null when there was no approval in force.
     */
    async withdrawApproval(values: { agreementId: string; revision: number; organisationId: string; withdrawnBy: string; at: Date }): Promise<{ approvedAt: Date; approvedBy: string; note: string | null } | null> {
      const rows = await db
        .update(agreementApprovals)
        .set({ withdrawnAt: values.at, withdrawnBy: values.withdrawnBy })
        .where(
          and(
            eq(agreementApprovals.agreementId, values.agreementId),
            eq(agreementApprovals.revision, values.revision),
            eq(agreementApprovals.organisationId, values.organisationId),
            isNull(agreementApprovals.withdrawnAt),
          ),
        )
        .returning({ approvedAt: agreementApprovals.approvedAt, approvedBy: agreementApprovals.approvedBy, note: agreementApprovals.note });
      return rows[0] ?? null;
    },

    async evidence(agreementId: string): Promise<EvidenceRecord[]> {
      const rows = await db
        .select({
          id: agreementEvidence.id,
          commitmentId: agreementEvidence.commitmentId,
          note: agreementEvidence.note,
          date: agreementEvidence.date,
          documentTitle: agreementEvidence.documentTitle,
          documentUrl: agreementEvidence.documentUrl,
          fileName: agreementEvidenceFiles.name,
          fileMediaType: agreementEvidenceFiles.mediaType,
          fileSizeBytes: agreementEvidenceFiles.sizeBytes,
          organisationId: agreementEvidence.organisationId,
          organisationName: organisations.name,
          recordedById: agreementEvidence.recordedBy,
          recordedByName: users.name,
          recordedAt: agreementEvidence.recordedAt,
        })
        .from(agreementEvidence)
        .innerJoin(organisations, eq(organisations.id, agreementEvidence.organisationId))
        .leftJoin(users, eq(users.id, agreementEvidence.recordedBy))
        .leftJoin(agreementEvidenceFiles, eq(agreementEvidenceFiles.evidenceId, agreementEvidence.id))
        .where(eq(agreementEvidence.agreementId, agreementId))
        .orderBy(asc(agreementEvidence.date), asc(agreementEvidence.recordedAt));
      return rows.map(({ recordedById, recordedByName, fileName, fileMediaType, fileSizeBytes, ...r }) => ({
        ...r,
        file: fileName === null || fileMediaType === null || fileSizeBytes === null ? null : { name: fileName, mediaType: fileMediaType, sizeBytes: fileSizeBytes },
        recordedBy: ref(recordedById, recordedByName),
      }));
    },

    /** Inserts evidence and, when given, its document (call inside a transaction so both or neither are stored). */
    async insertEvidence(values: { agreementId: string; commitmentId: string; note: string; date: string; documentTitle: string | null; documentUrl: string | null; organisationId: string; recordedBy: string; at: Date; file?: EvidenceFileValues | null }): Promise<string> {
      const { file, ...row } = values;
      const inserted = await db.insert(agreementEvidence).values({ ...row, recordedAt: values.at }).returning({ id: agreementEvidence.id });
      const id = inserted[0]?.id;
      if (id === undefined) throw new Error('insert into agreement_evidence returned no row');
      if (file !== undefined && file !== null) {
        await db.insert(agreementEvidenceFiles).values({ evidenceId: id, name: file.name, mediaType: file.mediaType, sizeBytes: file.content.length, content: file.content });
      }
      return id;
    },

    /** The document of one evidence row of the agreement, with its bytes; null when there is none. */
    async evidenceFile(agreementId: string, evidenceId: string): Promise<(EvidenceFileValues & { sizeBytes: number }) | null> {
      const rows = await db
        .select({ name: agreementEvidenceFiles.name, mediaType: agreementEvidenceFiles.mediaType, sizeBytes: agreementEvidenceFiles.sizeBytes, content: agreementEvidenceFiles.content })
        .from(agreementEvidenceFiles)
        .innerJoin(agreementEvidence, eq(agreementEvidence.id, agreementEvidenceFiles.evidenceId))
        .where(and(eq(agreementEvidence.agreementId, agreementId), eq(agreementEvidenceFiles.evidenceId, evidenceId)));
      return rows[0] ?? null;
    },

    async comments(agreementId: string, filter: { commitmentId?: string | undefined; evaluationYear?: number | undefined }): Promise<CommentRecord[]> {
      const conditions: SQL[] = [eq(agreementComments.agreementId, agreementId)];
      if (filter.commitmentId !== undefined) conditions.push(eq(agreementComments.commitmentId, filter.commitmentId));
      if (filter.evaluationYear !== undefined) conditions.push(eq(agreementComments.evaluationYear, filter.evaluationYear));
      const rows = await db
        .select({
          id: agreementComments.id,
          commitmentId: agreementComments.commitmentId,
          body: agreementComments.body,
          organisationId: agreementComments.organisationId,
          organisationName: organisations.name,
          evaluationYear: agreementComments.evaluationYear,
          authorId: agreementComments.authorId,
          authorName: users.name,
          createdAt: agreementComments.createdAt,
        })
        .from(agreementComments)
        .innerJoin(organisations, eq(organisations.id, agreementComments.organisationId))
        .leftJoin(users, eq(users.id, agreementComments.authorId))
        .where(and(...conditions))
        .orderBy(asc(agreementComments.createdAt), asc(agreementComments.id));
      return rows.map(({ authorId, authorName, ...r }) => ({ ...r, author: ref(authorId, authorName) }));
    },

    async insertComment(values: { agreementId: string; commitmentId: string | null; body: string; organisationId: string; evaluationYear: number | null; authorId: string; at: Date }): Promise<string> {
      const inserted = await db
        .insert(agreementComments)
        .values({ agreementId: values.agreementId, commitmentId: values.commitmentId, body: values.body, organisationId: values.organisationId, evaluationYear: values.evaluationYear, authorId: values.authorId, createdAt: values.at })
        .returning({ id: agreementComments.id });
      const id = inserted[0]?.id;
      if (id === undefined) throw new Error('insert into agreement_comments returned no row');
      return id;
    },

    /** Appends audit entries; the actor's name is copied so the row never needs rewriting. */
    async appendAudit(entries: readonly AuditValues[]): Promise<void> {
      if (entries.length === 0) return;
      const actorIds = [...new Set(entries.map((e) => e.actorId).filter((id): id is string => id !== null))];
      const names = actorIds.length === 0 ? [] : await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, actorIds));
      const nameOf = new Map(names.map((n) => [n.id, n.name]));
      await db.insert(agreementAudit).values(entries.map((e) => ({ ...e, actorName: e.actorId === null ? null : (nameOf.get(e.actorId) ?? null) })));
    },

    async audit(agreementId: string): Promise<AuditRecord[]> {
      const rows = await db.select().from(agreementAudit).where(eq(agreementAudit.agreementId, agreementId)).orderBy(asc(agreementAudit.seq));
      return rows.map((r) => ({
        id: r.id,
        seq: r.seq,
        at: r.at,
        actor: ref(r.actorId, r.actorName),
        action: r.action,
        entity: r.entity,
        entityId: r.entityId,
        versionNumber: r.versionNumber,
        changes: (r.changes ?? []) as FieldChange[],
      }));
    },

    /** Members (any role) of the organisations, with their email, for notifications. */
    async membersOf(organisationIds: readonly string[]): Promise<{ userId: string; email: string; name: string }[]> {
      if (organisationIds.length === 0) return [];
      const rows = await db
        .selectDistinct({ userId: users.id, email: users.email, name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(inArray(memberships.organisationId, [...organisationIds]));
      return rows;
    },

    async insertNotifications(rows: readonly { userId: string; kind: string; agreementId: string; commitmentId: string | null; actorId: string | null; organisationId: string | null; at: Date }[]): Promise<void> {
      if (rows.length === 0) return;
      await db.insert(notifications).values(rows.map(({ at, ...r }) => ({ ...r, createdAt: at })));
    },

    async notifications(userId: string, filter: { unread: boolean; limit: number }): Promise<{ items: NotificationRecord[]; unreadCount: number }> {
      const conditions: SQL[] = [eq(notifications.userId, userId)];
      if (filter.unread) conditions.push(isNull(notifications.readAt));
      const rows = await db
        .select({
          id: notifications.id,
          kind: notifications.kind,
          agreementId: notifications.agreementId,
          agreementTitle: agreements.title,
          commitmentId: notifications.commitmentId,
          actorId: notifications.actorId,
          actorName: users.name,
          organisationName: organisations.name,
          createdAt: notifications.createdAt,
          readAt: notifications.readAt,
        })
        .from(notifications)
        .innerJoin(agreements, eq(agreements.id, notifications.agreementId))
        .leftJoin(users, eq(users.id, notifications.actorId))
        .leftJoin(organisations, eq(organisations.id, notifications.organisationId))
        .where(and(...conditions))
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(filter.limit);
      const [unread] = await db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
      return {
        items: rows.map(({ actorId, actorName, ...r }) => ({ ...r, actor: ref(actorId, actorName) })),
        unreadCount: Number(unread?.n ?? 0),
      };
    },

    /** Marks one of the user's notifications read; false when it is not theirs. */
    async markRead(userId: string, id: string, at: Date): Promise<boolean> {
      const rows = await db.select({ readAt: notifications.readAt }).from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
      if (rows[0] === undefined) return false;
      if (rows[0].readAt === null) await db.update(notifications).set({ readAt: at }).where(eq(notifications.id, id));
      return true;
    },

    async markAllRead(userId: string, at: Date): Promise<void> {
      await db.update(notifications).set({ readAt: at }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    },

    /** Every project in the municipality with its owner and parties and its whole indicator ledger. */
    async progressProjects(municipalityCode: string): Promise<ProgressProjectRecord[]> {
      return (await progressProjectsIn(db, [municipalityCode])).get(municipalityCode) ?? [];
    },

    /**
     * What the list's traffic lights need, for a page of agreements in five queries whatever the page size: the
     * given version of each, the dates of their evidence, and the projects (with ledgers) of their municipalities.
     */
    async listProgressInputs(items: readonly { agreementId: string; versionNumber: number; municipalityCode: string }[]): Promise<{
      contents: Map<string, AgreementContent>;
      evidence: Map<string, { commitmentId: string; date: string }[]>;
      projects: Map<string, ProgressProjectRecord[]>;
    }> {
      const contents = new Map<string, AgreementContent>();
      const evidence = new Map<string, { commitmentId: string; date: string }[]>();
      if (items.length === 0) return { contents, evidence, projects: new Map() };
      const ids = [...new Set(items.map((i) => i.agreementId))];
      const pairs = sql.join(
        items.map((i) => sql`(${i.agreementId}::uuid, ${i.versionNumber}::int)`),
        sql`, `,
      );
      const [versionRows, evidenceRows, projectsByMunicipality] = await Promise.all([
        db
          .select({ agreementId: agreementVersions.agreementId, content: agreementVersions.content })
          .from(agreementVersions)
          .where(sql`(${agreementVersions.agreementId}, ${agreementVersions.number}) in (${pairs})`),
        db
          .select({ agreementId: agreementEvidence.agreementId, commitmentId: agreementEvidence.commitmentId, date: agreementEvidence.date })
          .from(agreementEvidence)
          .where(inArray(agreementEvidence.agreementId, ids)),
        progressProjectsIn(db, [...new Set(items.map((i) => i.municipalityCode))]),
      ]);
      for (const v of versionRows) contents.set(v.agreementId, v.content as AgreementContent);
      for (const { agreementId, ...e } of evidenceRows) evidence.set(agreementId, [...(evidence.get(agreementId) ?? []), e]);
      return { contents, evidence, projects: projectsByMunicipality };
    },

  };
}

/**
 * Every project of the given municipalities with its owner, parties and whole indicator ledger, grouped by
 * municipality: three queries however many municipalities (the ledger is read once, grouped per project).
 */
async function progressProjectsIn(db: Db, municipalityCodes: readonly string[]): Promise<Map<string, ProgressProjectRecord[]>> {
  const out = new Map<string, ProgressProjectRecord[]>();
  if (municipalityCodes.length === 0) return out;
  const rows = await db
    .select({ id: projects.id, name: projects.name, kind: projects.kind, dwellings: projects.dwellings, visibility: projects.visibility, ownerOrganisationId: projects.ownerOrganisationId, municipalityCode: projects.municipalityCode })
    .from(projects)
    .where(inArray(projects.municipalityCode, [...municipalityCodes]))
    .orderBy(asc(projects.name), asc(projects.id));
  if (rows.length === 0) return out;
  const ids = rows.map((r) => r.id);
  const parties = await db.select({ projectId: projectParties.projectId, organisationId: projectParties.organisationId }).from(projectParties).where(inArray(projectParties.projectId, ids));
  const entries = await db
    .select({ id: indicatorEntries.id, seq: indicatorEntries.seq, projectId: indicatorEntries.projectId, indicatorId: indicatorEntries.indicatorId, source: indicatorEntries.source, value: indicatorEntries.value, withdrawsEntryId: indicatorEntries.withdrawsEntryId, recordedAt: indicatorEntries.recordedAt })
    .from(indicatorEntries)
    .where(inArray(indicatorEntries.projectId, ids))
    .orderBy(asc(indicatorEntries.seq));
  const partiesOfProject = new Map<string, string[]>();
  for (const party of parties) partiesOfProject.set(party.projectId, [...(partiesOfProject.get(party.projectId) ?? []), party.organisationId]);
  const ledgerOfProject = new Map<string, (LedgerEntry & { recordedAt: Date })[]>();
  for (const { projectId, ...e } of entries) {
    const list = ledgerOfProject.get(projectId) ?? [];
    list.push({ ...e, indicatorId: e.indicatorId as IndicatorId });
    ledgerOfProject.set(projectId, list);
  }
  for (const { municipalityCode, ...r } of rows) {
    const list = out.get(municipalityCode) ?? [];
    list.push({ ...r, kind: r.kind as ProjectKind, partyOrganisationIds: partiesOfProject.get(r.id) ?? [], ledger: ledgerOfProject.get(r.id) ?? [] });
    out.set(municipalityCode, list);
  }
  return out;
}

async function replaceParties(tx: Db, agreementId: string, parties: readonly PartyContent[]): Promise<void> {
  await tx.delete(agreementParties).where(eq(agreementParties.agreementId, agreementId));
  if (parties.length === 0) return;
  await tx.insert(agreementParties).values(parties.map((p, position) => ({ agreementId, organisationId: p.organisationId, role: p.role, tenantsOfOrganisationId: p.tenantsOfOrganisationId, position })));
}




export type AgreementsRepository = ReturnType<typeof buildRepository> & {
  /** The same repository bound to one transaction (every query inside must use it: PGlite has one connection). */
  transaction<T>(fn: (repository: AgreementsRepository) => Promise<T>): Promise<T>;
};

export function createAgreementsRepository(db: Db): AgreementsRepository {
  return { ...buildRepository(db), transaction: (fn) => db.transaction((tx) => fn(createAgreementsRepository(tx))) };
}
