/**
 * Tables of monitoring (issue 5): the append-only indicator ledger per project, the attached report PDFs and the
 * per-project aggregate row the dashboards read (rewritten in the same transaction as every ledger change).
 */
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, customType, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { projects, users } from '../schema.ts';
import { passportVersions } from './passports.ts';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength)),
});

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const indicatorEntries = pgTable(
  'indicator_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    indicatorId: text('indicator_id').notNull(),
    source: text('source', { enum: ['berekend', 'opgegeven', 'geaudit'] }).notNull(),
    value: doublePrecision('value'),
    withdrawsEntryId: uuid('withdraws_entry_id'),
    passportVersionId: uuid('passport_version_id').references(() => passportVersions.id, { onDelete: 'set null' }),
    passportVersionNumber: integer('passport_version_number'),
    dataVersions: jsonb('data_versions'),
    tool: text('tool'),
    toolVersion: text('tool_version'),
    nmdVersion: text('nmd_version'),
    calculationDate: date('calculation_date', { mode: 'string' }),
    note: text('note'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamptz('recorded_at').notNull(),
    /**
     * The project's phase when the entry was written. Set by the BEFORE INSERT trigger `indicator_entries_record_phase`
     * (migration 0014) from the project row, overruling any value an insert gives, with `phase_source` 'vastgelegd';
     * entries older than 0014 were backfilled with the phase derived from the phase start dates ('afgeleid', phase null
     * when no start date lay before the recording).
     */
    phase: text('phase'),
    phaseSource: text('phase_source', { enum: ['vastgelegd', 'afgeleid'] }).notNull().default('vastgelegd'),
  },
  (t) => [
    index('indicator_entries_project_idx').on(t.projectId, t.seq),
    check('indicator_entries_value_check', sql`(${t.withdrawsEntryId} is null) = (${t.value} is not null)`),
    check('indicator_entries_phase_source_check', sql`${t.phaseSource} in ('vastgelegd', 'afgeleid')`),
    check('indicator_entries_phase_recorded_check', sql`${t.phaseSource} <> 'vastgelegd' or ${t.phase} is not null`),
  ],
);

export const indicatorReports = pgTable('indicator_reports', {
  entryId: uuid('entry_id')
    .primaryKey()
    .references(() => indicatorEntries.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  content: bytea('content').notNull(),
});

/**
 * The per-project aggregate row the dashboards read: ledger-derived figures (written in the ledger transaction by the
 * monitoring repository) and the project facts they group by (copied by the `projects_sync_monitoring` trigger in the
 * same statement as every project write; migration 0008). `hnn` and the `hnn_*` columns hold the same values.
 */
export const projectMonitoring = pgTable(
  'project_monitoring',
  {
    projectId: uuid('project_id')
      .primaryKey()
      .references(() => projects.id, { onDelete: 'cascade' }),
    officialMpg: doublePrecision('official_mpg'),
    indicativeMpg: doublePrecision('indicative_mpg'),
    officialStoredCarbonT: doublePrecision('official_stored_carbon_t'),
    indicativeStoredCarbonT: doublePrecision('indicative_stored_carbon_t'),
    hnn: jsonb('hnn').notNull(),
    hnnMpg: doublePrecision('hnn_mpg'),
    hnnEmbodiedCarbon: doublePrecision('hnn_embodied_carbon'),
    hnnMaterialOrigin: doublePrecision('hnn_material_origin'),
    hnnDetachability: doublePrecision('hnn_detachability'),
    updatedAt: timestamptz('updated_at').notNull(),
    municipalityCode: text('municipality_code').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    phase: text('phase').notNull(),
    year: integer('year').notNull(),
    dwellings: integer('dwellings').notNull(),
    buildingType: text('building_type').notNull(),
    industrialised: boolean('industrialised').notNull(),
    confidential: boolean('confidential').notNull(),
    ownerOrganisationId: uuid('owner_organisation_id').notNull(),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
  },
  // Index (migration 0008; INCLUDE is not expressible here): project_monitoring_dashboard_idx on (municipality_code,
  // year) including every column the dashboard cells read, for index-only scans. Migration 0012:
  // project_monitoring_list_idx on (municipality_code, name, project_id), the project list's default order.
);
