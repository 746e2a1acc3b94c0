/**
 * Monitoring: the indicator ledger of a project (read, declare an official value with its report PDF, withdraw —
 * append-only), the entries a vastgestelde passport version adds, and the municipality dashboard.
 */
import type { CityDealOverview, DeclareIndicatorFields, MunicipalityDashboard, ProjectIndicators } from '@kringbouw/contracts';
import { passportIndicators } from '@kringbouw/contracts';
import { canEditProject, canViewProject, type Actor, type SignedInActor } from '@kringbouw/domain/authz';
import {
  catalogueIndicator,
  computedLedgerValues,
  dashboardOf,
  indicatorCatalogue,
  ledgerState,
  monitoringYear,
  projectAggregate,
  withdrawalProblem,
  type LedgerFigures,
  type ProjectAggregate,
  type Viewed,
} from '@kringbouw/domain/monitoring';
import { methodData } from '@kringbouw/domain/lca';
import { buildingTypes, projectKinds, projectPhases, type ProjectKind } from '@kringbouw/domain/projects';
import { AppError, forbidden, notFound, unauthenticated, validationFailed } from '../../errors.ts';
import type { Repositories } from '../../repositories.ts';
import type { ProjectRecord } from '../projects/projects.repository.ts';
import { presentState } from './monitoring.presenter.ts';
import type { AggregateRowRecord, EntryValues, MonitoringRepository } from './monitoring.repository.ts';

const projectNotFound = () => notFound('Dit project bestaat niet of je hebt er geen toegang toe.');

/** Largest report PDF: 25 MB. */
export const REPORT_LIMIT_BYTES = 25 * 1024 * 1024;

export interface ReportUpload {
  fileName: string;
  bytes: Buffer;
}

const emptyFigures: LedgerFigures = {
  officialMpg: null,
  indicativeMpg: null,
  officialStoredCarbonT: null,
  indicativeStoredCarbonT: null,
  hnnValues: { mpg: null, embodiedCarbon: null, materialOrigin: null, detachability: null },
};

function oneOf<T extends string>(values: readonly T[], value: string, fallback: T): T {
  return (values as readonly string[]).includes(value) ? (value as T) : fallback;
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

type ViewedRow = Viewed<ProjectAggregate> & { record: AggregateRowRecord };

/** Aggregate rows as the pure rules see them: live project facts + stored ledger figures, and may this actor see it. */
function viewedRows(actor: SignedInActor, rows: readonly AggregateRowRecord[]): ViewedRow[] {
  return rows.map((record) => {
    const access = { ownerOrganisationId: record.ownerOrganisationId, visibility: oneOf(['openbaar', 'vertrouwelijk'] as const, record.visibility, 'vertrouwelijk'), parties: record.partyOrganisationIds.map((organisationId) => ({ organisationId })) };
    const row = projectAggregate(
      {
        projectId: record.projectId,
        municipalityCode: record.municipalityCode,
        kind: oneOf(projectKinds, record.kind, 'nieuwbouw'),
        phase: oneOf(projectPhases, record.phase, 'initiatief'),
        year: monitoringYear(record),
        dwellings: record.dwellings,
        buildingType: oneOf(buildingTypes, record.buildingType, 'gestapeld'),
        industrialised: record.conceptName !== null && record.conceptName.trim() !== '',
        confidential: access.visibility === 'vertrouwelijk',
      },
      record.figures ?? emptyFigures,
    );
    return { row, visible: canViewProject(actor, access), record };
  });
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
    if (!canEditProject(actor, project)) throw forbidden('Je mag de indicatoren van dit project niet wijzigen.');
    return project;
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
      indicators: ledgerState(entries, project.buildingType).map(presentState),
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

    /** The City Deal cities side by side: per city the same totals as its dashboard, each with the confidentiality rule. */
    async cityDeal(actor: Actor, filter: { kind?: ProjectKind | undefined; year?: number | undefined }): Promise<CityDealOverview> {
      if (actor === null) throw unauthenticated();
      const names = await monitoring.municipalityNames(cityDealCodes);
      const viewed = viewedRows(actor, await monitoring.aggregateRows(cityDealCodes));
      const perCity = cityDealCodes.map((code) => ({ code, dashboard: dashboardOf(viewed.filter((v) => v.row.municipalityCode === code), filter) }));
      // The deal total counts exactly the rows the cities count, so it equals their sum and cannot isolate a project.
      const counted = perCity.flatMap((c) => c.dashboard.counted);
      const total = dashboardOf(counted.map((row) => ({ row, visible: true }))).totals;
      return {
        filter: { kind: filter.kind ?? null, year: filter.year ?? null },
        cities: perCity.map(({ code, dashboard }) => ({ municipalityCode: code, municipalityName: names.get(code) ?? code, totals: dashboard.totals, byYear: dashboard.byYear })),
        total: { ...total, confidentialCounted: perCity.reduce((s, c) => s + c.dashboard.totals.confidentialCounted, 0) },
      };
    },

    async dashboard(actor: Actor, municipalityCode: string, filter: { kind?: ProjectKind | undefined; year?: number | undefined }): Promise<MunicipalityDashboard> {
      if (actor === null) throw unauthenticated();
      const name = await monitoring.municipalityName(municipalityCode);
      if (name === null) throw notFound('Deze gemeente bestaat niet.');
      const viewed = viewedRows(actor, await monitoring.aggregateRows(municipalityCode));
      const { totals, pipeline, byYear } = dashboardOf(viewed, filter);
      return {
        municipalityCode,
        municipalityName: name,
        filter: { kind: filter.kind ?? null, year: filter.year ?? null },
        totals,
        pipeline,
        byYear,
        projects: viewed
          .filter((v) => v.visible && (filter.kind === undefined || v.row.kind === filter.kind) && (filter.year === undefined || v.row.year === filter.year))
          .map((v) => ({
            id: v.row.projectId,
            name: v.record.name,
            kind: v.row.kind,
            phase: v.row.phase,
            year: v.row.year,
            dwellings: v.row.dwellings,
            officialMpg: v.row.officialMpg,
            indicativeMpg: v.row.indicativeMpg,
            lat: v.record.lat,
            lon: v.record.lon,
          })),
      };
    },
  };
}

export type MonitoringService = ReturnType<typeof createMonitoringService>;
