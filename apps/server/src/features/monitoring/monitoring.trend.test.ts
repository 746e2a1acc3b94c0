/**
 * HTTP-level tests of what the project page's indicator trend chart reads: the HNN reference level per indicator for
 * the project's building type (also without any value), the computed values of each vastgestelde passport
 * version, apart from the declared ones, and per entry the project's phase at the moment it was recorded.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
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

describe('the phase a ledger entry was recorded in', () => {
  type Entry = ProjectIndicators['indicators'][number]['history'][number]['entry'];
  const allEntries = (state: ProjectIndicators): Entry[] => state.indicators.flatMap((i) => i.history.map((h) => h.entry));

  async function changePhase(projectId: string, phase: string, phaseDates: Record<string, string | null>): Promise<void> {
    const current = await call(ctx.app, bewerker, 'GET', `/api/projects/${projectId}`);
    const updated = await call(ctx.app, bewerker, 'PUT', `/api/projects/${projectId}`, { ...projectBody(leiden, { bvoM2: 124, phase, phaseDates }), version: current.json<{ version: number }>().version });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json<{ phase: string }>().phase).toBe(phase);
  }

  it('stores the phase current at a publication, a declaration and a withdrawal; later phase changes leave earlier points as they were', async () => {
    const created = await call(ctx.app, bewerker, 'POST', '/api/projects', projectBody(leiden, { bvoM2: 124, phase: 'ontwerp', phaseDates: { initiatief: '2024-01-01', ontwerp: '2024-06-01', realisatie: null, opgeleverd: null } }));
    expect(created.statusCode, created.body).toBe(201);
    const projectId = created.json<{ id: string }>().id;

    // A vastgestelde passport version in ontwerp.
    await publishNewVersion(projectId);
    const afterPublication = allEntries(await indicatorsOf(projectId));
    expect(afterPublication.length).toBeGreaterThan(0);
    expect(new Set(afterPublication.map((e) => `${e.source}:${e.phase}:${e.phaseSource}`))).toEqual(new Set(['berekend:ontwerp:vastgelegd']));

    // Construction starts; a declaration and its withdrawal are recorded in realisatie.
    await changePhase(projectId, 'realisatie', { initiatief: '2024-01-01', ontwerp: '2024-06-01', realisatie: '2025-01-01', opgeleverd: null });
    const declared = await injectMultipart(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/indicators`, declaration({ indicatorId: 'mpg', value: '0.47', tool: 'GPR Materiaal', toolVersion: '5.2', calculationDate: '2026-03-01' }, { name: 'mpg.pdf', content: pdf }));
    expect(declared.statusCode, declared.body).toBe(201);
    const declaredEntry = allEntries(await indicatorsOf(projectId)).find((e) => e.source === 'opgegeven' && e.value === 0.47);
    if (!declaredEntry) throw new Error('declaration not in the ledger');
    expect([declaredEntry.phase, declaredEntry.phaseSource]).toEqual(['realisatie', 'vastgelegd']);
    const withdrawn = await call(ctx.app, bewerker, 'POST', `/api/projects/${projectId}/indicators/entries/${declaredEntry.id}/withdraw`, { reason: 'Verkeerde rekenversie' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const withdrawal = allEntries(await indicatorsOf(projectId)).find((e) => e.withdrawsEntryId === declaredEntry.id);
    expect([withdrawal?.phase, withdrawal?.phaseSource]).toEqual(['realisatie', 'vastgelegd']);
    const beforeLaterChanges = allEntries(await indicatorsOf(projectId));

    // The design is reopened (a phase re-entered) and every start date is moved past today: derived from the dates,
    // no entry would have a phase any more. The next publication is recorded in ontwerp; earlier entries do not move.
    await changePhase(projectId, 'ontwerp', { initiatief: '2030-01-01', ontwerp: '2030-06-01', realisatie: null, opgeleverd: null });
    await publishNewVersion(projectId);
    const final = allEntries(await indicatorsOf(projectId));
    for (const earlier of beforeLaterChanges) expect(final.find((e) => e.id === earlier.id)).toEqual(earlier);
    const newer = final.filter((e) => !beforeLaterChanges.some((b) => b.id === e.id));
    expect(newer.length).toBeGreaterThan(0);
    expect(newer.every((e) => e.source === 'berekend' && e.passportVersion?.number === 2 && e.phase === 'ontwerp' && e.phaseSource === 'vastgelegd')).toBe(true);
    // The trend reads: v1 in ontwerp, the declaration in realisatie, v2 in ontwerp again.
    const mpg = (await indicatorsOf(projectId)).indicators.find((i) => i.indicator.id === 'mpg');
    const points = (mpg?.history ?? [])
      .filter((h) => h.entry.value !== null)
      .map((h) => [h.entry.source, h.entry.passportVersion?.number ?? null, h.entry.phase])
      .reverse();
    expect(points).toEqual([
      ['berekend', 1, 'ontwerp'],
      ['opgegeven', null, 'realisatie'],
      ['berekend', 2, 'ontwerp'],
    ]);
  });

  it('takes the phase from the project row even when an insert names another one', async () => {
    const created = await call(ctx.app, bewerker, 'POST', '/api/projects', projectBody(leiden, { bvoM2: 124, phase: 'opgeleverd' }));
    const projectId = created.json<{ id: string }>().id;
    const result = (await ctx.database.db.execute(
      sql`insert into indicator_entries (project_id, indicator_id, source, value, recorded_at, phase, phase_source)
          values (${projectId}, 'dwellings', 'opgegeven', 40, now(), 'initiatief', 'afgeleid') returning phase, phase_source`,
    )) as unknown as { rows: { phase: string; phase_source: string }[] };
    expect(result.rows).toEqual([{ phase: 'opgeleverd', phase_source: 'vastgelegd' }]);
  });
});
