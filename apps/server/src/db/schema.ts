/**
 * The one Drizzle schema of the server. Migrations in apps/server/drizzle/ are generated from this file with
 * `npm run db:generate -w @kringbouw/server` and must stay plain PostgreSQL 15 SQL (PGlite runs PG 18).
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Always stored lower-case; unique. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    /** argon2id PHC string; null for accounts that only sign in through OIDC. */
    passwordHash: text('password_hash'),
    platformRole: text('platform_role', { enum: ['coordinator'] }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    municipalityCode: text('municipality_code'),
    website: text('website'),
    cityDealSignatory: boolean('city_deal_signatory').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('organisations_name_key').on(t.name)],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ['lezer', 'bewerker', 'beheerder'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.organisationId] }), index('memberships_org_idx').on(t.organisationId)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 (hex) of the random session id in the cookie; the id itself is never stored. */
    idHash: text('id_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Sliding: moved forward on use, never beyond absolute_expires_at. */
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    absoluteExpiresAt: timestamp('absolute_expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const passwordResets = pgTable(
  'password_resets',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('password_resets_user_idx').on(t.userId)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role', { enum: ['lezer', 'bewerker', 'beheerder'] }).notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('invitations_token_key').on(t.tokenHash), index('invitations_org_idx').on(t.organisationId)],
);

/** CBS municipalities (gemeentelijke indeling), synchronised from assets/geo at start-up. */
export const municipalities = pgTable('municipalities', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
});

export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    municipalityCode: text('municipality_code')
      .notNull()
      .references(() => municipalities.code),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    kind: text('kind').notNull(),
    phase: text('phase').notNull(),
    initiatiefDate: date('initiatief_date', { mode: 'string' }),
    ontwerpDate: date('ontwerp_date', { mode: 'string' }),
    realisatieDate: date('realisatie_date', { mode: 'string' }),
    opgeleverdDate: date('opgeleverd_date', { mode: 'string' }),
    dwellings: integer('dwellings').notNull(),
    bvoM2: doublePrecision('bvo_m2'),
    buildingType: text('building_type').notNull(),
    conceptName: text('concept_name'),
    conceptSupplier: text('concept_supplier'),
    visibility: text('visibility', { enum: ['openbaar', 'vertrouwelijk'] }).notNull(),
    isExample: boolean('is_example').notNull().default(false),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('projects_municipality_idx').on(t.municipalityCode),
    index('projects_owner_idx').on(t.ownerOrganisationId),
    check('projects_location_pair', sql`(${t.lat} is null) = (${t.lon} is null)`),
  ],
);

export const projectParties = pgTable(
  'project_parties',
  {
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.projectId, t.organisationId, t.role] }),
    index('project_parties_org_idx').on(t.organisationId),
  ],
);

export * from './schema/passports.ts';
export * from './schema/monitoring.ts';
export * from './schema/lessons.ts';
export * from './schema/agreements.ts';
