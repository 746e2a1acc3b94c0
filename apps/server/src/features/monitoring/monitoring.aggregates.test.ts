/**
 * The dashboards' SQL aggregation against a brute-force recomputation on generated data: every project's figures
 * recomputed from its whole ledger (`ledgerFigures`), its live facts, `canViewProject` per viewer and the row-based
 * `dashboardOf` of the domain — for several viewers and filters, on both dashboards. Also: the stored per-project
 * aggregates never drift from the ledger, and the ≥ 3 confidentiality rule holds in every figure.
 */
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cityDealOverview, DASHBOARD_FIRST_PAGE, municipalityDashboard, type MunicipalityDashboard } from '@kringbouw/contracts';
import { canViewProject, type Actor, type SignedInActor } from '@kringbouw/domain/authz';
import { dashboardOf, ledgerFigures, monitoringYear, projectAggregate, type IndicatorId, type Totals } from '@kringbouw/domain/monitoring';
import { buildingTypes, projectKinds, projectPhases, type ProjectKind } from '@kringbouw/domain/projects';
import { createTestContext, type TestContext } from '../../../test/helpers.ts';
import { organisations, projectParties, projects } from '../../db/schema.ts';
import { createRepositories } from '../../repositories.ts';
import { countableCells, dashboardOfCells } from './monitoring.cells.ts';
import { createMonitoringRepository, type EntryValues, type MonitoringCell } from './monitoring.repository.ts';
import { createMonitoringService } from './monitoring.service.ts';

const CODES = ['GM0344', 'GM0363', 'GM0599'] as const;
const PROJECTS = 240;

let ctx: TestContext;
let orgIds: string[];
const projectIds: string[] = [];

/** Deterministic generator (Park–Miller), so a failure can be reproduced. */
let seed = 20261123;
function random(): number {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
}
const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;

function entry(indicatorId: IndicatorId, source: 'berekend' | 'opgegeven', value: number | null, withdrawsEntryId: string | null = null): EntryValues {
  return { indicatorId, source, value, withdrawsEntryId, passportVersionId: null, passportVersionNumber: null, dataVersions: null, tool: source === 'opgegeven' ? 'GPR Materiaal' : 'Kringbouw', toolVersion: null, nmdVersion: null, calculationDate: null, note: withdrawsEntryId === null ? null : 'correctie', recordedBy: null };
}

const coordinator: SignedInActor = { userId: '00000000-0000-0000-0000-0000000000c0', platformRole: 'coordinator', memberships: [] };
const outsider: SignedInActor = { userId: '00000000-0000-0000-0000-0000000000a0', platformRole: null, memberships: [] };
const memberOf = (organisationId: string): SignedInActor => ({ userId: '00000000-0000-0000-0000-0000000000b0', platformRole: null, memberships: [{ organisationId, role: 'lezer' }] });

/**
 * Deep equality with numbers equal within 1e-6 (SQL sums doubles exactly in units of 1e-9; the brute force adds the
 * doubles themselves): reports the first path that differs.
 */
