import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/client.ts';

const sessionKey = ['session'] as const;

/**
 * Client errors (4xx) are answers, not hiccups: retrying them only delays the message. A 401 on any request
 * means the session has ended (expired, signed out elsewhere): forgetting it sends the user to the sign-in page,
 * which brings them back afterwards.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (query.queryKey[0] !== sessionKey[0]) forgetEndedSession(error);
      },
    }),
    mutationCache: new MutationCache({ onError: (error) => forgetEndedSession(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failureCount, error) => {
          if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });

  function forgetEndedSession(error: unknown) {
    if (error instanceof ApiError && error.status === 401 && queryClient.getQueryData(sessionKey)) {
      queryClient.setQueryData(sessionKey, null);
    }
  }

  return queryClient;
}
