/**
 * The yearly monitoring report and the mid-term review of a municipality or of the City Deal, built on the dashboard
 * functions of the monitoring service (`dashboardByYear` / `cityDealByYear`: per year exactly the figures of the
 * dashboard page with that year as filter, confidentiality rule applied there, from one query) and rendered to PDF
 * and xlsx from one report model.
 */
import { isCoordinator, type Actor } from '@kringbouw/domain/authz';
import { methodData } from '@kringbouw/domain/lca';
import { buildReportModel, emptyTotals, indicatorCatalogue, MIN_CONFIDENTIAL_GROUP, type ReportKind, type ReportModel, type ReportProject, type YearFigures } from '@kringbouw/domain/monitoring';
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

  return {
    async municipality(actor: Actor, code: string, request: ReportRequest): Promise<ReportModel> {
      if (actor === null) throw unauthenticated();
      // The municipality's name (404 when unknown) and every project the reader may see (not only the dashboard's first page).
      const overview = await monitoring.visibleProjects(actor, code, {});
      const perYear = await monitoring.dashboardByYear(actor, code);
      const projects: ReportProject[] = overview.projects.map((p) => ({ ...p, municipalityName: overview.municipalityName }));
      return buildReportModel({
        kind: request.kind,
        scope: { level: 'gemeente', code, name: overview.municipalityName },
        year: request.year,
        years: perYear.map(({ year, totals }) => ({ year, totals })),
        pipeline: perYear.find((y) => y.year === request.year)?.pipeline ?? [],
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
      const perYear = await monitoring.cityDealByYear(actor);
      const cities = overview.cities.map((c) => ({
        code: c.municipalityCode,
        name: c.municipalityName,
        years: perYear.map((y) => ({ year: y.year, totals: y.cities.find((city) => city.municipalityCode === c.municipalityCode)?.totals ?? emptyTotals() })),
      }));
      const projects: ReportProject[] = [];
      for (const city of overview.cities) {
        const visible = await monitoring.visibleProjects(actor, city.municipalityCode, {});
        projects.push(...visible.projects.map((p) => ({ ...p, municipalityName: city.municipalityName })));
      }
      return buildReportModel({
        kind: request.kind,
        scope: { level: 'city-deal' },
        year: request.year,
        years: perYear.map(({ year, total }) => ({ year, totals: total })),
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
      return (await monitoring.cityDealByYear(actor)).map(({ year, total }) => ({ year, totals: total }));
    },
  };
}

export type MonitoringReportsService = ReturnType<typeof createMonitoringReportsService>;
