/**
 * Renovation plans and designated neighbourhoods against a real database: entering rows, all-or-nothing uploads
 * with row-level errors, the overview per year and per area with outlines drawn from stock-list buildings, and
 * confidentiality (the stock-list sharing rules).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RenovationOverview, RenovationPlanDetail } from '@kringbouw/contracts';
import { call, createTestContext, idOfOrganisation, signIn, type Session, type TestContext } from '../../../test/helpers.ts';
import { buildingsUpload, freshPandId, injectMultipart, listUpload, multipart, stockFixture } from '../../../test/stock-support.ts';

const DELFT = 'GM0503';

let ctx: TestContext;
let s: Record<'coordinator' | 'gemeente' | 'lezerGemeente' | 'corporatie' | 'huurders' | 'bouwer', Session>;
let org: Record<'leiden' | 'corporatie' | 'huurders' | 'vanWijnen', string>;
/** Panden of the corporation's Delft list: two in buurt "Hof van Delft" (complex C-201), one in complex C-202 without buurt. */
const pand = { hof1: freshPandId(), hof2: freshPandId(), complex: freshPandId() };

async function rowCount(table: string): Promise<number> {
  const result = (await ctx.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n);
}

/** Three 10 m squares (RD New) in Delft: two side by side, one 200 m away. */
function threeBuildings(): string {
  const feature = (bagId: string, x: number, y: number) => ({
    type: 'Feature',
    properties: { identificatie: bagId, oorspronkelijkbouwjaar: 1968, dak_type: 'horizontal', h_maaiveld: 0, h_dak_max: 9, h_dak_70p: 9 },
    geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 10, y], [x + 10, y + 10], [x, y + 10], [x, y]]] },
  });
  return JSON.stringify({
    type: 'FeatureCollection',
    crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } },
    features: [feature(pand.hof1, 84000, 446000), feature(pand.hof2, 84020, 446000), feature(pand.complex, 84200, 446000)],
  });
}

