/**
 * Monitoring: the indicator ledger of a project (read, declare an official value with its report PDF, withdraw —
 * append-only), the entries a vastgestelde passport version adds, and the municipality dashboard.
 */
import type { CityDealOverview, DashboardProjectMap, DashboardProjectPage, DashboardProjectsQuery, DeclareIndicatorFields, MunicipalityDashboard, ProjectIndicators } from '@kringbouw/contracts';
import { DASHBOARD_FIRST_PAGE, passportIndicators } from '@kringbouw/contracts';
import { canEditProject, canViewProject, projectVisibilityScope, type Actor } from '@kringbouw/domain/authz';
import {
  catalogueIndicator,
  computedLedgerValues,
  indicatorCatalogue,
  ledgerState,
  withdrawalProblem,
  type Totals,
} from '@kringbouw/domain/monitoring';
import { csvByteOrderMark, csvRow } from '@kringbouw/domain/csv';
import { methodData } from '@kringbouw/domain/lca';
import type { ProjectKind } from '@kringbouw/domain/projects';
import { AppError, forbidden, notFound, unauthenticated, validationFailed } from '../../errors.ts';
import type { Repositories } from '../../repositories.ts';
import type { ProjectRecord } from '../projects/projects.repository.ts';
import { presentState } from './monitoring.presenter.ts';
import { dashboardOfCells, totalsOfCells } from './monitoring.cells.ts';
import type { DashboardProjectRecord, EntryValues, MonitoringRepository } from './monitoring.repository.ts';

const projectNotFound = () => notFound('Dit project bestaat niet of u hebt er geen toegang toe.');

/** Largest report PDF: 25 MB. */
export const REPORT_LIMIT_BYTES = 25 * 1024 * 1024;

export interface ReportUpload {
  fileName: string;
  bytes: Buffer;
}

/** Header of the projects CSV (Dutch first, like the page). */
export const PROJECTS_CSV_HEADER = ['Project', 'Soort', 'Fase', 'Jaar', 'Woningen', 'MPG officieel', 'MPG indicatief'] as const;


/** CSV text per batch of projects: a BOM and the header first, then one line per project (numbers unrounded, decimal point). */
export async function* projectCsvLines(batches: AsyncIterable<readonly DashboardProjectRecord[]>): AsyncGenerator<string> {
  yield `${csvByteOrderMark}${csvRow(PROJECTS_CSV_HEADER)}\r\n`;
  for await (const batch of batches) {
    yield batch.map((p) => `${csvRow([p.name, p.kind, p.phase, p.year, p.dwellings, p.officialMpg, p.indicativeMpg])}\r\n`).join('');
  }
}

/** The `berekend` entries of a version's stored indicators (unparseable or A2-only indicators give fewer or none). */
export function computedEntries(indicators: unknown, version: { id: string; number: number }): EntryValues[] {
  const parsed = passportIndicators.safeParse(indicators);
  if (!parsed.success) return [];
  const dataVersions = { ...parsed.data.dataVersions, 'monitoring-indicators': indicatorCatalogue.version };
  return computedLedgerValues(parsed.data).map(({ indicatorId, value }) => ({
    indicatorId,
    source: 'berekend',
    value,
    withdrawsEntryId: null,
    passportVersionId: version.id,
    passportVersionNumber: version.number,
    dataVersions,
    tool: 'Kringbouw',
    toolVersion: null,
    nmdVersion: null,
    calculationDate: parsed.data.calculatedAt.slice(0, 10),
    note: null,
    recordedBy: null,
  }));
}

