import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  agreement,
  agreementList,
  agreementProgress,
  agreementTemplates,
  agreementVersions,
  auditList,
  commentList,
  evidence,
  evidenceList,
  comment,
  notificationList,
  okResponse,
  projectList,
  versionDiff,
  type Agreement,
  type AgreementListQuery,
  type ApproveRequest,
  type CommentInput,
  type CreateAgreementRequest,
  type EvidenceDto,
  type EvidenceInput,
  type TransitionRequest,
  type UpdateAgreementRequest,
  type UpdateCommitmentRequest,
  type CreateCommitmentRequest,
} from '@kringbouw/contracts';
import { z } from 'zod';
import { ApiError, apiRequest, clientErrorCodes, csrfHeaders, errorFromResponse } from '../../api/client.ts';

const enc = encodeURIComponent;

/** The prestatieafspraken API in one place (see packages/contracts/src/agreements.ts). */
export const agreementPaths = {
  templates: '/api/agreement-templates',
  list: '/api/agreements',
  detail: (id: string) => `/api/agreements/${enc(id)}`,
  commitments: (id: string) => `/api/agreements/${enc(id)}/commitments`,
  commitment: (id: string, commitmentId: string) => `/api/agreements/${enc(id)}/commitments/${enc(commitmentId)}`,
  templatesInsert: (id: string) => `/api/agreements/${enc(id)}/templates`,
  transitions: (id: string) => `/api/agreements/${enc(id)}/transitions`,
  approvals: (id: string) => `/api/agreements/${enc(id)}/approvals`,
  approval: (id: string, organisationId: string) => `/api/agreements/${enc(id)}/approvals/${enc(organisationId)}`,
  versions: (id: string) => `/api/agreements/${enc(id)}/versions`,
  diff: (id: string, number: number) => `/api/agreements/${enc(id)}/versions/${number}/diff`,
  progress: (id: string) => `/api/agreements/${enc(id)}/progress`,
  evidence: (id: string) => `/api/agreements/${enc(id)}/evidence`,
  evidenceUpload: (id: string) => `/api/agreements/${enc(id)}/evidence/upload`,
  evidenceFile: (id: string, evidenceId: string) => `/api/agreements/${enc(id)}/evidence/${enc(evidenceId)}/file`,
  comments: (id: string) => `/api/agreements/${enc(id)}/comments`,
  audit: (id: string) => `/api/agreements/${enc(id)}/audit`,
  auditCsv: (id: string) => `/api/agreements/${enc(id)}/audit.csv`,
  evaluation: (id: string, year: number, format: 'pdf' | 'docx') => `/api/agreements/${enc(id)}/evaluation?year=${year}&format=${format}`,
  notifications: '/api/notifications',
  notificationRead: (id: string) => `/api/notifications/${enc(id)}/read`,
  notificationsReadAll: '/api/notifications/read-all',
};

export const agreementKeys = {
  all: ['agreements'] as const,
  list: (query: Partial<AgreementListQuery>) => ['agreements', 'list', query] as const,
  detail: (id: string) => ['agreements', 'detail', id] as const,
  /** Everything derived from one agreement (progress, versions, comments, audit…): refetched after each change. */
  derived: (id: string) => ['agreements', 'derived', id] as const,
  progress: (id: string) => ['agreements', 'derived', id, 'progress'] as const,
  versions: (id: string) => ['agreements', 'derived', id, 'versions'] as const,
  diff: (id: string, number: number) => ['agreements', 'derived', id, 'diff', number] as const,
  comments: (id: string) => ['agreements', 'derived', id, 'comments'] as const,
  evidence: (id: string) => ['agreements', 'derived', id, 'evidence'] as const,
  audit: (id: string) => ['agreements', 'derived', id, 'audit'] as const,
  notifications: ['notifications'] as const,
};

export function useAgreementTemplates() {
  return useQuery({
    queryKey: ['agreements', 'templates'],
    queryFn: ({ signal }) => apiRequest(agreementPaths.templates, agreementTemplates, { signal }),
    staleTime: Infinity,
  });
}

