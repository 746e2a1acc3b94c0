/** Authorization-matrix rows of monitoring (indicator ledger, report PDFs, municipality dashboard, its project list, CSV and map). */
import { expect } from 'vitest';
import { projectIndicators } from '@kringbouw/contracts';
import { freshProject, signedIn, type Fixtures, type MatrixRows } from '../authorization-matrix.support.ts';
import { declarationMultipart } from './monitoring.support.ts';
import { injectMultipart } from '../stock-support.ts';

const pdf = Buffer.from('%PDF-1.4\n% matrix\n%%EOF\n');
const fields = { indicatorId: 'mpg', value: '0.45', tool: 'GPR Materiaal', toolVersion: '5.2', calculationDate: '2026-03-01' };

/** A public Leiden project with one declared official MPG (by the coordinator); returns the project and entry id. */
async function declared(f: Fixtures): Promise<{ projectId: string; entryId: string }> {
  const project = await freshProject(f);
  const response = await injectMultipart(f.ctx.app, f.coordinator, 'POST', `/api/projects/${project.id}/indicators`, declarationMultipart(fields, { name: 'mpg.pdf', content: pdf }));
  expect(response.statusCode, response.body).toBe(201);
  const entryId = projectIndicators.parse(response.json()).indicators.find((i) => i.indicator.id === 'mpg')?.official?.entryId;
  if (entryId === undefined) throw new Error('no official MPG after declaring');
  return { projectId: project.id, entryId };
}

export const rows: MatrixRows = {
  'GET /api/projects/:id/indicators': {
    expected: signedIn(200),
    cell: async (f) => ({ method: 'GET', url: `/api/projects/${(await freshProject(f)).id}/indicators` }),
  },
  'POST /api/projects/:id/indicators': {
    expected: [401, 403, 403, 201, 201, 201],
    cell: async (f) => ({ method: 'POST', url: `/api/projects/${(await freshProject(f)).id}/indicators`, multipart: declarationMultipart(fields, { name: 'mpg.pdf', content: pdf }) }),
  },
  'POST /api/projects/:id/indicators/entries/:entryId/withdraw': {
    expected: [401, 403, 403, 200, 200, 200],
    cell: async (f) => {
      const { projectId, entryId } = await declared(f);
      return { method: 'POST', url: `/api/projects/${projectId}/indicators/entries/${entryId}/withdraw`, body: { reason: 'Correctie' } };
    },
  },
  'GET /api/projects/:id/indicators/entries/:entryId/report': {
    expected: signedIn(200),
    cell: async (f) => {
      const { projectId, entryId } = await declared(f);
      return { method: 'GET', url: `/api/projects/${projectId}/indicators/entries/${entryId}/report` };
    },
  },
  'GET /api/monitoring/city-deal': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/monitoring/city-deal' }) },
  'GET /api/municipalities/:code/monitoring': {
    expected: signedIn(200),
    cell: async () => ({ method: 'GET', url: '/api/municipalities/GM0546/monitoring' }),
  },
  'GET /api/municipalities/:code/monitoring/projects': {
    expected: signedIn(200),
    cell: async () => ({ method: 'GET', url: '/api/municipalities/GM0546/monitoring/projects?page=1&pageSize=10&sort=-dwellings' }),
  },
  'GET /api/municipalities/:code/monitoring/projects.csv': {
    expected: signedIn(200),
    cell: async () => ({ method: 'GET', url: '/api/municipalities/GM0546/monitoring/projects.csv' }),
  },
  'GET /api/municipalities/:code/monitoring/map': {
    expected: signedIn(200),
    cell: async () => ({ method: 'GET', url: '/api/municipalities/GM0546/monitoring/map' }),
  },
  'GET /api/municipalities/:code/monitoring/report': {
    expected: signedIn(200),
    cell: async () => ({ method: 'GET', url: '/api/municipalities/GM0546/monitoring/report?year=2026&format=xlsx' }),
  },
  'GET /api/monitoring/city-deal/report': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/monitoring/city-deal/report?year=2026&kind=tussentijdse-evaluatie' }) },
  'GET /api/monitoring/city-deal/trends': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/monitoring/city-deal/trends' }) },
};
