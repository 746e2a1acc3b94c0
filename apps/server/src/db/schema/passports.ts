/**
 * Tables of material passports (issue 4). A version stores its whole passport as one jsonb document — see
 * docs/adr/0002-passport-storage.md for why not one row per line.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, projects, users } from '../schema.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const passportVersions = pgTable(
  'passport_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    label: text('label').notNull(),
    status: text('status', { enum: ['concept', 'vastgesteld'] }).notNull(),
    source: text('source').notNull(),
    basedOnVersionId: uuid('based_on_version_id'),
    /** The passport: { project, elements: [{ nlsfb, name, layer, source, lines: [{ key, … }] }] }. */
    document: jsonb('document').notNull(),
    /** Headline figures of calculateIndicators for this document; null when they cannot be computed. */
    indicators: jsonb('indicators'),
    indicatorsUnavailable: text('indicators_unavailable'),
    importReport: jsonb('import_report'),
    elementCount: integer('element_count').notNull(),
    lineCount: integer('line_count').notNull(),
    unmappedCount: integer('unmapped_count').notNull(),
    mpg: doublePrecision('mpg'),
    gwpA1a5: doublePrecision('gwp_a1a5'),
    revision: integer('revision').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
    publishedAt: timestamptz('published_at'),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('passport_versions_project_number_key').on(t.projectId, t.number),
    check('passport_versions_published', sql`(${t.status} = 'vastgesteld') = (${t.publishedAt} is not null)`),
  ],
);

/** The original IFC file of an import, only when the organisation chose to keep originals. */
export const passportFiles = pgTable('passport_files', {
  versionId: uuid('version_id')
    .primaryKey()
    .references(() => passportVersions.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  content: bytea('content').notNull(),
});

export const passportSettings = pgTable('passport_settings', {
  organisationId: uuid('organisation_id')
    .primaryKey()
    .references(() => organisations.id, { onDelete: 'cascade' }),
  keepOriginalIfc: boolean('keep_original_ifc').notNull().default(false),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

export const materialMappings = pgTable(
  'material_mappings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    materialName: text('material_name').notNull(),
    normalizedName: text('normalized_name').notNull(),
    profileId: text('profile_id').notNull(),
    origin: text('origin', { enum: ['manual', 'suggested', 'imported'] }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('material_mappings_org_name_key').on(t.organisationId, t.normalizedName),
    index('material_mappings_profile_idx').on(t.profileId),
  ],
);