export function useAgreementList(query: Partial<AgreementListQuery>) {
  return useQuery({
    queryKey: agreementKeys.list(query),
    queryFn: ({ signal }) => apiRequest(agreementPaths.list, agreementList, { signal, query: { ...query } }),
    placeholderData: keepPreviousData,
  });
}

export function useAgreement(id: string) {
  return useQuery({ queryKey: agreementKeys.detail(id), queryFn: ({ signal }) => apiRequest(agreementPaths.detail(id), agreement, { signal }) });
}

export function useAgreementProgress(id: string, enabled = true) {
  return useQuery({
    queryKey: agreementKeys.progress(id),
    queryFn: ({ signal }) => apiRequest(agreementPaths.progress(id), agreementProgress, { signal }),
    enabled,
  });
}

export function useAgreementVersions(id: string) {
  return useQuery({ queryKey: agreementKeys.versions(id), queryFn: ({ signal }) => apiRequest(agreementPaths.versions(id), agreementVersions, { signal }) });
}

export function useVersionDiff(id: string, number: number, enabled: boolean) {
  return useQuery({
    queryKey: agreementKeys.diff(id, number),
    queryFn: ({ signal }) => apiRequest(agreementPaths.diff(id, number), versionDiff, { signal }),
    enabled: enabled && number > 1,
  });
}

export function useAgreementComments(id: string) {
  return useQuery({ queryKey: agreementKeys.comments(id), queryFn: ({ signal }) => apiRequest(agreementPaths.comments(id), commentList, { signal }) });
}

export function useAgreementEvidence(id: string) {
  return useQuery({ queryKey: agreementKeys.evidence(id), queryFn: ({ signal }) => apiRequest(agreementPaths.evidence(id), evidenceList, { signal }) });
}

export function useAgreementAudit(id: string, enabled: boolean) {
  return useQuery({ queryKey: agreementKeys.audit(id), queryFn: ({ signal }) => apiRequest(agreementPaths.audit(id), auditList, { signal }), enabled });
}

/** Every mutation answers with the whole agreement: store it and refetch what derives from it. */
function useAgreementMutation<Input>(id: string, send: (input: Input) => Promise<Agreement>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (data) => {
      client.setQueryData(agreementKeys.detail(id), data);
      void client.invalidateQueries({ queryKey: agreementKeys.derived(id) });
      void client.invalidateQueries({ queryKey: ['agreements', 'list'] });
      void client.invalidateQueries({ queryKey: agreementKeys.notifications });
    },
    onError: (error) => {
      // Someone else changed the agreement meanwhile (409 version_conflict) or its state moved on: show the current
      // text at once, so the next attempt starts from what is really there.
      if (error instanceof ApiError && error.status === 409) void client.invalidateQueries({ queryKey: agreementKeys.detail(id) });
    },
  });
}

export function useCreateAgreement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAgreementRequest) => apiRequest(agreementPaths.list, agreement, { method: 'POST', body }),
    onSuccess: (created) => {
      client.setQueryData(agreementKeys.detail(created.id), created);
      void client.invalidateQueries({ queryKey: ['agreements', 'list'] });
    },
  });
}

export function useUpdateAgreement(id: string) {
  return useAgreementMutation(id, (body: UpdateAgreementRequest) => apiRequest(agreementPaths.detail(id), agreement, { method: 'PUT', body }));
}

export function useAddCommitment(id: string) {
  return useAgreementMutation(id, (body: CreateCommitmentRequest) => apiRequest(agreementPaths.commitments(id), agreement, { method: 'POST', body }));
}

export function useInsertTemplates(id: string) {
  return useAgreementMutation(id, (body: { templateIds: string[]; revision?: number }) =>
    apiRequest(agreementPaths.templatesInsert(id), agreement, { method: 'POST', body }),
  );
}

