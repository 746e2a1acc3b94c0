/** Authorization-matrix rows of material passports, material mappings and profiles; see ../authorization-matrix.support.ts. */
import { expect } from 'vitest';
import { freshProject, signedIn, unique, type Fixtures, type MatrixRows } from '../authorization-matrix.support.ts';
import { call } from '../helpers.ts';
import { ifcFixture, passportFixture, runIfcImport, tableUpload, versionWithLines } from '../passports-support.ts';

const editors = [401, 403, 403, 200, 200, 200] as [number, number, number, number, number, number];

/** A public Leiden project with one imported concept (19 lines), made by the coordinator. */
async function projectWithVersion(f: Fixtures): Promise<{ projectId: string; versionId: string; revision: number }> {
  const project = await freshProject(f);
  const version = await versionWithLines(f.ctx.app, f.coordinator, project.id);
  return { projectId: project.id, versionId: version.id, revision: version.revision };
}

/** One finished IFC import (with the original kept) per matrix run: read-only rows share it. */
const finishedImports = new WeakMap<Fixtures, Promise<{ projectId: string; jobId: string; versionId: string }>>();
function finishedImport(f: Fixtures) {
  let found = finishedImports.get(f);
  if (!found) {
    found = (async () => {
      const settings = await call(f.ctx.app, f.coordinator, 'PUT', `/api/organisations/${f.leiden}/passport-settings`, { keepOriginalIfc: true });
      expect(settings.statusCode).toBe(200);
      const project = await freshProject(f);
      const { jobId, events } = await runIfcImport(f.ctx.app, f.coordinator, project.id, 'example.ifc', ifcFixture('example.ifc'));
      const done = events.find((e) => e.event === 'done');
      expect(done, JSON.stringify(events)).toBeDefined();
      await call(f.ctx.app, f.coordinator, 'PUT', `/api/organisations/${f.leiden}/passport-settings`, { keepOriginalIfc: false });
      return { projectId: project.id, jobId, versionId: (done?.data as { versionId: string }).versionId };
    })();
    finishedImports.set(f, found);
  }
  return found;
}

