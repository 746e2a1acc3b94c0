/**
 * Tables of prestatieafspraken (issue 6). Migration 0007 adds two triggers Drizzle does not model:
 * `agreement_audit` rejects UPDATE, DELETE and TRUNCATE (append-only), and a signed row of `agreement_versions`
 * can be neither updated nor deleted. Migration 0013 adds documents to evidence and withdrawable approvals.
 */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipalities, organisations, users } from '../schema.ts';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

export const agreements = pgTable('agreements', {
  id: uuid('id').primaryKey().defaultRandom(),
  title: text('title').notNull(),
  municipalityCode: text('municipality_code')
    .notNull()
    .references(() => municipalities.code),
  periodStartYear: integer('period_start_year').notNull(),
  periodEndYear: integer('period_end_year').notNull(),
  visibility: text('visibility', { enum: ['openbaar', 'partijen'] }).notNull(),
  state: text('state').notNull(),
  revision: integer('revision').notNull().default(1),
  workingVersion: integer('working_version').notNull().default(1),
  signedVersion: integer('signed_version'),
  bidSubmittedAt: timestamptz('bid_submitted_at'),
  negotiationStartedAt: timestamptz('negotiation_started_at'),
  signedAt: timestamptz('signed_at'),
  evaluations: jsonb('evaluations').notNull().default([]),
  isExample: boolean('is_example').notNull().default(false),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    role: text('role').notNull(),
    tenantsOfOrganisationId: uuid('tenants_of_organisation_id'),
    position: integer('position').notNull(),
  },
  (t) => [primaryKey({ name: 'agreement_parties_pk', columns: [t.agreementId, t.organisationId] })],
);

export const agreementVersions = pgTable(
  'agreement_versions',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    number: integer('number').notNull(),
    content: jsonb('content').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    signedAt: timestamptz('signed_at'),
  },
  (t) => [primaryKey({ name: 'agreement_versions_pk', columns: [t.agreementId, t.number] })],
);

export const agreementApprovals = pgTable(
  'agreement_approvals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    versionNumber: integer('version_number').notNull(),
    revision: integer('revision').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    approvedBy: uuid('approved_by').notNull(),
    approvedAt: timestamptz('approved_at').notNull(),
    note: text('note'),
    /** Set when the party withdrew the approval (before signing); a withdrawn approval no longer counts. */
    withdrawnAt: timestamptz('withdrawn_at'),
    withdrawnBy: uuid('withdrawn_by'),
  },
  (t) => [uniqueIndex('agreement_approvals_once').on(t.agreementId, t.revision, t.organisationId).where(sql`${t.withdrawnAt} is null`)],
);

export const agreementEvidence = pgTable(
  'agreement_evidence',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    commitmentId: uuid('commitment_id').notNull(),
    note: text('note').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    documentTitle: text('document_title'),
    documentUrl: text('document_url'),
    organisationId: uuid('organisation_id').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamptz('recorded_at').notNull(),
  },
  (t) => [index('agreement_evidence_agreement_idx').on(t.agreementId)],
);

/** The document uploaded with one evidence row (written in the same transaction); media type as recognised from its bytes. */
export const agreementEvidenceFiles = pgTable(
  'agreement_evidence_files',
  {
    evidenceId: uuid('evidence_id')
      .primaryKey()
      .references(() => agreementEvidence.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [check('agreement_evidence_files_size_check', sql`${t.sizeBytes} > 0`)],
);

export const agreementComments = pgTable(
  'agreement_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    commitmentId: uuid('commitment_id'),
    body: text('body').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    evaluationYear: integer('evaluation_year'),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull(),
  },
  (t) => [index('agreement_comments_agreement_idx').on(t.agreementId, t.createdAt)],
);

/** Append-only (trigger): the actor's name is copied in, so no foreign key ever has to rewrite a row. */
export const agreementAudit = pgTable(
  'agreement_audit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    at: timestamptz('at').notNull(),
    actorId: uuid('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: uuid('entity_id'),
    versionNumber: integer('version_number'),
    changes: jsonb('changes').notNull(),
  },
  (t) => [index('agreement_audit_agreement_idx').on(t.agreementId, t.seq)],
);

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    commitmentId: uuid('commitment_id'),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id'),
    createdAt: timestamptz('created_at').notNull(),
    readAt: timestamptz('read_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.createdAt)],
);