function expectClose(actual: unknown, expected: unknown, path = ''): void {
  if (typeof actual === 'number' && typeof expected === 'number') {
    expect(Math.abs(actual - expected), `${path}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(expected)));
    return;
  }
  if (actual === null || expected === null || typeof actual !== 'object' || typeof expected !== 'object') {
    expect(actual, path).toEqual(expected);
    return;
  }
  expect(Object.keys(actual).sort(), path).toEqual(Object.keys(expected).sort());
  for (const key of Object.keys(expected)) expectClose((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${path}.${key}`);
}

/** Brute force: every project of the codes from its whole ledger and live facts, viewed by `actor`. */
async function bruteForceRows(actor: Actor, codes: readonly string[]) {
  const repository = createMonitoringRepository(ctx.database.db);
  const rows = await ctx.database.db.select().from(projects);
  const parties = await ctx.database.db.select().from(projectParties);
  const viewed = [];
  for (const p of rows.filter((r) => codes.includes(r.municipalityCode))) {
    const figures = ledgerFigures(await repository.entries(p.id));
    const access = { ownerOrganisationId: p.ownerOrganisationId, visibility: p.visibility, parties: parties.filter((pp) => pp.projectId === p.id) };
    const row = projectAggregate(
      {
        projectId: p.id,
        municipalityCode: p.municipalityCode,
        kind: p.kind as ProjectKind,
        phase: p.phase as (typeof projectPhases)[number],
        year: monitoringYear(p),
        dwellings: p.dwellings,
        buildingType: p.buildingType as (typeof buildingTypes)[number],
        industrialised: p.conceptName !== null && p.conceptName.trim() !== '',
        confidential: p.visibility === 'vertrouwelijk',
      },
      figures,
    );
    viewed.push({ row, visible: canViewProject(actor, access), name: p.name, lat: p.lat, lon: p.lon });
  }
  return viewed;
}

function service() {
  return createMonitoringService({ repositories: createRepositories(ctx.database.db), monitoring: createMonitoringRepository(ctx.database.db), now: () => new Date('2026-11-23T00:00:00Z'), cityDealCodes: new Set(CODES) });
}

beforeAll(async () => {
  ctx = await createTestContext({ template: 'empty' });
  const db = ctx.database.db;
  const orgs = await db
    .insert(organisations)
    .values(['Gemeente A', 'Corporatie B', 'Bouwer C', 'Adviseur D'].map((name) => ({ name, kind: 'gemeente' as const })))
    .returning({ id: organisations.id });
  orgIds = orgs.map((o) => o.id);
  const repository = createMonitoringRepository(db);
  for (let i = 0; i < PROJECTS; i += 1) {
    const date = () => `${2019 + Math.floor(random() * 8)}-0${1 + Math.floor(random() * 9)}-15`;
    const [inserted] = await db
      .insert(projects)
      .values({
        name: `Generated ${String(i).padStart(3, '0')}`,
        municipalityCode: pick(CODES),
        kind: pick(projectKinds),
        phase: pick(projectPhases),
        ontwerpDate: random() < 0.7 ? date() : null,
        opgeleverdDate: random() < 0.3 ? date() : null,
        dwellings: 1 + Math.floor(random() * 150),
        buildingType: pick(buildingTypes),
        conceptName: pick([null, null, 'Concept', '  ']),
        // Many confidential projects, so groups of 1, 2 and ≥ 3 hidden projects all occur.
        visibility: random() < 0.35 ? 'vertrouwelijk' : 'openbaar',
        ownerOrganisationId: pick(orgIds),
        lat: 52 + random(),
        lon: 5 + random(),
        createdAt: new Date(`${2018 + Math.floor(random() * 8)}-05-01T00:00:00Z`),
      })
      .returning({ id: projects.id });
    const id = inserted?.id ?? '';
    projectIds.push(id);
    if (random() < 0.3) await db.insert(projectParties).values({ projectId: id, organisationId: pick(orgIds), role: 'adviseur', position: 0 });
    if (random() < 0.1) continue; // no ledger at all
    // Computed values (a published version), sometimes twice (a second version supersedes the first).
    const at = new Date('2026-01-01T00:00:00Z');
    for (let v = 0; v < (random() < 0.3 ? 2 : 1); v += 1) {
      await repository.appendAndRefresh(
        id,
        [entry('mpg', 'berekend', 0.2 + random() * 0.6), entry('embodiedCarbon', 'berekend', 100 + random() * 250), entry('storedCarbon', 'berekend', random() * 400), entry('materialOrigin', 'berekend', random() * 50), entry('detachability', 'berekend', 20 + random() * 60)],
        at,
      );
    }
    if (random() < 0.4) {
      const [declared] = await repository.appendAndRefresh(id, [entry('mpg', 'opgegeven', 0.25 + random() * 0.5)], at);
      if (random() < 0.3 && declared !== undefined) await repository.appendAndRefresh(id, [entry('mpg', 'opgegeven', null, declared)], at);
    }
    if (random() < 0.2) await repository.appendAndRefresh(id, [entry('storedCarbon', 'opgegeven', random() * 300)], at);
  }
  // Project facts change after their ledger was written: the aggregate rows must follow (trigger, same statement).
  for (const id of projectIds.filter(() => random() < 0.25)) {
    await db
      .update(projects)
      .set({
        phase: pick(projectPhases),
        municipalityCode: pick(CODES),
        visibility: random() < 0.5 ? 'vertrouwelijk' : 'openbaar',
        buildingType: pick(buildingTypes),
        realisatieDate: random() < 0.5 ? '2025-04-01' : null,
        conceptName: pick([null, 'Concept']),
        dwellings: 1 + Math.floor(random() * 150),
      })
      .where(eq(projects.id, id));
  }
}, 120_000);

afterAll(async () => {
  await ctx?.close();
});

describe('per-project aggregates', () => {
  it('never drift from the ledger: every stored row equals a recomputation from all entries', async () => {
    const repository = createMonitoringRepository(ctx.database.db);
    const stored = await repository.storedFigures(projectIds);
    expect(stored).toHaveLength(PROJECTS);
    for (const row of stored) {
      const recomputed = ledgerFigures(await repository.entries(row.projectId));
      expect({ officialMpg: row.officialMpg, indicativeMpg: row.indicativeMpg, officialStoredCarbonT: row.officialStoredCarbonT, indicativeStoredCarbonT: row.indicativeStoredCarbonT, hnnValues: row.hnn }, row.projectId).toEqual(recomputed);
      expect({ mpg: row.hnnMpg, embodiedCarbon: row.hnnEmbodiedCarbon, materialOrigin: row.hnnMaterialOrigin, detachability: row.hnnDetachability }).toEqual(recomputed.hnnValues);
    }
  });

  it('every project has a row whose facts equal the live project (also after updates)', async () => {
    const stored = await createMonitoringRepository(ctx.database.db).storedFigures(projectIds);
    expect(stored).toHaveLength(projectIds.length);
    const live = await ctx.database.db.select().from(projects).where(inArray(projects.id, projectIds));
    for (const p of live) {
      const row = stored.find((r) => r.projectId === p.id);
      expect({ municipalityCode: row?.municipalityCode, name: row?.name, kind: row?.kind, phase: row?.phase, year: row?.year, dwellings: row?.dwellings, buildingType: row?.buildingType, industrialised: row?.industrialised, confidential: row?.confidential, ownerOrganisationId: row?.ownerOrganisationId, lat: row?.lat, lon: row?.lon }, p.id).toEqual({
        municipalityCode: p.municipalityCode,
        name: p.name,
        kind: p.kind,
        phase: p.phase,
        year: monitoringYear(p),
        dwellings: p.dwellings,
        buildingType: p.buildingType,
        industrialised: p.conceptName !== null && p.conceptName.trim() !== '',
        confidential: p.visibility !== 'openbaar',
        ownerOrganisationId: p.ownerOrganisationId,
        lat: p.lat,
        lon: p.lon,
      });
    }
  });
});

describe('dashboards from SQL cells equal the brute-force recomputation', () => {
  const viewers: [string, () => SignedInActor][] = [
    ['coordinator', () => coordinator],
    ['outsider', () => outsider],
    ['member of an owner organisation', () => memberOf(orgIds[0] ?? '')],
    ['member of another organisation', () => memberOf(orgIds[3] ?? '')],
  ];
  const filters: { kind?: ProjectKind; year?: number }[] = [{}, { kind: 'nieuwbouw' }, { year: 2024 }, { kind: 'transformatie', year: 2023 }];

  for (const [label, viewer] of viewers) {
    it(`municipality dashboard, ${label}`, async () => {
      for (const code of CODES) {
        const rows = await bruteForceRows(viewer(), [code]);
        for (const filter of filters) {
          const actual = municipalityDashboard.parse(await service().dashboard(viewer(), code, filter));
          const expected = dashboardOf(rows, filter);
          expectClose({ totals: actual.totals, pipeline: actual.pipeline, byYear: actual.byYear }, { totals: expected.totals, pipeline: expected.pipeline, byYear: expected.byYear }, `${code} ${JSON.stringify(filter)}`);
          const listed = rows
            .filter((r) => r.visible && (filter.kind === undefined || r.row.kind === filter.kind) && (filter.year === undefined || r.row.year === filter.year))
            .map((r) => ({ id: r.row.projectId, name: r.name, kind: r.row.kind, phase: r.row.phase, year: r.row.year, dwellings: r.row.dwellings, officialMpg: r.row.officialMpg, indicativeMpg: r.row.indicativeMpg, lat: r.lat, lon: r.lon }))
            .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1));
          // The dashboard carries the first page; the paged list (all pages) is the whole visible list.
          expect(actual.projects).toEqual(listed.slice(0, DASHBOARD_FIRST_PAGE));
          expect(actual.projectsTotal).toBe(listed.length);
          const paged = [];
          for (let page = 1; page <= Math.ceil(listed.length / 40); page += 1) {
            const result = await service().projects(viewer(), code, { ...filter, page, pageSize: 40, sort: 'name' });
            expect(result.total).toBe(listed.length);
            paged.push(...result.items);
          }
          expect(paged).toEqual(listed);
        }
      }
    });

    it(`City Deal overview, ${label}`, async () => {
      const rows = await bruteForceRows(viewer(), CODES);
      for (const filter of filters) {
        const actual = cityDealOverview.parse(await service().cityDeal(viewer(), filter));
        const perCity = CODES.map((code) => dashboardOf(rows.filter((r) => r.row.municipalityCode === code), filter));
        expectClose(actual.cities.map((c) => ({ totals: c.totals, byYear: c.byYear })), perCity.map((d) => ({ totals: d.totals, byYear: d.byYear })), JSON.stringify(filter));
        const total = dashboardOf(perCity.flatMap((d) => d.counted).map((row) => ({ row, visible: true }))).totals;
        expectClose(actual.total, { ...total, confidentialCounted: perCity.reduce((s, d) => s + d.totals.confidentialCounted, 0) }, `total ${JSON.stringify(filter)}`);
        expect(actual.total.projects).toBe(actual.cities.reduce((s, c) => s + c.totals.projects, 0));
      }
    });
  }

  it('per-year figures from one query equal one dashboard call per year (trends, reports)', async () => {
    for (const [, viewer] of viewers) {
      const byYear = await service().cityDealByYear(viewer(), { kind: 'nieuwbouw' });
      expect(byYear.length).toBeGreaterThan(3);
      for (const { year, total, cities } of byYear) {
        const overview = await service().cityDeal(viewer(), { kind: 'nieuwbouw', year });
        expect(total).toEqual(overview.total);
        expect(cities.map((c) => c.totals)).toEqual(overview.cities.map((c) => c.totals));
      }
      for (const { year, totals, pipeline } of await service().dashboardByYear(viewer(), 'GM0344')) {
        const dashboard = await service().dashboard(viewer(), 'GM0344', { year });
        expect({ totals, pipeline }).toEqual({ totals: dashboard.totals, pipeline: dashboard.pipeline });
      }
    }
  });

  it('an outsider never sees a confidential project named, and hidden ones count only in groups of ≥ 3', async () => {
    const rows = await bruteForceRows(outsider, CODES);
    const hiddenNames = rows.filter((r) => !r.visible).map((r) => r.name);
    expect(hiddenNames.length).toBeGreaterThan(20);
    let countedSomewhere = false;
    for (const code of CODES) {
      for (const filter of filters) {
        const dashboard: MunicipalityDashboard = await service().dashboard(outsider, code, filter);
        const text = JSON.stringify(dashboard);
        for (const name of hiddenNames) expect(text).not.toContain(name);
        const visible = rows.filter((r) => r.visible && r.row.municipalityCode === code && (filter.kind === undefined || r.row.kind === filter.kind) && (filter.year === undefined || r.row.year === filter.year));
        const hiddenCounted = dashboard.totals.projects - visible.length;
        expect(hiddenCounted).toBe(dashboard.totals.confidentialCounted);
        expect(hiddenCounted === 0 || hiddenCounted >= 3).toBe(true);
        if (hiddenCounted > 0) countedSomewhere = true;
        // Per phase and per year: the hidden projects counted in a group are 0 or ≥ 3.
        for (const p of dashboard.pipeline) {
          const hiddenInPhase = p.projects - visible.filter((r) => r.row.phase === p.phase).length;
          expect(hiddenInPhase === 0 || hiddenInPhase >= 3, `${code} ${p.phase}`).toBe(true);
        }
        for (const y of dashboard.byYear) {
          const hiddenInYear = y.projects - visible.filter((r) => r.row.year === y.year).length;
          expect(hiddenInYear === 0 || hiddenInYear >= 3, `${code} ${y.year}`).toBe(true);
        }
      }
    }
    expect(countedSomewhere).toBe(true);
    const overview = await service().cityDeal(outsider, {});
    for (const name of hiddenNames) expect(JSON.stringify(overview)).not.toContain(name);
  });
});

