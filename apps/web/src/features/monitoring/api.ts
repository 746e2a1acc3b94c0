import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { cityDealOverview, cityDealTrends, dashboardProjectMap, dashboardProjectPage, lesson, lessonList, municipalityDashboard, projectIndicators, type DashboardProjectPage, type DashboardProjectSort, type LessonInput, type ProjectIndicators, type ReportQuery } from '@kringbouw/contracts';
import type { ProjectKind } from '@kringbouw/domain/projects';
import { ApiError, apiRequest, clientErrorCodes, csrfHeaders, errorFromResponse } from '../../api/client.ts';

const enc = encodeURIComponent;

/** The monitoring API, in one place (see packages/contracts/src/monitoring.ts). */
export const monitoringPaths = {
  indicators: (projectId: string) => `/api/projects/${enc(projectId)}/indicators`,
  withdraw: (projectId: string, entryId: string) => `/api/projects/${enc(projectId)}/indicators/entries/${enc(entryId)}/withdraw`,
  report: (projectId: string, entryId: string) => `/api/projects/${enc(projectId)}/indicators/entries/${enc(entryId)}/report`,
  dashboard: (code: string) => `/api/municipalities/${enc(code)}/monitoring`,
  dashboardProjects: (code: string) => `/api/municipalities/${enc(code)}/monitoring/projects`,
  dashboardMap: (code: string) => `/api/municipalities/${enc(code)}/monitoring/map`,
  cityDeal: '/api/monitoring/city-deal',
  cityDealTrends: '/api/monitoring/city-deal/trends',
  lessons: '/api/lessons',
};

/** Download address of a report (a plain GET: the browser sends the session cookie and saves the file). */
export function reportUrl(scope: { municipalityCode: string } | 'city-deal', query: ReportQuery): string {
  const path = scope === 'city-deal' ? '/api/monitoring/city-deal/report' : `/api/municipalities/${enc(scope.municipalityCode)}/monitoring/report`;
  return `${path}?${new URLSearchParams({ kind: query.kind, year: String(query.year), format: query.format }).toString()}`;
}

/** Download address of the full project list as CSV (streamed by the server; a plain GET with the session cookie). */
export function projectsCsvUrl(code: string, kind: ProjectKind | '', year: string): string {
  const query = new URLSearchParams();
  if (kind !== '') query.set('kind', kind);
  if (year !== '') query.set('year', year);
  const search = query.toString();
  return `/api/municipalities/${enc(code)}/monitoring/projects.csv${search === '' ? '' : `?${search}`}`;
}

export const monitoringKeys = {
  indicators: (projectId: string) => ['monitoring', 'indicators', projectId] as const,
  dashboard: (code: string, kind: string, year: string) => ['monitoring', 'dashboard', code, kind, year] as const,
  dashboardProjects: (code: string, kind: string, year: string, page: number, sort: string) => ['monitoring', 'dashboard', code, kind, year, 'projects', page, sort] as const,
  dashboardMap: (code: string, kind: string, year: string) => ['monitoring', 'dashboard', code, kind, year, 'map'] as const,
};

export function useProjectIndicators(projectId: string) {
  return useQuery({ queryKey: monitoringKeys.indicators(projectId), queryFn: ({ signal }) => apiRequest(monitoringPaths.indicators(projectId), projectIndicators, { signal }) });
}

export interface DeclareInput {
  fields: Record<string, string>;
  report: File | null;
}

