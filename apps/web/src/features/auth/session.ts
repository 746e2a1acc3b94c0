import { useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionResponse, type SessionResponse, type SessionUser } from '@kringbouw/contracts';
import type { Actor } from '@kringbouw/domain/authz';
import { ApiError, apiRequest, setCsrfToken } from '../../api/client.ts';
import { actorFromUser } from '../../lib/actor.ts';

export const sessionQueryKey = ['session'] as const;

/** The current session, or null when signed out (the API answers 401). */
export async function fetchSession(): Promise<SessionResponse | null> {
  try {
    const session = await apiRequest('/api/auth/session', sessionResponse);
    setCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: 5 * 60_000, retry: false });
}

/** The signed-in user; only use below RequireSession, which guarantees there is one. */
export function useCurrentUser(): SessionUser {
  const { data } = useSession();
  if (!data) throw new Error('useCurrentUser is used outside a signed-in route');
  return data.user;
}

/** Stores a fresh session (after sign-in or accepting an invitation) so every view sees it at once. */
export function useStoreSession() {
  const queryClient = useQueryClient();
  return (session: SessionResponse | null) => {
    setCsrfToken(session?.csrfToken ?? null);
    const previous = queryClient.getQueryData<SessionResponse | null>(sessionQueryKey);
    // Another person (or nobody) now: nothing fetched for the previous user may be shown to the next one.
    // Only queries of the page being left (inactive) go; the current page's own (sign-in, invitation) stay.
    if (previous?.user.id !== session?.user.id) {
      queryClient.removeQueries({ type: 'inactive', predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
    }
    queryClient.setQueryData(sessionQueryKey, session);
  };
}

/** The signed-in user as an authorization actor (null when signed out). */
export function useActor(): Actor {
  const { data } = useSession();
  return actorFromUser(data?.user);
}
