import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  organisationList,
  project,
  projectList,
  type CreateProjectRequest,
  type ProjectUpdate,
} from '@kringbouw/contracts';
import { z } from 'zod';
import { apiRequest } from '../../api/client.ts';
import { PROJECT_PAGE_SIZE, type ProjectListView } from './list-params.ts';

export const projectKeys = {
  all: ['projects'] as const,
  list: (view: ProjectListView) => ['projects', 'list', view] as const,
  detail: (id: string) => ['projects', 'detail', id] as const,
};

export function useProjectList(view: ProjectListView) {
  return useQuery({
    queryKey: projectKeys.list(view),
    queryFn: ({ signal }) => apiRequest('/api/projects', projectList, { query: { ...view, pageSize: PROJECT_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`/api/projects/${encodeURIComponent(id)}`, project, { signal }),
  });
}

/** All organisations, for pickers (parties of a project). */
export function useAllOrganisations() {
  return useQuery({
    queryKey: ['organisations', 'all'],
    queryFn: ({ signal }) => apiRequest('/api/organisations', organisationList, { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateProjectRequest) => apiRequest('/api/projects', project, { method: 'POST', body }),
    onSuccess: (created) => {
      queryClient.setQueryData(projectKeys.detail(created.id), created);
      void queryClient.invalidateQueries({ queryKey: ['projects', 'list'] });
    },
  });
}

export function useUpdateProject(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectUpdate) => apiRequest(`/api/projects/${encodeURIComponent(id)}`, project, { method: 'PUT', body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(projectKeys.detail(updated.id), updated);
      void queryClient.invalidateQueries({ queryKey: ['projects', 'list'] });
    },
  });
}

export function useDeleteProject(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest(`/api/projects/${encodeURIComponent(id)}`, z.unknown(), { method: 'DELETE' }),
    onSuccess: () => {
      // The detail query is left alone: removing it while its page is still mounted would refetch a 404.
      // It is dropped once the page has navigated away (see DeleteProject).
      void queryClient.invalidateQueries({ queryKey: ['projects', 'list'] });
    },
  });
}
