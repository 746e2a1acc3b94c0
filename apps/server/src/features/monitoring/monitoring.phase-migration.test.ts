/**
 * Migration 0014 (ledger entry phase) on a database that stood at 0013 with ledger entries: every existing entry gets
 * the phase the trend used to derive from the phase start dates (`derivedPhaseAt`, checked entry by entry) marked
 * 'afgeleid'; entries written afterwards get the project's phase of that moment, 'vastgelegd'. On an in-memory PGlite, or
 * on a fresh database of the PostgreSQL server when TEST_DATABASE_URL is set (the suite's database mode).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedPhaseAt } from '@kringbouw/domain/monitoring';
import type { ProjectPhase } from '@kringbouw/domain/projects';
import { migrationsFolder } from '../../db/index.ts';
import { openFreshDatabase, migrationsUpTo, type FreshDatabase } from '../../../test/migration-support.ts';
import { presentEntry } from './monitoring.presenter.ts';
import { createMonitoringRepository } from './monitoring.repository.ts';

let fresh: FreshDatabase;
let workDir: string;
const db = () => fresh.db;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db().execute(query)) as unknown as { rows: T[] }).rows;
}

async function dbError(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
    return `${error instanceof Error ? error.message : String(error)} ${cause}`;
  }
  return 'no error';
}

interface PhaseDates {
  initiatief: string | null;
  ontwerp: string | null;
  realisatie: string | null;
  opgeleverd: string | null;
}

const projects: { id: string; phase: ProjectPhase; phaseDates: PhaseDates }[] = [
  { id: '10000000-0000-4000-8000-000000000001', phase: 'realisatie', phaseDates: { initiatief: '2025-01-01', ontwerp: '2025-06-01', realisatie: '2026-02-01', opgeleverd: '2027-01-01' } },
  { id: '10000000-0000-4000-8000-000000000002', phase: 'ontwerp', phaseDates: { initiatief: null, ontwerp: null, realisatie: null, opgeleverd: null } },
  { id: '10000000-0000-4000-8000-000000000003', phase: 'opgeleverd', phaseDates: { initiatief: null, ontwerp: '2025-06-01', realisatie: null, opgeleverd: '2026-09-01' } },
];
// Recording times around the start dates, including one that is 1 June in Amsterdam but 31 May in UTC.
const recordedAts = ['2024-12-31T10:00:00.000Z', '2025-01-01T00:00:00.000Z', '2025-05-31T23:30:00.000Z', '2025-09-15T10:00:00.000Z', '2026-02-01T12:00:00.000Z', '2026-10-01T08:00:00.000Z', '2027-03-01T10:00:00.000Z'];

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), 'kringbouw-0014-'));
  fresh = await openFreshDatabase('m0014');
  await fresh.migrate(migrationsUpTo(workDir, 13));
  // A database at 0013: a project per phase-date pattern, each with values, a declaration and a withdrawal.
  await db().execute(sql`insert into municipalities (code, name) values ('GM0546', 'Leiden')`);
  await db().execute(sql`insert into organisations (id, name, kind) values ('20000000-0000-4000-8000-000000000001', 'Gemeente Leiden', 'gemeente')`);
  for (const p of projects) {
    await db().execute(sql`insert into projects (id, name, municipality_code, kind, phase, initiatief_date, ontwerp_date, realisatie_date, opgeleverd_date, dwellings, building_type, visibility, owner_organisation_id)
      values (${p.id}, ${`Project ${p.id.slice(-1)}`}, 'GM0546', 'nieuwbouw', ${p.phase}, ${p.phaseDates.initiatief}, ${p.phaseDates.ontwerp}, ${p.phaseDates.realisatie}, ${p.phaseDates.opgeleverd}, 40, 'gestapeld', 'openbaar', '20000000-0000-4000-8000-000000000001')`);
    for (const at of recordedAts) {
      await db().execute(sql`insert into indicator_entries (project_id, indicator_id, source, value, recorded_at) values (${p.id}, 'mpg', 'opgegeven', 0.5, ${at}::timestamptz)`);
    }
    await db().execute(sql`insert into indicator_entries (project_id, indicator_id, source, value, withdraws_entry_id, note, recorded_at)
      select project_id, indicator_id, source, null, id, 'Tikfout', timestamptz '2026-03-01 09:00:00+00' from indicator_entries where project_id = ${p.id} order by seq limit 1`);
  }
  await fresh.migrate(migrationsFolder);
});

afterAll(async () => {
  await fresh?.close();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe('migration 0014: the phase of existing ledger entries', () => {
  it('backfills every existing entry with the phase derived from the start dates, marked afgeleid', async () => {
    const stored = await rows<{ project_id: string; recorded_at: string | Date; phase: string | null; phase_source: string }>(
      sql`select project_id, recorded_at, phase, phase_source from indicator_entries order by seq`,
    );
    expect(stored).toHaveLength(projects.length * (recordedAts.length + 1));
    for (const row of stored) {
      const project = projects.find((p) => p.id === row.project_id);
      if (!project) throw new Error(`unexpected project ${row.project_id}`);
      const recordedAt = new Date(row.recorded_at).toISOString();
      expect({ recordedAt, phase: row.phase, source: row.phase_source }).toEqual({ recordedAt, phase: derivedPhaseAt(recordedAt, project), source: 'afgeleid' });
    }
    // The worked cases of project 1 (realisatie; started 2025-01-01, 2025-06-01, 2026-02-01, planned delivery 2027-01-01).
    const first = stored.filter((r) => r.project_id === projects[0]?.id).map((r) => r.phase);
    expect(first).toEqual([null, 'initiatief', 'initiatief', 'ontwerp', 'realisatie', 'realisatie', 'realisatie', 'realisatie']);
    // Project 2 has no start dates at all: every derived phase is unknown.
    expect(stored.filter((r) => r.project_id === projects[1]?.id).every((r) => r.phase === null)).toBe(true);
  });

  it('reads and presents backfilled entries as derived, new ones as recorded with the phase of that moment', async () => {
    const repository = createMonitoringRepository(db());
    const projectId = projects[0]?.id ?? '';
    await repository.appendAndRefresh(projectId, [
      { indicatorId: 'mpg', source: 'opgegeven', value: 0.44, withdrawsEntryId: null, passportVersionId: null, passportVersionNumber: null, dataVersions: null, tool: 'GPR Materiaal', toolVersion: '5.2', nmdVersion: null, calculationDate: '2026-03-01', note: null, recordedBy: null },
    ], new Date('2027-04-01T10:00:00.000Z'));
    const entries = (await repository.entries(projectId)).map(presentEntry);
    const newest = entries.at(-1);
    expect([newest?.value, newest?.phase, newest?.phaseSource]).toEqual([0.44, 'realisatie', 'vastgelegd']);
    expect(entries.slice(0, -1).every((e) => e.phaseSource === 'afgeleid')).toBe(true);
    expect(entries[3]).toMatchObject({ recordedAt: '2025-09-15T10:00:00.000Z', phase: 'ontwerp', phaseSource: 'afgeleid' });

    // Editing the project afterwards changes no entry: neither the derived nor the recorded ones.
    const before = await rows<{ id: string; phase: string | null; phase_source: string }>(sql`select id, phase, phase_source from indicator_entries order by seq`);
    await db().execute(sql`update projects set phase = 'opgeleverd', ontwerp_date = '2024-01-01', realisatie_date = null where id = ${projectId}`);
    expect(await rows(sql`select id, phase, phase_source from indicator_entries order by seq`)).toEqual(before);
  });

  it('refuses a recorded entry without a phase and an unknown phase source', async () => {
    const id = projects[1]?.id ?? '';
    // Without the trigger (which always fills both), the constraints themselves hold.
    await db().execute(sql`alter table indicator_entries disable trigger indicator_entries_record_phase`);
    try {
      expect(await dbError(db().execute(sql`insert into indicator_entries (project_id, indicator_id, source, value, recorded_at) values (${id}, 'mpg', 'opgegeven', 1, now())`))).toMatch(/indicator_entries_phase_recorded_check/);
      expect(await dbError(db().execute(sql`insert into indicator_entries (project_id, indicator_id, source, value, recorded_at, phase, phase_source) values (${id}, 'mpg', 'opgegeven', 1, now(), 'ontwerp', 'geschat')`))).toMatch(/indicator_entries_phase_source_check/);
    } finally {
      await db().execute(sql`alter table indicator_entries enable trigger indicator_entries_record_phase`);
    }
  });
});
