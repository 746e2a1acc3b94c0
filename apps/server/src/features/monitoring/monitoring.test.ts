/** HTTP-level tests of monitoring: declare / withdraw / history, the publish hook, report PDFs, dashboard, no drift. */
import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityDealOverview, municipalityDashboard, projectIndicators, type ProjectIndicators } from '@kringbouw/contracts';
import { ledgerFigures } from '@kringbouw/domain/monitoring';
import { call, createTestContext, idOfOrganisation, projectBody, signIn, type Session, type TestContext } from '../../../test/helpers.ts';
import { versionWithLines } from '../../../test/passports-support.ts';
import { injectMultipart } from '../../../test/stock-support.ts';
import { declarationMultipart as declaration } from '../../../test/matrix/monitoring.support.ts';
import { indicatorEntries } from '../../db/schema.ts';
import { createMonitoringRepository } from './monitoring.repository.ts';

let ctx: TestContext;
let bewerker: Session;
let lezer: Session;
let outsider: Session;
let coordinator: Session;
let leiden: string;

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n% Kringbouw test\n'), randomBytes(64), Buffer.from('\n%%EOF\n')]);

export const officialMpgFields = (value: string) => ({ indicatorId: 'mpg', value, tool: 'GPR Materiaal', toolVersion: '5.2', nmdVersion: 'NMD 3.7', calculationDate: '2026-03-01' });

async function newProject(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await call(ctx.app, bewerker, 'POST', '/api/projects', projectBody(leiden, { bvoM2: 124, buildingType: 'gestapeld', ...overrides }));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ id: string }>().id;
}

async function indicatorsOf(projectId: string, session: Session = bewerker): Promise<ProjectIndicators> {
  const response = await call(ctx.app, session, 'GET', `/api/projects/${projectId}/indicators`);
  expect(response.statusCode, response.body).toBe(200);
  return projectIndicators.parse(response.json());
}

function declare(projectId: string, fields: Record<string, string>, report?: { name: string; content: Buffer }, session: Session = bewerker) {
  return injectMultipart(ctx.app, session, 'POST', `/api/projects/${projectId}/indicators`, declaration(fields, report));
}

async function entryCount(): Promise<number> {
  const [row] = await ctx.database.db.select({ n: count() }).from(indicatorEntries);
  return Number(row?.n ?? 0);
}

async function expectNoDrift(projectIds: readonly string[]) {
  const repository = createMonitoringRepository(ctx.database.db);
  const stored = await repository.storedFigures(projectIds);
  for (const projectId of projectIds) {
    const recomputed = ledgerFigures(await repository.entries(projectId));
    const row = stored.find((s) => s.projectId === projectId);
    expect(row, projectId).toBeDefined();
    expect({ officialMpg: row?.officialMpg, indicativeMpg: row?.indicativeMpg, officialStoredCarbonT: row?.officialStoredCarbonT, indicativeStoredCarbonT: row?.indicativeStoredCarbonT, hnnValues: row?.hnn }).toEqual(recomputed);
  }
}

beforeAll(async () => {
  ctx = await createTestContext();
  bewerker = await signIn(ctx.app, 'beleid@leiden.demo');
  lezer = await signIn(ctx.app, 'lezer@leiden.demo');
  outsider = await signIn(ctx.app, 'bouwer@vanwijnen.demo');
  coordinator = await signIn(ctx.app, 'coordinator@citydeal.demo');
  leiden = await idOfOrganisation(ctx.app, coordinator, 'Gemeente Leiden');
});

afterAll(async () => {
  await ctx?.close();
});