describe('confidentiality on cells (pure)', () => {
  const hnn = { mpg: { met: 0, checked: 0 }, embodiedCarbon: { met: 0, checked: 0 }, materialOrigin: { met: 0, checked: 0 }, detachability: { met: 0, checked: 0 } };
  const cell = (phase: (typeof projectPhases)[number], year: number, visible: boolean, count: number): MonitoringCell => ({
    municipalityCode: 'GM0344', phase, year, visible, projects: count, dwellings: 10 * count, industrialisedProjects: 0, industrialisedDwellings: 0,
    officialMpgSum: 0.5 * count, officialMpgCount: count, storedCarbonOfficialT: 0, storedCarbonIndicativeT: 0, hnn,
  });
  const groupings = [(c: MonitoringCell) => c.phase, (c: MonitoringCell) => String(c.year)];

  it('counts 3 hidden projects of one phase and year, not 2', () => {
    expect(countableCells([cell('ontwerp', 2024, true, 5), cell('ontwerp', 2024, false, 3)], groupings).hiddenCounted).toBe(3);
    expect(countableCells([cell('ontwerp', 2024, true, 5), cell('ontwerp', 2024, false, 2)], groupings).hiddenCounted).toBe(0);
  });

  it('drops hidden projects whose year group is too small, and then the rest of their phase (fixpoint)', () => {
    // 3 hidden in 'realisatie' but split 2 + 1 over years: the lone 2025 one cannot count, then 2 remain in the phase
    // (< 3) and in 2024 — nothing hidden counts, so no difference of two figures isolates one project.
    const cells = [cell('realisatie', 2024, false, 2), cell('realisatie', 2025, false, 1), cell('ontwerp', 2024, true, 4)];
    const result = dashboardOfCells(cells);
    expect(result.totals.confidentialCounted).toBe(0);
    expect(result.totals.projects).toBe(4);
    expect(result.totals.averageOfficialMpg).toBe(0.5);
  });

  it('counts hidden projects of two cells that share phase and year (e.g. two kinds), and the year filter applies first', () => {
    const pair = [cell('ontwerp', 2024, false, 2), cell('ontwerp', 2024, false, 1), cell('ontwerp', 2025, true, 1)];
    expect(dashboardOfCells(pair).totals.confidentialCounted).toBe(3);
    expect(dashboardOfCells(pair, { year: 2025 }).totals).toMatchObject({ projects: 1, confidentialCounted: 0 });
    const totals: Totals = dashboardOfCells(pair, { year: 2024 }).totals;
    expect(totals.projects).toBe(3);
  });
});
