// Sanctions screening: the case's persons with their matches and the decisions in force
// (GET …/screening), a new stored run of every person (POST …/screening, analyst+), screening of
// pasted names (POST /api/screen), and decisions — confirmed or false positive, with a reason —
// that stay with the person and the listed entry (POST …/screening/decisions, reviewer+).
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { api, isNotFound } from '../api/client';
import { casePath, invalidateCase, useCase, useCaseScreening } from '../api/queries';
import type { CaseScreeningRun, ScreenMatch, ScreenResponse, ScreenResult, StoredScreening } from '../api/types';
import { PageHeading } from '../app/Layout';
import { useCan, useCaseId } from '../app/caseContext';
import { useNames } from '../app/names';
import { Empty, Loading, ProblemMessage } from '../ui/states';
import { MatchRow } from './MatchRow';

export function ScreeningPage() {
  const caseId = useCaseId();
  const stored = useCaseScreening(caseId);
  const c = useCase(caseId);
  const canRun = useCan('analyst');
  const client = useQueryClient();
  const [run, setRun] = useState<CaseScreeningRun | null>(null);
  const [pasted, setPasted] = useState('');
  const [adHoc, setAdHoc] = useState<ScreenResult[] | null>(null);
  const [error, setError] = useState<{ action: string; error: unknown } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const persons = (c.data?.actors ?? []).filter((a) => a.kind === 'person');

  async function attempt(action: string, work: () => Promise<void>) {
    setBusy(action);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError({ action, error: err });
    } finally {
      setBusy(null);
    }
  }
  const screenCase = () => attempt('Screening the case’s persons', async () => {
    setRun(await api<CaseScreeningRun>(`${casePath(caseId)}/screening`, { method: 'POST', body: {} }));
    await invalidateCase(client, caseId);
  });
  const screenNames = (names: string[]) => attempt('Screening the names', async () => {
    setAdHoc((await api<ScreenResponse>('/api/screen', { method: 'POST', body: { names } })).results);
  });

  return (
    <>
      <PageHeading title="Sanctions screening">
        <p><Link to={`/cases/${encodeURIComponent(caseId)}/screening/review`}>Review the stored run’s matches</Link> — by decision, with the listing details</p>
      </PageHeading>
      <section aria-labelledby="case-persons">
        <h2 id="case-persons">The case’s {persons.length} persons</h2>
        {canRun && (
          <div className="actions">
            <button type="button" onClick={() => void screenCase()} disabled={busy !== null}>Screen the case’s persons now</button>
            <span className="muted">The run is stored; the next one says what changed.</span>
          </div>
        )}
        {busy && <Loading what={busy} />}
        {error && <ProblemMessage error={error.error} action={error.action} />}
        {stored.isPending ? <Loading what="Loading the case’s screening" />
          : stored.error ? (isNotFound(stored.error)
            ? <Empty>The stored screening of this case is not available from this server (the route answered 404).</Empty>
            : <ProblemMessage error={stored.error} action="Loading the screening" />)
          : <CaseMatches caseId={caseId} stored={stored.data} run={run} />}
      </section>
      <section aria-labelledby="screen-names" className="panel">
        <h2 id="screen-names">Screen other names</h2>
        <form onSubmit={(e: FormEvent) => { e.preventDefault(); void screenNames(pasted.split('\n').map((n) => n.trim()).filter(Boolean)); }}>
          <label htmlFor="names">Names, one a line</label>
          <textarea id="names" rows={4} value={pasted} onChange={(e) => setPasted(e.target.value)} />
          <div className="actions"><button type="submit" disabled={busy !== null || !pasted.trim()}>Screen these names</button></div>
        </form>
        {adHoc && (adHoc.every((r) => r.matches.length === 0) ? <p role="status">No candidate match for these names.</p> : adHoc.map((r) => (
          <article key={r.query} className="screen-result">
            <h3>{r.query}</h3>
            {r.matches.length === 0 ? <p className="muted">No candidate match.</p> : (
              <ul className="plain">
                {r.matches.map((m) => <MatchRow key={`${m.list}-${m.ref}`} caseId={caseId} match={m} person={persons.find((p) => p.name === r.query)?.id} />)}
              </ul>
            )}
          </article>
        )))}
      </section>
    </>
  );
}

/** The stored run's matches per person, with the decisions in force; details from a fresh run when there is one. */
function CaseMatches({ caseId, stored, run }: { caseId: string; stored: StoredScreening; run: CaseScreeningRun | null }) {
  const name = useNames(caseId);
  if (!stored.last && !run) return <Empty>The case’s persons have not been screened yet.</Empty>;
  const detail = new Map<string, ScreenMatch>((run?.results ?? []).flatMap((r) => r.matches.map((m) => [`${r.person ?? ""}|${m.list}|${m.ref}`, m] as [string, ScreenMatch])));
  const decisions = new Map(stored.decisions.map((d) => [`${d.person_id}|${d.list}|${d.ref}`, d]));
  const byPerson = Object.entries(stored.last?.matches ?? {}).filter(([, ms]) => ms.length > 0);
  return (
    <>
      <p className="muted">
        Last screened {stored.last ? `${stored.last.screened_at.replace('T', ' ').slice(0, 16)} by ${stored.last.screened_by}` : 'just now'}
        {stored.last ? ` against ${Object.entries(stored.last.versions).map(([list, v]) => `${list} ${v}`).join(', ')}` : ''}; {byPerson.length} person(s) with candidate matches.
      </p>
      {byPerson.map(([person, matches]) => (
        <article key={person} className="screen-result">
          <h3>{name(person)} <span className="small">({person})</span></h3>
          <ul className="plain">
            {matches.map((m) => {
              const key = `${person}|${m.list}|${m.ref}`;
              const d = decisions.get(key);
              // Runs stored since 0.1.3 keep the listed name and the explanation; older ones only the matched name.
              const kept = m as typeof m & { name?: string; explanation?: string; strong?: boolean };
              const full: ScreenMatch = detail.get(key) ?? { ...m, name: kept.name ?? m.matched_name, explanation: kept.explanation ?? '', ...(kept.strong !== undefined ? { strong: kept.strong } : {}) };
              return <MatchRow key={key} caseId={caseId} person={person} match={{ ...full, ...(d ? { decision: { decision: d.decision, reason: d.reason, actor: d.actor, decided_at: d.decided_at } } : {}) }} />;
            })}
          </ul>
        </article>
      ))}
    </>
  );
}
