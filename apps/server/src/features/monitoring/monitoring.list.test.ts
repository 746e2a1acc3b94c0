/**
 * HTTP-level tests of the monitoring project list: the dashboard's first page, the paged list (paging, sorting,
 * filters, 400 on bad input), the streamed CSV and the compact map — and that confidential projects of others are
 * never named in any of them.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardProjectMap, dashboardProjectPage, mapPoints, municipalityDashboard, type DashboardProject } from '@kringbouw/contracts';
import { call, createTestContext, idOfOrganisation, projectBody, signIn, type Session, type TestContext } from '../../../test/helpers.ts';
import { injectMultipart } from '../../../test/stock-support.ts';
import { declarationMultipart } from '../../../test/matrix/monitoring.support.ts';
import { createMonitoringRepository } from './monitoring.repository.ts';

/** A municipality without demo projects, so every count below is exact. */
const CODE = 'GM0014';
const base = `/api/municipalities/${CODE}/monitoring`;

let ctx: TestContext;
let bewerker: Session;
let outsider: Session;
let coordinator: Session;
let leiden: string;

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n% Kringbouw list test\n'), randomBytes(32), Buffer.from('\n%%EOF\n')]);

interface Spec {
  name: string;
  kind: 'nieuwbouw' | 'transformatie' | 'renovatie';
  year: number;
  dwellings: number;
  confidential?: boolean;
  location?: boolean;
  officialMpg?: string;
}

/** Public projects (two share a name, to test the id tie-break) and two confidential ones of Gemeente Leiden. */
const specs: Spec[] = [
  { name: 'Lijst Anjer', kind: 'nieuwbouw', year: 2024, dwellings: 30, officialMpg: '0.55' },
  { name: 'Lijst Berk', kind: 'transformatie', year: 2025, dwellings: 12 },
  { name: 'Lijst Cder', kind: 'nieuwbouw', year: 2024, dwellings: 80, officialMpg: '0.41' },
  { name: 'Lijst Duin', kind: 'renovatie', year: 2026, dwellings: 12, location: false },
  { name: 'Lijst Duin', kind: 'nieuwbouw', year: 2026, dwellings: 5 },
  { name: 'Lijst Eik "de Hoeve"; fase 1', kind: 'transformatie', year: 2024, dwellings: 44 },
  { name: 'Lijst Fjord', kind: 'nieuwbouw', year: 2025, dwellings: 7 },
  { name: 'Verborgen Gaarde', kind: 'nieuwbouw', year: 2024, dwellings: 20, confidential: true, officialMpg: '0.30' },
  { name: 'Verborgen Haven', kind: 'transformatie', year: 2025, dwellings: 9, confidential: true },
];
const publicCount = specs.filter((s) => !s.confidential).length;