async function freshMapping(f: Fixtures): Promise<string> {
  const response = await call(f.ctx.app, f.coordinator, 'PUT', `/api/organisations/${f.leiden}/material-mappings`, {
    materialName: `Testmateriaal ${unique()}`,
    profileId: '9702d9ab-2af2-4fdc-9d99-225583a9ffb7',
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ id: string }>().id;
}

export const rows: MatrixRows = {
  'GET /api/passport-template.xlsx': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/passport-template.xlsx' }) },
  'GET /api/projects/:id/passports': {
    expected: signedIn(200),
    cell: async (f) => ({ method: 'GET', url: `/api/projects/${(await freshProject(f)).id}/passports` }),
  },
  'POST /api/projects/:id/passports': {
    expected: [401, 403, 403, 201, 201, 201],
    cell: async (f) => ({ method: 'POST', url: `/api/projects/${(await freshProject(f)).id}/passports`, body: { label: 'Concept' } }),
  },
  'GET /api/projects/:id/passports/diff': {
    expected: signedIn(200),
    cell: async (f) => {
      const { projectId, versionId } = await projectWithVersion(f);
      return { method: 'GET', url: `/api/projects/${projectId}/passports/diff?from=${versionId}&to=${versionId}` };
    },
  },
  'GET /api/projects/:id/passports/:versionId': {
    expected: signedIn(200),
    cell: async (f) => {
      const { projectId, versionId } = await projectWithVersion(f);
      return { method: 'GET', url: `/api/projects/${projectId}/passports/${versionId}` };
    },
  },
  'PUT /api/projects/:id/passports/:versionId': {
    expected: editors,
    cell: async (f) => {
      const { projectId, versionId, revision } = await projectWithVersion(f);
      return {
        method: 'PUT',
        url: `/api/projects/${projectId}/passports/${versionId}`,
        body: { revision, label: 'Bewerkt', passport: { project: { bvoM2: 120, buildingType: 'grondgebonden' }, elements: [] } },
      };
    },
  },
  'DELETE /api/projects/:id/passports/:versionId': {
    expected: [401, 403, 403, 204, 204, 204],
    cell: async (f) => {
      const { projectId, versionId } = await projectWithVersion(f);
      return { method: 'DELETE', url: `/api/projects/${projectId}/passports/${versionId}` };
    },
  },
  'POST /api/projects/:id/passports/:versionId/publish': {
    expected: editors,
    cell: async (f) => {
      const { projectId, versionId, revision } = await projectWithVersion(f);
      return { method: 'POST', url: `/api/projects/${projectId}/passports/${versionId}/publish`, body: { revision } };
    },
  },
  'POST /api/projects/:id/passports/:versionId/apply-mappings': {
    expected: editors,
    cell: async (f) => {
      const { projectId, versionId, revision } = await projectWithVersion(f);
      return { method: 'POST', url: `/api/projects/${projectId}/passports/${versionId}/apply-mappings`, body: { revision } };
    },
  },
  'GET /api/projects/:id/passports/:versionId/exports/:format': {
    expected: signedIn(200),
    cell: async (f) => {
      const { projectId, versionId } = await projectWithVersion(f);
      return { method: 'GET', url: `/api/projects/${projectId}/passports/${versionId}/exports/xlsx` };
    },
  },
  'GET /api/projects/:id/passports/:versionId/original': {
    expected: signedIn(200),
    cell: async (f) => {
      const { projectId, versionId } = await finishedImport(f);
      return { method: 'GET', url: `/api/projects/${projectId}/passports/${versionId}/original` };
    },
  },
  'GET /api/projects/:id/passports/imports/:jobId': {
    expected: signedIn(200),
    cell: async (f) => {
      const { projectId, jobId } = await finishedImport(f);
      return { method: 'GET', url: `/api/projects/${projectId}/passports/imports/${jobId}` };
    },
  },
  'GET /api/projects/:id/passports/imports/:jobId/events': {
    expected: signedIn(200),
    cell: async (f) => {
      const { projectId, jobId } = await finishedImport(f);
      return { method: 'GET', url: `/api/projects/${projectId}/passports/imports/${jobId}/events` };
    },
  },
  'DELETE /api/projects/:id/passports/imports/:jobId': {
    // A finished job cannot be cancelled any more (409); who may not edit the project gets 403 first.
    expected: [401, 403, 403, 409, 409, 409],
    cell: async (f) => {
      const { projectId, jobId } = await finishedImport(f);
      return { method: 'DELETE', url: `/api/projects/${projectId}/passports/imports/${jobId}` };
    },
  },
  'POST /api/projects/:id/passports/imports/table': {
    expected: [401, 403, 403, 201, 201, 201],
    cell: async (f) => ({
      method: 'POST',
      url: `/api/projects/${(await freshProject(f)).id}/passports/imports/table`,
      multipart: tableUpload('tussenwoning.nl.csv', passportFixture('tussenwoning.nl.csv')),
    }),
  },
  'POST /api/projects/:id/passports/imports/ifc': {
    expected: [401, 403, 403, 202, 202, 202],
    cell: async (f) => ({
      method: 'POST',
      url: `/api/projects/${(await freshProject(f)).id}/passports/imports/ifc`,
      multipart: tableUpload('example.ifc', ifcFixture('example.ifc')),
    }),
  },
  'GET /api/organisations/:id/passport-settings': {
    expected: [401, 403, 200, 200, 200, 200],
    cell: async (f) => ({ method: 'GET', url: `/api/organisations/${f.leiden}/passport-settings` }),
  },
  'PUT /api/organisations/:id/passport-settings': {
    expected: [401, 403, 403, 403, 200, 200],
    cell: async (f) => ({ method: 'PUT', url: `/api/organisations/${f.leiden}/passport-settings`, body: { keepOriginalIfc: false } }),
  },
  'GET /api/organisations/:id/material-mappings': {
    expected: [401, 403, 200, 200, 200, 200],
    cell: async (f) => ({ method: 'GET', url: `/api/organisations/${f.leiden}/material-mappings` }),
  },
  'PUT /api/organisations/:id/material-mappings': {
    expected: editors,
    cell: async (f) => ({
      method: 'PUT',
      url: `/api/organisations/${f.leiden}/material-mappings`,
      body: { materialName: `Vurenhout ${unique()}`, profileId: '9702d9ab-2af2-4fdc-9d99-225583a9ffb7' },
    }),
  },
  'DELETE /api/organisations/:id/material-mappings/:mappingId': {
    expected: [401, 403, 403, 204, 204, 204],
    cell: async (f) => ({ method: 'DELETE', url: `/api/organisations/${f.leiden}/material-mappings/${await freshMapping(f)}` }),
  },
  'GET /api/profiles': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/profiles?q=beton' }) },
  'GET /api/profiles/suggestions': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/profiles/suggestions?name=vurenhout' }) },
  'GET /api/profiles/:profileId': { expected: signedIn(200), cell: async () => ({ method: 'GET', url: '/api/profiles/9702d9ab-2af2-4fdc-9d99-225583a9ffb7' }) },
};
