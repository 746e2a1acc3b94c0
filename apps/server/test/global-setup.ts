/**
 * Prepares the databases the server tests copy from, once per run:
 *  - PGlite (default): a migrated in-memory database, dumped with dumpDataDir() to temp files — one empty
 *    (migrations + municipalities) and one with the demo data. Each test file loads a dump (~0.3 s) instead of
 *    running initdb and migrations.
 *  - PostgreSQL (TEST_DATABASE_URL set): two template databases; each test file creates its own database from a
 *    template with CREATE DATABASE … TEMPLATE …, and drops it afterwards.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { databaseFromPglite, databaseFromPool, type Database } from '../src/db/index.ts';
import { seedDemoData } from '../src/demo/seed.ts';
import { loadMunicipalityAssets } from '../src/features/municipalities/municipalities.assets.ts';
import { createRepositories } from '../src/repositories.ts';
import { prepareDatabase } from '../src/startup.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseMode: 'pglite' | 'postgres';
    /** PGlite: dump file paths. PostgreSQL: template database names. */
    emptyTemplate: string;
    demoTemplate: string;
    /** PostgreSQL only: the server URL (without database) to create per-file databases on. */
    postgresUrl: string;
    /** PostgreSQL only: prefix of the per-file databases, so teardown can drop leftovers. */
    testDatabasePrefix: string;
  }
}

async function fill(database: Database, withDemo: boolean): Promise<void> {
  await prepareDatabase(database, loadMunicipalityAssets());
  if (withDemo) await seedDemoData(createRepositories(database.db));
}

export function databaseUrlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.href;
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const suffix = `${process.pid}_${Date.now()}`;
    const names = { empty: `kb_tpl_empty_${suffix}`, demo: `kb_tpl_demo_${suffix}` };
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    for (const [kind, name] of Object.entries(names)) {
      await admin.query(`create database "${name}"`);
      const database = databaseFromPool(new pg.Pool({ connectionString: databaseUrlFor(serverUrl, name), max: 2 }));
      await fill(database, kind === 'demo');
      await database.close();
    }
    await admin.end();
    project.provide('databaseMode', 'postgres');
    project.provide('emptyTemplate', names.empty);
    project.provide('demoTemplate', names.demo);
    project.provide('postgresUrl', serverUrl);
    project.provide('testDatabasePrefix', `kb_test_${suffix}`);
    return async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      const leftovers = await cleanup.query<{ datname: string }>(
        `select datname from pg_database where datname like 'kb\\_tpl\\_%\\_${suffix}' or datname like 'kb\\_test\\_${suffix}\\_%'`,
      );
      for (const { datname } of leftovers.rows) await cleanup.query(`drop database if exists "${datname}" with (force)`);
      await cleanup.end();
    };
  }

  const directory = mkdtempSync(path.join(tmpdir(), 'kringbouw-test-'));
  const client = await PGlite.create();
  const database = databaseFromPglite(client);
  await fill(database, false);
  const emptyFile = path.join(directory, 'empty.tar.gz');
  writeFileSync(emptyFile, Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer()));
  await seedDemoData(createRepositories(database.db));
  const demoFile = path.join(directory, 'demo.tar.gz');
  writeFileSync(demoFile, Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer()));
  await database.close();
  project.provide('databaseMode', 'pglite');
  project.provide('emptyTemplate', emptyFile);
  project.provide('demoTemplate', demoFile);
  project.provide('postgresUrl', '');
  project.provide('testDatabasePrefix', '');
  return () => rmSync(directory, { recursive: true, force: true });
}
