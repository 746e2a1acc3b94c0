/** Authorization-matrix rows of the renovation plans and neighbourhood designations (kansenkaart §5). */
import { expect } from 'vitest';
import { call } from '../helpers.ts';
import { signedIn, unique, type Fixtures, type MatrixRows } from '../authorization-matrix.support.ts';
import { multipart } from '../stock-support.ts';

/** A plan of Gemeente Leiden (made by its bewerker), shared with nobody, with one row. */
async function freshPlan(f: Fixtures): Promise<{ id: string; rowId: string }> {
  const created = await call(f.ctx.app, f.sessions.bewerker, 'POST', '/api/renovation/plans', { organisationId: f.leiden, municipalityCode: 'GM0546', name: `Plan ${unique()}` });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json<{ id: string }>().id;
  const withRow = await call(f.ctx.app, f.sessions.bewerker, 'POST', `/api/renovation/plans/${id}/rows`, { year: 2028, intervention: 'verduurzamen', dwellings: 40, complexnummer: 'C-1' });
  expect(withRow.statusCode, withRow.body).toBe(201);
  return { id, rowId: withRow.json<{ rows: { id: string }[] }>().rows[0]?.id ?? '' };
}

const plansRow = { year: 2029, intervention: 'renovatie', dwellings: 12, buurt: 'Stevenshof' };

export const rows: MatrixRows = {
  'GET /api/renovation/plans': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/renovation/plans?municipalityCode=GM0546' }) },
  'POST /api/renovation/plans': {
    // The coordinator sees every plan but does not write one on a party's behalf.
    expected: [401, 403, 403, 201, 201, 403],
    cell: async (f) => ({ method: 'POST', url: '/api/renovation/plans', body: { organisationId: f.leiden, municipalityCode: 'GM0546', name: `Plan ${unique()}` } }),
  },
  'GET /api/renovation/plans/:id': { expected: [401, 404, 200, 200, 200, 200], cell: async (f) => ({ method: 'GET', url: `/api/renovation/plans/${(await freshPlan(f)).id}` }) },
  'POST /api/renovation/plans/:id/rows': {
    expected: [401, 404, 403, 201, 201, 403],
    cell: async (f) => ({ method: 'POST', url: `/api/renovation/plans/${(await freshPlan(f)).id}/rows`, body: plansRow }),
  },
  'DELETE /api/renovation/plans/:id/rows/:rowId': {
    expected: [401, 404, 403, 200, 200, 403],
    cell: async (f) => {
      const plan = await freshPlan(f);
      return { method: 'DELETE', url: `/api/renovation/plans/${plan.id}/rows/${plan.rowId}` };
    },
  },
  'PUT /api/renovation/plans/:id/shares': {
    expected: [401, 404, 403, 200, 200, 403],
    cell: async (f) => ({ method: 'PUT', url: `/api/renovation/plans/${(await freshPlan(f)).id}/shares`, body: { organisationIds: [] } }),
  },
  'DELETE /api/renovation/plans/:id': { expected: [401, 404, 403, 204, 204, 403], cell: async (f) => ({ method: 'DELETE', url: `/api/renovation/plans/${(await freshPlan(f)).id}` }) },
  'POST /api/renovation/plans/:id/import': {
    expected: [401, 404, 403, 200, 200, 403],
    cell: async (f) => ({
      method: 'POST',
      url: `/api/renovation/plans/${(await freshPlan(f)).id}/import`,
      multipart: multipart({}, { name: 'plan.csv', content: 'jaar;ingreep;aantal_woningen;buurt\n2030;renovatie;24;Stevenshof\n', contentType: 'text/csv' }),
    }),
  },
  'GET /api/renovation/municipalities/:code/overview': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/renovation/municipalities/GM0546/overview' }) },
  'POST /api/renovation/designations': {
    expected: [401, 403, 403, 201, 201, 403],
    cell: async (f) => ({ method: 'POST', url: '/api/renovation/designations', body: { organisationId: f.leiden, municipalityCode: 'GM0546', buurt: 'Stevenshof', categories: ['klimaatadaptief'] } }),
  },
  'DELETE /api/renovation/designations/:id': {
    expected: [401, 404, 403, 204, 204, 403],
    cell: async (f) => {
      const created = await call(f.ctx.app, f.sessions.bewerker, 'POST', '/api/renovation/designations', { organisationId: f.leiden, municipalityCode: 'GM0546', buurt: `Buurt ${unique()}`, categories: ['circulair'] });
      expect(created.statusCode, created.body).toBe(201);
      return { method: 'DELETE', url: `/api/renovation/designations/${created.json<{ id: string }>().id}` };
    },
  },
};
