// Pages behind sign-in. The page renders at once, while /api/me is asked in parallel (waiting
// for it first would add a round trip before the dashboard's own request); a 401 from it sends
// the user to the sign-in page and back.
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ApiError } from '../api/client';
import { useMe } from '../api/queries';

export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.error instanceof ApiError && me.error.status === 401) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/signin?next=${next}`} replace />;
  }
  return <>{children}</>;
}
