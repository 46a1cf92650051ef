// Reviewing the case's last stored screening run: filter by decision state, a page of matches
// at a time, each with the explanation and the listing details, and — for reviewers — the
// decisions. The filter and the page are in the URL, so a view can be shared.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { api, apiPath } from '../api/client';
import { PageHeading } from '../app/Layout';
import { useCan, useCaseId } from '../app/caseContext';
import { Empty, QueryState } from '../ui/states';
import { ReviewRow } from './ReviewRow';
import { reviewStates, stateLabel, type ReviewState, type ScreeningReview } from './reviewTypes';

export const REVIEW_PAGE_SIZE = 20;

const isState = (v: string | null): v is ReviewState => (reviewStates as readonly string[]).includes(v ?? '');

export function ReviewPage() {
  const caseId = useCaseId();
  const canDecide = useCan('reviewer');
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const raw = params.get('state');
  // Undecided first: that is the work left to do. `all` shows every state.
  const state: ReviewState | null = raw === 'all' ? null : isState(raw) ? raw : 'undecided';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const offset = (page - 1) * REVIEW_PAGE_SIZE;
  const query = useQuery({
    queryKey: ['screening-review', caseId, state, offset],
    queryFn: () => api<ScreeningReview>(apiPath(`/api/cases/${encodeURIComponent(caseId)}/screening/matches`, { state: state ?? undefined, limit: REVIEW_PAGE_SIZE, offset })),
    placeholderData: keepPreviousData,
  });
  const go = (next: { state?: string; page?: number }) => {
    const p = new URLSearchParams(params);
    if (next.state !== undefined) p.set('state', next.state);
    p.set('page', String(next.page ?? 1));
    if (p.get('page') === '1') p.delete('page');
    setParams(p);
  };
  const refresh = () => client.invalidateQueries({ predicate: (q) => q.queryKey[1] === caseId });

  return (
    <>
      <PageHeading title="Screening review">
        <p><Link to={`/cases/${encodeURIComponent(caseId)}/screening`}>Back to screening</Link></p>
      </PageHeading>
      <QueryState query={query} what="the stored screening">
        {(review) => !review.run ? <Empty>The case’s persons have not been screened yet: run a screening first.</Empty> : (
          <>
            <p className="muted">
              Run of {review.run.screened_at.replace('T', ' ').slice(0, 16)} by {review.run.screened_by.replace(/^user:/, '')}, against {Object.entries(review.run.versions).map(([l, v]) => `${l} ${v}`).join(', ')}.
            </p>
            <div className="filters" role="group" aria-label="Show matches by decision">
              {reviewStates.map((s) => (
                <button key={s} type="button" aria-pressed={state === s} onClick={() => go({ state: s })}>{stateLabel[s]} ({review.counts[s]})</button>
              ))}
              <button type="button" aria-pressed={state === null} onClick={() => go({ state: 'all' })}>
                All ({review.counts.undecided + review.counts.confirmed + review.counts.false_positive})
              </button>
            </div>
            {review.matches.length === 0 ? <Empty>No {state ? stateLabel[state].toLowerCase() : ''} match on this page.</Empty> : (
              <>
                <p role="status">Matches {review.offset + 1}–{review.offset + review.matches.length} of {review.total}</p>
                <ul className="plain">
                  {review.matches.map((m) => <ReviewRow key={`${m.person}|${m.list}|${m.ref}`} caseId={caseId} match={m} canDecide={canDecide} onDecided={refresh} />)}
                </ul>
              </>
            )}
            <nav aria-label="Review pages" className="pager">
              <button type="button" className="secondary" disabled={page <= 1} onClick={() => go({ page: page - 1 })}>Previous page</button>
              <span>Page {page} of {Math.max(1, Math.ceil(review.total / REVIEW_PAGE_SIZE))}</span>
              <button type="button" className="secondary" disabled={offset + REVIEW_PAGE_SIZE >= review.total} onClick={() => go({ page: page + 1 })}>Next page</button>
            </nav>
          </>
        )}
      </QueryState>
    </>
  );
}