export function useUpdateCommitment(id: string) {
  return useAgreementMutation(id, ({ commitmentId, body }: { commitmentId: string; body: UpdateCommitmentRequest }) =>
    apiRequest(agreementPaths.commitment(id, commitmentId), agreement, { method: 'PUT', body }),
  );
}

export function useDeleteCommitment(id: string) {
  return useAgreementMutation(id, ({ commitmentId, revision }: { commitmentId: string; revision: number }) =>
    apiRequest(agreementPaths.commitment(id, commitmentId), agreement, { method: 'DELETE', query: { revision } }),
  );
}

export function useTransition(id: string) {
  return useAgreementMutation(id, (body: TransitionRequest) => apiRequest(agreementPaths.transitions(id), agreement, { method: 'POST', body }));
}

export function useApprove(id: string) {
  return useAgreementMutation(id, (body: ApproveRequest) => apiRequest(agreementPaths.approvals(id), agreement, { method: 'POST', body }));
}

/** Withdraws the organisation's approval of the working version (only before signing; the API answers 409 after). */
export function useWithdrawApproval(id: string) {
  return useAgreementMutation(id, ({ organisationId, revision }: { organisationId: string; revision: number }) =>
    apiRequest(agreementPaths.approval(id, organisationId), agreement, { method: 'DELETE', query: { revision } }),
  );
}

export function useAddComment(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<CommentInput> & Pick<CommentInput, 'body' | 'organisationId'>) => apiRequest(agreementPaths.comments(id), comment, { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: agreementKeys.derived(id) }),
  });
}

export type EvidenceFields = Partial<EvidenceInput> & Pick<EvidenceInput, 'commitmentId' | 'note' | 'date' | 'organisationId'>;

/** Multipart POST of evidence with its document (the fields as text, the file as "file"). */
async function uploadEvidence(id: string, fields: EvidenceFields, file: File): Promise<EvidenceDto> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== null && value !== undefined && value !== '') form.append(name, String(value));
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(agreementPaths.evidenceUpload(id), { method: 'POST', body: form, credentials: 'same-origin', headers: { accept: 'application/json', ...csrfHeaders() } });
  } catch (error) {
    throw new ApiError(0, clientErrorCodes.network, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await errorFromResponse(response);
  const parsed = evidence.safeParse(await response.json());
  if (!parsed.success) throw new ApiError(response.status, clientErrorCodes.badResponse, 'The response does not match the contract', parsed.error.issues);
  return parsed.data;
}

/** Records evidence: as JSON, or as multipart when a document is attached. */
export function useAddEvidence(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ file, ...body }: EvidenceFields & { file?: File | null }) =>
      file ? uploadEvidence(id, body, file) : apiRequest(agreementPaths.evidence(id), evidence, { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: agreementKeys.derived(id) }),
  });
}

export function useNotifications(enabled: boolean) {
  return useQuery({
    queryKey: agreementKeys.notifications,
    queryFn: ({ signal }) => apiRequest(agreementPaths.notifications, notificationList, { signal, query: { limit: 30 } }),
    enabled,
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
  });
}

const okOrEmpty = z.union([okResponse, z.object({}).loose()]);

export function useMarkNotificationRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      apiRequest(id === 'all' ? agreementPaths.notificationsReadAll : agreementPaths.notificationRead(id), okOrEmpty, { method: 'POST', body: {} }),
    onSuccess: () => void client.invalidateQueries({ queryKey: agreementKeys.notifications }),
  });
}

/** Projects in the agreement's municipality, for a commitment scoped to one named project. */
export function useMunicipalityProjects(municipalityCode: string, enabled: boolean) {
  return useQuery({
    queryKey: ['projects', 'list', { municipality: municipalityCode, pageSize: 200, sort: 'name' }],
    queryFn: ({ signal }) => apiRequest('/api/projects', projectList, { signal, query: { municipality: municipalityCode, pageSize: 200, sort: 'name' } }),
    enabled,
    staleTime: 60_000,
  });
}
