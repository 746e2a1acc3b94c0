/**
 * From candidate to pilot: the tenants' organisation's consultation (consulted, date, opinion) and the project
 * created from a candidate, both kept on the organisation's assessment of the building.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestContext, idOfOrganisation, projectBody, signIn, type Session, type TestContext } from '../../../test/helpers.ts';
import { buildingsUpload, freshPandId, injectMultipart, listUpload, oneBuildingGeoJson } from '../../../test/stock-support.ts';

const DELFT = 'GM0503';

let ctx: TestContext;
let s: Record<'corporatie' | 'huurders' | 'gemeente' | 'bouwer', Session>;
let org: Record<'corporatie' | 'leiden', string>;
const bagId = freshPandId();

interface Assessment {
  organisationId: string;
  status: string;
  consultation: { consulted: boolean; date: string | null; opinion: string } | null;
  projectId: string | null;
}

async function assessmentsSeenBy(session: Session): Promise<Assessment[]> {
  const response = await call(ctx.app, session, 'GET', `/api/stock/buildings/${bagId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ assessments: Assessment[] }>().assessments;
}

beforeAll(async () => {
  ctx = await createTestContext();
  const coordinator = await signIn(ctx.app, 'coordinator@citydeal.demo');
  s = {
    corporatie: await signIn(ctx.app, 'corporatie@leiden.demo'),
    huurders: await signIn(ctx.app, 'huurders@leiden.demo'),
    gemeente: await signIn(ctx.app, 'beleid@leiden.demo'),
    bouwer: await signIn(ctx.app, 'bouwer@vanwijnen.demo'),
  };
  org = {
    corporatie: await idOfOrganisation(ctx.app, coordinator, 'Voorbeeldcorporatie Leiden (demo)'),
    leiden: await idOfOrganisation(ctx.app, coordinator, 'Gemeente Leiden'),
  };
  const upload = await injectMultipart(ctx.app, s.corporatie, 'POST', `/api/stock/municipalities/${DELFT}/buildings?organisationId=${org.corporatie}`, buildingsUpload(oneBuildingGeoJson(bagId)));
  expect(upload.statusCode, upload.body).toBe(200);
});
afterAll(async () => {
  await ctx?.close();
});

describe('pilot selection with the tenants’ organisation', () => {
  const url = () => `/api/stock/buildings/${bagId}/assessment`;
  const base = () => ({ organisationId: org.corporatie, status: 'kandidaat', kind: 'optoppen', reason: 'Pilot optoppen, besproken in het bewonersoverleg' });

  it('records the consultation; a later verdict without it keeps it; null clears it', async () => {
    const consultation = { consulted: true, date: '2026-11-20', opinion: 'Positief, mits de huurders tijdens de bouw kunnen blijven wonen.' };
    const saved = await call(ctx.app, s.corporatie, 'PUT', url(), { ...base(), consultation });
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await assessmentsSeenBy(s.corporatie))[0]).toMatchObject({ status: 'kandidaat', consultation, projectId: null });

    expect((await call(ctx.app, s.corporatie, 'PUT', url(), { ...base(), reason: 'Nog steeds kandidaat' })).statusCode).toBe(200);
    expect((await assessmentsSeenBy(s.corporatie))[0]?.consultation).toEqual(consultation);

    expect((await call(ctx.app, s.corporatie, 'PUT', url(), { ...base(), consultation: null })).statusCode).toBe(200);
    expect((await assessmentsSeenBy(s.corporatie))[0]?.consultation).toBeNull();
  });

  it('a consultation that took place needs its date', async () => {
    const response = await call(ctx.app, s.corporatie, 'PUT', url(), { ...base(), consultation: { consulted: true, date: null, opinion: '' } });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('consultation.date');
  });

  it('links a project of the same organisation; another organisation’s project or an unknown id is refused', async () => {
    const own = await call(ctx.app, s.corporatie, 'POST', '/api/projects', projectBody(org.corporatie, { name: 'Optoppen pilot', kind: 'optopping', municipalityCode: DELFT }));
    expect(own.statusCode, own.body).toBe(201);
    const ownId = own.json<{ id: string }>().id;
    const other = await call(ctx.app, s.gemeente, 'POST', '/api/projects', projectBody(org.leiden, { name: 'Project van de gemeente', municipalityCode: DELFT }));
    expect(other.statusCode, other.body).toBe(201);

    for (const projectId of [other.json<{ id: string }>().id, '00000000-0000-4000-8000-000000000000']) {
      const refused = await call(ctx.app, s.corporatie, 'PUT', url(), { ...base(), projectId });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('projectId');
    }
    expect((await assessmentsSeenBy(s.corporatie))[0]?.projectId).toBeNull();

    expect((await call(ctx.app, s.corporatie, 'PUT', url(), { ...base(), projectId: ownId })).statusCode).toBe(200);
    expect((await assessmentsSeenBy(s.corporatie))[0]?.projectId).toBe(ownId);
    // A later verdict keeps the link.
    expect((await call(ctx.app, s.corporatie, 'PUT', url(), base())).statusCode).toBe(200);
    expect((await assessmentsSeenBy(s.corporatie))[0]?.projectId).toBe(ownId);

    // Deleting the project unlinks it instead of failing.
    expect((await call(ctx.app, s.corporatie, 'DELETE', `/api/projects/${ownId}`)).statusCode).toBe(204);
    expect((await assessmentsSeenBy(s.corporatie))[0]?.projectId).toBeNull();
  });

  it('someone outside the organisation cannot record it, and does not see it', async () => {
    const response = await call(ctx.app, s.bouwer, 'PUT', url(), { ...base(), consultation: { consulted: false, date: null, opinion: '' } });
    expect(response.statusCode).toBe(403);
    expect(await assessmentsSeenBy(s.bouwer)).toEqual([]);
  });
});

/** exceljs types its input as an ArrayBuffer; a Node Buffer is a view on one. */
function arrayBufferOf(bytes: Buffer): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

