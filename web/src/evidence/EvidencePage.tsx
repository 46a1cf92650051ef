// One evidence item: its current version, every stored version (the ledger is append-only), and
// for reviewers the two corrections the ledger allows: supersede (a new item) and retract.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { casePath, invalidateCase, useCase, useEvidenceHistory } from '../api/queries';
import type { Evidence } from '../api/types';
import { PageHeading } from '../app/Layout';
import { useCan, useCaseId } from '../app/caseContext';
import { useNames, useObjectPaths } from '../app/names';
import { today, useWithAsOf } from '../asof/asOf';
import { Empty, ProblemMessage, QueryState } from '../ui/states';
import { lazyPage } from '../app/lazyPage';

// The form (with its pickers and the case schema for a new source) loads when first opened.
const EvidenceForm = lazyPage(() => import('./EvidenceForm').then((m) => m.EvidenceForm));
import { gradeSummary } from './GradePickers';

export function EvidencePage() {
  const caseId = useCaseId();
  const { evidenceId = '' } = useParams();
  const c = useCase(caseId);
  const history = useEvidenceHistory(caseId, evidenceId);
  const canReview = useCan('reviewer');
  const [mode, setMode] = useState<'none' | 'supersede' | 'retract'>('none');
  const client = useQueryClient();
  const navigate = useNavigate();
  const withAsOf = useWithAsOf();
  const pathOf = useObjectPaths(caseId);
  const name = useNames(caseId);

  async function supersede(item: Evidence) {
    await api(`${casePath(caseId)}/evidence/${encodeURIComponent(evidenceId)}/supersede`, { method: 'POST', body: item });
    await invalidateCase(client, caseId);
    setMode('none');
    navigate(withAsOf(`/cases/${encodeURIComponent(caseId)}/evidence/${encodeURIComponent(item.id)}`));
  }

  return (
    <>
      <PageHeading title={`Evidence ${evidenceId}`} />
      <QueryState query={c} what="the case">
        {(cf) => {
          const item = cf.evidence.find((e) => e.id === evidenceId);
          if (!item) return <Empty>There is no evidence item “{evidenceId}” in this case.</Empty>;
          const src = cf.sources.find((s) => s.id === item.source);
          const correctedBy = cf.evidence.filter((e) => e.supersedes === item.id);
          return (
            <>
              <section className="panel" aria-label="Current version">
                <p className="object-text">{item.summary}</p>
                <dl className="facts-grid">
                  <dt>Source</dt><dd>{src ? <>{src.title} ({src.publisher ?? src.kind}, {src.date}){src.url && <> — <a href={src.url} rel="noreferrer noopener" target="_blank">open</a></>}</> : item.source}</dd>
                  <dt>Grade</dt><dd>{gradeSummary(item.reliability ?? src?.reliability, item.credibility)}</dd>
                  <dt>Observed</dt><dd>{item.observed.from}{item.observed.to ? ` – ${item.observed.to}` : ''}</dd>
                  <dt>Recorded</dt><dd>{item.recorded ?? `${src?.date ?? '?'} (the source’s date)`}</dd>
                  {item.supersedes && <><dt>Corrects</dt><dd><Link to={withAsOf(`/cases/${encodeURIComponent(caseId)}/evidence/${item.supersedes}`)}>{name(item.supersedes)}</Link> <span className="small">{item.supersedes}</span></dd></>}
                  {correctedBy.length > 0 && <><dt>Corrected by</dt><dd>{correctedBy.map((e) => <Link key={e.id} to={withAsOf(`/cases/${encodeURIComponent(caseId)}/evidence/${e.id}`)}>{e.id}</Link>)}</dd></>}
                  {item.retracted && <><dt>Retracted</dt><dd className="flag">on {item.retracted.date}: {item.retracted.reason}</dd></>}
                </dl>
                <h2>Bears on</h2>
                {item.bears_on.length === 0 ? <p className="muted">No links.</p> : (
                  <ul>{item.bears_on.map((b) => {
                    const p = pathOf(b.target);
                    return <li key={b.target + b.stance}>{b.stance} {p ? <Link to={withAsOf(p)}>{name(b.target)}</Link> : name(b.target)} <span className="small">{b.target}</span> ({b.strength})</li>;
                  })}</ul>
                )}
              </section>
              {canReview && !item.retracted && (
                <div className="actions">
                  <button type="button" onClick={() => setMode('supersede')}>Supersede (correct)</button>
                  <button type="button" className="danger" onClick={() => setMode('retract')}>Retract</button>
                </div>
              )}
              {mode === 'supersede' && (
                <section className="panel" aria-labelledby="supersede">
                  <h2 id="supersede">Correct this item</h2>
                  <p className="muted">The correction is a new item with a new id; this one stays in the ledger and stops counting once the correction is recorded.</p>
                  <EvidenceForm caseId={caseId} caseFile={cf} initial={item} submitLabel="Save correction" onSubmit={supersede} onCancel={() => setMode('none')} />
                </section>
              )}
              {mode === 'retract' && <RetractForm caseId={caseId} id={evidenceId} onDone={() => setMode('none')} />}
            </>
          );
        }}
      </QueryState>
      <section aria-labelledby="history">
        <h2 id="history">History of versions</h2>
        <QueryState query={history} what="the history">
          {(h) => (
            <ol className="history">
              {h.versions.map((v) => (
                <li key={v.version}>
                  <strong>Version {v.version}</strong> — stored {v.stored_at.replace('T', ' ').slice(0, 19)} by {v.stored_by}
                  {v.item.retracted ? `: retracted on ${v.item.retracted.date} (${v.item.retracted.reason})` : ''}
                  <div className="small">digest {v.digest.slice(0, 16)}…</div>
                </li>
              ))}
            </ol>
          )}
        </QueryState>
      </section>
    </>
  );
}

