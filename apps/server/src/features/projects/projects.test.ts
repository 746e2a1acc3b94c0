import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canViewProject } from '@kringbouw/domain/authz';
import type { Project } from '@kringbouw/contracts';
import { call, createTestContext, idOfOrganisation, projectBody, signIn, type Session, type TestContext } from '../../../test/helpers.ts';

let ctx: TestContext;
let coordinator: Session;
let leiden: string;

beforeAll(async () => {
  ctx = await createTestContext();
  coordinator = await signIn(ctx.app, 'coordinator@citydeal.demo');
  leiden = await idOfOrganisation(ctx.app, coordinator, 'Gemeente Leiden');
});
afterAll(async () => {
  await ctx.close();
});

const confidentialName = 'Voorbeeld: vertrouwelijke verkenning Leiden';

async function list(session: Session, query = ''): Promise<{ items: Project[]; total: number }> {
  const response = await call(ctx.app, session, 'GET', `/api/projects${query}`);
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('confidential projects', () => {
  it('are invisible to non-parties in the list, in search, in the total and in detail (404, not 403)', async () => {
    const all = await list(coordinator, '?pageSize=200');
    const confidential = all.items.find((p) => p.name === confidentialName);
    expect(confidential?.visibility).toBe('vertrouwelijk');
    if (!confidential) return;

    for (const email of ['beleid@leiden.demo', 'beheer@leiden.demo', 'bouwer@vanwijnen.demo', 'beleid@utrecht.demo']) {
      const outsider = await signIn(ctx.app, email);
      const plain = await list(outsider, '?pageSize=200');
      expect(plain.items.map((p) => p.id)).not.toContain(confidential.id);
      expect(plain.total).toBe(all.total - 1);
      const searched = await list(outsider, '?q=vertrouwelijke');
      expect(searched).toMatchObject({ total: 0, items: [] });
      const filtered = await list(outsider, '?municipality=GM0546&kind=renovatie');
      expect(filtered.total).toBe(0);
      const detail = await call(ctx.app, outsider, 'GET', `/api/projects/${confidential.id}`);
      expect(detail.statusCode).toBe(404);
      expect(detail.json().error.code).toBe('not_found');
      const missing = await call(ctx.app, outsider, 'GET', '/api/projects/00000000-0000-4000-8000-000000000000');
      expect(detail.json()).toEqual(missing.json());
      const edit = await call(ctx.app, outsider, 'PUT', `/api/projects/${confidential.id}`, { ...confidential, version: 1 });
      expect(edit.statusCode).toBe(404);
      expect((await call(ctx.app, outsider, 'DELETE', `/api/projects/${confidential.id}`)).statusCode).toBe(404);
    }

    for (const email of ['corporatie@leiden.demo', 'huurders@leiden.demo']) {
      const party = await signIn(ctx.app, email);
      expect((await list(party, '?q=vertrouwelijke')).total).toBe(1);
      expect((await call(ctx.app, party, 'GET', `/api/projects/${confidential.id}`)).statusCode).toBe(200);
    }
  });

  it('the list matches the shared policy canViewProject for every demo account', async () => {
    const everything = (await list(coordinator, '?pageSize=200')).items;
    for (const email of ['lezer@leiden.demo', 'corporatie@leiden.demo', 'huurders@leiden.demo', 'bouwer@vanwijnen.demo', 'onderzoek@uu.demo']) {
      const session = await signIn(ctx.app, email);
      const me = (await call(ctx.app, session, 'GET', '/api/auth/session')).json<{
        user: { id: string; platformRole: 'coordinator' | null; memberships: { organisationId: string; role: 'lezer' | 'bewerker' | 'beheerder' }[] };
      }>().user;
      const actor = { userId: me.id, platformRole: me.platformRole, memberships: me.memberships };
      const expected = everything.filter((p) => canViewProject(actor, p)).map((p) => p.id).sort();
      expect((await list(session, '?pageSize=200')).items.map((p) => p.id).sort()).toEqual(expected);
    }
  });
});

describe('project lifecycle', () => {
  it('creates, reads, updates with optimistic concurrency (409 on a stale version) and deletes', async () => {
    const bewerker = await signIn(ctx.app, 'beleid@leiden.demo');
    const vanWijnen = await idOfOrganisation(ctx.app, bewerker, 'Van Wijnen');
    const created = await call(
      ctx.app,
      bewerker,
      'POST',
      '/api/projects',
      projectBody(leiden, { parties: [{ organisationId: leiden, role: 'gemeente' }, { organisationId: vanWijnen, role: 'bouwer' }] }),
    );
    expect(created.statusCode).toBe(201);
    const project = created.json<Project>();
    expect(project).toMatchObject({
      municipalityName: 'Leiden',
      version: 1,
      isExample: false,
      ownerOrganisationId: leiden,
      parties: [
        { organisationId: leiden, organisationName: 'Gemeente Leiden', role: 'gemeente' },
        { organisationId: vanWijnen, organisationName: 'Van Wijnen', role: 'bouwer' },
      ],
      phaseDates: { initiatief: null, ontwerp: null, realisatie: null, opgeleverd: null },
    });

    const { ownerOrganisationId: _owner, ...input } = projectBody(leiden);
    const first = await call(ctx.app, bewerker, 'PUT', `/api/projects/${project.id}`, { ...input, phase: 'ontwerp', version: 1 });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ phase: 'ontwerp', version: 2, parties: [{ organisationId: leiden }] });

    const stale = await call(ctx.app, bewerker, 'PUT', `/api/projects/${project.id}`, { ...input, name: 'Te laat', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    expect((await call(ctx.app, bewerker, 'GET', `/api/projects/${project.id}`)).json().name).toBe('Testproject Houtbouw');

    const beheerder = await signIn(ctx.app, 'beheer@leiden.demo');
    expect((await call(ctx.app, bewerker, 'DELETE', `/api/projects/${project.id}`)).statusCode).toBe(403);
    expect((await call(ctx.app, beheerder, 'DELETE', `/api/projects/${project.id}`)).statusCode).toBe(204);
    expect((await call(ctx.app, beheerder, 'GET', `/api/projects/${project.id}`)).statusCode).toBe(404);
  });

  it('lets a bewerker of a party organisation edit, but not one of an unrelated organisation', async () => {
    const vanWijnenUser = await signIn(ctx.app, 'bouwer@vanwijnen.demo');
    const utrechtUser = await signIn(ctx.app, 'beleid@utrecht.demo');
    const fijnWonen = (await list(coordinator, '?q=Fijn%20Wonen')).items[0];
    if (!fijnWonen) throw new Error('demo project missing');
    const { id, municipalityName: _m, createdAt: _c, updatedAt: _u, isExample: _e, ownerOrganisationId: _o, ...rest } = fijnWonen;
    const body = { ...rest, parties: rest.parties.map((p) => ({ organisationId: p.organisationId, role: p.role })) };
    expect((await call(ctx.app, utrechtUser, 'PUT', `/api/projects/${id}`, body)).statusCode).toBe(403);
    const edited = await call(ctx.app, vanWijnenUser, 'PUT', `/api/projects/${id}`, { ...body, phase: 'realisatie' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ phase: 'realisatie', isExample: true });
  });
});

describe('search, filters, sorting, paging', () => {
  it('searches name, description and municipality name, case-insensitively', async () => {
    const byCity = await list(coordinator, '?q=nijmegen');
    expect(byCity.items.map((p) => p.municipalityName)).toEqual(['Nijmegen']);
    const byDescription = await list(coordinator, '?q=PORTIEKFLAT');
    expect(byDescription.items.map((p) => p.name)).toEqual(['Voorbeeld: optoppen met Rc Panels in Den Haag']);
    expect((await list(coordinator, '?q=100%25')).total).toBe(0);
    // The CBS name of Den Haag is 's-Gravenhage; both find its projects.
    const hague = await call(ctx.app, coordinator, 'POST', '/api/projects', projectBody(leiden, { name: 'Hofstad project', municipalityCode: 'GM0518' }));
    expect(hague.statusCode).toBe(201);
    expect((await list(coordinator, '?q=den%20haag')).items.map((p) => p.name)).toContain('Hofstad project');
    expect((await list(coordinator, '?q=gravenhage')).items.map((p) => p.name)).toContain('Hofstad project');
  });

  it('filters on municipality, kind and phase', async () => {
    expect((await list(coordinator, '?municipality=GM0034')).items.map((p) => p.name)).toEqual(['Voorbeeld: SustainerHomes in Almere']);
    expect((await list(coordinator, '?kind=optopping')).items.every((p) => p.kind === 'optopping')).toBe(true);
    expect((await list(coordinator, '?phase=initiatief')).items.every((p) => p.phase === 'initiatief')).toBe(true);
    const vanWijnen = await idOfOrganisation(ctx.app, coordinator, 'Van Wijnen');
    expect((await list(coordinator, `?organisation=${vanWijnen}`)).items.map((p) => p.name)).toEqual(['Voorbeeld: Fijn Wonen in Leiden']);
    const corporatie = await idOfOrganisation(ctx.app, coordinator, 'Voorbeeldcorporatie Leiden (demo)');
    expect((await list(coordinator, `?organisation=${corporatie}&sort=name&order=asc`)).items.map((p) => p.name)).toEqual([
      'Voorbeeld: Fijn Wonen in Leiden',
      'Voorbeeld: vertrouwelijke verkenning Leiden',
    ]);
    // The filter never widens what someone may see.
    const outsider = await signIn(ctx.app, 'beleid@utrecht.demo');
    expect((await list(outsider, `?organisation=${corporatie}`)).items.map((p) => p.name)).toEqual(['Voorbeeld: Fijn Wonen in Leiden']);
  });

  it('sorts and pages with a stable total', async () => {
    const byName = await list(coordinator, '?sort=name&order=asc&pageSize=200');
    const names = byName.items.map((p) => p.name);
    const lower = names.map((n) => n.toLowerCase());
    expect(lower).toEqual([...lower].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const page1 = await list(coordinator, '?sort=name&order=asc&pageSize=2&page=1');
    const page2 = await list(coordinator, '?sort=name&order=asc&pageSize=2&page=2');
    expect(page1.total).toBe(byName.total);
    expect([...page1.items, ...page2.items].map((p) => p.name)).toEqual(names.slice(0, 4));
    const byDwellings = (await list(coordinator, '?sort=dwellings&order=desc&pageSize=200')).items.map((p) => p.dwellings);
    expect(byDwellings).toEqual([...byDwellings].sort((a, b) => b - a));
    const byPhase = (await list(coordinator, '?sort=phase&order=asc&pageSize=200')).items.map((p) => p.phase);
    const order = ['initiatief', 'ontwerp', 'realisatie', 'opgeleverd'];
    expect(byPhase.map((p) => order.indexOf(p))).toEqual(byPhase.map((p) => order.indexOf(p)).sort((a, b) => a - b));
  });
});
