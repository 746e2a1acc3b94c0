/** Authorization-matrix rows of the kansenkaart (stock) routes; see ../authorization-matrix.support.ts. */
import { expect } from 'vitest';
import { signedIn, unique, type Fixtures, type MatrixRows } from '../authorization-matrix.support.ts';
import { defaultOpportunityRules } from '@kringbouw/domain/opportunities';
import { call } from '../helpers.ts';
import { buildingsUpload, freshPandId, injectMultipart, listUpload, oneBuildingGeoJson } from '../stock-support.ts';

/** A building imported for Gemeente Leiden (by its bewerker), for the kansenkaart rows. */
async function freshBuilding(f: Fixtures): Promise<string> {
  const bagId = freshPandId();
  const response = await injectMultipart(f.ctx.app, f.sessions.bewerker, 'POST', `/api/stock/municipalities/GM0503/buildings?organisationId=${f.leiden}`, buildingsUpload(oneBuildingGeoJson(bagId)));
  expect(response.statusCode).toBe(200);
  return bagId;
}

/** A stock list owned by Gemeente Leiden, shared with nobody. */
async function freshStockList(f: Fixtures): Promise<string> {
  const csv = `bag_id;complexnummer;woningtype;oppervlakte_m2\n0503100000004563;C-1;herenhuis;120\n`;
  const response = await injectMultipart(f.ctx.app, f.sessions.bewerker, 'POST', '/api/stock/lists', listUpload({ organisationId: f.leiden, name: `Lijst ${unique()}`, municipalityCode: 'GM0503' }, csv));
  expect(response.statusCode).toBe(201);
  return response.json<{ id: string }>().id;
}

/** A building import job of Gemeente Leiden (started by its bewerker), waited for until it ended. */
async function finishedJob(f: Fixtures): Promise<string> {
  const started = await injectMultipart(f.ctx.app, f.sessions.bewerker, 'POST', `/api/stock/municipalities/GM0503/buildings/jobs?organisationId=${f.leiden}`, buildingsUpload(oneBuildingGeoJson(freshPandId())));
  expect(started.statusCode, started.body).toBe(202);
  const jobId = started.json<{ id: string }>().id;
  for (let i = 0; i < 200; i += 1) {
    const state = (await call(f.ctx.app, f.sessions.bewerker, 'GET', `/api/stock/imports/${jobId}`)).json<{ status: string }>();
    if (state.status !== 'running') return jobId;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the import job did not end');
}

export const rows: MatrixRows = {
  'GET /api/stock/municipalities/:code/rules': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/stock/municipalities/GM0546/rules' }) },
  'PUT /api/stock/municipalities/:code/rules': {
    // Gemeente Leiden's own rules (GM0546): its bewerkers and beheerders, and the coordinator.
    expected: [401, 403, 403, 200, 200, 200],
    cell: async (f) => ({ method: 'PUT', url: '/api/stock/municipalities/GM0546/rules', body: { organisationId: f.leiden, rules: defaultOpportunityRules, note: `Matrix ${unique()}` } }),
  },
  'POST /api/stock/municipalities/:code/buildings/jobs': {
    expected: [401, 403, 403, 202, 202, 202],
    cell: async (f) => ({
      method: 'POST',
      url: `/api/stock/municipalities/GM0503/buildings/jobs?organisationId=${f.leiden}`,
      multipart: buildingsUpload(oneBuildingGeoJson(freshPandId())),
    }),
  },
  'GET /api/stock/imports/:jobId': { expected: [401, 404, 200, 200, 200, 200], cell: async (f) => ({ method: 'GET', url: `/api/stock/imports/${await finishedJob(f)}` }) },
  'GET /api/stock/imports/:jobId/events': { expected: [401, 404, 200, 200, 200, 200], cell: async (f) => ({ method: 'GET', url: `/api/stock/imports/${await finishedJob(f)}/events` }) },
  'DELETE /api/stock/imports/:jobId': {
    // A finished job cannot be cancelled any more (409); a lezer of the organisation sees it but may not cancel.
    expected: [401, 404, 403, 409, 409, 409],
    cell: async (f) => ({ method: 'DELETE', url: `/api/stock/imports/${await finishedJob(f)}` }),
  },
  'POST /api/stock/municipalities/:code/buildings': {
    expected: [401, 403, 403, 200, 200, 200],
    cell: async (f) => ({
      method: 'POST',
      url: `/api/stock/municipalities/GM0503/buildings?organisationId=${f.leiden}`,
      multipart: buildingsUpload(oneBuildingGeoJson(freshPandId())),
    }),
  },
  'POST /api/stock/municipalities/:code/verblijfsobjecten': {
    expected: [401, 403, 403, 200, 200, 200],
    cell: async (f) => {
      const bagId = await freshBuilding(f);
      const csv = `identificatie;gebruiksdoel;oppervlakte;status;pandidentificatie\n0503010000${bagId.slice(-6)};woonfunctie;80;Verblijfsobject in gebruik;${bagId}\n`;
      return { method: 'POST', url: `/api/stock/municipalities/GM0503/verblijfsobjecten?organisationId=${f.leiden}`, multipart: buildingsUpload(csv, 'vbo.csv') };
    },
  },
  'GET /api/stock/buildings': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/stock/buildings?bbox=4.36,52.0,4.38,52.01&zoom=16' }) },
  'GET /api/stock/buildings/:bagId': { expected: signedIn(200), cell: async (f) => ({ method: 'GET', url: `/api/stock/buildings/${await freshBuilding(f)}` }) },
  'PUT /api/stock/buildings/:bagId/assessment': {
    expected: [401, 403, 403, 200, 200, 200],
    cell: async (f) => ({
      method: 'PUT',
      url: `/api/stock/buildings/${await freshBuilding(f)}/assessment`,
      body: { organisationId: f.leiden, status: 'kandidaat', kind: 'optoppen', reason: 'Plat dak, lager dan buren' },
    }),
  },
  'GET /api/stock/municipalities/:code/candidates': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/stock/municipalities/GM0503/candidates' }) },
  'GET /api/stock/municipalities/:code/candidates.xlsx': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/stock/municipalities/GM0503/candidates.xlsx' }) },
  'POST /api/stock/lists': {
    // The coordinator sees every list but does not upload one on a corporation's or municipality's behalf.
    expected: [401, 403, 403, 201, 201, 403],
    cell: async (f) => ({
      method: 'POST',
      url: '/api/stock/lists',
      multipart: listUpload({ organisationId: f.leiden, name: `Lijst ${unique()}`, municipalityCode: 'GM0503' }, 'bag_id;complexnummer;woningtype;oppervlakte_m2\n0503100000004563;C-1;herenhuis;120\n'),
    }),
  },
  'GET /api/stock/lists': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/stock/lists' }) },
  'GET /api/stock/lists/:id': { expected: [401, 404, 200, 200, 200, 200], cell: async (f) => ({ method: 'GET', url: `/api/stock/lists/${await freshStockList(f)}` }) },
  'PUT /api/stock/lists/:id/shares': {
    expected: [401, 404, 403, 200, 200, 403],
    cell: async (f) => ({ method: 'PUT', url: `/api/stock/lists/${await freshStockList(f)}/shares`, body: { organisationIds: [] } }),
  },
  'DELETE /api/stock/lists/:id': {
    expected: [401, 404, 403, 204, 204, 403],
    cell: async (f) => ({ method: 'DELETE', url: `/api/stock/lists/${await freshStockList(f)}` }),
  },
};
