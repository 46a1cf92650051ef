// The as-of date lives in the URL (?as_of=YYYY-MM-DD) so that a view can be shared and the back
// button replays it. Without one, the view is as of today, like the API's default.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

export const today = (): string => new Date().toISOString().slice(0, 10);
const isDay = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

export function useAsOf(): { asOf: string; explicit: boolean; setAsOf: (d: string) => void } {
  const [params, setParams] = useSearchParams();
  const raw = params.get('as_of');
  const setAsOf = useCallback((d: string) => {
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (isDay(d)) next.set('as_of', d);
      else next.delete('as_of');
      return next;
    });
  }, [setParams]);
  return { asOf: isDay(raw) ? raw : today(), explicit: isDay(raw), setAsOf };
}

/** Adds the current as-of date to an in-app link so that navigating keeps the date. */
export function useWithAsOf(): (to: string) => string {
  const [params] = useSearchParams();
  const raw = params.get('as_of');
  return useCallback((to: string) => {
    if (!isDay(raw)) return to;
    return `${to}${to.includes('?') ? '&' : '?'}as_of=${raw}`;
  }, [raw]);
}
