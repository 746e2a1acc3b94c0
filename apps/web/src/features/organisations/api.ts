import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { invitation, member, organisationDetail, organisationList } from '@kringbouw/contracts';
import type { MembershipRole, OrganisationKind } from '@kringbouw/domain/organisations';
import { z } from 'zod';
import { apiRequest } from '../../api/client.ts';
import { sessionQueryKey } from '../auth/session.ts';

export const organisationKeys = {
  list: (q: string | undefined, kind: OrganisationKind | undefined) => ['organisations', 'list', q ?? '', kind ?? ''] as const,
  detail: (id: string) => ['organisations', 'detail', id] as const,
};

export function useOrganisationList(q: string | undefined, kind: OrganisationKind | undefined) {
  return useQuery({
    queryKey: organisationKeys.list(q, kind),
    queryFn: ({ signal }) => apiRequest('/api/organisations', organisationList, { query: { q, kind }, signal }),
  });
}

export function useOrganisation(id: string) {
  return useQuery({
    queryKey: organisationKeys.detail(id),
    queryFn: ({ signal }) => apiRequest(`/api/organisations/${encodeURIComponent(id)}`, organisationDetail, { signal }),
  });
}

/** Member and invitation changes alter the detail page, the counts in lists and possibly the own session. */
function useOrganisationMutation<TVariables>(id: string, mutationFn: (variables: TVariables) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: organisationKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ['organisations', 'list'] });
      void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
    },
  });
}

const base = (id: string) => `/api/organisations/${encodeURIComponent(id)}`;

export function useInvite(id: string) {
  return useOrganisationMutation(id, (body: { email: string; role: MembershipRole }) =>
    apiRequest(`${base(id)}/invitations`, z.union([invitation, z.unknown()]), { method: 'POST', body }),
  );
}

export function useRevokeInvitation(id: string) {
  return useOrganisationMutation(id, (invitationId: string) =>
    apiRequest(`${base(id)}/invitations/${encodeURIComponent(invitationId)}`, z.unknown(), { method: 'DELETE' }),
  );
}

export function useChangeMemberRole(id: string) {
  return useOrganisationMutation(id, ({ userId, role }: { userId: string; role: MembershipRole }) =>
    apiRequest(`${base(id)}/members/${encodeURIComponent(userId)}`, z.union([member, z.unknown()]), { method: 'PATCH', body: { role } }),
  );
}

export function useRemoveMember(id: string) {
  return useOrganisationMutation(id, (userId: string) =>
    apiRequest(`${base(id)}/members/${encodeURIComponent(userId)}`, z.unknown(), { method: 'DELETE' }),
  );
}
