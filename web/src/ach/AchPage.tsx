// ACH: the hypothesis sets of the case, and for one set the matrix editor. Ratings are edited
// locally (scores update as you rate) and saved with PUT of the whole hypothesis object.
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { casePath, invalidateCase, useAch, useCase } from '../api/queries';
import type { AchRating, AchResult, CaseFile, Hypothesis } from '../api/types';
import { PageHeading } from '../app/Layout';
import { useCan, useCaseId } from '../app/caseContext';
import { useNames } from '../app/names';
import { useAsOf, useWithAsOf } from '../asof/asOf';
import { Empty, ProblemMessage, QueryState } from '../ui/states';
import { AchMatrix } from './AchMatrix';

export function AchSets() {
  const caseId = useCaseId();
  const c = useCase(caseId);
  const withAsOf = useWithAsOf();
  return (
    <>
      <PageHeading title="Analysis of Competing Hypotheses" />
      <QueryState query={c} what="the case">
        {(cf) => cf.hypotheses.length === 0 ? <Empty>This case has no hypothesis sets.</Empty> : (
          <ul className="cards">
            {cf.hypotheses.map((h) => (
              <li className="card" key={h.id}>
                <h2><Link to={withAsOf(`/cases/${encodeURIComponent(caseId)}/ach/${encodeURIComponent(h.id)}`)}>{h.question}</Link></h2>
                <p className="muted">{h.options.length} options · {new Set(h.ratings.map((r) => r.evidence)).size} items rated</p>
              </li>
            ))}
          </ul>
        )}
      </QueryState>
    </>
  );
}

export function AchPage() {
  const caseId = useCaseId();
  const { setId = '' } = useParams();
  const { asOf } = useAsOf();
  const c = useCase(caseId);
  const result = useAch(caseId, setId, asOf);
  return (
    <>
      <PageHeading title={`ACH ${setId}`} />
      <QueryState query={c} what="the case">
        {(cf) => {
          const h = cf.hypotheses.find((x) => x.id === setId);
          if (!h) return <Empty>No hypothesis set “{setId}” in this case.</Empty>;
          return (
            <QueryState query={result} what="the ACH matrix">
              {(r) => <AchEditor caseId={caseId} caseFile={cf} hypothesis={h} result={r} />}
            </QueryState>
          );
        }}
      </QueryState>
    </>
  );
}

type Draft = Map<string, Record<string, AchRating | null>>;

function draftOf(h: Hypothesis): Draft {
  const d: Draft = new Map();
  for (const r of h.ratings) d.set(r.evidence, { ...(d.get(r.evidence) ?? {}), [r.option]: r.rating });
  return d;
}

function AchEditor({ caseId, caseFile, hypothesis, result }: { caseId: string; caseFile: CaseFile; hypothesis: Hypothesis; result: AchResult }) {
  const canEdit = useCan('analyst');
  const nameOf = useNames(caseId);
  const client = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() => draftOf(hypothesis));
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [adding, setAdding] = useState('');
  useEffect(() => {
    setDraft(draftOf(hypothesis));
    setDirty(false);
  }, [hypothesis]);

  const excluded = useMemo(() => new Map(result.excluded.map((e) => [e.evidence, e.reason])), [result]);
  // g = reliability × credibility under the case's settings, for items the server has not scored yet.
  const gOf = useMemo(() => {
    const fromServer = new Map(result.matrix.map((m) => [m.evidence, { g: m.g, grade: m.grade }]));
    const sources = new Map(caseFile.sources.map((s) => [s.id, s.reliability]));
    return (id: string) => {
      const known = fromServer.get(id);
      if (known) return known;
      const e = caseFile.evidence.find((x) => x.id === id);
      if (!e) return null;
      const letter = e.reliability ?? sources.get(e.source) ?? 'F';
      const g = (result.settings.reliability[letter] ?? 0.5) * (result.settings.credibility[String(e.credibility)] ?? 0.5);
      return { g, grade: `${letter}${e.credibility}` };
    };
  }, [result, caseFile]);

  const rows = [...draft.entries()]
    .filter(([id]) => !excluded.has(id) && gOf(id))
    .map(([id, ratings]) => ({ evidence: id, ratings, ...gOf(id)! }));
  const unrated = caseFile.evidence.filter((e) => !draft.has(e.id) && !e.retracted);

  const rate = (evidence: string, option: string, rating: AchRating | null) => {
    setDraft((d) => new Map(d).set(evidence, { ...(d.get(evidence) ?? {}), [option]: rating }));
    setDirty(true);
    setSaved(false);
  };

  async function save() {
    setError(null);
    const ratings = [...draft.entries()].flatMap(([evidence, cells]) =>
      hypothesis.options.flatMap((o) => (cells[o.id] ? [{ evidence, option: o.id, rating: cells[o.id] as AchRating }] : [])));
    try {
      await api(`${casePath(caseId)}/objects/hypotheses/${encodeURIComponent(hypothesis.id)}`, { method: 'PUT', body: { ...hypothesis, ratings } });
      await invalidateCase(client, caseId);
      // The re-fetched hypothesis resets the draft; when nothing changed there is no new object,
      // so mark the draft clean here too.
      setDirty(false);
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <>
      <p className="object-text">{hypothesis.question}</p>
      <p className="muted">Server reading as of {result.as_of ?? 'now'}: {result.reading}</p>
      <AchMatrix options={hypothesis.options} rows={rows} readOnly={!canEdit} onRate={rate} nameOf={nameOf} />
      {canEdit && (
        <div className="actions">
          <label>Rate another item{' '}
            <select value={adding} onChange={(e) => setAdding(e.target.value)}>
              <option value="">— choose an evidence item —</option>
              {unrated.map((e) => <option key={e.id} value={e.id}>{e.id}</option>)}
            </select>
          </label>
          <button type="button" className="secondary" disabled={!adding} onClick={() => { setDraft((d) => new Map(d).set(adding, {})); setAdding(''); }}>Add row</button>
          <button type="button" disabled={!dirty} onClick={save}>Save ratings</button>
          {dirty && <span className="muted">Unsaved changes: scores above are computed locally.</span>}
          {saved && !dirty && <span role="status">Saved; scores re-fetched from the server.</span>}
        </div>
      )}
      <ProblemMessage error={error} action="Saving the ratings" />
      {result.excluded.length > 0 && (
        <details>
          <summary>{result.excluded.length} rated item(s) not counting at this date</summary>
          <ul>{result.excluded.map((e) => <li key={e.evidence}><code>{e.evidence}</code>: {e.reason}</li>)}</ul>
        </details>
      )}
    </>
  );
}