/** Multipart POST of a declaration (fields + the PDF as "report"); the answer is the project's indicators. */
async function declare(projectId: string, input: DeclareInput): Promise<ProjectIndicators> {
  const form = new FormData();
  for (const [name, value] of Object.entries(input.fields)) if (value !== '') form.append(name, value);
  if (input.report) form.append('report', input.report, input.report.name);
  let response: Response;
  try {
    response = await fetch(monitoringPaths.indicators(projectId), { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json', ...csrfHeaders() } });
  } catch (error) {
    throw new ApiError(0, clientErrorCodes.network, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await errorFromResponse(response);
  const parsed = projectIndicators.safeParse(await response.json());
  if (!parsed.success) throw new ApiError(response.status, clientErrorCodes.badResponse, 'The response does not match the contract', parsed.error.issues);
  return parsed.data;
}

export function useDeclareIndicator(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: DeclareInput) => declare(projectId, input),
    onSuccess: (data) => {
      client.setQueryData(monitoringKeys.indicators(projectId), data);
      void client.invalidateQueries({ queryKey: ['monitoring', 'dashboard'] });
    },
  });
}

export function useWithdrawIndicator(projectId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { entryId: string; reason: string }) => apiRequest(monitoringPaths.withdraw(projectId, input.entryId), projectIndicators, { method: 'POST', body: { reason: input.reason } }),
    onSuccess: (data) => {
      client.setQueryData(monitoringKeys.indicators(projectId), data);
      void client.invalidateQueries({ queryKey: ['monitoring', 'dashboard'] });
    },
  });
}

export function useMunicipalityDashboard(code: string, kind: ProjectKind | '', year: string) {
  return useQuery({
    queryKey: monitoringKeys.dashboard(code, kind, year),
    queryFn: ({ signal }) => apiRequest(monitoringPaths.dashboard(code), municipalityDashboard, { signal, query: { kind, year } }),
    enabled: /^GM\d{4}$/.test(code),
  });
}

/**
 * One page of the dashboard's project list. `firstPage` (the page the dashboard response carries) answers page 1 in the
 * default order without a second request.
 */
export function useDashboardProjects(code: string, kind: ProjectKind | '', year: string, page: number, sort: DashboardProjectSort, pageSize: number, firstPage?: DashboardProjectPage) {
  return useQuery({
    queryKey: monitoringKeys.dashboardProjects(code, kind, year, page, sort),
    queryFn: ({ signal }) => apiRequest(monitoringPaths.dashboardProjects(code), dashboardProjectPage, { signal, query: { kind, year, page: String(page), pageSize: String(pageSize), sort } }),
    initialData: page === 1 && sort === 'name' ? firstPage : undefined,
    placeholderData: (previous) => previous,
    enabled: /^GM\d{4}$/.test(code),
  });
}

/** The compact map of the dashboard (visible projects with a location). */
export function useDashboardMap(code: string, kind: ProjectKind | '', year: string) {
  return useQuery({
    queryKey: monitoringKeys.dashboardMap(code, kind, year),
    queryFn: ({ signal }) => apiRequest(monitoringPaths.dashboardMap(code), dashboardProjectMap, { signal, query: { kind, year } }),
    enabled: /^GM\d{4}$/.test(code),
  });
}

export function useCityDealOverview(kind: ProjectKind | '', year: string) {
  return useQuery({
    queryKey: ['monitoring', 'city-deal', kind, year] as const,
    queryFn: ({ signal }) => apiRequest(monitoringPaths.cityDeal, cityDealOverview, { signal, query: { kind, year } }),
  });
}

export function useCityDealTrends() {
  return useQuery({ queryKey: ['monitoring', 'city-deal', 'trends'] as const, queryFn: ({ signal }) => apiRequest(monitoringPaths.cityDealTrends, cityDealTrends, { signal }) });
}

export function useLessons(filter: { year?: string; municipalityCode?: string }) {
  return useQuery({
    queryKey: ['monitoring', 'lessons', filter.year ?? '', filter.municipalityCode ?? ''] as const,
    queryFn: ({ signal }) => apiRequest(monitoringPaths.lessons, lessonList, { signal, query: { year: filter.year ?? '', municipalityCode: filter.municipalityCode ?? '' } }),
  });
}

export function useRecordLesson() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: LessonInput) => apiRequest(monitoringPaths.lessons, lesson, { method: 'POST', body: input }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['monitoring', 'lessons'] }),
  });
}
