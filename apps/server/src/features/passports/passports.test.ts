/** HTTP-level tests of material passports: versions, publish, diff, table and IFC imports, exports, mappings, profiles. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passportVersion, type PassportDiff, type PassportVersion } from '@kringbouw/contracts';
import { passportSchema } from '@kringbouw/domain/lca';
import { generateIfc } from '@kringbouw/ifc/generate';
import { loadConfig } from '../../config.ts';
import { call, createTestContext, idOfOrganisation, projectBody, signIn, type Session, type TestContext } from '../../../test/helpers.ts';
import {
  ifcFixture,
  importIfc,
  importTable,
  parseSse,
  passportFixture,
  passportRowCounts,
  runIfcImport,
  tableUpload,
  versionWithLines,
} from '../../../test/passports-support.ts';
import { injectMultipart } from '../../../test/stock-support.ts';

let ctx: TestContext;
let bewerker: Session;
let lezer: Session;
let beheerder: Session;
let outsider: Session;
let leiden: string;

async function newProject(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await call(ctx.app, bewerker, 'POST', '/api/projects', projectBody(leiden, { bvoM2: 124, buildingType: 'grondgebonden', ...overrides }));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function getVersion(projectId: string, versionId: string, session: Session = bewerker): Promise<PassportVersion> {
  const response = await call(ctx.app, session, 'GET', `/api/projects/${projectId}/passports/${versionId}`);
  expect(response.statusCode, response.body).toBe(200);
  return passportVersion.parse(response.json());
}

beforeAll(async () => {
  ctx = await createTestContext();
  bewerker = await signIn(ctx.app, 'beleid@leiden.demo');
  lezer = await signIn(ctx.app, 'lezer@leiden.demo');
  beheerder = await signIn(ctx.app, 'beheer@leiden.demo');
  outsider = await signIn(ctx.app, 'bouwer@vanwijnen.demo');
  leiden = await idOfOrganisation(ctx.app, bewerker, 'Gemeente Leiden');
});
afterAll(async () => ctx.close());

describe('versions', () => {
  it('creates an empty concept without indicators and says why', async () => {
    const projectId = await newProject({ bvoM2: null });
    const response = await call(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/passports`, {});
    expect(response.statusCode).toBe(201);
    const version = passportVersion.parse(response.json());
    expect(version).toMatchObject({ number: 1, status: 'concept', source: 'empty', lineCount: 0, indicators: null, revision: 1 });
    expect(version.indicatorsUnavailable).toMatch(/geen materiaalregels/);
    expect(version.passport.project).toMatchObject({ bvoM2: null, buildingType: 'grondgebonden' });
  });

  it('imports a table, edits it, publishes it and keeps the published version immutable', async () => {
    const projectId = await newProject();
    const imported = await versionWithLines(ctx.app, bewerker, projectId);
    const v1 = await getVersion(projectId, imported.id);
    expect(v1).toMatchObject({ number: 1, source: 'csv', lineCount: 19, status: 'concept' });
    expect(v1.indicators?.indicatief).toBe(true);
    expect(v1.indicators?.label).toMatch(/indicatief/i);
    expect(Object.keys(v1.indicators?.dataVersions ?? {}).length).toBeGreaterThan(0);
    expect(v1.mpg).toBe(v1.indicators?.mpg.value);
    const keys = v1.passport.elements.flatMap((e) => e.lines.map((l) => l.key));
    expect(new Set(keys).size).toBe(19);
    expect(v1.passport.elements[0]?.lines[0]?.profileOrigin).toBe('file');

    // Edit: one quantity doubled, one line removed, one line added without key.
    const elements = structuredClone(v1.passport.elements);
    const first = elements[0]?.lines[0];
    if (!first) throw new Error('no line');
    first.quantity *= 2;
    const removed = elements[1]?.lines.pop();
    elements[0]?.lines.push({ ...first, key: undefined, description: 'Cellulose-isolatie', quantity: 3, profileId: undefined, profileOrigin: undefined } as unknown as typeof first);
    const put = await call(ctx.app, bewerker, 'PUT', `/api/projects/${projectId}/passports/${v1.id}`, { revision: 1, label: 'Bewerkt', passport: { project: v1.passport.project, elements } });
    expect(put.statusCode, put.body).toBe(200);
    const v1b = passportVersion.parse(put.json());
    expect(v1b).toMatchObject({ label: 'Bewerkt', revision: 2, lineCount: 19 });
    expect(v1b.indicators?.gwp.a1a3).not.toBe(v1.indicators?.gwp.a1a3);
    const added = v1b.passport.elements[0]?.lines.at(-1);
    expect(added?.key).toMatch(/^n-/);

    const stale = await call(ctx.app, bewerker, 'PUT', `/api/projects/${projectId}/passports/${v1.id}`, { revision: 1, passport: v1.passport });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', details: { currentRevision: 2 } });

    const diff = await call(ctx.app, lezer, 'GET', `/api/projects/${projectId}/passports/diff?from=${v1.id}&to=${v1.id}`);
    expect(diff.json<PassportDiff>().counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 19 });

    // Copy before editing further, so the diff has two versions.
    const copy = await call(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/passports`, { copyOf: v1.id });
    expect(copy.statusCode).toBe(201);
    const v2 = passportVersion.parse(copy.json());
    expect(v2).toMatchObject({ number: 2, source: 'copy', basedOnVersionId: v1.id, lineCount: 19 });

    const publish = await call(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/passports/${v1.id}/publish`, { revision: 2 });
    expect(publish.statusCode, publish.body).toBe(200);
    expect(publish.json()).toMatchObject({ status: 'vastgesteld', publishedBy: { name: expect.any(String) } });
    for (const attempt of [
      call(ctx.app, bewerker, 'PUT', `/api/projects/${projectId}/passports/${v1.id}`, { revision: 3, passport: v1.passport }),
      call(ctx.app, bewerker, 'DELETE', `/api/projects/${projectId}/passports/${v1.id}`),
      call(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/passports/${v1.id}/publish`, { revision: 3 }),
      call(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/passports/${v1.id}/apply-mappings`, { revision: 3 }),
    ]) {
      const response = await attempt;
      expect(response.statusCode).toBe(409);
      expect(response.json().error.code).toBe('passport_published');
    }

    // Diff v1 (edited, published) → original import (v3, a fresh import of the same file: same keys).
    const reimport = await versionWithLines(ctx.app, bewerker, projectId);
    const d = await call(ctx.app, bewerker, 'GET', `/api/projects/${projectId}/passports/diff?from=${v1.id}&to=${reimport.id}`);
    expect(d.statusCode).toBe(200);
    const body = d.json<PassportDiff>();
    expect(body.counts).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 17 });
    expect(body.added[0]?.key).toBe(removed?.key);
    expect(body.removed[0]?.description).toBe('Cellulose-isolatie');
    expect(body.changed[0]?.changes).toEqual([{ field: 'quantity', from: (first.quantity as number), to: (first.quantity as number) / 2 }]);
    const gwp = body.indicators.find((i) => i.indicator === 'gwp.a1a3');
    expect(gwp?.delta).toBeCloseTo((gwp?.to ?? 0) - (gwp?.from ?? 0), 9);

    const list = await call(ctx.app, lezer, 'GET', `/api/projects/${projectId}/passports`);
    expect(list.json<{ items: { number: number; status: string }[] }>().items.map((v) => [v.number, v.status])).toEqual([[1, 'vastgesteld'], [2, 'concept'], [3, 'concept']]);

    const del = await call(ctx.app, bewerker, 'DELETE', `/api/projects/${projectId}/passports/${v2.id}`);
    expect(del.statusCode).toBe(204);
    expect((await call(ctx.app, bewerker, 'GET', `/api/projects/${projectId}/passports/${v2.id}`)).statusCode).toBe(404);
  });

  it('refuses duplicate line keys, unknown profiles and bad codes with the field path', async () => {
    const projectId = await newProject();
    const { id, revision } = await versionWithLines(ctx.app, bewerker, projectId);
    const version = await getVersion(projectId, id);
    const elements = structuredClone(version.passport.elements);
    const line = elements[0]?.lines[0];
    if (!line || !elements[0]) throw new Error('no line');
    elements[0].lines.push({ ...line });
    const duplicate = await call(ctx.app, bewerker, 'PUT', `/api/projects/${projectId}/passports/${id}`, { revision, passport: { ...version.passport, elements } });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.details[0].path).toMatch(/^passport\.elements\.0\.lines\.\d+\.key$/);

    elements[0].lines.pop();
    line.profileId = 'bestaat-niet';
    const unknown = await call(ctx.app, bewerker, 'PUT', `/api/projects/${projectId}/passports/${id}`, { revision, passport: { ...version.passport, elements } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details).toEqual([{ path: 'passport.elements.0.lines.0.profileId', message: expect.stringMatching(/niet in de bibliotheek/) }]);

    const badCode = await call(ctx.app, bewerker, 'PUT', `/api/projects/${projectId}/passports/${id}`, { revision, passport: { ...version.passport, elements: [{ ...elements[0], nlsfb: 'AB' }] } });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.details[0].path).toBe('passport.elements.0.nlsfb');
  });

  it("hides a confidential project's passports from outsiders (404) and lets readers only read", async () => {
    const projectId = await newProject({ visibility: 'vertrouwelijk' });
    const { id } = await versionWithLines(ctx.app, bewerker, projectId);
    for (const url of [`/api/projects/${projectId}/passports`, `/api/projects/${projectId}/passports/${id}`, `/api/projects/${projectId}/passports/${id}/exports/xlsx`]) {
      expect((await call(ctx.app, outsider, 'GET', url)).statusCode).toBe(404);
      expect((await call(ctx.app, lezer, 'GET', url)).statusCode).toBe(200);
    }
    expect((await call(ctx.app, outsider, 'POST', `/api/projects/${projectId}/passports`, {})).statusCode).toBe(404);
    expect((await call(ctx.app, lezer, 'POST', `/api/projects/${projectId}/passports`, {})).statusCode).toBe(403);
    expect((await importTable(ctx.app, outsider, projectId, 'a.csv', passportFixture('tussenwoning.nl.csv'))).statusCode).toBe(404);
  });
});

describe('table import', () => {
  it('answers bad rows with row, column and message and writes nothing', async () => {
    const projectId = await newProject();
    const before = await passportRowCounts(ctx.database);
    const response = await importTable(ctx.app, bewerker, projectId, 'ongeldig.nl.csv', passportFixture('ongeldig.nl.csv'));
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('import_rejected');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { row: 2, column: 'hoeveelheid', message: '"12,5x" is geen getal' },
        expect.objectContaining({ row: 3, column: 'eenheid' }),
        expect.objectContaining({ row: 3, column: 'nlsfb' }),
      ]),
    );
    expect(await passportRowCounts(ctx.database)).toEqual(before);
  });

  it('refuses wrong types, empty and garbled files with a 4xx and a message', async () => {
    const projectId = await newProject();
    const before = await passportRowCounts(ctx.database);
    const cases: [string, Buffer | string, number, string][] = [
      ['model.ifc', 'ISO-10303-21;', 415, 'unsupported_file_type'],
      ['leeg.csv', '', 400, 'import_rejected'],
      ['kapot.xlsx', Buffer.from('PK\u0003\u0004 niet echt een werkmap'), 400, 'import_rejected'],
      ['kapot.json', '{"project": ', 400, 'import_rejected'],
      ['plaatje.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), 400, 'import_rejected'],
    ];
    for (const [name, content, status, code] of cases) {
      const response = await importTable(ctx.app, bewerker, projectId, name, content);
      expect(response.statusCode, `${name}: ${response.body}`).toBe(status);
      expect(response.json().error.code).toBe(code);
      expect(response.json().error.message.length).toBeGreaterThan(10);
    }
    expect(await passportRowCounts(ctx.database)).toEqual(before);
  });

  it('a large xlsx without Project sheet: a bad row deep down is reported with its row and nothing is stored; fixed, it is stored whole', async () => {
    const projectId = await newProject();
    const workbook = async (badRow: number | null) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('Paspoort');
      sheet.addRow(['NLSFB', 'Element', 'laag', 'materiaal', 'hoeveelheid', 'eenheid', 'regel_id']);
      for (let i = 0; i < 5000; i++) sheet.addRow(['21', `Wand ${i % 50}`, 'omhulling', 'Baksteen', i === badRow ? 'veel' : 1 + (i % 7) / 4, 'm3', `r-${i}`]);
      return Buffer.from(await book.xlsx.writeBuffer());
    };
    const before = await passportRowCounts(ctx.database);
    const refused = await importTable(ctx.app, bewerker, projectId, 'groot.xlsx', await workbook(4321));
    expect(refused.statusCode, refused.body).toBe(400);
    const error = refused.json<{ error: { code: string; details: { row: number | null; column: string | null; message: string }[] } }>().error;
    expect(error.code).toBe('import_rejected');
    // besides the missing project data (as always when a row is bad too), exactly the one row
    expect(error.details.filter((detail) => detail.row !== null)).toEqual([{ row: 4323, column: 'hoeveelheid', message: '"veel" is geen getal' }]);
    expect(await passportRowCounts(ctx.database)).toEqual(before);
    // project data from the project record (the file has none), lines in file order with their keys
    const stored = await importTable(ctx.app, bewerker, projectId, 'groot.xlsx', await workbook(null));
    expect(stored.statusCode, stored.body).toBe(201);
    const version = passportVersion.parse(stored.json());
    expect(version).toMatchObject({ lineCount: 5000, elementCount: 50, passport: { project: { bvoM2: 124, buildingType: 'grondgebonden' } } });
    expect(version.passport.elements[1]?.lines[0]).toMatchObject({ key: 'r-1', quantity: 1.25 });
  });

  it('stores a concept without BVO when neither file nor project has one', async () => {
    const projectId = await newProject({ bvoM2: null });
    const response = await importTable(ctx.app, bewerker, projectId, 'tussenwoning.nl.csv', passportFixture('tussenwoning.nl.csv'));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ indicators: null, lineCount: 19, passport: { project: { bvoM2: null } } });
  });
});

describe('exports', () => {
  it('xlsx export imports back to the identical passport (keys and profile origins included)', async () => {
    const projectId = await newProject();
    const { id } = await versionWithLines(ctx.app, bewerker, projectId);
    const original = await getVersion(projectId, id);
    const xlsx = await call(ctx.app, lezer, 'GET', `/api/projects/${projectId}/passports/${id}/exports/xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/\.xlsx"/);
    const again = await importTable(ctx.app, bewerker, projectId, 'terug.xlsx', xlsx.rawPayload);
    expect(again.statusCode, again.body).toBe(201);
    const copy = passportVersion.parse(again.json());
    expect(copy.passport).toEqual(original.passport);
    expect(copy.indicators?.mpg).toEqual(original.indicators?.mpg);
    const diff = await call(ctx.app, bewerker, 'GET', `/api/projects/${projectId}/passports/diff?from=${id}&to=${copy.id}`);
    expect(diff.json<PassportDiff>().counts).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 19 });
  });

  it('json follows the engine schema, lcax has assemblies, pdf only for vastgesteld versions', async () => {
    const projectId = await newProject();
    const { id, revision } = await versionWithLines(ctx.app, bewerker, projectId);
    const json = await call(ctx.app, lezer, 'GET', `/api/projects/${projectId}/passports/${id}/exports/json`);
    expect(json.statusCode).toBe(200);
    expect(passportSchema.safeParse(json.json()).success).toBe(true);
    const lcax = await call(ctx.app, lezer, 'GET', `/api/projects/${projectId}/passports/${id}/exports/lcax`);
    expect(lcax.statusCode).toBe(200);
    expect(lcax.json()).toMatchObject({ formatVersion: expect.any(String), classificationSystem: 'NL-SfB', projectInfo: { grossFloorArea: { value: 124 } } });
    expect(Object.keys(lcax.json<{ assemblies: object }>().assemblies).length).toBeGreaterThan(5);
    const early = await call(ctx.app, lezer, 'GET', `/api/projects/${projectId}/passports/${id}/exports/pdf`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('passport_not_published');
    await call(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/passports/${id}/publish`, { revision });
    const pdf = await call(ctx.app, lezer, 'GET', `/api/projects/${projectId}/passports/${id}/exports/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('serves the template and lists the routes in the OpenAPI document', async () => {
    const template = await call(ctx.app, lezer, 'GET', '/api/passport-template.xlsx');
    expect(template.statusCode).toBe(200);
    expect(template.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    const paths = Object.keys((await call(ctx.app, null, 'GET', '/api/openapi.json')).json<{ paths: object }>().paths);
    for (const p of ['/api/projects/{id}/passports', '/api/projects/{id}/passports/{versionId}', '/api/projects/{id}/passports/diff', '/api/projects/{id}/passports/imports/ifc', '/api/organisations/{id}/material-mappings', '/api/profiles/{profileId}']) {
      expect(paths).toContain(p);
    }
  });
});

describe('material mappings and profiles', () => {
  it("maps an unmapped material for the organisation and applies it to a concept", async () => {
    const projectId = await newProject();
    const csv = 'nlsfb;element;laag;materiaal;hoeveelheid;eenheid\n21;Gevel;omhulling;Kringbouw-testmateriaal XQ;10;m3\n21;Gevel;omhulling;Vurenhout;2;m3\n';
    const imported = await importTable(ctx.app, bewerker, projectId, 'm.csv', csv);
    expect(imported.statusCode).toBe(201);
    const version = passportVersion.parse(imported.json());
    expect(version.materials[0]).toMatchObject({ name: 'Kringbouw-testmateriaal XQ', profileId: null, mapping: null });
    expect(version.materials[1]).toMatchObject({ profileOrigin: 'suggested' });
    expect(version.unmappedCount).toBe(1);

    expect((await call(ctx.app, lezer, 'PUT', `/api/organisations/${leiden}/material-mappings`, { materialName: 'x', profileId: '9702d9ab-2af2-4fdc-9d99-225583a9ffb7' })).statusCode).toBe(403);
    const bad = await call(ctx.app, bewerker, 'PUT', `/api/organisations/${leiden}/material-mappings`, { materialName: 'x', profileId: 'onbekend' });
    expect(bad.statusCode).toBe(400);
    const mapped = await call(ctx.app, bewerker, 'PUT', `/api/organisations/${leiden}/material-mappings`, { materialName: 'kringbouw testmateriaal xq', profileId: '9702d9ab-2af2-4fdc-9d99-225583a9ffb7' });
    expect(mapped.statusCode, mapped.body).toBe(200);
    expect(mapped.json()).toMatchObject({ normalizedName: 'kringbouw testmateriaal xq', origin: 'manual', profileName: expect.any(String), updatedBy: { name: expect.any(String) } });

    const applied = await call(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/passports/${version.id}/apply-mappings`, { revision: version.revision });
    expect(applied.statusCode, applied.body).toBe(200);
    const after = passportVersion.parse(applied.json());
    expect(after.unmappedCount).toBe(0);
    expect(after.passport.elements[0]?.lines[0]).toMatchObject({ profileId: '9702d9ab-2af2-4fdc-9d99-225583a9ffb7', profileOrigin: 'mapping' });
    expect(after.materials.find((m) => m.normalizedName === 'kringbouw testmateriaal xq')?.mapping).toEqual({ profileId: '9702d9ab-2af2-4fdc-9d99-225583a9ffb7', origin: 'manual' });

    // The next import into any Leiden project uses the mapping at once.
    const other = await newProject();
    const next = passportVersion.parse((await importTable(ctx.app, bewerker, other, 'm.csv', csv)).json());
    expect(next.passport.elements[0]?.lines[0]).toMatchObject({ profileOrigin: 'mapping' });

    const list = await call(ctx.app, lezer, 'GET', `/api/organisations/${leiden}/material-mappings?q=testmateriaal`);
    expect(list.json<{ total: number }>().total).toBe(1);
    // Profiles named in imported files were learned as "imported" mappings.
    const learned = await call(ctx.app, lezer, 'GET', `/api/organisations/${leiden}/material-mappings?origin=imported`);
    expect(learned.json<{ items: { materialName: string; origin: string; updatedBy: unknown }[] }>().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ materialName: 'Beton C20/25 funderingsbalk', origin: 'imported', updatedBy: expect.objectContaining({ name: expect.any(String) }) })]),
    );
    expect((await call(ctx.app, outsider, 'GET', `/api/organisations/${leiden}/material-mappings`)).statusCode).toBe(403);
    const removed = await call(ctx.app, bewerker, 'DELETE', `/api/organisations/${leiden}/material-mappings/${mapped.json<{ id: string }>().id}`);
    expect(removed.statusCode).toBe(204);
  });

  it('searches profiles and answers detail and suggestions', async () => {
    const search = await call(ctx.app, lezer, 'GET', '/api/profiles?q=beton&unit=m3&limit=5');
    expect(search.statusCode).toBe(200);
    const body = search.json<{ items: { id: string; declaredUnit: string }[]; total: number }>();
    expect(body.items.length).toBe(5);
    expect(body.total).toBeGreaterThan(5);
    expect(body.items.every((p) => p.declaredUnit === 'm3')).toBe(true);
    const detail = await call(ctx.app, lezer, 'GET', '/api/profiles/9702d9ab-2af2-4fdc-9d99-225583a9ffb7');
    expect(detail.json()).toMatchObject({ declaredUnit: 'm3', modules: ['A1-A3', 'A4', 'C1', 'C2', 'C3', 'D'], source: 'oekobaudat-2020-II', verification: expect.stringMatching(/indicatief/) });
    expect((await call(ctx.app, lezer, 'GET', '/api/profiles/bestaat-niet')).statusCode).toBe(404);
    const suggestions = await call(ctx.app, lezer, 'GET', '/api/profiles/suggestions?name=Ziegel');
    expect(suggestions.json<{ items: unknown[] }>().items.length).toBeGreaterThan(0);
  });

  it('passport settings: members read, beheerders change', async () => {
    expect((await call(ctx.app, lezer, 'GET', `/api/organisations/${leiden}/passport-settings`)).json()).toEqual({ keepOriginalIfc: false });
    expect((await call(ctx.app, bewerker, 'PUT', `/api/organisations/${leiden}/passport-settings`, { keepOriginalIfc: true })).statusCode).toBe(403);
    expect((await call(ctx.app, outsider, 'GET', `/api/organisations/${leiden}/passport-settings`)).statusCode).toBe(403);
  });
});

describe('IFC import', () => {
  it('imports a model with base quantities as a concept, with progress over server-sent events', async () => {
    const projectId = await newProject();
    const { events } = await runIfcImport(ctx.app, bewerker, projectId, 'office-cv2.ifc', ifcFixture('office-cv2.ifc'));
    const progress = events.filter((e) => e.event === 'progress').map((e) => e.data as { phase: string; fraction: number });
    expect(progress.length).toBeGreaterThan(2);
    const fractions = progress.map((p) => p.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(events.at(-1)?.event).toBe('done');
    const versionId = (events.at(-1)?.data as { versionId: string }).versionId;
    const version = await getVersion(projectId, versionId);
    expect(version).toMatchObject({ source: 'ifc', status: 'concept', originalFile: null });
    expect(version.importReport).toMatchObject({ format: 'ifc', ifcSchema: 'IFC2X3', fileName: 'office-cv2.ifc' });
    expect(version.importReport?.quantitySources?.qto).toBeGreaterThan(0);
    expect(version.lineCount).toBeGreaterThan(10);
    const element = version.passport.elements[0];
    expect(element?.source).toMatchObject({ ifcGlobalId: expect.any(String), ifcClass: expect.stringMatching(/^Ifc/) });
    // Every line's profile comes from the mapping or the suggestion, or is listed as unmapped.
    const lines = version.passport.elements.flatMap((e) => e.lines);
    expect(lines.every((l) => (l.profileId === undefined) === (l.profileOrigin === null))).toBe(true);
    expect(version.materials.filter((m) => m.profileId === null).length).toBe(version.unmappedCount);
  });

  it('refuses an older schema (422) and a file that is not IFC (400) before starting a job', async () => {
    const projectId = await newProject();
    const before = await passportRowCounts(ctx.database);
    const old = await importIfc(ctx.app, bewerker, projectId, 'fzk-haus.ifc', ifcFixture('fzk-haus.ifc'));
    expect(old.statusCode).toBe(422);
    expect(old.json().error).toMatchObject({ code: 'ifc_unsupported_schema', message: expect.stringMatching(/niet ondersteund/) });
    const notIfc = await importIfc(ctx.app, bewerker, projectId, 'paspoort.ifc', passportFixture('tussenwoning.nl.csv'));
    expect(notIfc.statusCode).toBe(400);
    expect(notIfc.json().error.code).toBe('ifc_not_ifc');
    expect(await passportRowCounts(ctx.database)).toEqual(before);
  });

  it('cancels a running import: the worker stops, the stream ends with failed, nothing is written', async () => {
    const projectId = await newProject();
    const before = await passportRowCounts(ctx.database);
    const model = generateIfc({ storeys: 6, wallsPerStorey: 120, slabsPerStorey: 10, columnsPerStorey: 40 });
    const started = await importIfc(ctx.app, bewerker, projectId, 'groot.ifc', model.text);
    expect(started.statusCode).toBe(202);
    const jobId = started.json<{ id: string }>().id;
    const stream = call(ctx.app, bewerker, 'GET', `/api/projects/${projectId}/passports/imports/${jobId}/events`);
    expect((await call(ctx.app, lezer, 'DELETE', `/api/projects/${projectId}/passports/imports/${jobId}`)).statusCode).toBe(403);
    const cancelled = await call(ctx.app, bewerker, 'DELETE', `/api/projects/${projectId}/passports/imports/${jobId}`);
    expect(cancelled.statusCode, cancelled.body).toBe(204);
    const events = parseSse((await stream).body);
    expect(events.at(-1)).toEqual({ event: 'failed', data: { code: 'import_cancelled', message: expect.any(String) } });
    const state = await call(ctx.app, bewerker, 'GET', `/api/projects/${projectId}/passports/imports/${jobId}`);
    expect(state.json()).toMatchObject({ status: 'cancelled', versionId: null, error: { code: 'import_cancelled' } });
    expect(await passportRowCounts(ctx.database)).toEqual(before);
  });

  it('keeps the original file when the organisation wants it, and offers it for download', async () => {
    expect((await call(ctx.app, beheerder, 'PUT', `/api/organisations/${leiden}/passport-settings`, { keepOriginalIfc: true })).statusCode).toBe(200);
    try {
      const projectId = await newProject();
      const bytes = ifcFixture('example.ifc');
      const { events } = await runIfcImport(ctx.app, bewerker, projectId, 'example.ifc', bytes);
      const versionId = (events.at(-1)?.data as { versionId: string }).versionId;
      const version = await getVersion(projectId, versionId);
      expect(version.originalFile).toEqual({ name: 'example.ifc', sizeBytes: bytes.length });
      const download = await call(ctx.app, lezer, 'GET', `/api/projects/${projectId}/passports/${versionId}/original`);
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(bytes)).toBe(true);
    } finally {
      await call(ctx.app, beheerder, 'PUT', `/api/organisations/${leiden}/passport-settings`, { keepOriginalIfc: false });
    }
  });
});

describe('upload limit', () => {
  it('reads PASSPORT_UPLOAD_LIMIT_MB (default 200) and refuses nonsense', () => {
    const DATA_DIR = mkdtempSync(path.join(tmpdir(), 'kringbouw-config-'));
    expect(loadConfig({ DATA_DIR }).passportUploadLimitMb).toBe(200);
    expect(loadConfig({ DATA_DIR, PASSPORT_UPLOAD_LIMIT_MB: '50' }).passportUploadLimitMb).toBe(50);
    expect(() => loadConfig({ DATA_DIR, PASSPORT_UPLOAD_LIMIT_MB: 'veel' })).toThrow(/PASSPORT_UPLOAD_LIMIT_MB/);
  });

  it('answers 413 above PASSPORT_UPLOAD_LIMIT_MB for tables and models, writing nothing', async () => {
    const small = await createTestContext({ config: { passportUploadLimitMb: 0.01 } });
    try {
      const session = await signIn(small.app, 'beleid@leiden.demo');
      const org = await idOfOrganisation(small.app, session, 'Gemeente Leiden');
      const project = await call(small.app, session, 'POST', '/api/projects', projectBody(org));
      const projectId = project.json<{ id: string }>().id;
      const before = await passportRowCounts(small.database);
      const big = Buffer.alloc(20_000, 'a');
      const table = await importTable(small.app, session, projectId, 'groot.csv', big);
      expect(table.statusCode).toBe(413);
      expect(table.json().error.code).toBe('payload_too_large');
      const ifc = await injectMultipart(small.app, session, 'POST', `/api/projects/${projectId}/passports/imports/ifc`, tableUpload('groot.ifc', ifcFixture('example.ifc')));
      expect(ifc.statusCode).toBe(413);
      expect(await passportRowCounts(small.database)).toEqual(before);
    } finally {
      await small.close();
    }
  });
});
