// TanStack Query hooks, one per API resource. Every key starts with the resource name and
// the case id, so one write can refresh everything of its case (see invalidateCase).
import { keepPreviousData, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, apiPath, ApiError, setCsrfToken } from './client';
import type {
  AchResult, AlertsResponse, Assessment, CaseFile, CaseSummary, Changes, Dashboard, EvidenceVersion, IndicatorsResponse,
  LedgerPage, Me, StoredScreening, Timeline,
} from './types';

const enc = encodeURIComponent;
const casePath = (caseId: string) => `/api/cases/${enc(caseId)}`;

/** Do not retry what cannot get better by retrying: 4xx answers. */
export function retryUnlessClientError(count: number, err: unknown): boolean {
  if (err instanceof ApiError && err.status >= 400 && err.status < 500) return false;
  return count < 2;
}

// /api/me also gives the session's CSRF token, so a tab opened after sign-in can write too.
export const useMe = () => useQuery({
  queryKey: ['me'],
  queryFn: async () => {
    const me = await api<Me>('/api/me');
    if (me.csrf_token) setCsrfToken(me.csrf_token);
    return me;
  },
  staleTime: 60_000,
});

export const useCases = () => useQuery({ queryKey: ['cases'], queryFn: () => api<{ cases: CaseSummary[] }>('/api/cases') });

export const useCase = (caseId: string) =>
  useQuery({ queryKey: ['case', caseId], queryFn: () => api<CaseFile>(casePath(caseId)), staleTime: 30_000 });

export const useDashboard = (caseId: string, asOf: string) =>
  useQuery({ queryKey: ['dashboard', caseId, asOf], queryFn: () => api<Dashboard>(apiPath(`${casePath(caseId)}/dashboard`, { as_of: asOf })), placeholderData: keepPreviousData });

export const useChanges = (caseId: string, from: string, to: string) =>
  useQuery({ queryKey: ['changes', caseId, from, to], queryFn: () => api<Changes>(apiPath(`${casePath(caseId)}/changes`, { from, to })), placeholderData: keepPreviousData });

export const useAssessment = (caseId: string, asOf: string) =>
  useQuery({ queryKey: ['assessment', caseId, asOf], queryFn: () => api<Assessment>(apiPath(`${casePath(caseId)}/assessment`, { as_of: asOf })), placeholderData: keepPreviousData });

export const useTimeline = (caseId: string, object: string, range: { from?: string; to?: string; step: 'week' | 'month' }) =>
  useQuery({
    queryKey: ['timeline', caseId, object, range.from, range.to, range.step],
    queryFn: () => api<Timeline>(apiPath(`${casePath(caseId)}/timeline/${enc(object)}`, range)),
  });

export type LedgerQuery = Record<string, string | undefined>;
export const useLedger = (caseId: string, query: LedgerQuery) =>
  useQuery({ queryKey: ['evidence', caseId, query], queryFn: () => api<LedgerPage>(apiPath(`${casePath(caseId)}/evidence`, query)), placeholderData: keepPreviousData });

export const useEvidenceHistory = (caseId: string, id: string) =>
  useQuery({ queryKey: ['evidence-history', caseId, id], queryFn: () => api<{ id: string; versions: EvidenceVersion[] }>(`${casePath(caseId)}/evidence/${enc(id)}/history`) });

export const useAch = (caseId: string, set: string, asOf: string) =>
  useQuery({ queryKey: ['ach', caseId, set, asOf], queryFn: () => api<AchResult>(apiPath(`${casePath(caseId)}/ach/${enc(set)}`, { as_of: asOf })) });

export const useIndicators = (caseId: string, asOf: string) =>
  useQuery({ queryKey: ['indicators', caseId, asOf], queryFn: () => api<IndicatorsResponse>(apiPath(`${casePath(caseId)}/indicators`, { as_of: asOf })) });

export const useAlerts = (caseId: string, asOf: string) =>
  useQuery({ queryKey: ['alerts', caseId, asOf], queryFn: () => api<AlertsResponse>(apiPath(`${casePath(caseId)}/alerts`, { as_of: asOf })) });

export const useCaseScreening = (caseId: string) =>
  useQuery({ queryKey: ['screening', caseId], queryFn: () => api<StoredScreening>(`${casePath(caseId)}/screening`) });

/** After a write: everything cached for that case may have changed (statuses replay from evidence). */
export function invalidateCase(client: QueryClient, caseId: string): Promise<void> {
  return client.invalidateQueries({ predicate: (q) => q.queryKey[1] === caseId });
}

export { casePath };