async function list(session: Session, query = ''): Promise<{ page: number; pageSize: number; total: number; sort: string; items: DashboardProject[] }> {
  const response = await call(ctx.app, session, 'GET', `${base}/projects${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return dashboardProjectPage.parse(response.json());
}

/** The reference order: the comparator the SQL ORDER BY must agree with (ties by name, then id; nulls last). */
function sorted(items: readonly DashboardProject[], key: 'name' | 'dwellings' | 'officialMpg', descending = false): string[] {
  const byNameId = (a: DashboardProject, b: DashboardProject) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1);
  return [...items]
    .sort((a, b) => {
      if (key === 'name') return descending ? -byNameId(a, b) : byNameId(a, b);
      const va = a[key];
      const vb = b[key];
      if (va !== vb) {
        if (va === null) return 1;
        if (vb === null) return -1;
        return descending ? vb - va : va - vb;
      }
      return byNameId(a, b);
    })
    .map((p) => p.id);
}

beforeAll(async () => {
  ctx = await createTestContext();
  bewerker = await signIn(ctx.app, 'beleid@leiden.demo');
  outsider = await signIn(ctx.app, 'bouwer@vanwijnen.demo');
  coordinator = await signIn(ctx.app, 'coordinator@citydeal.demo');
  leiden = await idOfOrganisation(ctx.app, coordinator, 'Gemeente Leiden');
  for (const s of specs) {
    const body = projectBody(leiden, {
      name: s.name,
      municipalityCode: CODE,
      kind: s.kind,
      dwellings: s.dwellings,
      phaseDates: { initiatief: `${s.year}-03-01`, ontwerp: null, realisatie: null, opgeleverd: null },
      location: s.location === false ? null : { lat: 53.2, lon: 6.56 },
      visibility: s.confidential ? 'vertrouwelijk' : 'openbaar',
    });
    const created = await call(ctx.app, bewerker, 'POST', '/api/projects', body);
    expect(created.statusCode, created.body).toBe(201);
    if (s.officialMpg !== undefined) {
      const fields = { indicatorId: 'mpg', value: s.officialMpg, tool: 'GPR Materiaal', toolVersion: '5.2', calculationDate: '2026-03-01' };
      const declared = await injectMultipart(ctx.app, bewerker, 'POST', `/api/projects/${created.json<{ id: string }>().id}/indicators`, declarationMultipart(fields, { name: 'mpg.pdf', content: pdf }));
      expect(declared.statusCode, declared.body).toBe(201);
    }
  }
});

afterAll(async () => {
  await ctx?.close();
});

describe('monitoring project list', () => {
  it('pages in the default order (name, then id) and reports the total', async () => {
    const all = await list(outsider, '?pageSize=200');
    expect(all.total).toBe(publicCount);
    expect(all.items.map((p) => p.id)).toEqual(sorted(all.items, 'name'));
    const pages = [await list(outsider, '?pageSize=3'), await list(outsider, '?pageSize=3&page=2'), await list(outsider, '?pageSize=3&page=3')];
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages.every((p) => p.total === publicCount && p.pageSize === 3 && p.sort === 'name')).toBe(true);
    expect(pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(all.items.map((p) => p.id));
    const beyond = await list(outsider, '?pageSize=3&page=4');
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(publicCount);
  });

  it('sorts by each key, ascending and descending, nulls last, ties by name and id', async () => {
    const all = (await list(coordinator, '?pageSize=200')).items;
    expect(all).toHaveLength(specs.length);
    for (const [sort, key, descending] of [['-name', 'name', true], ['dwellings', 'dwellings', false], ['-dwellings', 'dwellings', true], ['officialMpg', 'officialMpg', false], ['-officialMpg', 'officialMpg', true]] as const) {
      const page = await list(coordinator, `?pageSize=200&sort=${sort}`);
      expect(page.sort).toBe(sort);
      expect(page.items.map((p) => p.id), sort).toEqual(sorted(all, key, descending));
    }
    const mpgs = (await list(coordinator, '?pageSize=3&sort=officialMpg')).items.map((p) => p.officialMpg);
    expect(mpgs).toEqual([0.3, 0.41, 0.55]);
    const last = await list(coordinator, '?pageSize=3&page=3&sort=-officialMpg');
    expect(last.items.every((p) => p.officialMpg === null)).toBe(true);
  });

  it('filters by kind and year like the dashboard', async () => {
    const transformatie = await list(outsider, '?kind=transformatie');
    expect(transformatie.items.map((p) => p.name)).toEqual(['Lijst Berk', 'Lijst Eik "de Hoeve"; fase 1']);
    const y2024 = await list(coordinator, '?year=2024');
    expect(y2024.items.map((p) => p.name)).toEqual(['Lijst Anjer', 'Lijst Cder', 'Lijst Eik "de Hoeve"; fase 1', 'Verborgen Gaarde']);
    expect((await list(outsider, '?kind=nieuwbouw&year=2026')).items.map((p) => p.dwellings)).toEqual([5]);
  });

  it('never names a confidential project of others in the list, the map or the CSV; insiders see theirs', async () => {
    for (const query of ['?pageSize=200', '?pageSize=200&sort=officialMpg', '?pageSize=200&year=2025']) {
      expect(JSON.stringify((await list(outsider, query)).items)).not.toContain('Verborgen');
    }
    const insider = await list(bewerker, '?pageSize=200');
    expect(insider.total).toBe(specs.length);
    expect(insider.items.map((p) => p.name)).toEqual(expect.arrayContaining(['Verborgen Gaarde', 'Verborgen Haven']));

    const outsiderColumns = dashboardProjectMap.parse((await call(ctx.app, outsider, 'GET', `${base}/map`)).json());
    const outsiderMap = mapPoints(outsiderColumns);
    expect(outsiderMap).toHaveLength(publicCount - 1); // one public project has no location
    expect(JSON.stringify(outsiderColumns)).not.toContain('Verborgen');
    const anjer = outsiderMap.find((p) => p.name === 'Lijst Anjer');
    expect(anjer).toMatchObject({ lat: 53.2, lon: 6.56, dwellings: 30, mpg: 0.55, standing: 'officieel', phase: 'initiatief' });
    expect(outsiderMap.find((p) => p.name === 'Lijst Berk')).toMatchObject({ mpg: null, standing: 'geen' });
    const insiderMap = mapPoints(dashboardProjectMap.parse((await call(ctx.app, bewerker, 'GET', `${base}/map?kind=transformatie`)).json()));
    expect(insiderMap.map((p) => p.name).sort()).toEqual(['Lijst Berk', 'Lijst Eik "de Hoeve"; fase 1', 'Verborgen Haven']);
    // Nothing under the filter: every column empty, not null.
    expect((await call(ctx.app, outsider, 'GET', `${base}/map?year=1999`)).json()).toEqual({ id: [], name: [], phase: [], lat: [], lon: [], dwellings: [], mpg: [], standing: [] });

    const csv = await call(ctx.app, outsider, 'GET', `${base}/projects.csv`);
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain(`projecten-${CODE}.csv`);
    expect(csv.body).not.toContain('Verborgen');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe('\uFEFFProject;Soort;Fase;Jaar;Woningen;MPG officieel;MPG indicatief');
    expect(lines).toHaveLength(publicCount + 2); // header, one line per project, final empty string
    expect(lines[1]).toBe('Lijst Anjer;nieuwbouw;initiatief;2024;30;0.55;');
    expect(lines).toContain('"Lijst Eik ""de Hoeve""; fase 1";transformatie;initiatief;2024;44;;');
    const insiderCsv = await call(ctx.app, bewerker, 'GET', `${base}/projects.csv?year=2024`);
    expect(insiderCsv.headers['content-disposition']).toContain(`projecten-${CODE}-2024.csv`);
    expect(insiderCsv.body.split('\r\n').slice(1, -1).map((l) => l.split(';')[0])).toEqual(['Lijst Anjer', 'Lijst Cder', '"Lijst Eik ""de Hoeve""', 'Verborgen Gaarde']);
  });

  it('streams the CSV in keyset batches that walk the whole list exactly once (ties in name included)', async () => {
    const repository = createMonitoringRepository(ctx.database.db);
    const batches: string[][] = [];
    for await (const batch of repository.allProjects({ kind: 'all' }, { municipalityCodes: [CODE] }, 2)) batches.push(batch.map((p) => p.id));
    expect(batches.map((b) => b.length)).toEqual([2, 2, 2, 2, 1]);
    expect(batches.flat()).toEqual((await list(coordinator, '?pageSize=200')).items.map((p) => p.id));
  });

  it('the dashboard carries the first page and the total of the list', async () => {
    for (const session of [outsider, bewerker]) {
      const response = await call(ctx.app, session, 'GET', base);
      const dashboard = municipalityDashboard.parse(response.json());
      const full = await list(session, '?pageSize=200');
      expect(dashboard.projectsTotal).toBe(full.total);
      expect(dashboard.projects).toEqual(full.items.slice(0, 50));
      expect(dashboard.totals.projects).toBeGreaterThanOrEqual(dashboard.projectsTotal);
    }
    const filtered = municipalityDashboard.parse((await call(ctx.app, outsider, 'GET', `${base}?year=2025`)).json());
    expect(filtered.projectsTotal).toBe(2);
  });

  it('refuses bad paging and sort with a 400 naming the field; 404 for an unknown municipality; 401 when signed out', async () => {
    for (const [query, field] of [['?page=0', 'page'], ['?page=x', 'page'], ['?page=1e20', 'page'], ['?pageSize=0', 'pageSize'], ['?pageSize=201', 'pageSize'], ['?pageSize=2.5', 'pageSize'], ['?sort=naam', 'sort'], ['?kind=villa', 'kind']] as const) {
      const response = await call(ctx.app, outsider, 'GET', `${base}/projects${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(JSON.stringify(response.json<{ error: { details: unknown } }>().error.details), query).toContain(field);
    }
    expect((await call(ctx.app, outsider, 'GET', `${base}/projects.csv?year=10`)).statusCode).toBe(400);
    for (const path of ['projects', 'projects.csv', 'map']) {
      expect((await call(ctx.app, outsider, 'GET', `/api/municipalities/GM9999/monitoring/${path}`)).statusCode, path).toBe(404);
      expect((await call(ctx.app, null, 'GET', `${base}/${path}`)).statusCode, path).toBe(401);
    }
  });
});