async function createPlan(session: Session, body: Record<string, unknown>): Promise<RenovationPlanDetail> {
  const response = await call(ctx.app, session, 'POST', '/api/renovation/plans', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<RenovationPlanDetail>();
}

function planUpload(csv: string | Buffer, name = 'plan.csv') {
  return multipart({}, { name, content: csv, contentType: 'text/csv' });
}

beforeAll(async () => {
  ctx = await createTestContext();
  s = {
    coordinator: await signIn(ctx.app, 'coordinator@citydeal.demo'),
    gemeente: await signIn(ctx.app, 'beleid@leiden.demo'),
    lezerGemeente: await signIn(ctx.app, 'lezer@leiden.demo'),
    corporatie: await signIn(ctx.app, 'corporatie@leiden.demo'),
    huurders: await signIn(ctx.app, 'huurders@leiden.demo'),
    bouwer: await signIn(ctx.app, 'bouwer@vanwijnen.demo'),
  };
  org = {
    leiden: await idOfOrganisation(ctx.app, s.coordinator, 'Gemeente Leiden'),
    corporatie: await idOfOrganisation(ctx.app, s.coordinator, 'Voorbeeldcorporatie Leiden (demo)'),
    huurders: await idOfOrganisation(ctx.app, s.coordinator, 'Voorbeeld Huurdersorganisatie Leiden (demo)'),
    vanWijnen: await idOfOrganisation(ctx.app, s.coordinator, 'Van Wijnen'),
  };
  const imported = await injectMultipart(ctx.app, s.corporatie, 'POST', `/api/stock/municipalities/${DELFT}/buildings?organisationId=${org.corporatie}`, buildingsUpload(threeBuildings()));
  expect(imported.statusCode, imported.body).toBe(200);
  const csv = `bag_id;complexnummer;woningtype;oppervlakte_m2;buurt\n${pand.hof1};C-201;portiekflat;64;Hof van Delft\n${pand.hof2};C-201;portiekflat;64;hof  van delft\n${pand.complex};C-202;eengezinswoning;98;\n`;
  // The list is shared with the municipality only: the tenants' organisation does not see which panden these are.
  const list = await injectMultipart(ctx.app, s.corporatie, 'POST', '/api/stock/lists', listUpload({ organisationId: org.corporatie, name: 'Bezit Delft', municipalityCode: DELFT, sharedWith: [org.leiden] }, csv));
  expect(list.statusCode, list.body).toBe(201);
  expect(list.json<{ rows: { buurt: string | null }[] }>().rows.map((r) => r.buurt)).toEqual(['Hof van Delft', 'hof  van delft', null]);
});
afterAll(async () => {
  await ctx?.close();
});

describe('plans and rows', () => {
  it('creates a plan, adds rows through the form, refuses bad rows with the field named, deletes a row', async () => {
    const plan = await createPlan(s.corporatie, { organisationId: org.corporatie, municipalityCode: DELFT, name: 'Meerjarenplan Delft 2027–2036', sharedWith: [org.leiden] });
    expect(plan).toMatchObject({ ownerName: 'Voorbeeldcorporatie Leiden (demo)', sharedWithOrganisationIds: [org.leiden], rowCount: 0, dwellings: 0, rows: [] });

    const added = await call(ctx.app, s.corporatie, 'POST', `/api/renovation/plans/${plan.id}/rows`, { year: 2027, intervention: 'verduurzamen', dwellings: 120, buurt: 'Hof van Delft', circularAmbition: 'Biobased isolatie' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json<RenovationPlanDetail>()).toMatchObject({ rowCount: 1, dwellings: 120, rows: [{ year: 2027, intervention: 'verduurzamen', dwellings: 120, complexnummer: null, buurt: 'Hof van Delft', circularAmbition: 'Biobased isolatie' }] });

    for (const [body, path] of [
      [{ year: 1999, intervention: 'renovatie', dwellings: 5, complexnummer: 'C-1' }, 'year'],
      [{ year: 2030, intervention: 'schilderen', dwellings: 5, complexnummer: 'C-1' }, 'intervention'],
      [{ year: 2030, intervention: 'renovatie', dwellings: 0, complexnummer: 'C-1' }, 'dwellings'],
      [{ year: 2030, intervention: 'renovatie', dwellings: 5, complexnummer: '', buurt: '' }, 'complexnummer'],
    ] as const) {
      const refused = await call(ctx.app, s.corporatie, 'POST', `/api/renovation/plans/${plan.id}/rows`, body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(JSON.stringify(refused.json())).toContain(path);
    }
    const second = await call(ctx.app, s.corporatie, 'POST', `/api/renovation/plans/${plan.id}/rows`, { year: 2029, intervention: 'groot_onderhoud', dwellings: 30, complexnummer: 'C-202' });
    const rows = second.json<RenovationPlanDetail>().rows;
    expect(rows.map((r) => r.year)).toEqual([2027, 2029]);
    const removed = await call(ctx.app, s.corporatie, 'DELETE', `/api/renovation/plans/${plan.id}/rows/${rows[1]?.id}`);
    expect(removed.json<RenovationPlanDetail>()).toMatchObject({ rowCount: 1, dwellings: 120 });
    expect((await call(ctx.app, s.corporatie, 'DELETE', `/api/renovation/plans/${plan.id}/rows/${rows[1]?.id}`)).statusCode).toBe(404);
  });

  it('replaces the rows from a CSV or XLSX upload, and a malformed file changes nothing', async () => {
    const plan = await createPlan(s.corporatie, { organisationId: org.corporatie, municipalityCode: DELFT, name: 'Upload' });
    const url = `/api/renovation/plans/${plan.id}/import`;
    const ok = await injectMultipart(ctx.app, s.corporatie, 'POST', url, planUpload(stockFixture('renovatieplan_nl.csv')));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ imported: 4, rowCount: 4, dwellings: 120 + 1200 + 48 + 16, ignoredColumns: [] });
    const before = await rowCount('renovation_plan_rows');

    const bad = await injectMultipart(ctx.app, s.corporatie, 'POST', url, planUpload(stockFixture('renovatieplan_fout.csv')));
    expect(bad.statusCode).toBe(400);
    const error = bad.json<{ error: { code: string; message: string; details: { errorCount: number; issues: { row: number; column: string; reason: string }[] } } }>().error;
    expect(error.code).toBe('import_rejected');
    expect(error.message).toContain('er is niets opgeslagen');
    expect(error.details.issues.map((i) => [i.row, i.column])).toEqual([[3, 'jaar'], [4, 'ingreep'], [5, 'aantal_woningen'], [5, 'complexnummer'], [6, 'aantal_woningen']]);
    for (const broken of [Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), Buffer.from('jaar;aantal_woningen\n2027;3\n'), Buffer.from('')]) {
      const refused = await injectMultipart(ctx.app, s.corporatie, 'POST', url, planUpload(broken, 'plan.xlsx'));
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ error: { code: string } }>().error.code).toBe('import_rejected');
    }
    expect(await rowCount('renovation_plan_rows')).toBe(before);
    expect((await call(ctx.app, s.corporatie, 'GET', `/api/renovation/plans/${plan.id}`)).json<RenovationPlanDetail>().rowCount).toBe(4);
    // Someone who may not change the plan cannot upload either (the lezer of a party it is not shared with: 404).
    expect((await injectMultipart(ctx.app, s.bouwer, 'POST', url, planUpload(stockFixture('renovatieplan_nl.csv')))).statusCode).toBe(404);
  });

  it('refuses an unknown municipality and unknown organisations to share with', async () => {
    const response = await call(ctx.app, s.corporatie, 'POST', '/api/renovation/plans', { organisationId: org.corporatie, municipalityCode: 'GM9999', name: 'X', sharedWith: ['00000000-0000-4000-8000-000000000000'] });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('municipalityCode');
    expect(JSON.stringify(response.json())).toContain('sharedWith.0');
  });
});

