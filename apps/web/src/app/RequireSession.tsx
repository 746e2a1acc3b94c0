import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../features/auth/session.ts';
import { ErrorMessage, Loading } from '../components/Status.tsx';

/** Signed-out visitors go to the sign-in page, which brings them back here afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <Loading />;
  if (session.isError) return <ErrorMessage error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) {
    const back = `${location.pathname}${location.search}`;
    return <Navigate to={`/inloggen?terug=${encodeURIComponent(back)}`} replace />;
  }
  return <>{children}</>;
}
