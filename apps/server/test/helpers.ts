import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { inject } from 'vitest';
import { buildApp, type AppDeps } from '../src/app.ts';
import { databaseFromPglite, databaseFromPool, type Database } from '../src/db/index.ts';
import { demoPassword } from '../src/demo/demo-data.ts';
import { MemoryMailTransport } from '../src/mail/index.ts';
import { loadMunicipalityAssets } from '../src/features/municipalities/municipalities.assets.ts';
import { databaseUrlFor } from './global-setup.ts';

export { demoPassword };

const municipalities = loadMunicipalityAssets();

/** A fresh database for one test file, copied from the template prepared in global-setup.ts. */
export async function openTestDatabase(template: 'empty' | 'demo'): Promise<Database> {
  const source = template === 'demo' ? inject('demoTemplate') : inject('emptyTemplate');
  if (inject('databaseMode') === 'postgres') {
    const serverUrl = inject('postgresUrl');
    const name = `${inject('testDatabasePrefix')}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database "${name}" template "${source}"`);
    await admin.end();
    const database = databaseFromPool(new pg.Pool({ connectionString: databaseUrlFor(serverUrl, name), max: 4 }));
    return {
      ...database,
      close: async () => {
        await database.close();
        const cleanup = new pg.Client({ connectionString: serverUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists "${name}" with (force)`);
        await cleanup.end();
      },
    };
  }
  const client = await PGlite.create({ loadDataDir: new Blob([readFileSync(source)]) });
  return databaseFromPglite(client);
}

/** A clock tests can move forward. */
export class TestClock {
  private offsetMs = 0;
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export const testSessionSecret = 'test-session-secret-0123456789-abcdefghijklmnop';

export interface TestContext {
  app: FastifyInstance;
  database: Database;
  mail: MemoryMailTransport;
  clock: TestClock;
  routes: { method: string; url: string }[];
  close(): Promise<void>;
}

export async function createTestContext(
  options: { template?: 'empty' | 'demo'; config?: Partial<AppDeps['config']>; oidcClient?: AppDeps['oidcClient'] } = {},
): Promise<TestContext> {
  const database = await openTestDatabase(options.template ?? 'demo');
  const mail = new MemoryMailTransport();
  const clock = new TestClock();
  const routes: { method: string; url: string }[] = [];
  const app = await buildApp({
    config: {
      production: false,
      sessionSecret: testSessionSecret,
      publicUrl: null,
      trustProxy: false,
      oidc: null,
      webDistDir: '/nonexistent/kringbouw-web-dist',
      logLevel: 'silent',
      ...options.config,
    },
    database,
    mail,
    now: clock.now,
    municipalities,
    logger: false,
    ...(options.oidcClient ? { oidcClient: options.oidcClient } : {}),
    onRoute: (route) => {
      for (const method of [route.method].flat()) routes.push({ method, url: route.url });
    },
  });
  await app.ready();
  return {
    app,
    database,
    mail,
    clock,
    routes,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

export interface Session {
  email: string;
  cookie: string;
  csrfToken: string;
  userId: string;
}

export function sessionCookieOf(response: LightMyRequestResponse): string {
  const cookie = response.cookies.find((c) => c.name === 'kb_session');
  if (!cookie) throw new Error(`no kb_session cookie in response ${response.statusCode}: ${response.body}`);
  return `kb_session=${cookie.value}`;
}

export async function signIn(app: FastifyInstance, email: string, password = demoPassword): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${response.statusCode} ${response.body}`);
  const body = response.json<{ csrfToken: string; user: { id: string } }>();
  return { email, cookie: sessionCookieOf(response), csrfToken: body.csrfToken, userId: body.user.id };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A request as `session` (or anonymous when null), with the CSRF header a real client sends. */
export function call(
  app: FastifyInstance,
  session: Session | null,
  method: Method,
  url: string,
  payload?: unknown,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrfToken;
  }
  return app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as object }) });
}

export async function idOfOrganisation(app: FastifyInstance, session: Session, name: string): Promise<string> {
  const response = await call(app, session, 'GET', `/api/organisations?q=${encodeURIComponent(name)}`);
  const found = response.json<{ items: { id: string; name: string }[] }>().items.find((o) => o.name === name);
  if (!found) throw new Error(`organisation ${name} not found`);
  return found.id;
}

const countResult = z.object({ rows: z.array(z.object({ n: z.coerce.number() })) });

/** Row counts of every table, to prove a refused request wrote nothing. */
export async function rowCounts(database: Database): Promise<Record<string, number>> {
  const tables = ['users', 'organisations', 'memberships', 'sessions', 'password_resets', 'invitations', 'projects', 'project_parties'];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const result: unknown = await database.db.execute(sql.raw(`select count(*)::int as n from ${table}`));
    const parsed = countResult.parse(result);
    counts[table] = parsed.rows[0]?.n ?? Number.NaN;
  }
  return counts;
}

/** A valid project body for POST /api/projects. */
export function projectBody(ownerOrganisationId: string, overrides: Record<string, unknown> = {}) {
  return {
    name: 'Testproject Houtbouw',
    description: 'Een project uit de tests.',
    municipalityCode: 'GM0546',
    location: { lat: 52.16, lon: 4.49 },
    kind: 'nieuwbouw',
    phase: 'initiatief',
    dwellings: 40,
    buildingType: 'gestapeld',
    concept: { name: 'Testconcept', supplier: null },
    parties: [{ organisationId: ownerOrganisationId, role: 'gemeente' }],
    visibility: 'openbaar',
    ownerOrganisationId,
    ...overrides,
  };
}
