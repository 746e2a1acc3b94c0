/** Cross-cutting behaviour: OpenAPI, health, security headers, request ids, errors, the SPA, demo data. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoOrganisations, demoUsers } from '../src/demo/demo-data.ts';
import { seedDemoData } from '../src/demo/seed.ts';
import { loadMunicipalityAssets } from '../src/features/municipalities/municipalities.assets.ts';
import { createRepositories } from '../src/repositories.ts';
import { call, createTestContext, rowCounts, signIn, type TestContext } from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(async () => {
  await ctx.close();
});

describe('OpenAPI', () => {
  it('serves a valid OpenAPI 3.1 document at /api/openapi.json describing every API route', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);

    const documented = new Set<string>();
    for (const [route, operations] of Object.entries(document.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(operations)) documented.add(`${method.toUpperCase()} ${route.replace(/\{(\w+)\}/g, ':$1')}`);
    }
    const expected = ctx.routes
      .filter((r) => r.method !== 'HEAD' && (r.url.startsWith('/api/') || r.url === '/health' || r.url === '/ready'))
      .filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url}`);
    expect(expected.length).toBeGreaterThan(25);
    expect(expected.filter((key) => !documented.has(key))).toEqual([]);
  });

  it('documents request bodies and the error envelope', async () => {
    const document = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const createProject = document.paths['/api/projects'].post;
    expect(createProject.requestBody.content['application/json'].schema.properties).toHaveProperty('ownerOrganisationId');
    expect(createProject.responses['400'].content['application/json'].schema.properties).toHaveProperty('error');
    expect(createProject.security).toBeUndefined();
    expect(document.paths['/api/auth/sign-in'].post.security).toEqual([]);
    expect(document.security).toEqual([{ session: [] }]);
  });

  it('serves the Swagger UI at /api/docs', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/docs' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});

describe('headers and errors', () => {
  it('sets security headers with a CSP that allows the app, blob: workers and data: images', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/health' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("img-src 'self' data: blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
  });

  it('echoes a sane x-request-id and makes one up otherwise', async () => {
    const echoed = await ctx.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'abc-123' } });
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const invented = await ctx.app.inject({ method: 'GET', url: '/health', headers: { 'x-request-id': 'bad id\n' } });
    expect(invented.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with the JSON error envelope', async () => {
    const response = await ctx.app.inject({ method: 'GET', url: '/api/bestaat-niet' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});

describe('serving the web app', () => {
  it('serves apps/web/dist with index.html for client-side routes, but never for /api', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'kringbouw-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Kringbouw</title>');
    writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log("kringbouw")');
    const web = await createTestContext({ config: { webDistDir: dist } });
    try {
      const root = await web.app.inject({ method: 'GET', url: '/' });
      expect(root.body).toContain('<title>Kringbouw</title>');
      const deep = await web.app.inject({ method: 'GET', url: '/projecten/123?tab=kaart' });
      expect(deep.statusCode).toBe(200);
      expect(deep.body).toContain('<title>Kringbouw</title>');
      const asset = await web.app.inject({ method: 'GET', url: '/assets/app.js' });
      expect(asset.body).toBe('console.log("kringbouw")');
      const api = await web.app.inject({ method: 'GET', url: '/api/bestaat-niet' });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('not_found');
    } finally {
      await web.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('demo data', () => {
  it('has the 39 City Deal parties, the 8 municipalities with CBS codes that exist, and labelled demo organisations', async () => {
    const coordinator = await signIn(ctx.app, 'coordinator@citydeal.demo');
    const organisations = (await call(ctx.app, coordinator, 'GET', '/api/organisations')).json<{
      items: { name: string; kind: string; municipalityCode: string | null; cityDealSignatory: boolean }[];
    }>().items;
    const signatories = organisations.filter((o) => o.cityDealSignatory);
    expect(signatories).toHaveLength(39);
    const count = (kind: string) => signatories.filter((o) => o.kind === kind).length;
    expect([count('gemeente'), count('provincie'), count('rijk'), count('kennisinstelling')]).toEqual([8, 3, 3, 4]);
    const codes = loadMunicipalityAssets().byCode;
    for (const gemeente of signatories.filter((o) => o.kind === 'gemeente')) {
      const feature = gemeente.municipalityCode ? codes.get(gemeente.municipalityCode) : undefined;
      const cbsName = feature?.properties.statnaam;
      expect(gemeente.name === `Gemeente ${cbsName}` || (gemeente.name === 'Gemeente Den Haag' && cbsName === "'s-Gravenhage")).toBe(true);
    }
    const demos = organisations.filter((o) => !o.cityDealSignatory);
    expect(demos.map((o) => o.name).every((name) => name.includes('(demo)'))).toBe(true);
    expect(demoOrganisations).toHaveLength(41);
  });

  it('every demo account signs in with the shared password', async () => {
    for (const user of demoUsers) await signIn(ctx.app, user.email);
  });

  it('labels example projects and gives none of them indicator figures', async () => {
    const coordinator = await signIn(ctx.app, 'coordinator@citydeal.demo');
    const projects = (await call(ctx.app, coordinator, 'GET', '/api/projects?pageSize=200')).json<{
      items: { name: string; isExample: boolean; bvoM2: number | null; visibility: string }[];
    }>().items.filter((p) => p.isExample);
    expect(projects.length).toBeGreaterThanOrEqual(5);
    expect(projects.every((p) => p.name.startsWith('Voorbeeld:') && p.bvoM2 === null)).toBe(true);
    expect(projects.filter((p) => p.visibility === 'vertrouwelijk')).toHaveLength(1);
  });

  it('seeding again changes nothing', async () => {
    const before = await rowCounts(ctx.database);
    expect(await seedDemoData(createRepositories(ctx.database.db))).toEqual({ seeded: false });
    expect(await rowCounts(ctx.database)).toEqual(before);
  });

  it('an empty database gets all the demo data in one go', async () => {
    const empty = await createTestContext({ template: 'empty' });
    try {
      expect((await rowCounts(empty.database)).organisations).toBe(0);
      const result = await seedDemoData(createRepositories(empty.database.db));
      expect(result).toMatchObject({ seeded: true, organisations: 41 });
      expect((await rowCounts(empty.database)).organisations).toBe(41);
    } finally {
      await empty.close();
    }
  });
});
