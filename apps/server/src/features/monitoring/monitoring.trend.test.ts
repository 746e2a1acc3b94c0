/**
 * HTTP-level tests of what the project page's indicator trend chart reads: the HNN reference level per indicator for
 * the project's building type (also without any value) and the computed values of each vastgestelde passport
 * version, apart from the declared ones.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectIndicators, type ProjectIndicators } from '@kringbouw/contracts';
import { call, createTestContext, idOfOrganisation, projectBody, signIn, type Session, type TestContext } from '../../../test/helpers.ts';
import { versionWithLines } from '../../../test/passports-support.ts';
import { injectMultipart } from '../../../test/stock-support.ts';
import { declarationMultipart as declaration } from '../../../test/matrix/monitoring.support.ts';

let ctx: TestContext;
let bewerker: Session;
let leiden: string;

const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n% Kringbouw test\n'), randomBytes(32), Buffer.from('\n%%EOF\n')]);

async function indicatorsOf(projectId: string): Promise<ProjectIndicators> {
  const response = await call(ctx.app, bewerker, 'GET', `/api/projects/${projectId}/indicators`);
  expect(response.statusCode, response.body).toBe(200);
  return projectIndicators.parse(response.json());
}

async function publishNewVersion(projectId: string): Promise<void> {
  const version = await versionWithLines(ctx.app, bewerker, projectId);
  const published = await call(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/passports/${version.id}/publish`, { revision: version.revision });
  expect(published.statusCode, published.body).toBe(200);
}

beforeAll(async () => {
  ctx = await createTestContext();
  bewerker = await signIn(ctx.app, 'beleid@leiden.demo');
  const coordinator = await signIn(ctx.app, 'coordinator@citydeal.demo');
  leiden = await idOfOrganisation(ctx.app, coordinator, 'Gemeente Leiden');
});

afterAll(async () => {
  await ctx?.close();
});

describe('indicator trend data', () => {
  it('gives the HNN reference level of the current building type, also before any value, and null where there is none', async () => {
    const created = await call(ctx.app, bewerker, 'POST', '/api/projects', projectBody(leiden, { bvoM2: 124, buildingType: 'gestapeld' }));
    expect(created.statusCode, created.body).toBe(201);
    const project = created.json<{ id: string; version: number }>();
    const empty = await indicatorsOf(project.id);
    const reference = (state: ProjectIndicators, id: string) => state.indicators.find((i) => i.indicator.id === id)?.hnnReference;
    expect(empty.indicators.every((i) => i.history.length === 0)).toBe(true);
    // hnn-levels.json 2026.2: MPG ≤ 0.50 (gestapeld) / ≤ 0.45 (grondgebonden); embodied carbon ≤ 240 / ≤ 200.
    expect(reference(empty, 'mpg')).toEqual({ level: 0.5, comparison: 'max' });
    expect(reference(empty, 'embodiedCarbon')).toEqual({ level: 240, comparison: 'max' });
    expect(reference(empty, 'mki')).toBeNull();
    expect(reference(empty, 'dwellings')).toBeNull();
    // An indicator with a reference level is one the catalogue checks against HNN.
    for (const i of empty.indicators) if (i.hnnReference !== null) expect(i.indicator.hasHnnLevel).toBe(true);

    const updated = await call(ctx.app, bewerker, 'PUT', `/api/projects/${project.id}`, { ...projectBody(leiden, { bvoM2: 124, buildingType: 'grondgebonden' }), version: project.version });
    expect(updated.statusCode, updated.body).toBe(200);
    const after = await indicatorsOf(project.id);
    expect(reference(after, 'mpg')).toEqual({ level: 0.45, comparison: 'max' });
    expect(reference(after, 'embodiedCarbon')).toEqual({ level: 200, comparison: 'max' });
  });

  it('holds one computed value per vastgestelde passport version, with its number, apart from the declared values', async () => {
    const created = await call(ctx.app, bewerker, 'POST', '/api/projects', projectBody(leiden, { bvoM2: 124, buildingType: 'gestapeld' }));
    const projectId = created.json<{ id: string }>().id;
    await publishNewVersion(projectId);
    const declared = await injectMultipart(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/indicators`, declaration({ indicatorId: 'mpg', value: '0.47', tool: 'GPR Materiaal', toolVersion: '5.2', calculationDate: '2026-03-01' }, { name: 'mpg.pdf', content: pdf }));
    expect(declared.statusCode, declared.body).toBe(201);
    await publishNewVersion(projectId);

    const mpg = (await indicatorsOf(projectId)).indicators.find((i) => i.indicator.id === 'mpg');
    if (!mpg) throw new Error('no MPG');
    const computed = mpg.history.filter((h) => h.entry.source === 'berekend');
    expect(computed.map((h) => h.entry.passportVersion?.number).sort()).toEqual([1, 2]);
    expect(computed.every((h) => h.entry.value !== null && h.entry.standing === 'indicatief')).toBe(true);
    // The older computed value is superseded by the newer one; the declared value is official and has no version.
    expect(computed.find((h) => h.entry.passportVersion?.number === 1)?.superseded).toBe(true);
    const official = mpg.history.filter((h) => h.entry.source === 'opgegeven');
    expect(official.map((h) => [h.entry.value, h.entry.standing, h.entry.passportVersion])).toEqual([[0.47, 'officieel', null]]);
    expect(mpg.indicative?.entryId).toBe(computed.find((h) => h.entry.passportVersion?.number === 2)?.entry.id);
  });
});
