// Compare two dates: what changed since the last review. "To" is the page's as-of date; "from"
// lives in the URL beside it (?from=), so a comparison can be shared like any other view.
import { Link, useSearchParams } from 'react-router';
import { useCase, useChanges } from '../api/queries';
import type { CaseFile } from '../api/types';
import { PageHeading } from '../app/Layout';
import { useCaseId } from '../app/caseContext';
import { useObjectPaths } from '../app/names';
import { useAsOf, useWithAsOf } from '../asof/asOf';
import { StatusBadge } from '../ui/StatusBadge';
import { QueryState } from '../ui/states';

const isDay = (v: string | null): v is string => v !== null && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Three months before a day, as the default "since the last review". */
function monthsBefore(day: string, months: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString().slice(0, 10);
}

export function ChangesPage() {
  const caseId = useCaseId();
  const { asOf } = useAsOf();
  const [params, setParams] = useSearchParams();
  const raw = params.get('from');
  const from = isDay(raw) ? raw : monthsBefore(asOf, 3);
  const result = useChanges(caseId, from, asOf);
  const textOf = useObjectTexts(useCase(caseId).data);
  const pathOf = useObjectPaths(caseId);
  const withAsOf = useWithAsOf();
  const link = (id: string) => {
    const path = pathOf(id);
    return path ? <Link to={withAsOf(path)}>{textOf(id)}</Link> : <span>{textOf(id)}</span>;
  };
  return (
    <>
      <PageHeading title="What changed">
        <p className="muted">Statuses and confidence that moved, evidence recorded and decisions taken between two dates. The later date is the page’s as-of date.</p>
      </PageHeading>
      <form className="inline" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="changes-from">Since</label>
        <input id="changes-from" type="date" value={from} max={asOf} onChange={(e) => setParams((prev) => {
          const next = new URLSearchParams(prev);
          if (isDay(e.target.value)) next.set('from', e.target.value);
          return next;
        })} />
        <span> until <strong data-testid="changes-to">{asOf}</strong></span>
      </form>
      <QueryState query={result} what="the changes">
        {(c) => (
          <>
            <section aria-labelledby="changed-objects">
              <h2 id="changed-objects">Status or confidence changed ({c.objects.length})</h2>
              {c.objects.length === 0 ? <p className="muted">Nothing changed status or confidence between {c.from} and {c.to}.</p> : (
                <div className="table-scroll" tabIndex={0} role="region" aria-label="Changed objects, scrolls sideways">
                  <table>
                    <thead><tr><th scope="col">Object</th><th scope="col">Kind</th><th scope="col">On {c.from}</th><th scope="col">On {c.to}</th></tr></thead>
                    <tbody>
                      {c.objects.map((o) => (
                        <tr key={o.id}>
                          <th scope="row">{link(o.id)}<div className="muted small">{o.id}</div></th>
                          <td>{o.kind}</td>
                          <td><StatusBadge status={o.before.status} />{o.before.confidence && <span className="muted"> {o.before.confidence}</span>}</td>
                          <td><StatusBadge status={o.after.status} />{o.after.confidence && <span className="muted"> {o.after.confidence}</span>}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
            <section aria-labelledby="evidence-added">
              <h2 id="evidence-added">Evidence recorded ({c.evidence_added.length})</h2>
              {c.evidence_added.length === 0 ? <p className="muted">No evidence was recorded in the period.</p> : (
                <ul>{c.evidence_added.map((id) => <li key={id}>{link(id)}</li>)}</ul>
              )}
            </section>
            <section aria-labelledby="decisions-in-period">
              <h2 id="decisions-in-period">Decisions ({c.decisions.length})</h2>
              {c.decisions.length === 0 ? <p className="muted">No leverage decision was taken in the period.</p> : (
                <ul>
                  {c.decisions.map((d) => (
                    <li key={`${d.leverage} ${d.date} ${d.action}`}>
                      {d.date}: {link(d.leverage)} {d.action}; the recommendation then was <StatusBadge status={d.recommendation} />
                      {d.against_conditions && <strong className="flag"> — released against conditions</strong>}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </QueryState>
    </>
  );
}

/** An object's text (commitments, conditions, leverage, claims) or an evidence item's summary, for people; the id otherwise. */
function useObjectTexts(c: CaseFile | undefined): (id: string) => string {
  const texts = new Map<string, string>();
  for (const o of [...(c?.commitments ?? []), ...(c?.conditions ?? []), ...(c?.leverage ?? []), ...(c?.claims ?? [])]) texts.set(o.id, o.text);
  for (const e of c?.evidence ?? []) texts.set(e.id, e.summary);
  return (id) => texts.get(id) ?? id;
}
