import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { serverRoot } from '../config.ts';
import * as schema from './schema.ts';

export { schema };

/** The Drizzle database, whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export const migrationsFolder = path.join(serverRoot, 'drizzle');

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Applies pending migrations from apps/server/drizzle/. */
  migrate(): Promise<void>;
  /** Cheap round trip for the readiness check. */
  ping(): Promise<void>;
  /** Flushes and closes; for PGlite this is what keeps the data directory consistent. */
  close(): Promise<void>;
}

export function databaseFromPglite(client: PGlite): Database {
  const db = drizzlePglite(client, { schema });
  return {
    db,
    driver: 'pglite',
    migrate: () => migratePglite(db, { migrationsFolder }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

export function databaseFromPool(pool: pg.Pool): Database {
  const db = drizzleNodePg(pool, { schema });
  let closed = false;
  // An idle client can lose its connection (server restart, failover, a dropped test database). node-postgres then
  // emits 'error' on the pool; without a listener that would end the whole process. The pool discards the client and
  // opens a new one for the next query, so a warning is all it takes — and nothing once we closed the pool ourselves.
  pool.on('error', (error) => {
    if (!closed) process.emitWarning(`PostgreSQL connection lost while idle: ${error.message}`, { code: 'KRINGBOUW_PG_IDLE' });
  });
  return {
    db,
    driver: 'postgres',
    migrate: () => migrateNodePg(db, { migrationsFolder }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/**
 * No DATABASE_URL → embedded PGlite persisted in `<dataDir>/pgdata` (created on first start).
 * DATABASE_URL=postgres://… → a node-postgres pool.
 */
export async function openDatabase(options: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  if (options.databaseUrl !== null) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    return databaseFromPool(pool);
  }
  const directory = path.join(options.dataDir, 'pgdata');
  mkdirSync(directory, { recursive: true });
  const releaseLock = lockDataDirectory(options.dataDir);
  try {
    if (!existsSync(path.join(directory, 'PG_VERSION'))) await createPgliteCluster(directory);
    const database = databaseFromPglite(await PGlite.create(directory));
    return {
      ...database,
      close: async () => {
        await database.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

/**
 * Creates a new PGlite cluster (initdb) in a short-lived child process. initdb grows PGlite's WebAssembly memory to
 * about 630 MB, and WebAssembly memory never shrinks: done in the server process, the first start kept about 1 GB
 * resident for the server's lifetime, against about 400 MB when the server opens an existing cluster.
 */
export async function createPgliteCluster(directory: string): Promise<void> {
  const pglite = import.meta.resolve('@electric-sql/pglite');
  const script = `const { PGlite } = await import(${JSON.stringify(pglite)}); const db = await PGlite.create(process.argv[1]); await db.close();`;
  try {
    await promisify(execFile)(process.execPath, ['--input-type=module', '--eval', script, directory], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const stderr = error instanceof Error && 'stderr' in error ? String(error.stderr).trim() : '';
    throw new Error(`Could not create the embedded database in ${directory}${stderr === '' ? '' : `: ${stderr.split('\n').slice(-3).join(' ')}`}`, { cause: error });
  }
}

export class DataDirectoryInUseError extends Error {
  override name = 'DataDirectoryInUseError';
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * PGlite is one process's database: two servers on the same directory would corrupt it. A lock file with the pid
 * refuses a second server; a lock left by a process that no longer runs (a crash) is taken over.
 */
export function lockDataDirectory(dataDir: string): () => void {
  const lockFile = path.join(dataDir, 'pgdata.lock');
  if (existsSync(lockFile)) {
    const pid = Number(readFileSync(lockFile, 'utf8').trim());
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && processIsAlive(pid)) {
      throw new DataDirectoryInUseError(
        `Another Kringbouw server (pid ${pid}) is using ${dataDir}. Stop it first, or start this one with another DATA_DIR.`,
      );
    }
  }
  writeFileSync(lockFile, `${process.pid}\n`);
  return () => {
    if (existsSync(lockFile) && readFileSync(lockFile, 'utf8').trim() === String(process.pid)) rmSync(lockFile);
  };
}
