/**
 * For migration tests: a database with no migrations applied (an in-memory PGlite, or a fresh database on the
 * PostgreSQL server when the suite runs in that mode) and a copy of the migrations folder cut off at a given
 * migration, so a test can stand a database at migration N, add data, and then apply N + 1.
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { inject } from 'vitest';
import { migrationsFolder, schema, type Db } from '../src/db/index.ts';

type Journal = { entries: { idx: number; tag: string }[] } & Record<string, unknown>;

export interface FreshDatabase {
  db: Db;
  migrate(folder: string): Promise<void>;
  close(): Promise<void>;
}

/** A database with no migrations applied, on whichever engine the suite runs; `label` goes into its name. */
export async function openFreshDatabase(label: string): Promise<FreshDatabase> {
  if (inject('databaseMode') === 'postgres') {
    const serverUrl = inject('postgresUrl');
    const name = `${inject('testDatabasePrefix')}_${label}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: url.href, max: 1 });
    const db = drizzleNodePg(pool, { schema });
    return {
      db,
      migrate: (folder) => migrateNodePg(db, { migrationsFolder: folder }),
      close: async () => {
        await pool.end();
        const cleanup = new pg.Client({ connectionString: serverUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists "${name}" with (force)`);
        await cleanup.end();
      },
    };
  }
  const client = await PGlite.create();
  const db = drizzlePglite(client, { schema });
  return { db, migrate: (folder) => migratePglite(db, { migrationsFolder: folder }), close: () => client.close() };
}

/** A copy (under `workDir`) of the migrations folder holding only the migrations up to and including `lastIdx`. */
export function migrationsUpTo(workDir: string, lastIdx: number): string {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as Journal;
  const kept = journal.entries.filter((e) => e.idx <= lastIdx);
  const folder = path.join(workDir, `upto-${lastIdx}`);
  mkdirSync(path.join(folder, 'meta'), { recursive: true });
  for (const entry of kept) cpSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  writeFileSync(path.join(folder, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: kept }));
  return folder;
}
