// Everything in the case, not only the bad news: each kind with its count and a link to its
// index, and for the kinds with a status, the count of each status at the as-of date, each
// linking to the index filtered to it (kept and met as much as broken and not met).
import { Link } from 'react-router';
import { useAssessment, useCase } from '../api/queries';
import { useWithAsOf } from '../asof/asOf';
import { StatusBadge } from '../ui/StatusBadge';
import { editableLists } from '../forms/lists';
import { kinds } from '../forms/kinds';
import { indexPath } from '../forms/paths';

type Counted = Record<string, number>;

function countBy<T>(items: readonly T[] | undefined, key: (x: T) => string | null | undefined): Counted {
  const out: Counted = {};
  for (const x of items ?? []) {
    const k = key(x) ?? 'unknown';
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

export function CaseContents({ caseId, asOf }: { caseId: string; asOf: string }) {
  const c = useCase(caseId).data as unknown as Record<string, unknown> | undefined;
  const a = useAssessment(caseId, asOf).data;
  const withAsOf = useWithAsOf();
  const statuses: Partial<Record<string, Counted>> = {
    commitments: countBy(a?.commitments, (r) => r.status),
    conditions: countBy(a?.conditions, (r) => r.status),
    leverage: countBy(a?.leverage, (r) => r.recommendation),
    claims: countBy(a?.claims, (r) => r.verdict_now ?? 'not_yet_made'),
  };
  const count = (list: string) => (Array.isArray(c?.[list]) ? (c[list] as unknown[]).length : 0);
  const lists = [...editableLists, 'evidence' as const];
  return (
    <section aria-labelledby="contents">
      <h2 id="contents">Everything in this case</h2>
      <ul className="contents-grid">
        {lists.map((list) => {
          const path = indexPath(caseId, list);
          const by = statuses[list];
          return (
            <li key={list}>
              <Link to={withAsOf(path)}><strong>{list === 'evidence' ? 'Evidence' : kinds[list].many}</strong></Link> <span className="count-plain">{count(list)}</span>
              {by && a && (
                <ul className="plain status-links" aria-label={`${list === 'evidence' ? 'Evidence' : kinds[list].many} by status`}>
                  {Object.entries(by).sort((x, y) => y[1] - x[1]).map(([s, n]) => (
                    <li key={s}><Link to={withAsOf(`${path}?status=${encodeURIComponent(s)}`)} aria-label={`${n} ${s.replace(/_/g, ' ')}`}><StatusBadge status={s} /> {n}</Link></li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
