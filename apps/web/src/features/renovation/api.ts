import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  neighbourhoodDesignation,
  renovationImportResult,
  renovationOverview,
  renovationPlanDetail,
  renovationPlanSummary,
  type CreateDesignationRequest,
  type CreateRenovationPlanRequest,
  type RenovationPlanRowRequest,
} from '@kringbouw/contracts';
import { apiRequest } from '../../api/client.ts';
import { uploadStockFile } from '../kansenkaart/api.ts';

export const renovationKeys = {
  all: ['renovation'] as const,
  plans: (municipalityCode: string) => ['renovation', 'plans', municipalityCode] as const,
  plan: (id: string) => ['renovation', 'plan', id] as const,
  overview: (municipalityCode: string, fromYear: number, toYear: number) => ['renovation', 'overview', municipalityCode, fromYear, toYear] as const,
};

export function usePlans(municipalityCode: string | undefined) {
  return useQuery({
    queryKey: renovationKeys.plans(municipalityCode ?? ''),
    enabled: municipalityCode !== undefined,
    queryFn: ({ signal }) => apiRequest('/api/renovation/plans', z.object({ items: z.array(renovationPlanSummary) }), { query: { municipalityCode }, signal }),
  });
}

export function usePlan(id: string | undefined) {
  return useQuery({
    queryKey: renovationKeys.plan(id ?? ''),
    enabled: id !== undefined,
    queryFn: ({ signal }) => apiRequest(`/api/renovation/plans/${encodeURIComponent(id ?? '')}`, renovationPlanDetail, { signal }),
  });
}

export function useOverview(municipalityCode: string | undefined, fromYear: number, toYear: number) {
  return useQuery({
    queryKey: renovationKeys.overview(municipalityCode ?? '', fromYear, toYear),
    enabled: municipalityCode !== undefined,
    queryFn: ({ signal }) =>
      apiRequest(`/api/renovation/municipalities/${encodeURIComponent(municipalityCode ?? '')}/overview`, renovationOverview, { query: { fromYear, toYear }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** After any change the plans, the open plan and the overview are read again. */
function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: renovationKeys.all });
}

export function useCreatePlan() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: CreateRenovationPlanRequest) => apiRequest('/api/renovation/plans', renovationPlanDetail, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useAddPlanRow(planId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: RenovationPlanRowRequest) => apiRequest(`/api/renovation/plans/${encodeURIComponent(planId)}/rows`, renovationPlanDetail, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useDeletePlanRow(planId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (rowId: string) => apiRequest(`/api/renovation/plans/${encodeURIComponent(planId)}/rows/${encodeURIComponent(rowId)}`, renovationPlanDetail, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function useSharePlan(planId: string) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (organisationIds: string[]) => apiRequest(`/api/renovation/plans/${encodeURIComponent(planId)}/shares`, renovationPlanSummary, { method: 'PUT', body: { organisationIds } }),
    onSuccess: invalidate,
  });
}

export function useDeletePlan() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/api/renovation/plans/${encodeURIComponent(id)}`, z.unknown(), { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

export function uploadPlan(planId: string, file: File, onProgress: (fraction: number) => void) {
  return uploadStockFile(`/api/renovation/plans/${encodeURIComponent(planId)}/import`, renovationImportResult, {}, file, onProgress);
}

export function useCreateDesignation() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: CreateDesignationRequest) => apiRequest('/api/renovation/designations', neighbourhoodDesignation, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useDeleteDesignation() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (id: string) => apiRequest(`/api/renovation/designations/${encodeURIComponent(id)}`, z.unknown(), { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
