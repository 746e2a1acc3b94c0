/**
 * The core API in-process (app.inject, no network): cold start of an in-memory PGlite with migrations and demo data,
 * then request latency with 5 000 extra projects — list, search, filter, detail, session lookup, a write — and the
 * cost of one argon2id sign-in. With BENCH_DATABASE_URL (a PostgreSQL server URL) the same runs on PostgreSQL too.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { buildApp } from '../apps/server/src/app.ts';
import { databaseFromPglite, databaseFromPool, type Database } from '../apps/server/src/db/index.ts';
import { demoPassword } from '../apps/server/src/demo/demo-data.ts';
import { seedDemoData } from '../apps/server/src/demo/seed.ts';
import { loadMunicipalityAssets } from '../apps/server/src/features/municipalities/municipalities.assets.ts';
import { MemoryMailTransport } from '../apps/server/src/mail/index.ts';
import { createRepositories } from '../apps/server/src/repositories.ts';
import { prepareDatabase } from '../apps/server/src/startup.ts';

const EXTRA_PROJECTS = 5_000;
const RUNS = 60;
const cities = ['GM0546', 'GM0518', 'GM0034', 'GM0344', 'GM0080', 'GM0268', 'GM0307', 'GM0505'];
const kinds = ['nieuwbouw', 'transformatie', 'renovatie', 'splitsing', 'optopping', 'tijdelijk'] as const;
const phases = ['initiatief', 'ontwerp', 'realisatie', 'opgeleverd'] as const;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function timed(runs: number, fn: (i: number) => Promise<void>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    times.push(performance.now() - start);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function run(label: string, open: () => Promise<Database>): Promise<string[]> {
  const rows: string[] = [];
  const startCold = performance.now();
  const database = await open();
  const municipalities = loadMunicipalityAssets();
  await prepareDatabase(database, municipalities);
  await seedDemoData(createRepositories(database.db));
  const coldMs = performance.now() - startCold;
  rows.push(`| ${label} | open + migrate + municipalities + demo data | ${coldMs.toFixed(0)} ms | |`);

  const repositories = createRepositories(database.db);
  const owner = (await repositories.organisations.idsByName()).get('Gemeente Leiden') ?? '';
  const startInsert = performance.now();
  await repositories.transaction(async (tx) => {
    for (let i = 0; i < EXTRA_PROJECTS; i++) {
      await tx.projects.create(
        {
          name: `Benchproject ${i} ${i % 7 === 0 ? 'houtbouw' : 'woningen'}`,
          description: 'Gegenereerd voor de benchmark.',
          municipalityCode: cities[i % cities.length] ?? 'GM0546',
          lat: null,
          lon: null,
          kind: kinds[i % kinds.length] ?? 'nieuwbouw',
          phase: phases[i % phases.length] ?? 'initiatief',
          initiatiefDate: null,
          ontwerpDate: null,
          realisatieDate: null,
          opgeleverdDate: null,
          dwellings: 10 + (i % 200),
          bvoM2: null,
          buildingType: 'gestapeld',
          conceptName: null,
          conceptSupplier: null,
          visibility: i % 10 === 0 ? 'vertrouwelijk' : 'openbaar',
          ownerOrganisationId: owner,
          createdBy: null,
          isExample: false,
          now: new Date(),
        },
        [{ organisationId: owner, role: 'gemeente' }],
      );
    }
  });
  rows.push(`| ${label} | insert ${EXTRA_PROJECTS} projects with a party, one transaction | ${(performance.now() - startInsert).toFixed(0)} ms | |`);

  const app = await buildApp({
    config: { production: false, sessionSecret: 'b'.repeat(40), publicUrl: null, trustProxy: false, oidc: null, webDistDir: '/nonexistent', logLevel: 'silent' },
    database,
    mail: new MemoryMailTransport(),
    municipalities,
    logger: false,
  });
  await app.ready();

  const signInTimes = await timed(8, async () => {
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'beleid@utrecht.demo', password: demoPassword } });
    if (response.statusCode !== 200) throw new Error(`sign-in ${response.statusCode}`);
  });
  rows.push(`| ${label} | POST /api/auth/sign-in (argon2id verify + session) | ${signInTimes.p50.toFixed(1)} ms | ${signInTimes.p95.toFixed(1)} ms |`);

  const signIn = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'beleid@leiden.demo', password: demoPassword } });
  const cookie = `kb_session=${signIn.cookies.find((c) => c.name === 'kb_session')?.value ?? ''}`;
  const csrf = signIn.json<{ csrfToken: string }>().csrfToken;
  const get = (url: string) => async () => {
    const response = await app.inject({ method: 'GET', url, headers: { cookie } });
    if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode}`);
  };
  const someId = (await app.inject({ method: 'GET', url: '/api/projects?pageSize=1', headers: { cookie } })).json<{ items: { id: string }[] }>().items[0]?.id;

  const cases: [string, () => Promise<void>][] = [
    ['GET /api/auth/session (session lookup only)', get('/api/auth/session')],
    ['GET /api/projects (page of 25, newest first)', get('/api/projects')],
    ['GET /api/projects?q=houtbouw (search, page of 25)', get('/api/projects?q=houtbouw')],
    ['GET /api/projects?municipality=GM0344&phase=ontwerp&sort=name', get('/api/projects?municipality=GM0344&phase=ontwerp&sort=name&order=asc')],
    ['GET /api/projects?pageSize=200', get('/api/projects?pageSize=200')],
    ['GET /api/projects/:id', get(`/api/projects/${someId}`)],
    ['GET /api/organisations', get('/api/organisations')],
  ];
  for (const [name, fn] of cases) {
    const t = await timed(RUNS, fn);
    rows.push(`| ${label} | ${name} | ${t.p50.toFixed(1)} ms | ${t.p95.toFixed(1)} ms |`);
  }
  const writes = await timed(20, async (i) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { name: `Schrijftest ${i}`, municipalityCode: 'GM0546', kind: 'nieuwbouw', phase: 'initiatief', dwellings: 12, buildingType: 'gestapeld', ownerOrganisationId: owner },
    });
    if (response.statusCode !== 201) throw new Error(`create ${response.statusCode}`);
  });
  rows.push(`| ${label} | POST /api/projects (validate, authorize, insert, read back) | ${writes.p50.toFixed(1)} ms | ${writes.p95.toFixed(1)} ms |`);
  await app.close();
  await database.close();
  return rows;
}

export default async function apiBench(): Promise<string> {
  const rows = await run('PGlite (memory)', async () => databaseFromPglite(await PGlite.create()));
  const serverUrl = process.env.BENCH_DATABASE_URL;
  let note = 'PostgreSQL not measured (set BENCH_DATABASE_URL to a server URL to include it).';
  if (serverUrl) {
    const name = `kb_bench_${process.pid}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    try {
      const url = new URL(serverUrl);
      url.pathname = `/${name}`;
      rows.push(...(await run('PostgreSQL', async () => databaseFromPool(new pg.Pool({ connectionString: url.href, max: 10 })))));
      note = `PostgreSQL ${(await admin.query<{ server_version: string }>('show server_version')).rows[0]?.server_version} on this machine.`;
    } finally {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  }
  return `### Core API (in-process)

${EXTRA_PROJECTS} extra projects (10 % confidential) besides the demo data; signed in as a bewerker of Gemeente Leiden;
${RUNS} sequential requests per row through \`app.inject\` (validation, session lookup, authorization, SQL, serialisation;
no network). ${note}

| database | what | p50 | p95 |
|---|---|---|---|
${rows.join('\n')}
`;
}
