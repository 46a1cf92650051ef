// Loading, empty and error states, in words. API problems show their title, detail and fields.
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

export function Loading({ what = 'Loading' }: { what?: string }) {
  return <p className="loading" role="status" aria-live="polite">{what}…</p>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="empty" role="note">{children}</div>;
}

export function ProblemMessage({ error, action }: { error: unknown; action?: string }) {
  if (!error) return null;
  const e = error instanceof ApiError ? error : null;
  const title = e ? e.title : 'Something went wrong';
  const detail = e ? e.detail : error instanceof Error ? error.message : String(error);
  return (
    <div className="problem" role="alert">
      <strong>{action ? `${action} failed: ` : ''}{title}{e && e.status ? ` (${e.status})` : ''}</strong>
      {detail && <p>{detail}</p>}
      {e && (e.status === 401 || /X-CSRF-Token/.test(e.detail)) && (
        <p>Your session has ended or this tab has no write token: <a href={`/signin?next=${encodeURIComponent(location.pathname + location.search)}`}>sign in again</a>.</p>
      )}
      {e && e.errors.length > 0 && (
        <ul>
          {e.errors.map((f, i) => <li key={i}><code>{f.field}</code>: {f.message}</li>)}
        </ul>
      )}
    </div>
  );
}

/** The usual trio for a query: loading, error, then the content. */
export function QueryState<T>({ query, what, children }: { query: { data: T | undefined; error: unknown; isPending: boolean }; what: string; children: (data: T) => ReactNode }) {
  if (query.isPending) return <Loading what={`Loading ${what}`} />;
  if (query.error && query.data === undefined) return <ProblemMessage error={query.error} action={`Loading ${what}`} />;
  return <>{children(query.data as T)}</>;
}