export function createMonitoringService(deps: { repositories: Repositories; monitoring: MonitoringRepository; now: () => Date; cityDealCodes?: ReadonlySet<string> }) {
  const { repositories, monitoring, now } = deps;
  const cityDealCodes = [...(deps.cityDealCodes ?? new Set<string>())].sort();

  async function visibleProject(actor: Actor, projectId: string): Promise<ProjectRecord> {
    const project = await repositories.projects.findById(projectId);
    if (project === null || !canViewProject(actor, project)) throw projectNotFound();
    return project;
  }

  async function editableProject(actor: Actor, projectId: string): Promise<ProjectRecord> {
    const project = await visibleProject(actor, projectId);
    if (!canEditProject(actor, project)) throw forbidden('U mag de indicatoren van dit project niet wijzigen.');
    return project;
  }

  /** Signed in, an existing municipality: the viewer's visibility scope and the list query (404 for an unknown code). */
  async function listScope(actor: Actor, municipalityCode: string, filter: { kind?: ProjectKind | undefined; year?: number | undefined }) {
    if (actor === null) throw unauthenticated();
    const name = await monitoring.municipalityName(municipalityCode);
    if (name === null) throw notFound('Deze gemeente bestaat niet.');
    return { name, scope: projectVisibilityScope(actor), query: { municipalityCodes: [municipalityCode], kind: filter.kind, year: filter.year } };
  }

  async function indicators(actor: Actor, projectId: string): Promise<ProjectIndicators> {
    const project = await visibleProject(actor, projectId);
    const entries = await monitoring.entries(projectId);
    return {
      projectId,
      buildingType: project.buildingType,
      catalogueVersion: indicatorCatalogue.version,
      hnnVersion: methodData.hnn.version,
      canDeclare: canEditProject(actor, project),
      indicators: ledgerState(entries, project.buildingType).map((state) => presentState(state, project.buildingType)),
    };
  }

  return {
    editableProject,
    indicators,

    async declare(actor: Actor, projectId: string, fields: DeclareIndicatorFields, report: ReportUpload | null): Promise<ProjectIndicators> {
      const project = await editableProject(actor, projectId);
      const indicator = catalogueIndicator(fields.indicatorId);
      if (!indicator.declarable) throw validationFailed([{ path: 'indicatorId', message: `${indicator.nl} kan niet worden opgegeven.` }]);
      if (fields.indicatorId === 'mpg' && report === null) {
        throw validationFailed([{ path: 'report', message: 'Voeg het rapport (PDF) van de MPG-berekening toe.' }]);
      }
      if (report !== null && report.bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw validationFailed([{ path: 'report', message: `${report.fileName} is geen PDF-bestand.` }]);
      }
      if (fields.value < 0 && indicator.id !== 'mki') throw validationFailed([{ path: 'value', message: 'De waarde kan niet negatief zijn.' }]);
      await monitoring.appendAndRefresh(
        project.id,
        [
          {
            indicatorId: fields.indicatorId,
            source: 'opgegeven',
            value: fields.value,
            withdrawsEntryId: null,
            passportVersionId: null,
            passportVersionNumber: null,
            dataVersions: null,
            tool: fields.tool,
            toolVersion: fields.toolVersion,
            nmdVersion: fields.nmdVersion ?? null,
            calculationDate: fields.calculationDate,
            note: fields.note ?? null,
            recordedBy: actor?.userId ?? null,
          },
        ],
        now(),
        report === null ? undefined : { name: report.fileName, content: report.bytes },
      );
      return indicators(actor, projectId);
    },

    async withdraw(actor: Actor, projectId: string, entryId: string, reason: string): Promise<ProjectIndicators> {
      const project = await editableProject(actor, projectId);
      const entries = await monitoring.entries(projectId);
      const problem = withdrawalProblem(entries, entryId);
      const target = entries.find((e) => e.id === entryId);
      if (target === undefined) throw notFound(problem ?? 'Deze waarde bestaat niet.');
      if (problem !== null) throw new AppError('entry_not_withdrawable', problem, 409);
      await monitoring.appendAndRefresh(
        project.id,
        [
          {
            indicatorId: target.indicatorId,
            source: target.source,
            value: null,
            withdrawsEntryId: target.id,
            passportVersionId: null,
            passportVersionNumber: null,
            dataVersions: null,
            tool: null,
            toolVersion: null,
            nmdVersion: null,
            calculationDate: null,
            note: reason,
            recordedBy: actor?.userId ?? null,
          },
        ],
        now(),
      );
      return indicators(actor, projectId);
    },

    async report(actor: Actor, projectId: string, entryId: string): Promise<{ name: string; content: Buffer }> {
      await visibleProject(actor, projectId);
      const found = await monitoring.report(projectId, entryId);
      if (found === null) throw notFound('Bij deze waarde hoort geen rapport.');
      return found;
    },

    /**
     * The City Deal cities side by side: per city the same totals as its dashboard (same cells, same confidentiality
     * decision), and the deal total over exactly the cells the cities count, so it equals their sum.
     */
    async cityDeal(actor: Actor, filter: { kind?: ProjectKind | undefined; year?: number | undefined }): Promise<CityDealOverview> {
      if (actor === null) throw unauthenticated();
      const [names, cells] = await Promise.all([monitoring.municipalityNames(cityDealCodes), monitoring.cells(projectVisibilityScope(actor), { municipalityCodes: cityDealCodes, ...filter })]);
      const perCity = cityDealCodes.map((code) => ({ code, dashboard: dashboardOfCells(cells.filter((c) => c.municipalityCode === code)) }));
      const total = totalsOfCells(perCity.flatMap((c) => c.dashboard.counted));
      return {
        filter: { kind: filter.kind ?? null, year: filter.year ?? null },
        cities: perCity.map(({ code, dashboard }) => ({ municipalityCode: code, municipalityName: names.get(code) ?? code, totals: dashboard.totals, byYear: dashboard.byYear })),
        total: { ...total, confidentialCounted: perCity.reduce((s, c) => s + c.dashboard.totals.confidentialCounted, 0) },
      };
    },

    /**
     * Per monitoring year the figures `cityDeal(actor, { kind, year })` gives — the deal total and each city — from one
     * SQL query instead of one per year (trends, reports). The confidentiality rule is decided per year, as on the page.
     */
    async cityDealByYear(actor: Actor, filter: { kind?: ProjectKind | undefined } = {}): Promise<{ year: number; total: Totals; cities: { municipalityCode: string; totals: Totals }[] }[]> {
      if (actor === null) throw unauthenticated();
      const cells = await monitoring.cells(projectVisibilityScope(actor), { municipalityCodes: cityDealCodes, ...filter });
      const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
      // A year only hidden projects fall in is left out: listing it would tell that such a project exists.
      return years.flatMap((year) => {
        const perCity = cityDealCodes.map((code) => ({ code, dashboard: dashboardOfCells(cells.filter((c) => c.municipalityCode === code), { year }) }));
        const total = totalsOfCells(perCity.flatMap((c) => c.dashboard.counted));
        if (total.projects === 0) return [];
        return [{
          year,
          total: { ...total, confidentialCounted: perCity.reduce((s, c) => s + c.dashboard.totals.confidentialCounted, 0) },
          cities: perCity.map(({ code, dashboard }) => ({ municipalityCode: code, totals: dashboard.totals })),
        }];
      });
    },

    /**
     * Per monitoring year the totals and pipeline `dashboard(actor, code, { kind, year })` gives, from one SQL query
     * (yearly report, trends). Years without any project the viewer may count are left out (a year holding only hidden projects would tell they exist).
     */
    async dashboardByYear(actor: Actor, municipalityCode: string, filter: { kind?: ProjectKind | undefined } = {}): Promise<{ year: number; totals: Totals; pipeline: MunicipalityDashboard['pipeline'] }[]> {
      if (actor === null) throw unauthenticated();
      const cells = await monitoring.cells(projectVisibilityScope(actor), { municipalityCodes: [municipalityCode], ...filter });
      const years = [...new Set(cells.map((c) => c.year))].sort((a, b) => a - b);
      return years.flatMap((year) => {
        const { totals, pipeline } = dashboardOfCells(cells, { year });
        return totals.projects === 0 ? [] : [{ year, totals, pipeline }];
      });
    },

    /**
     * A municipality's dashboard: figures from the SQL cells (one confidentiality decision for total, pipeline and
     * years), and the first page of the projects the viewer may see (the full list is paged by `projects`).
     */
    async dashboard(actor: Actor, municipalityCode: string, filter: { kind?: ProjectKind | undefined; year?: number | undefined }): Promise<MunicipalityDashboard> {
      const { name, scope, query } = await listScope(actor, municipalityCode, filter);
      const [cells, projects] = await Promise.all([monitoring.cells(scope, query), monitoring.projectPage(scope, query, { offset: 0, limit: DASHBOARD_FIRST_PAGE, sort: 'name' })]);
      const { totals, pipeline, byYear } = dashboardOfCells(cells);
      return {
        municipalityCode,
        municipalityName: name,
        filter: { kind: filter.kind ?? null, year: filter.year ?? null },
        totals,
        pipeline,
        byYear,
        projects,
        // Visible cells hold exactly the projects the viewer may see (after the same kind/year filter).
        projectsTotal: cells.reduce((s, c) => s + (c.visible ? c.projects : 0), 0),
      };
    },

    /** One page of the projects of a municipality the viewer may see (filters kind/year, sorted). */
    async projects(actor: Actor, municipalityCode: string, request: DashboardProjectsQuery): Promise<DashboardProjectPage> {
      const { scope, query } = await listScope(actor, municipalityCode, request);
      const [total, items] = await Promise.all([
        monitoring.projectCount(scope, query),
        monitoring.projectPage(scope, query, { offset: (request.page - 1) * request.pageSize, limit: request.pageSize, sort: request.sort }),
      ]);
      return { page: request.page, pageSize: request.pageSize, total, sort: request.sort, items };
    },

    /**
     * The full visible list as CSV lines (semicolon-separated, BOM, Dutch header, as Dutch spreadsheet programs expect),
     * produced batch by batch. Authorisation and the municipality check happen before the first line.
     */
    async projectsCsv(actor: Actor, municipalityCode: string, filter: { kind?: ProjectKind | undefined; year?: number | undefined }): Promise<AsyncGenerator<string>> {
      const { scope, query } = await listScope(actor, municipalityCode, filter);
      return projectCsvLines(monitoring.allProjects(scope, query));
    },

    /**
     * Every project of a municipality the viewer may see (filters kind/year), by name — for the reports, which list
     * them all; read in keyset batches like the CSV. With the municipality's name (404 for an unknown code).
     */
    async visibleProjects(actor: Actor, municipalityCode: string, filter: { kind?: ProjectKind | undefined; year?: number | undefined }): Promise<{ municipalityName: string; projects: DashboardProjectRecord[] }> {
      const { name, scope, query } = await listScope(actor, municipalityCode, filter);
      const projects: DashboardProjectRecord[] = [];
      for await (const batch of monitoring.allProjects(scope, query)) projects.push(...batch);
      return { municipalityName: name, projects };
    },

    /** The visible projects with a location, only what the map draws. */
    async map(actor: Actor, municipalityCode: string, filter: { kind?: ProjectKind | undefined; year?: number | undefined }): Promise<DashboardProjectMap> {
      const { scope, query } = await listScope(actor, municipalityCode, filter);
      return monitoring.mapColumns(scope, query);
    },
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