const BACKDATED_DAYS = 30;

/** Whole days from `date` to `until` (both YYYY-MM-DD); 0 when not a date. */
function daysBefore(date: string, until: string): number {
  const from = Date.parse(`${date}T00:00:00Z`);
  const to = Date.parse(`${until}T00:00:00Z`);
  return Number.isNaN(from) || Number.isNaN(to) ? 0 : Math.round((to - from) / 86_400_000);
}

function RetractForm({ caseId, id, onDone }: { caseId: string; id: string; onDone: () => void }) {
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const client = useQueryClient();
  const backdated = daysBefore(date, today());
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    // A retraction is recorded today; effective long before, it changes what today's knowledge
    // says about those dates (never what was known then). Ask before doing so.
    if (backdated > BACKDATED_DAYS && !window.confirm(`This retraction takes effect ${backdated} days before today. Assessments of those dates made with today's knowledge will change; what was known then stays as it was. Save it?`)) return;
    try {
      await api(`${casePath(caseId)}/evidence/${encodeURIComponent(id)}/retract`, { method: 'POST', body: { date, reason } });
      await invalidateCase(client, caseId);
      onDone();
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section className="panel" aria-labelledby="retract">
      <h2 id="retract">Retract this item</h2>
      <p className="muted">The item stays in the ledger; from the date on it no longer counts. Say why.</p>
      <form onSubmit={submit}>
        <label htmlFor="retract-date">Retracted on</label>
        <input id="retract-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} aria-describedby="retract-date-note" />
        {backdated > BACKDATED_DAYS && (
          <p id="retract-date-note" className="flag" role="note">
            Effective {backdated} days in the past: it will be recorded as made today, so assessments as known before today keep the item.
          </p>
        )}
        <label htmlFor="retract-reason">Reason</label>
        <textarea id="retract-reason" required rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        <ProblemMessage error={error} action="Retraction" />
        <div className="actions"><button type="submit" className="danger">Retract</button><button type="button" className="secondary" onClick={onDone}>Cancel</button></div>
      </form>
    </section>
  );
}