describe('candidate list as Excel', () => {
  it('exports the candidates with score, reasons and assessments; an outsider sees no assessments', async () => {
    const url = `/api/stock/municipalities/${DELFT}/candidates.xlsx?kind=optoppen&minScore=0`;
    expect((await call(ctx.app, null, 'GET', url)).statusCode).toBe(401);
    const response = await call(ctx.app, s.corporatie, 'GET', url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain('kansenkaart-GM0503-optoppen.xlsx');
    const json = (await call(ctx.app, s.corporatie, 'GET', `/api/stock/municipalities/${DELFT}/candidates?kind=optoppen&minScore=0`)).json<{ items: { bagId: string; score: number; reasons: string[] }[] }>();

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(arrayBufferOf(response.rawPayload));
    const sheet = workbook.getWorksheet('Kandidaten');
    if (!sheet) throw new Error('sheet Kandidaten missing');
    expect(sheet.getRow(1).getCell(1).value).toBe('BAG-pand');
    expect(sheet.rowCount).toBe(json.items.length + 1);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(json.items[0]?.bagId);
    expect(row.getCell(2).value).toBe(json.items[0]?.score);
    expect(row.getCell(3).value).toBe(json.items[0]?.reasons.join('; '));
    const ours = [...Array(sheet.rowCount).keys()].map((i) => sheet.getRow(i + 1)).find((r) => r.getCell(1).value === bagId);
    expect(String(ours?.getCell(9).value)).toContain('kandidaat (Voorbeeldcorporatie Leiden (demo))');

    const outsider = await call(ctx.app, s.bouwer, 'GET', url);
    expect(outsider.statusCode).toBe(200);
    const other = new ExcelJS.Workbook();
    await other.xlsx.load(arrayBufferOf(outsider.rawPayload));
    const rows = other.getWorksheet('Kandidaten');
    const theirs = [...Array(rows?.rowCount ?? 0).keys()].map((i) => rows?.getRow(i + 1)).find((r) => r?.getCell(1).value === bagId);
    expect(theirs?.getCell(9).value ?? '').toBe('');
  });
});

describe('candidate list filters like the map', () => {
  it('build-year range and own stock (a list you may not see is 404)', async () => {
    const neighbour = freshPandId();
    const upload = await injectMultipart(ctx.app, s.corporatie, 'POST', `/api/stock/municipalities/${DELFT}/buildings?organisationId=${org.corporatie}`, buildingsUpload(oneBuildingGeoJson(neighbour, [85200, 446600])));
    expect(upload.statusCode, upload.body).toBe(200);
    const ids = async (session: Session, query: string) => {
      const response = await call(ctx.app, session, 'GET', `/api/stock/municipalities/${DELFT}/candidates?kind=optoppen&minScore=0${query}`);
      return { status: response.statusCode, ids: response.statusCode === 200 ? response.json<{ items: { bagId: string }[] }>().items.map((i) => i.bagId).sort() : [] };
    };
    expect((await ids(s.gemeente, '')).ids).toEqual([bagId, neighbour].sort());
    expect((await ids(s.gemeente, '&buildYearFrom=1965&buildYearTo=1972')).ids).toEqual([bagId, neighbour].sort());
    expect((await ids(s.gemeente, '&buildYearFrom=1973')).ids).toEqual([]);

    const list = await injectMultipart(
      ctx.app,
      s.corporatie,
      'POST',
      '/api/stock/lists',
      listUpload({ organisationId: org.corporatie, name: 'Eigen bezit', municipalityCode: DELFT }, `bag_id;complexnummer;woningtype;oppervlakte_m2\n${bagId};C1;portiekflat;80\n`),
    );
    expect(list.statusCode, list.body).toBe(201);
    const listId = list.json<{ id: string }>().id;
    expect(await ids(s.corporatie, `&listId=${listId}`)).toEqual({ status: 200, ids: [bagId] });
    expect((await ids(s.bouwer, `&listId=${listId}`)).status).toBe(404);
  });
});