describe('confidentiality', () => {
  it('a plan is seen by the owner and the organisations it is shared with, not by others; only the owner changes it', async () => {
    const plan = await createPlan(s.corporatie, { organisationId: org.corporatie, municipalityCode: DELFT, name: 'Vertrouwelijk', sharedWith: [org.huurders] });
    await call(ctx.app, s.corporatie, 'POST', `/api/renovation/plans/${plan.id}/rows`, { year: 2030, intervention: 'sloop_nieuwbouw', dwellings: 77, complexnummer: 'C-999' });
    const listed = async (session: Session) => (await call(ctx.app, session, 'GET', `/api/renovation/plans?municipalityCode=${DELFT}`)).json<{ items: { id: string }[] }>().items.some((p) => p.id === plan.id);
    expect(await listed(s.corporatie)).toBe(true);
    expect(await listed(s.huurders)).toBe(true);
    expect(await listed(s.coordinator)).toBe(true);
    expect(await listed(s.gemeente)).toBe(false);
    expect(await listed(s.bouwer)).toBe(false);
    expect((await call(ctx.app, s.gemeente, 'GET', `/api/renovation/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await call(ctx.app, s.huurders, 'GET', `/api/renovation/plans/${plan.id}`)).statusCode).toBe(200);
    // The tenants' organisation reads it but does not change it.
    expect((await call(ctx.app, s.huurders, 'POST', `/api/renovation/plans/${plan.id}/rows`, { year: 2031, intervention: 'renovatie', dwellings: 1, complexnummer: 'C-1' })).statusCode).toBe(403);
    // The overview counts the 77 dwellings only for those who see the plan.
    const complexTotal = async (session: Session) =>
      (await call(ctx.app, session, 'GET', `/api/renovation/municipalities/${DELFT}/overview?fromYear=2030&toYear=2030`)).json<RenovationOverview>().areas.find((a) => a.name === 'C-999')?.total ?? 0;
    expect(await complexTotal(s.huurders)).toBe(77);
    expect(await complexTotal(s.gemeente)).toBe(0);
    expect(await complexTotal(s.bouwer)).toBe(0);

    // Sharing with the municipality instead: now it sees it, the tenants' organisation no longer does.
    const shared = await call(ctx.app, s.corporatie, 'PUT', `/api/renovation/plans/${plan.id}/shares`, { organisationIds: [org.leiden] });
    expect(shared.statusCode).toBe(200);
    expect(await listed(s.gemeente)).toBe(true);
    expect(await listed(s.huurders)).toBe(false);
    expect((await call(ctx.app, s.gemeente, 'DELETE', `/api/renovation/plans/${plan.id}`)).statusCode).toBe(403);
    expect((await call(ctx.app, s.corporatie, 'DELETE', `/api/renovation/plans/${plan.id}`)).statusCode).toBe(204);
    expect((await call(ctx.app, s.corporatie, 'GET', `/api/renovation/plans/${plan.id}`)).statusCode).toBe(404);
  });

  it("a municipality's designation is visible to the parties it shares it with, not to others", async () => {
    const created = await call(ctx.app, s.gemeente, 'POST', '/api/renovation/designations', {
      organisationId: org.leiden,
      municipalityCode: DELFT,
      buurt: 'Hof van Delft',
      categories: ['klimaatadaptief', 'natuurinclusief', 'klimaatadaptief'],
      note: 'Wateroverlast bij hevige buien',
      sharedWith: [org.corporatie],
    });
    expect(created.statusCode, created.body).toBe(201);
    const designation = created.json<RenovationOverview['designations'][number]>();
    expect(designation).toMatchObject({ organisationName: 'Gemeente Leiden', buurt: 'Hof van Delft', categories: ['klimaatadaptief', 'natuurinclusief'], sharedWithOrganisationIds: [org.corporatie] });
    // The municipality sees the corporation's shared list, so the buurt has an outline: the hull of the two panden'
    // eight corners (6 of them on the hull: the RD grid is turned slightly against longitude/latitude), closed.
    expect(designation.outline?.coordinates[0]).toHaveLength(7);

    const seen = async (session: Session) => (await call(ctx.app, session, 'GET', `/api/renovation/municipalities/${DELFT}/overview`)).json<RenovationOverview>().designations.some((d) => d.id === designation.id);
    expect(await seen(s.gemeente)).toBe(true);
    expect(await seen(s.lezerGemeente)).toBe(true);
    expect(await seen(s.corporatie)).toBe(true);
    expect(await seen(s.coordinator)).toBe(true);
    expect(await seen(s.huurders)).toBe(false);
    expect(await seen(s.bouwer)).toBe(false);

    expect((await call(ctx.app, s.bouwer, 'DELETE', `/api/renovation/designations/${designation.id}`)).statusCode).toBe(404);
    expect((await call(ctx.app, s.corporatie, 'DELETE', `/api/renovation/designations/${designation.id}`)).statusCode).toBe(403);
    expect((await call(ctx.app, s.lezerGemeente, 'DELETE', `/api/renovation/designations/${designation.id}`)).statusCode).toBe(403);
    expect((await call(ctx.app, s.gemeente, 'DELETE', `/api/renovation/designations/${designation.id}`)).statusCode).toBe(204);
    expect(await seen(s.gemeente)).toBe(false);
  });

  it('refuses a designation without a theme or for an organisation the actor does not act for', async () => {
    const noTheme = await call(ctx.app, s.gemeente, 'POST', '/api/renovation/designations', { organisationId: org.leiden, municipalityCode: DELFT, buurt: 'Wippolder', categories: [] });
    expect(noTheme.statusCode).toBe(400);
    expect(JSON.stringify(noTheme.json())).toContain('categories');
    const otherOrg = await call(ctx.app, s.gemeente, 'POST', '/api/renovation/designations', { organisationId: org.corporatie, municipalityCode: DELFT, buurt: 'Wippolder', categories: ['circulair'] });
    expect(otherOrg.statusCode).toBe(403);
    expect(await rowCount('neighbourhood_designations')).toBe(0);
  });
});

describe('overview', () => {
  it('sums dwellings per year and intervention and per area, with outlines from the owner’s stock list', async () => {
    const plan = await createPlan(s.corporatie, { organisationId: org.corporatie, municipalityCode: DELFT, name: 'Overzicht', sharedWith: [org.huurders] });
    for (const row of [
      { year: 2027, intervention: 'verduurzamen', dwellings: 40, buurt: 'HOF VAN DELFT' },
      { year: 2027, intervention: 'groot_onderhoud', dwellings: 10, complexnummer: 'C-201', buurt: 'Hof van Delft' },
      { year: 2028, intervention: 'renovatie', dwellings: 24, complexnummer: 'C-202' },
      { year: 2032, intervention: 'transformatie', dwellings: 6, complexnummer: 'C-777' },
    ]) {
      expect((await call(ctx.app, s.corporatie, 'POST', `/api/renovation/plans/${plan.id}/rows`, row)).statusCode).toBe(201);
    }
    const response = await call(ctx.app, s.huurders, 'GET', `/api/renovation/municipalities/${DELFT}/overview?fromYear=2027&toYear=2030`);
    expect(response.statusCode, response.body).toBe(200);
    const overview = response.json<RenovationOverview>();
    expect(overview.plans.map((p) => p.name)).toEqual(['Overzicht']);
    expect(overview.years.map((y) => [y.year, y.total])).toEqual([[2027, 50], [2028, 24], [2029, 0], [2030, 0]]);
    expect(overview.years[0]?.byIntervention).toMatchObject({ verduurzamen: 40, groot_onderhoud: 10 });
    // Hof van Delft: 40 + 10 = 50 (both spellings are one buurt), two panden; C-202: 24, one pand; C-777 lies after 2030.
    expect(overview.areas.map((a) => [a.kind, a.name, a.total, a.peakYear, a.buildings])).toEqual([
      ['buurt', 'Hof van Delft', 50, 2027, 2],
      ['complex', 'C-202', 24, 2028, 1],
    ]);
    // Outlines in WGS84 around Delft (RD 84000, 446000 ≈ 4.34 E, 52.0 N); two 10 m squares 10 m apart: ≈ 30 m wide.
    const ring = overview.areas[0]?.outline?.coordinates[0] ?? [];
    const lons = ring.map((p) => p[0]);
    expect(Math.min(...lons)).toBeGreaterThan(4.3);
    expect(Math.max(...lons)).toBeLessThan(4.4);
    expect((Math.max(...lons) - Math.min(...lons)) * 111_320 * Math.cos((52 * Math.PI) / 180)).toBeCloseTo(30, 0);
    // The tenants' organisation cannot see the stock list itself — only the plan's outline.
    expect((await call(ctx.app, s.huurders, 'GET', '/api/stock/lists')).json<{ items: unknown[] }>().items).toEqual([]);
    // Without a plan in view the overview is empty but well-formed; a reversed range is refused.
    const empty = (await call(ctx.app, s.bouwer, 'GET', `/api/renovation/municipalities/${DELFT}/overview?fromYear=2027&toYear=2028`)).json<RenovationOverview>();
    expect(empty).toMatchObject({ plans: [], areas: [], designations: [], buurten: [] });
    expect(empty.years.map((y) => y.total)).toEqual([0, 0]);
    expect((await call(ctx.app, s.bouwer, 'GET', `/api/renovation/municipalities/${DELFT}/overview?fromYear=2030&toYear=2027`)).statusCode).toBe(400);
  });
});
