/**
 * Kansenkaart API against a real database: importing the Delft 3D BAG tile, all-or-nothing rejection, map
 * serving (footprints / points / clusters), building detail with reasons, assessments, and the confidentiality
 * of corporation stock lists.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, idOfOrganisation, signIn, type Session, type TestContext } from '../../../test/helpers.ts';
import { buildingsUpload, freshPandId, injectMultipart, listUpload, oneBuildingGeoJson, stockFixture } from '../../../test/stock-support.ts';
import { clusterCellDegrees, createStockRepository } from './stock.repository.ts';
import { createStockService } from './stock.service.ts';

const DELFT = 'GM0503';
/** The Delft tile's extent in WGS84, with a margin. */
const delftBbox = '4.36,52.0,4.38,52.01';

let ctx: TestContext;
let s: Record<'coordinator' | 'gemeente' | 'lezer' | 'corporatie' | 'huurders' | 'bouwer', Session>;
let org: Record<'leiden' | 'corporatie' | 'huurders' | 'vanWijnen', string>;

async function countRows(table: string): Promise<number> {
  const result = (await ctx.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n);
}

beforeAll(async () => {
  ctx = await createTestContext();
  s = {
    coordinator: await signIn(ctx.app, 'coordinator@citydeal.demo'),
    gemeente: await signIn(ctx.app, 'beleid@leiden.demo'),
    lezer: await signIn(ctx.app, 'lezer@leiden.demo'),
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
});
afterAll(async () => {
  await ctx?.close();
});

describe('importing buildings', () => {
  it('imports the Delft 3D BAG tile: 432 buildings, scored, only for a bewerker of the organisation', async () => {
    const tile = stockFixture('3dbag_v210908_tile5910_delft.city.json');
    const url = `/api/stock/municipalities/${DELFT}/buildings?organisationId=${org.leiden}`;
    expect((await injectMultipart(ctx.app, null, 'POST', url, buildingsUpload(tile, 'tile.city.json'))).statusCode).toBe(401);
    expect((await injectMultipart(ctx.app, s.lezer, 'POST', url, buildingsUpload(tile, 'tile.city.json'))).statusCode).toBe(403);
    expect((await injectMultipart(ctx.app, s.bouwer, 'POST', url, buildingsUpload(tile, 'tile.city.json'))).statusCode).toBe(403);
    expect(await countRows('stock_buildings')).toBe(0);

    const response = await injectMultipart(ctx.app, s.gemeente, 'POST', url, buildingsUpload(tile, 'tile.city.json'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ imported: 432, rescored: 0, rulesVersion: 'rules-v1', warnings: [] });
    expect(await countRows('stock_buildings')).toBe(432);
    const flat = (await ctx.database.db.execute(sql.raw(`select count(*)::int as n from stock_buildings where roof_type in ('horizontal', 'multiple horizontal')`))) as unknown as { rows: { n: number }[] };
    expect(Number(flat.rows[0]?.n)).toBe(249);
  });

  it('re-importing replaces; a new building next door re-scores its stored neighbours in the same transaction', async () => {
    const id = freshPandId();
    const response = await injectMultipart(ctx.app, s.gemeente, 'POST', `/api/stock/municipalities/${DELFT}/buildings?organisationId=${org.leiden}`, buildingsUpload(oneBuildingGeoJson(id, [85200, 446650])));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ imported: 1, rescored: 432 });
    expect(await countRows('stock_buildings')).toBe(433);
    const detail = await call(ctx.app, s.lezer, 'GET', `/api/stock/buildings/${id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json<{ opportunities: { optoppen: { reasons: { text_nl: string }[] } } }>().opportunities.optoppen.reasons.map((r) => r.text_nl)).toEqual(
      expect.arrayContaining(['platte dakvorm', 'bouwjaar 1972', '3 bouwlagen (geschat)']),
    );
  });

  it('BAG verblijfsobjecten (CSV) join onto the stored panden and drive splitsen and transformatie', async () => {
    const url = `/api/stock/municipalities/${DELFT}/verblijfsobjecten?organisationId=${org.leiden}`;
    const bad = 'identificatie;gebruiksdoel;oppervlakte;status;pandidentificatie\n0503010000900001;woonfunctie;80,5;Verblijfsobject in gebruik;0503100000004563\n';
    const rejectedResponse = await injectMultipart(ctx.app, s.gemeente, 'POST', url, buildingsUpload(bad, 'vbo.csv'));
    expect(rejectedResponse.statusCode).toBe(400);
    expect(rejectedResponse.json()).toMatchObject({ error: { code: 'import_rejected', details: { issues: [{ row: 2, column: 'oppervlakte' }] } } });
    expect((await injectMultipart(ctx.app, s.lezer, 'POST', url, buildingsUpload(stockFixture('delft_verblijfsobjecten.csv'), 'vbo.csv'))).statusCode).toBe(403);

    const response = await injectMultipart(ctx.app, s.gemeente, 'POST', url, buildingsUpload(stockFixture('delft_verblijfsobjecten.csv'), 'vbo.csv'));
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ imported: 5, verblijfsobjecten: 9, rescored: 433, warnings: [] });
    const office = (await call(ctx.app, s.lezer, 'GET', '/api/stock/buildings/0503100000004494')).json<{ useFunctions: string[]; vacant: boolean; opportunities: { transformatie: { score: number; reasons: { text_nl: string }[] } } }>();
    expect(office).toMatchObject({ useFunctions: ['kantoorfunctie'], vacant: true });
    expect(office.opportunities.transformatie.score).toBe(80);
    expect(office.opportunities.transformatie.reasons.map((r) => r.text_nl)).toEqual(['gebruiksdoel kantoorfunctie, geen woonfunctie', 'leegstand bekend']);
    const herenhuis = (await call(ctx.app, s.lezer, 'GET', '/api/stock/buildings/0503100000004563')).json<{ dwellings: number; opportunities: { splitsen: { reasons: { text_nl: string }[] } } }>();
    expect(herenhuis.dwellings).toBe(1);
    expect(herenhuis.opportunities.splitsen.reasons[0]?.text_nl).toBe('gemiddeld 210 m² per woning');
  });

  it('a file with one bad feature is rejected whole with the id and reason; nothing is written', async () => {
    const tile = JSON.parse(stockFixture('3dbag_v210908_tile5910_delft.city.json').toString('utf8')) as { CityObjects: Record<string, { geometry: unknown[]; children?: string[] }> };
    const broken = tile.CityObjects['NL.IMBAG.Pand.0503100000004247'];
    if (!broken) throw new Error('fixture');
    broken.geometry = [];
    broken.children = [];
    await ctx.database.db.execute(sql.raw(`update stock_buildings set score_optoppen = -1 where bag_id = '0503100000004493'`));
    const before = await countRows('stock_buildings');
    const response = await injectMultipart(ctx.app, s.gemeente, 'POST', `/api/stock/municipalities/${DELFT}/buildings?organisationId=${org.leiden}`, buildingsUpload(JSON.stringify(tile), 'tile.city.json'));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: {
        code: 'import_rejected',
        message: 'Het bestand bevat 1 fout(en); er is niets opgeslagen.',
        details: { errorCount: 1, issues: [{ severity: 'error', id: 'NL.IMBAG.Pand.0503100000004247', reason: 'no LoD0 footprint and no LoD1.2 GroundSurface' }] },
      },
    });
    expect(await countRows('stock_buildings')).toBe(before);
    const untouched = (await ctx.database.db.execute(sql.raw(`select score_optoppen from stock_buildings where bag_id = '0503100000004493'`))) as unknown as { rows: { score_optoppen: number }[] };
    expect(untouched.rows[0]?.score_optoppen).toBe(-1);
    await ctx.database.db.execute(sql.raw(`update stock_buildings set score_optoppen = 0 where bag_id = '0503100000004493'`));
  });

  it('wrong CRS, not JSON and an unknown municipality are clear 400s', async () => {
    const url = (code: string) => `/api/stock/municipalities/${code}/buildings?organisationId=${org.leiden}`;
    const wrongCrs = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:3857' } }, features: [] });
    const crs = await injectMultipart(ctx.app, s.gemeente, 'POST', url(DELFT), buildingsUpload(wrongCrs));
    expect(crs.json()).toMatchObject({ error: { code: 'invalid_file', message: 'Unsupported coordinate reference system "EPSG:3857" (expected EPSG:28992 or WGS84)' } });
    const notJson = await injectMultipart(ctx.app, s.gemeente, 'POST', url(DELFT), buildingsUpload('dit is geen json'));
    expect(notJson.json()).toMatchObject({ error: { code: 'invalid_file' } });
    const unknown = await injectMultipart(ctx.app, s.gemeente, 'POST', url('GM9999'), buildingsUpload(oneBuildingGeoJson(freshPandId())));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ error: { code: 'validation_failed', details: [{ path: 'code', message: 'Onbekende CBS-gemeentecode: GM9999' }] } });
  });
});

describe('serving the map', () => {
  it('zoom ≥ 15: simplified footprints with the chosen score, filtered by score and build year', async () => {
    const response = await call(ctx.app, s.lezer, 'GET', `/api/stock/buildings?bbox=${delftBbox}&zoom=16&kind=optoppen&minScore=50&buildYearFrom=1900&buildYearTo=2000`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ mode: string; total: number; features: { geometry: { type: string }; properties: { score: number; buildYear: number } }[] }>();
    expect(body.mode).toBe('footprints');
    expect(body.total).toBe(body.features.length);
    expect(body.total).toBeGreaterThan(0);
    for (const feature of body.features) {
      expect(feature.geometry.type).toBe('Polygon');
      expect(feature.properties.score).toBeGreaterThanOrEqual(50);
      expect(feature.properties.buildYear).toBeGreaterThanOrEqual(1900);
      expect(feature.properties.buildYear).toBeLessThanOrEqual(2000);
    }
    const scores = body.features.map((f) => f.properties.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('zoom < 15: centroids; a bbox elsewhere is empty', async () => {
    const points = (await call(ctx.app, s.lezer, 'GET', `/api/stock/buildings?bbox=${delftBbox}&zoom=13`)).json<{ mode: string; total: number; features: { geometry: { type: string } }[] }>();
    expect(points.mode).toBe('points');
    expect(points.total).toBe(433);
    expect(points.features.every((f) => f.geometry.type === 'Point')).toBe(true);
    const elsewhere = (await call(ctx.app, s.lezer, 'GET', '/api/stock/buildings?bbox=5.0,52.0,5.1,52.1&zoom=13')).json<{ total: number }>();
    expect(elsewhere.total).toBe(0);
  });

  it('more buildings in view than the limit: grid clusters whose counts add up to the total', async () => {
    const service = createStockService({ repository: createStockRepository(ctx.database.db), now: () => new Date(), maxMapFeatures: 100 });
    const actor = { userId: s.lezer.userId, platformRole: null, memberships: [{ organisationId: org.leiden, role: 'lezer' as const }] };
    const result = await service.buildingsInView(actor, { bbox: { minLon: 4.36, minLat: 52.0, maxLon: 4.38, maxLat: 52.01 }, zoom: 17, kind: 'optoppen', minScore: 0 });
    expect(result.mode).toBe('clusters');
    expect(result.features.length).toBeGreaterThan(1);
    expect(result.features.reduce((sum, f) => sum + Number(f.properties['count']), 0)).toBe(433);
  });

  it('whole-city clusters come pre-aggregated per zoom level and equal grouping the points per request', async () => {
    const repository = createStockRepository(ctx.database.db);
    const service = createStockService({ repository, now: () => new Date(), maxMapFeatures: 100 });
    const actor = { userId: s.lezer.userId, platformRole: null, memberships: [{ organisationId: org.leiden, role: 'lezer' as const }] };
    const bbox = { minLon: 4.36, minLat: 52.0, maxLon: 4.38, maxLat: 52.01 };
    const byCell = (clusters: { count: number; lon: number; lat: number; meanScore: number; maxScore: number }[]) =>
      clusters.map((c) => [c.count, c.lon.toFixed(9), c.lat.toFixed(9), c.meanScore.toFixed(6), c.maxScore]).sort((a, b) => String(a).localeCompare(String(b)));
    for (const zoom of [13, 14, 15]) {
      for (const kind of ['splitsen', 'optoppen', 'transformatie'] as const) {
        const stored = await repository.precomputedClustersInBbox({ ...bbox, kind }, zoom);
        const live = await repository.clustersInBbox({ ...bbox, kind, minScore: 0 }, clusterCellDegrees(zoom));
        expect(stored.length).toBeGreaterThan(0);
        expect(byCell(stored)).toEqual(byCell(live));
      }
    }
    // Through the service at a fractional zoom: the integer level's cells; counts add up to every building in view.
    const result = await service.buildingsInView(actor, { bbox, zoom: 14.6, kind: 'optoppen', minScore: 0 });
    expect(result.mode).toBe('clusters');
    expect(result.features.reduce((sum, f) => sum + Number(f.properties['count']), 0)).toBe(433);
    // A minimum score that is a multiple of 10 (the slider) is pre-aggregated per score bucket up to zoom 13, and
    // equals grouping the matching points per request, cell by cell.
    for (const zoom of [11, 12, 13]) {
      for (const kind of ['splitsen', 'optoppen', 'transformatie'] as const) {
        for (const minScore of [10, 30, 50, 70, 100]) {
          const stored = await repository.precomputedScoredClustersInBbox({ ...bbox, kind, minScore }, zoom);
          const live = await repository.clustersInBbox({ ...bbox, kind, minScore }, clusterCellDegrees(zoom));
          expect(byCell(stored), `${kind} ≥ ${minScore} at zoom ${zoom}`).toEqual(byCell(live));
        }
      }
    }
    const small = createStockService({ repository, now: () => new Date(), maxMapFeatures: 10 });
    const matching = (await call(ctx.app, s.lezer, 'GET', `/api/stock/buildings?bbox=4.36,52.0,4.38,52.01&zoom=13&minScore=50`)).json<{ total: number }>().total;
    expect(matching).toBeLessThan(433);
    expect(matching).toBeGreaterThan(0);
    for (const [zoom, minScore] of [[12.4, 50], [14.6, 50], [12.4, 45]] as const) {
      // pre-aggregated at 12.4 / 50, grouped per request above zoom 13 and for 45 (not a multiple of 10)
      const filtered = await small.buildingsInView(actor, { bbox, zoom, kind: 'optoppen', minScore });
      expect(filtered.mode).toBe('clusters');
      const expected = minScore === 50 ? matching : (await call(ctx.app, s.lezer, 'GET', `/api/stock/buildings?bbox=4.36,52.0,4.38,52.01&zoom=13&minScore=${minScore}`)).json<{ total: number }>().total;
      expect(filtered.features.reduce((sum, f) => sum + Number(f.properties['count']), 0)).toBe(expected);
    }
  });

  it('an import refreshes the clusters of its municipality in the same transaction: every level counts every building', async () => {
    const levels = async () =>
      ((await ctx.database.db.execute(sql.raw(`select zoom, sum(count)::int as n from stock_clusters where municipality_code = '${DELFT}' group by zoom order by zoom`))) as unknown as { rows: { zoom: number; n: number }[] }).rows.map((r) => [
        Number(r.zoom),
        Number(r.n),
      ]);
    const before = await levels();
    expect(before).toHaveLength(16);
    const total = await countRows(`stock_points where municipality_code = '${DELFT}'`);
    expect(before.every(([, n]) => n === total)).toBe(true);
    const added = await injectMultipart(ctx.app, s.gemeente, 'POST', `/api/stock/municipalities/${DELFT}/buildings?organisationId=${org.leiden}`, buildingsUpload(oneBuildingGeoJson(freshPandId(), [85300, 446700])));
    expect(added.statusCode, added.body).toBe(200);
    expect((await levels()).every(([, n]) => n === total + 1)).toBe(true);
  });

  it('rejects a malformed bbox', async () => {
    const response = await call(ctx.app, s.lezer, 'GET', '/api/stock/buildings?bbox=4.38,52.0,4.36&zoom=13');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });
});

describe('building detail, assessments and candidates', () => {
  it('shows attributes and reasons; 404 for a building that was not imported', async () => {
    const detail = await call(ctx.app, s.bouwer, 'GET', '/api/stock/buildings/0503100000004563');
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ bagId: '0503100000004563', buildYear: 1928, roofType: 'slanted', municipalityCode: DELFT, assessments: [], stockListRows: [] });
    expect((await call(ctx.app, s.bouwer, 'GET', '/api/stock/buildings/0503100000000001')).statusCode).toBe(404);
  });

  it('an organisation marks a building ongeschikt with a reason; its own candidate list drops it, others are unaffected', async () => {
    const candidatesUrl = `/api/stock/municipalities/${DELFT}/candidates?kind=optoppen&minScore=0&limit=1000`;
    const before = (await call(ctx.app, s.corporatie, 'GET', candidatesUrl)).json<{ items: { bagId: string }[] }>();
    const target = before.items[0]?.bagId;
    if (!target) throw new Error('no candidates');
    const noReason = await call(ctx.app, s.corporatie, 'PUT', `/api/stock/buildings/${target}/assessment`, { organisationId: org.corporatie, status: 'ongeschikt', reason: '' });
    expect(noReason.statusCode).toBe(400);
    const forOther = await call(ctx.app, s.corporatie, 'PUT', `/api/stock/buildings/${target}/assessment`, { organisationId: org.leiden, status: 'ongeschikt', reason: 'Monument' });
    expect(forOther.statusCode).toBe(403);

    const marked = await call(ctx.app, s.corporatie, 'PUT', `/api/stock/buildings/${target}/assessment`, { organisationId: org.corporatie, status: 'ongeschikt', kind: 'optoppen', reason: 'Fundering onvoldoende volgens constructeur' });
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ assessments: [{ organisationId: org.corporatie, status: 'ongeschikt', kind: 'optoppen', reason: 'Fundering onvoldoende volgens constructeur' }] });

    const after = (await call(ctx.app, s.corporatie, 'GET', candidatesUrl)).json<{ items: { bagId: string }[] }>();
    expect(after.items.map((i) => i.bagId)).not.toContain(target);
    expect(after.items).toHaveLength(before.items.length - 1);
    const forGemeente = (await call(ctx.app, s.gemeente, 'GET', candidatesUrl)).json<{ items: { bagId: string }[] }>();
    expect(forGemeente.items.map((i) => i.bagId)).toContain(target);

    // Confidential: the municipality, the tenants and a builder do not see the corporation's assessment …
    for (const session of [s.gemeente, s.huurders, s.bouwer]) {
      expect((await call(ctx.app, session, 'GET', `/api/stock/buildings/${target}`)).json<{ assessments: unknown[] }>().assessments).toEqual([]);
    }
    // … the coordinator does.
    expect((await call(ctx.app, s.coordinator, 'GET', `/api/stock/buildings/${target}`)).json<{ assessments: unknown[] }>().assessments).toHaveLength(1);
  });
});

describe('corporation stock lists: all or nothing, confidential, shared with named organisations', () => {
  let listId = '';

  it('rejects a list with bad rows (row, column, reason) and writes nothing', async () => {
    const before = await countRows('stock_lists');
    const response = await injectMultipart(ctx.app, s.corporatie, 'POST', '/api/stock/lists', listUpload({ organisationId: org.corporatie, name: 'Fout', municipalityCode: DELFT }, stockFixture('corporatie_voorraad_fout.csv')));
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: { code: string; details: { errorCount: number; issues: { row: number; column: string }[] } } }>();
    expect(body.error.code).toBe('import_rejected');
    expect(body.error.details.errorCount).toBe(8);
    expect(body.error.details.issues[0]).toMatchObject({ row: 3, column: 'bag_id' });
    expect(await countRows('stock_lists')).toBe(before);
    expect(await countRows('stock_list_rows')).toBe(0);
  });

  it('uploads a Dutch CSV shared with the tenants: visible to owner, tenants and coordinator only', async () => {
    const forbiddenUpload = await injectMultipart(ctx.app, s.gemeente, 'POST', '/api/stock/lists', listUpload({ organisationId: org.corporatie, name: 'Niet van mij', municipalityCode: DELFT }, stockFixture('corporatie_voorraad_nl.csv')));
    expect(forbiddenUpload.statusCode).toBe(403);

    const response = await injectMultipart(
      ctx.app,
      s.corporatie,
      'POST',
      '/api/stock/lists',
      listUpload({ organisationId: org.corporatie, name: 'Sociale huurvoorraad Delft', municipalityCode: DELFT, sharedWith: [org.huurders] }, stockFixture('corporatie_voorraad_nl.csv')),
    );
    expect(response.statusCode, response.body).toBe(201);
    const list = response.json<{ id: string; rowCount: number; rows: { oppervlakteM2: number }[]; sharedWithOrganisationIds: string[] }>();
    expect(list.rowCount).toBe(4);
    expect(list.rows.map((r) => r.oppervlakteM2)).toEqual([210.5, 18, 60, 1104]);
    expect(list.sharedWithOrganisationIds).toEqual([org.huurders]);
    listId = list.id;

    const visible = async (session: Session) => (await call(ctx.app, session, 'GET', `/api/stock/lists/${listId}`)).statusCode;
    expect(await visible(s.corporatie)).toBe(200);
    expect(await visible(s.huurders)).toBe(200);
    expect(await visible(s.coordinator)).toBe(200);
    expect(await visible(s.gemeente)).toBe(404);
    expect(await visible(s.bouwer)).toBe(404);
    const inList = async (session: Session) => (await call(ctx.app, session, 'GET', '/api/stock/lists')).json<{ items: { id: string }[] }>().items.some((l) => l.id === listId);
    expect(await inList(s.huurders)).toBe(true);
    expect(await inList(s.gemeente)).toBe(false);

    // The building detail shows the list row only to those who may see the list.
    const rowsFor = async (session: Session) => (await call(ctx.app, session, 'GET', '/api/stock/buildings/0503100000004563')).json<{ stockListRows: { complexnummer: string }[] }>().stockListRows;
    expect(await rowsFor(s.corporatie)).toEqual([expect.objectContaining({ complexnummer: 'C-101', woningtype: 'herenhuis', energielabel: 'E', jaarGrootOnderhoud: 2029 })]);
    expect(await rowsFor(s.gemeente)).toEqual([]);
    expect(await rowsFor(s.huurders)).toHaveLength(1);
  });

  it('own stock on the map: listId filters to the list\'s panden; a list you may not see is 404', async () => {
    // Rows 2 and 3 name panden; row 4 names verblijfsobject 0503010000900002, which the imported BAG
    // verblijfsobjecten place in pand 0503100000004567; row 5 has only an address.
    const own = (await call(ctx.app, s.corporatie, 'GET', `/api/stock/buildings?bbox=${delftBbox}&zoom=16&listId=${listId}`)).json<{ features: { id: string }[] }>();
    expect(own.features.map((f) => f.id).sort()).toEqual(['0503100000004563', '0503100000004567', '0503100000028401']);
    expect((await call(ctx.app, s.bouwer, 'GET', `/api/stock/buildings?bbox=${delftBbox}&zoom=16&listId=${listId}`)).statusCode).toBe(404);
  });

  it('sharing with the municipality makes the list and the corporation\'s assessments visible to it', async () => {
    expect((await call(ctx.app, s.huurders, 'PUT', `/api/stock/lists/${listId}/shares`, { organisationIds: [org.leiden] })).statusCode).toBe(403);
    const shared = await call(ctx.app, s.corporatie, 'PUT', `/api/stock/lists/${listId}/shares`, { organisationIds: [org.huurders, org.leiden] });
    expect(shared.statusCode).toBe(200);
    expect(shared.json<{ sharedWithOrganisationIds: string[] }>().sharedWithOrganisationIds).toEqual([org.huurders, org.leiden].sort());
    expect((await call(ctx.app, s.gemeente, 'GET', `/api/stock/lists/${listId}`)).statusCode).toBe(200);
    const assessed = (await ctx.database.db.execute(sql.raw(`select bag_id from stock_assessments limit 1`))) as unknown as { rows: { bag_id: string }[] };
    const bagId = assessed.rows[0]?.bag_id;
    expect((await call(ctx.app, s.gemeente, 'GET', `/api/stock/buildings/${bagId}`)).json<{ assessments: unknown[] }>().assessments).toHaveLength(1);
    expect((await call(ctx.app, s.bouwer, 'GET', `/api/stock/buildings/${bagId}`)).json<{ assessments: unknown[] }>().assessments).toHaveLength(0);
  });

  it('only the owner deletes; the rows go with the list', async () => {
    expect((await call(ctx.app, s.gemeente, 'DELETE', `/api/stock/lists/${listId}`)).statusCode).toBe(403);
    expect((await call(ctx.app, s.corporatie, 'DELETE', `/api/stock/lists/${listId}`)).statusCode).toBe(204);
    expect(await countRows('stock_list_rows')).toBe(0);
    expect((await call(ctx.app, s.corporatie, 'GET', `/api/stock/lists/${listId}`)).statusCode).toBe(404);
  });
});