describe('indicator ledger', () => {
  it('declares an official MPG with its report, shows it with HNN check, and serves the PDF back', async () => {
    const projectId = await newProject();
    const empty = await indicatorsOf(projectId);
    expect(empty.indicators.map((i) => i.indicator.id)).toContain('industrialisedShare');
    expect(empty.indicators.every((i) => i.display === null)).toBe(true);

    const response = await declare(projectId, officialMpgFields('0.42'), { name: 'MPG-rapport.pdf', content: pdf });
    expect(response.statusCode, response.body).toBe(201);
    const mpg = projectIndicators.parse(response.json()).indicators.find((i) => i.indicator.id === 'mpg');
    expect(mpg?.display).toBe('officieel');
    expect(mpg?.official).toMatchObject({ value: 0.42, standing: 'officieel', hnnLevel: 0.5, hnnStatus: 'voldoet' });
    expect(mpg?.indicative).toBeNull();
    const entry = mpg?.history[0]?.entry;
    expect(entry).toMatchObject({ source: 'opgegeven', tool: 'GPR Materiaal', toolVersion: '5.2', nmdVersion: 'NMD 3.7', calculationDate: '2026-03-01', report: { name: 'MPG-rapport.pdf', sizeBytes: pdf.length }, recordedBy: { name: expect.any(String) } });

    const download = await call(ctx.app, lezer, 'GET', `/api/projects/${projectId}/indicators/entries/${entry?.id}/report`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    await expectNoDrift([projectId]);
  });

  it('a vastgestelde passport version adds computed (indicatief) values with data versions, apart from the official one', async () => {
    const projectId = await newProject();
    expect((await declare(projectId, officialMpgFields('0.48'), { name: 'r.pdf', content: pdf })).statusCode).toBe(201);
    const version = await versionWithLines(ctx.app, bewerker, projectId);
    const published = await call(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/passports/${version.id}/publish`, { revision: version.revision });
    expect(published.statusCode, published.body).toBe(200);
    const state = await indicatorsOf(projectId);
    const mpg = state.indicators.find((i) => i.indicator.id === 'mpg');
    expect(mpg?.official?.value).toBe(0.48);
    expect(mpg?.indicative?.standing).toBe('indicatief');
    expect(mpg?.display).toBe('officieel');
    const computed = state.indicators.flatMap((i) => i.history).filter((h) => h.entry.source === 'berekend');
    expect(computed.length).toBeGreaterThanOrEqual(4);
    for (const h of computed) {
      expect(h.entry.passportVersion?.number).toBe(1);
      expect(h.entry.dataVersions).toMatchObject({ 'hnn-levels': expect.any(String), 'monitoring-indicators': '2026.1', profiles: expect.any(String) });
    }
    const stored = state.indicators.find((i) => i.indicator.id === 'storedCarbon');
    expect(stored?.display).toBe('indicatief');
    await expectNoDrift([projectId]);
  });

  it('withdrawing falls back to the previous value; everything stays in the history; computed values cannot be withdrawn', async () => {
    const projectId = await newProject();
    await declare(projectId, officialMpgFields('0.40'), { name: 'a.pdf', content: pdf });
    const second = projectIndicators.parse((await declare(projectId, officialMpgFields('0.90'), { name: 'b.pdf', content: pdf })).json());
    const secondId = second.indicators.find((i) => i.indicator.id === 'mpg')?.official?.entryId;
    expect(second.indicators.find((i) => i.indicator.id === 'mpg')?.official?.hnnStatus).toBe('voldoet niet');

    const forbidden = await call(ctx.app, lezer, 'POST', `/api/projects/${projectId}/indicators/entries/${secondId}/withdraw`, { reason: 'Tikfout' });
    expect(forbidden.statusCode).toBe(403);
    const withdrawn = await call(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/indicators/entries/${secondId}/withdraw`, { reason: 'Tikfout: 0,09 bedoeld' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const mpg = projectIndicators.parse(withdrawn.json()).indicators.find((i) => i.indicator.id === 'mpg');
    expect(mpg?.official?.value).toBe(0.4);
    expect(mpg?.history).toHaveLength(3);
    expect(mpg?.history.find((h) => h.entry.id === secondId)?.withdrawn).toBe(true);
    expect(mpg?.history[0]?.entry).toMatchObject({ withdrawsEntryId: secondId, value: null, note: 'Tikfout: 0,09 bedoeld' });

    const again = await call(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/indicators/entries/${secondId}/withdraw`, { reason: 'nogmaals' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ error: { code: 'entry_not_withdrawable' } });

    const version = await versionWithLines(ctx.app, bewerker, projectId);
    await call(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/passports/${version.id}/publish`, { revision: version.revision });
    const computedId = (await indicatorsOf(projectId)).indicators.find((i) => i.indicator.id === 'embodiedCarbon')?.indicative?.entryId;
    const refused = await call(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/indicators/entries/${computedId}/withdraw`, { reason: 'x' });
    expect(refused.statusCode).toBe(409);
    await expectNoDrift([projectId]);
  });

  it('refuses bad declarations with a field-level error and writes nothing', async () => {
    const projectId = await newProject();
    const before = await entryCount();
    const cases: [Record<string, string>, { name: string; content: Buffer } | undefined, string][] = [
      [officialMpgFields('0.4'), { name: 'rapport.pdf', content: Buffer.from('geen pdf') }, 'report'],
      [officialMpgFields('0.4'), undefined, 'report'],
      [{ ...officialMpgFields('0.4'), tool: '' }, { name: 'r.pdf', content: pdf }, 'tool'],
      [officialMpgFields('veel'), { name: 'r.pdf', content: pdf }, 'value'],
      [{ ...officialMpgFields('0.4'), calculationDate: '01-03-2026' }, { name: 'r.pdf', content: pdf }, 'calculationDate'],
      [{ ...officialMpgFields('0.4'), indicatorId: 'geluk' }, { name: 'r.pdf', content: pdf }, 'indicatorId'],
      [{ ...officialMpgFields('-1'), indicatorId: 'detachability' }, undefined, 'value'],
    ];
    for (const [fields, report, path] of cases) {
      const response = await declare(projectId, fields, report);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path)).toContain(path);
    }
    expect(await entryCount()).toBe(before);
    expect((await declare(projectId, officialMpgFields('0.4'), { name: 'r.pdf', content: pdf }, lezer)).statusCode).toBe(403);
    expect((await declare(projectId, officialMpgFields('0.4'), { name: 'r.pdf', content: pdf }, outsider)).statusCode).toBe(403);
    expect(await entryCount()).toBe(before);
  });

  it('hides confidential projects: 404 for outsiders', async () => {
    const projectId = await newProject({ visibility: 'vertrouwelijk' });
    expect((await call(ctx.app, outsider, 'GET', `/api/projects/${projectId}/indicators`)).statusCode).toBe(404);
    expect((await call(ctx.app, null, 'GET', `/api/projects/${projectId}/indicators`)).statusCode).toBe(401);
  });
});

describe('municipality dashboard', () => {
  async function dashboard(session: Session, query = '') {
    const response = await call(ctx.app, session, 'GET', `/api/municipalities/GM0080/monitoring${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return municipalityDashboard.parse(response.json());
  }

  it('aggregates official MPGs only, counts confidential projects for outsiders only from 3 on and never names them', async () => {
    const base = await dashboard(outsider);
    const inLeeuwarden = (overrides: Record<string, unknown>) => newProject({ municipalityCode: 'GM0080', location: { lat: 53.2, lon: 5.8 }, ...overrides });
    const open = await inLeeuwarden({ name: 'Open houtbouw', dwellings: 60, phase: 'ontwerp' });
    await declare(open, officialMpgFields('0.40'), { name: 'r.pdf', content: pdf });
    const secret1 = await inLeeuwarden({ name: 'Geheim 1', dwellings: 10, visibility: 'vertrouwelijk', phase: 'realisatie' });
    await declare(secret1, officialMpgFields('0.60'), { name: 'r.pdf', content: pdf });
    await inLeeuwarden({ name: 'Geheim 2', dwellings: 10, visibility: 'vertrouwelijk', phase: 'realisatie' });

    const two = await dashboard(outsider);
    expect(two.totals.projects).toBe(base.totals.projects + 1);
    expect(two.totals.dwellings).toBe(base.totals.dwellings + 60);
    expect(two.totals.confidentialCounted).toBe(0);
    expect(two.projects.map((p) => p.name)).not.toContain('Geheim 1');
    const insider = await dashboard(bewerker);
    expect(insider.totals.projects).toBe(base.totals.projects + 3);
    expect(insider.projects.map((p) => p.name)).toEqual(expect.arrayContaining(['Geheim 1', 'Geheim 2']));

    await inLeeuwarden({ name: 'Geheim 3', dwellings: 10, visibility: 'vertrouwelijk', phase: 'realisatie' });
    const three = await dashboard(outsider);
    expect(three.totals.projects).toBe(base.totals.projects + 4);
    expect(three.totals.confidentialCounted).toBeGreaterThanOrEqual(3);
    expect(three.pipeline.find((p) => p.phase === 'realisatie')?.projects).toBe((base.pipeline.find((p) => p.phase === 'realisatie')?.projects ?? 0) + 3);
    expect(JSON.stringify(three)).not.toContain('Geheim');

    // Official MPG average over projects with an official MPG (base had none in Leeuwarden if its count was 0).
    if (base.totals.projectsWithOfficialMpg === 0) expect(three.totals.averageOfficialMpg).toBeCloseTo(0.5, 12);
    const filtered = await dashboard(outsider, '?kind=transformatie');
    expect(filtered.projects.every((p) => p.kind === 'transformatie')).toBe(true);
    expect((await call(ctx.app, outsider, 'GET', '/api/municipalities/GM9999/monitoring')).statusCode).toBe(404);

    // The City Deal overview shows each city with the same totals as its dashboard, and a total that adds up.
    const overview = cityDealOverview.parse((await call(ctx.app, outsider, 'GET', '/api/monitoring/city-deal')).json());
    expect(overview.cities.map((c) => c.municipalityCode)).toHaveLength(8);
    expect(overview.cities.find((c) => c.municipalityCode === 'GM0080')?.totals).toEqual(three.totals);
    expect(overview.total.projects).toBe(overview.cities.reduce((s, c) => s + c.totals.projects, 0));
    expect(overview.total.dwellings).toBe(overview.cities.reduce((s, c) => s + c.totals.dwellings, 0));
    expect(JSON.stringify(overview)).not.toContain('Geheim');
    expect((await call(ctx.app, null, 'GET', '/api/municipalities/GM0080/monitoring')).statusCode).toBe(401);
  });
});
