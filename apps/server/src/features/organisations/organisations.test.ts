import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('organisations', () => {
  it('lists with search on name and short name, and filter on kind, with member counts', async () => {
    const lezer = await signIn(ctx.app, 'lezer@leiden.demo');
    const byShortName = (await call(ctx.app, lezer, 'GET', '/api/organisations?q=BZK')).json().items;
    expect(byShortName.map((o: { name: string }) => o.name)).toEqual(['Ministerie van Binnenlandse Zaken en Koninkrijksrelaties']);
    const provinces = (await call(ctx.app, lezer, 'GET', '/api/organisations?kind=provincie')).json().items;
    expect(provinces).toHaveLength(3);
    const leidenRow = (await call(ctx.app, lezer, 'GET', '/api/organisations?q=Gemeente%20Leiden')).json().items[0];
    expect(leidenRow).toMatchObject({ municipalityCode: 'GM0546', cityDealSignatory: true, memberCount: 3 });
  });

  it('shows members only to members and the coordinator, and invitations only to beheerders and the coordinator', async () => {
    const lezer = await signIn(ctx.app, 'lezer@leiden.demo');
    const outsider = await signIn(ctx.app, 'beleid@utrecht.demo');
    const beheerder = await signIn(ctx.app, 'beheer@leiden.demo');
    const asLezer = (await call(ctx.app, lezer, 'GET', `/api/organisations/${leiden}`)).json();
    expect(asLezer.members.map((m: { email: string }) => m.email).sort()).toEqual(['beheer@leiden.demo', 'beleid@leiden.demo', 'lezer@leiden.demo']);
    expect(asLezer.invitations).toBeNull();
    const asOutsider = (await call(ctx.app, outsider, 'GET', `/api/organisations/${leiden}`)).json();
    expect(asOutsider).toMatchObject({ name: 'Gemeente Leiden', memberCount: 3, members: [], invitations: null });
    expect((await call(ctx.app, beheerder, 'GET', `/api/organisations/${leiden}`)).json().invitations).toEqual([]);
    expect((await call(ctx.app, coordinator, 'GET', `/api/organisations/${leiden}`)).json().invitations).toEqual([]);
  });

  it('lets the coordinator add an organisation, refusing a duplicate name', async () => {
    const created = await call(ctx.app, coordinator, 'POST', '/api/organisations', {
      name: 'Woonstichting Voorbeeld (demo)',
      kind: 'woningcorporatie',
      website: 'https://example.org/',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ shortName: null, municipalityCode: null, cityDealSignatory: false, memberCount: 0, members: [] });
    const duplicate = await call(ctx.app, coordinator, 'POST', '/api/organisations', { name: 'woonstichting voorbeeld (demo)', kind: 'woningcorporatie' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('organisation_exists');
  });

  it("lets a beheerder change the organisation's details but not its kind or City Deal status", async () => {
    const beheerder = await signIn(ctx.app, 'beheer@leiden.demo');
    const changed = await call(ctx.app, beheerder, 'PATCH', `/api/organisations/${leiden}`, { shortName: 'Leiden', website: 'https://www.leiden.nl/' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ website: 'https://www.leiden.nl/', kind: 'gemeente' });
    const kind = await call(ctx.app, beheerder, 'PATCH', `/api/organisations/${leiden}`, { kind: 'provincie' });
    expect(kind.statusCode).toBe(403);
    const status = await call(ctx.app, beheerder, 'PATCH', `/api/organisations/${leiden}`, { cityDealSignatory: false });
    expect(status.statusCode).toBe(403);
    expect((await call(ctx.app, beheerder, 'GET', `/api/organisations/${leiden}`)).json()).toMatchObject({ kind: 'gemeente', cityDealSignatory: true });
  });

  it('changes and removes members; removed members lose access to confidential projects at once', async () => {
    const corporatieBeheerder = await signIn(ctx.app, 'corporatie@leiden.demo');
    const huurders = await signIn(ctx.app, 'huurders@leiden.demo');
    const huurdersOrg = await idOfOrganisation(ctx.app, coordinator, 'Voorbeeld Huurdersorganisatie Leiden (demo)');
    const confidential = (await call(ctx.app, huurders, 'GET', '/api/projects?q=vertrouwelijke')).json().items[0];
    expect(confidential).toBeDefined();
    const promoted = await call(ctx.app, coordinator, 'PATCH', `/api/organisations/${huurdersOrg}/members/${huurders.userId}`, { role: 'beheerder' });
    expect(promoted.json()).toMatchObject({ email: 'huurders@leiden.demo', role: 'beheerder' });
    // The corporation's beheerder cannot manage another organisation's members.
    const foreign = await call(ctx.app, corporatieBeheerder, 'DELETE', `/api/organisations/${huurdersOrg}/members/${huurders.userId}`);
    expect(foreign.statusCode).toBe(403);
    await call(ctx.app, coordinator, 'PATCH', `/api/organisations/${huurdersOrg}/members/${huurders.userId}`, { role: 'lezer' }).then((r) =>
      expect(r.statusCode).toBe(409),
    );
    const second = await signIn(ctx.app, 'lezer@leiden.demo');
    await call(ctx.app, coordinator, 'POST', `/api/organisations/${huurdersOrg}/invitations`, { email: 'lezer@leiden.demo', role: 'beheerder' });
    const token = ctx.mail.lastTo('lezer@leiden.demo')?.text.match(/token=([\w-]+)/)?.[1] ?? '';
    expect((await call(ctx.app, null, 'POST', '/api/invitations/accept', { token, password: 'kringbouw-demo' })).statusCode).toBe(200);
    const removed = await call(ctx.app, coordinator, 'DELETE', `/api/organisations/${huurdersOrg}/members/${huurders.userId}`);
    expect(removed.statusCode).toBe(204);
    expect((await call(ctx.app, huurders, 'GET', `/api/projects/${confidential.id}`)).statusCode).toBe(404);
    expect((await call(ctx.app, second, 'GET', `/api/projects/${confidential.id}`)).statusCode).toBe(200);
    const missing = await call(ctx.app, coordinator, 'DELETE', `/api/organisations/${huurdersOrg}/members/${huurders.userId}`);
    expect(missing.statusCode).toBe(404);
  });
});

describe('the last beheerder', () => {
  it('of two demotions sent at once, exactly one succeeds (the beheerder rows are locked while counting)', async () => {
    const created = await call(ctx.app, coordinator, 'POST', '/api/organisations', { name: 'Twee beheerders (demo)', kind: 'adviseur' });
    const id = created.json().id as string;
    const userIds: string[] = [];
    for (const email of ['een@twee.example', 'twee@twee.example']) {
      await call(ctx.app, coordinator, 'POST', `/api/organisations/${id}/invitations`, { email, role: 'beheerder' });
      const token = ctx.mail.lastTo(email)?.text.match(/token=([\w-]+)/)?.[1] ?? '';
      const accepted = await call(ctx.app, null, 'POST', '/api/invitations/accept', { token, name: email, password: 'een-lang-wachtwoord' });
      userIds.push(accepted.json().user.id);
    }
    const results = await Promise.all(
      userIds.map((userId) => call(ctx.app, coordinator, 'PATCH', `/api/organisations/${id}/members/${userId}`, { role: 'lezer' })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const members = (await call(ctx.app, coordinator, 'GET', `/api/organisations/${id}`)).json().members as { role: string }[];
    expect(members.filter((m) => m.role === 'beheerder')).toHaveLength(1);
  });
});

describe('concurrency on one database connection', () => {
  it('handles many simultaneous writes and reads (PGlite serialises transactions)', async () => {
    const bewerker = await signIn(ctx.app, 'beleid@leiden.demo');
    const before = (await call(ctx.app, bewerker, 'GET', '/api/projects?q=Gelijktijdig')).json().total;
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 3 === 2
          ? call(ctx.app, bewerker, 'GET', '/api/projects')
          : call(ctx.app, bewerker, 'POST', '/api/projects', projectBody(leiden, { name: `Gelijktijdig ${i}` })),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([...Array(8).fill(201), ...Array(4).fill(200)].sort());
    expect((await call(ctx.app, bewerker, 'GET', '/api/projects?q=Gelijktijdig')).json().total).toBe(before + 8);
  });
});
