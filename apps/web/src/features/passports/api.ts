import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  materialMapping,
  materialMappingList,
  passportDiff,
  passportVersion,
  passportVersionList,
  profileSuggestionList,
  importJob,
  type CreatePassportVersionRequest,
  type PassportExportFormat,
  type PassportVersion,
  type PutMaterialMappingRequest,
  type UpdatePassportVersionRequest,
} from '@kringbouw/contracts';
import { z } from 'zod';
import { apiRequest } from '../../api/client.ts';

const enc = encodeURIComponent;

/** The passports API, in one place (see packages/contracts/src/passports.ts). */
export const passportPaths = {
  versions: (projectId: string) => `/api/projects/${enc(projectId)}/passports`,
  version: (projectId: string, versionId: string) => `/api/projects/${enc(projectId)}/passports/${enc(versionId)}`,
  publish: (projectId: string, versionId: string) => `/api/projects/${enc(projectId)}/passports/${enc(versionId)}/publish`,
  applyMappings: (projectId: string, versionId: string) => `/api/projects/${enc(projectId)}/passports/${enc(versionId)}/apply-mappings`,
  diff: (projectId: string) => `/api/projects/${enc(projectId)}/passports/diff`,
  export: (projectId: string, versionId: string, format: PassportExportFormat) =>
    `/api/projects/${enc(projectId)}/passports/${enc(versionId)}/exports/${format}`,
  original: (projectId: string, versionId: string) => `/api/projects/${enc(projectId)}/passports/${enc(versionId)}/original`,
  importTable: (projectId: string) => `/api/projects/${enc(projectId)}/passports/imports/table`,
  importIfc: (projectId: string) => `/api/projects/${enc(projectId)}/passports/imports/ifc`,
  importJob: (projectId: string, jobId: string) => `/api/projects/${enc(projectId)}/passports/imports/${enc(jobId)}`,
  importEvents: (projectId: string, jobId: string) => `/api/projects/${enc(projectId)}/passports/imports/${enc(jobId)}/events`,
  mappings: (organisationId: string) => `/api/organisations/${enc(organisationId)}/material-mappings`,
  mapping: (organisationId: string, mappingId: string) => `/api/organisations/${enc(organisationId)}/material-mappings/${enc(mappingId)}`,
  suggestions: '/api/profiles/suggestions',
  template: '/api/passport-template.xlsx',
};

export const passportKeys = {
  versions: (projectId: string) => ['passports', 'versions', projectId] as const,
  version: (projectId: string, versionId: string) => ['passports', 'version', projectId, versionId] as const,
  diff: (projectId: string, from: string, to: string) => ['passports', 'diff', projectId, from, to] as const,
  mappings: (organisationId: string) => ['passports', 'mappings', organisationId] as const,
  suggestions: (name: string) => ['passports', 'suggestions', name] as const,
};

export function usePassportVersions(projectId: string) {
  return useQuery({
    queryKey: passportKeys.versions(projectId),
    queryFn: ({ signal }) => apiRequest(passportPaths.versions(projectId), passportVersionList, { signal }),
  });
}

export function usePassportVersion(projectId: string, versionId: string) {
  return useQuery({
    queryKey: passportKeys.version(projectId, versionId),
    queryFn: ({ signal }) => apiRequest(passportPaths.version(projectId, versionId), passportVersion, { signal }),
  });
}

function useVersionStored(projectId: string) {
  const queryClient = useQueryClient();
  return (version: PassportVersion) => {
    queryClient.setQueryData(passportKeys.version(projectId, version.id), version);
    void queryClient.invalidateQueries({ queryKey: passportKeys.versions(projectId) });
  };
}

export function useCreatePassportVersion(projectId: string) {
  const stored = useVersionStored(projectId);
  return useMutation({
    mutationFn: (body: CreatePassportVersionRequest) => apiRequest(passportPaths.versions(projectId), passportVersion, { method: 'POST', body }),
    onSuccess: stored,
  });
}

export function useUpdatePassportVersion(projectId: string, versionId: string) {
  const stored = useVersionStored(projectId);
  return useMutation({
    mutationFn: (body: UpdatePassportVersionRequest) => apiRequest(passportPaths.version(projectId, versionId), passportVersion, { method: 'PUT', body }),
    onSuccess: stored,
  });
}

export function usePublishPassportVersion(projectId: string, versionId: string) {
  const stored = useVersionStored(projectId);
  return useMutation({
    mutationFn: (revision: number) => apiRequest(passportPaths.publish(projectId, versionId), passportVersion, { method: 'POST', body: { revision } }),
    onSuccess: stored,
  });
}

export function useDeletePassportVersion(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => apiRequest(passportPaths.version(projectId, versionId), z.unknown(), { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: passportKeys.versions(projectId) }),
  });
}

export function usePassportDiff(projectId: string, from: string | undefined, to: string | undefined) {
  return useQuery({
    queryKey: passportKeys.diff(projectId, from ?? '', to ?? ''),
    queryFn: ({ signal }) => apiRequest(passportPaths.diff(projectId), passportDiff, { query: { from, to }, signal }),
    enabled: Boolean(from && to && from !== to),
  });
}

export function useProfileSuggestions(name: string, enabled = true) {
  return useQuery({
    queryKey: passportKeys.suggestions(name),
    queryFn: ({ signal }) => apiRequest(passportPaths.suggestions, profileSuggestionList, { query: { name, limit: 5 }, signal }),
    enabled,
    staleTime: 10 * 60_000,
  });
}

export function useMaterialMappings(organisationId: string | undefined) {
  return useQuery({
    queryKey: passportKeys.mappings(organisationId ?? ''),
    queryFn: ({ signal }) => apiRequest(passportPaths.mappings(organisationId ?? ''), materialMappingList, { signal }),
    enabled: Boolean(organisationId),
  });
}

/**
 * Saves the organisation's mapping for a material, then applies the organisation's mappings to the concept so its
 * lines and indicators follow.
 */
export function useSaveMapping(projectId: string, version: PassportVersion) {
  const queryClient = useQueryClient();
  const stored = useVersionStored(projectId);
  return useMutation({
    mutationFn: async (body: PutMaterialMappingRequest) => {
      await apiRequest(passportPaths.mappings(version.mappingOrganisationId), materialMapping, { method: 'PUT', body });
      if (version.status !== 'concept') return null;
      const current = queryClient.getQueryData<PassportVersion>(passportKeys.version(projectId, version.id)) ?? version;
      return apiRequest(passportPaths.applyMappings(projectId, version.id), passportVersion, {
        method: 'POST',
        body: { revision: current.revision, replaceSuggested: true },
      });
    },
    onSuccess: (updated) => {
      void queryClient.invalidateQueries({ queryKey: passportKeys.mappings(version.mappingOrganisationId) });
      if (updated) stored(updated);
    },
  });
}

export function useCancelImport(projectId: string) {
  return useMutation({
    mutationFn: (jobId: string) => apiRequest(passportPaths.importJob(projectId, jobId), z.unknown(), { method: 'DELETE' }),
  });
}

export const importJobSchema = importJob;
