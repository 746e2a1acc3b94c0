import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  stockBboxResponse,
  stockBuildingDetail,
  stockCandidateList,
  stockImportResult,
  stockListDetail,
  stockListSummary,
  type StockAssessmentRequest,
  type StockBboxResponse,
} from '@kringbouw/contracts';
import { z } from 'zod';
import { ApiError, apiRequest, clientErrorCodes } from '../../api/client.ts';
import { uploadFile } from '../../api/upload.ts';
import { buildingsQuery, type KansenkaartView } from './view-state.ts';

export const stockKeys = {
  all: ['stock'] as const,
  building: (bagId: string) => ['stock', 'building', bagId] as const,
  candidates: (municipalityCode: string, query: CandidateQuery) => ['stock', 'candidates', municipalityCode, query] as const,
  lists: ['stock', 'lists'] as const,
};

/** Buildings in a map view; called on every (debounced) move, outside React Query: the map owns its data. */
export function fetchBuildingsInView(
  view: KansenkaartView,
  bbox: readonly [number, number, number, number],
  zoom: number,
  signal: AbortSignal,
): Promise<StockBboxResponse> {
  return apiRequest('/api/stock/buildings', stockBboxResponse, { query: buildingsQuery(view, bbox, zoom), signal });
}

const ring = z.array(z.array(z.number()));
const boundaryCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.record(z.string(), z.unknown()).nullable(),
      geometry: z.union([
        z.object({ type: z.literal('Polygon'), coordinates: z.array(ring) }),
        z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring)) }),
      ]),
    }),
  ),
});
export type MunicipalityBoundary = z.infer<typeof boundaryCollection>;

export function useMunicipalityBoundary(code: string | undefined) {
  return useQuery({
    queryKey: ['municipalities', 'boundary', code],
    enabled: code !== undefined,
    queryFn: ({ signal }) => apiRequest('/api/municipalities/boundaries', boundaryCollection, { query: { codes: code }, signal }),
    staleTime: Infinity,
  });
}

export function useBuilding(bagId: string | undefined) {
  return useQuery({
    queryKey: stockKeys.building(bagId ?? ''),
    enabled: bagId !== undefined,
    queryFn: ({ signal }) => apiRequest(`/api/stock/buildings/${encodeURIComponent(bagId ?? '')}`, stockBuildingDetail, { signal }),
  });
}

export function useAssessBuilding(bagId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StockAssessmentRequest) =>
      apiRequest(`/api/stock/buildings/${encodeURIComponent(bagId)}/assessment`, stockBuildingDetail, { method: 'PUT', body }),
    onSuccess: (detail) => {
      queryClient.setQueryData(stockKeys.building(bagId), detail);
      void queryClient.invalidateQueries({ queryKey: ['stock', 'candidates'] });
    },
  });
}

/** The server caps a candidate list at 1000; the table sorts and filters that set. */
export const CANDIDATE_LIMIT = 1000;

/** The candidate-list query of a view: the same filters as the map. */
export function candidateQuery(view: KansenkaartView) {
  return { kind: view.kind, minScore: view.minScore, buildYearFrom: view.buildYearFrom, buildYearTo: view.buildYearTo, listId: view.listId, limit: CANDIDATE_LIMIT, sort: 'score' as const };
}
export type CandidateQuery = ReturnType<typeof candidateQuery>;

export function useCandidates(municipalityCode: string | undefined, query: CandidateQuery) {
  return useQuery({
    queryKey: stockKeys.candidates(municipalityCode ?? '', query),
    enabled: municipalityCode !== undefined,
    queryFn: ({ signal }) =>
      apiRequest(`/api/stock/municipalities/${encodeURIComponent(municipalityCode ?? '')}/candidates`, stockCandidateList, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useStockLists() {
  return useQuery({
    queryKey: stockKeys.lists,
    queryFn: ({ signal }) => apiRequest('/api/stock/lists', z.object({ items: z.array(stockListSummary) }), { signal }),
  });
}

export function useStockList(id: string | undefined) {
  return useQuery({
    queryKey: [...stockKeys.lists, id],
    enabled: id !== undefined,
    queryFn: ({ signal }) => apiRequest(`/api/stock/lists/${encodeURIComponent(id ?? '')}`, stockListDetail, { signal }),
  });
}

export function useDeleteStockList() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/api/stock/lists/${encodeURIComponent(id)}`, z.unknown(), { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: stockKeys.lists }),
  });
}

/**
 * Multipart upload with upload progress (see api/upload.ts). The body is parsed with `schema`; an error envelope
 * becomes an ApiError carrying `details` (the per-row/feature issues of a rejected import).
 */
export async function uploadStockFile<S extends z.ZodType>(
  url: string,
  schema: S,
  fields: Record<string, string>,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<z.output<S>> {
  const { status, body } = await uploadFile(url, file, { fields, onProgress });
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError(status, clientErrorCodes.badResponse, 'The response does not match the contract', parsed.error.issues);
  return parsed.data;
}

export { stockImportResult, stockListDetail };

/** Issues of a rejected import (`details.issues` of 400 import_rejected / invalid_file). */
const rejectionDetails = z.object({
  errorCount: z.number().int().optional(),
  issues: z
    .array(z.object({ severity: z.enum(['error', 'warning']).optional(), id: z.string().optional(), row: z.number().int().optional(), column: z.string().optional(), reason: z.string() }))
    .optional(),
});
export type ImportIssueRow = NonNullable<z.infer<typeof rejectionDetails>['issues']>[number];

export function rejectionOf(error: unknown): { errorCount: number; issues: ImportIssueRow[] } | null {
  if (!(error instanceof ApiError)) return null;
  if (error.code !== 'import_rejected' && error.code !== 'invalid_file') return null;
  const parsed = rejectionDetails.safeParse(error.details ?? {});
  if (!parsed.success) return { errorCount: 0, issues: [] };
  const issues = parsed.data.issues ?? [];
  return { errorCount: parsed.data.errorCount ?? issues.length, issues };
}
