/**
 * The yearly monitoring report and the mid-term review of a municipality or of the City Deal, built on the dashboard
 * functions of the monitoring service (one call per year, so every figure is one the viewer can also see on a
 * dashboard page, with the confidentiality rule applied there) and rendered to PDF and xlsx from one report model.
 */
import { isCoordinator, type Actor } from '@kringbouw/domain/authz';
import { methodData } from '@kringbouw/domain/lca';
import { buildReportModel, indicatorCatalogue, MIN_CONFIDENTIAL_GROUP, reportYears, type ReportKind, type ReportModel, type ReportProject, type YearFigures } from '@kringbouw/domain/monitoring';
import { unauthenticated } from '../../errors.ts';
import type { LessonsService } from '../lessons/lessons.service.ts';
import type { MonitoringService } from './monitoring.service.ts';

export interface ReportRequest {
  kind: ReportKind;
  year: number;
}

function readerOf(actor: Actor): string {
  return isCoordinator(actor) ? 'het coördinatieteam van de City Deal (ziet alle projecten)' : 'een deelnemer (ziet openbare projecten en die van de eigen organisaties)';
}

const dataVersions = () => ({ 'monitoring-indicators': indicatorCatalogue.version, 'hnn-levels': methodData.hnn.version, vertrouwelijkheidsregel: `minimaal ${MIN_CONFIDENTIAL_GROUP} per cijfer` });

export function createMonitoringReportsService(deps: { monitoring: MonitoringService; lessons: LessonsService; now: () => Date }) {
  const { monitoring, lessons, now } = deps;

  /** The years a report shows: those it covers plus, for a yearly report, the earlier years for the trend. */
  const shownYears = (request: ReportRequest, available: number[]) => [...new Set([...reportYears('tussentijdse-evaluatie', request.year, available), request.year])].sort((a, b) => a - b);

  return {
    async municipality(actor: Actor, code: string, request: ReportRequest): Promise<ReportModel> {
      if (actor === null) throw unauthenticated();
      const overview = await monitoring.dashboard(actor, code, {});
      const years: YearFigures[] = [];
      let pipeline: ReportModelPipeline = [];
      for (const year of shownYears(request, overview.byYear.map((y) => y.year))) {
        const dashboard = await monitoring.dashboard(actor, code, { year });
        years.push({ year, totals: dashboard.totals });
        if (year === request.year) pipeline = dashboard.pipeline;
      }
      const projects: ReportProject[] = overview.projects.map((p) => ({ ...p, municipalityName: overview.municipalityName }));
      return buildReportModel({
        kind: request.kind,
        scope: { level: 'gemeente', code, name: overview.municipalityName },
        year: request.year,
        years,
        pipeline,
        cities: [],
        projects,
        lessons: await lessons.forReport({ municipalityCode: code, upToYear: request.year }),
        dataVersions: dataVersions(),
        generatedAt: now().toISOString(),
        reader: readerOf(actor),
      });
    },

    async cityDeal(actor: Actor, request: ReportRequest): Promise<ReportModel> {
      if (actor === null) throw unauthenticated();
      const overview = await monitoring.cityDeal(actor, {});
      const available = [...new Set(overview.cities.flatMap((c) => c.byYear.map((y) => y.year)))];
      const years: YearFigures[] = [];
      const cities = overview.cities.map((c) => ({ code: c.municipalityCode, name: c.municipalityName, years: [] as YearFigures[] }));
      for (const year of shownYears(request, available)) {
        const deal = await monitoring.cityDeal(actor, { year });
        years.push({ year, totals: deal.total });
        for (const city of deal.cities) cities.find((c) => c.code === city.municipalityCode)?.years.push({ year, totals: city.totals });
      }
      const projects: ReportProject[] = [];
      for (const city of overview.cities) {
        const dashboard = await monitoring.dashboard(actor, city.municipalityCode, {});
        projects.push(...dashboard.projects.map((p) => ({ ...p, municipalityName: city.municipalityName })));
      }
      return buildReportModel({
        kind: request.kind,
        scope: { level: 'city-deal' },
        year: request.year,
        years,
        pipeline: [],
        cities,
        projects,
        lessons: await lessons.forReport({ upToYear: request.year }),
        dataVersions: dataVersions(),
        generatedAt: now().toISOString(),
        reader: readerOf(actor),
      });
    },

    /** City Deal trends per year (the deal total of each year's overview) for the City Deal page. */
    async cityDealTrends(actor: Actor): Promise<YearFigures[]> {
      if (actor === null) throw unauthenticated();
      const overview = await monitoring.cityDeal(actor, {});
      const available = [...new Set(overview.cities.flatMap((c) => c.byYear.map((y) => y.year)))].sort((a, b) => a - b);
      const years: YearFigures[] = [];
      for (const year of available) years.push({ year, totals: (await monitoring.cityDeal(actor, { year })).total });
      return years;
    },
  };
}

type ReportModelPipeline = Parameters<typeof buildReportModel>[0]['pipeline'];

export type MonitoringReportsService = ReturnType<typeof createMonitoringReportsService>;
