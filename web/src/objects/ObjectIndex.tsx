// Index pages for the four kinds that have a status: every commitment, condition, leverage
// instrument and claim of the case with its status at the as-of date, counts per status, a word
// filter, a status filter and sortable columns. Filters and sorting live in the URL. The claims
// index is the claims audit: each claim's verdict when it was made and now.
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useAssessment, useCase } from '../api/queries';
import type { Assessment, CaseFile } from '../api/types';
import { PageHeading } from '../app/Layout';
import { useCan, useCaseId } from '../app/caseContext';
import { newPath } from '../forms/paths';
import { kinds } from '../forms/kinds';
import { useNames } from '../app/names';
import { useAsOf, useWithAsOf } from '../asof/asOf';
import { StatusBadge, statusWords } from '../ui/StatusBadge';
import { shortLabel } from '../ui/labels';
import { QueryState } from '../ui/states';
import type { ObjectKind } from './ObjectPage';

interface Row {
  id: string;
  text: string;
  /** Who made, set, holds or said it. */
  who: string;
  date: string;
  status: string;
  confidence: string | null;
  /** Claims only: the verdict when made. */
  then?: string;
  flagged: boolean;
}

const titles: Record<ObjectKind, string> = { commitments: 'Commitments', conditions: 'Conditions', leverage: 'Leverage', claims: 'Claims audit' };
const intros: Record<ObjectKind, string> = {
  commitments: 'What the party pledged, and whether the evidence shows each pledge kept at the as-of date.',
  conditions: 'What the engaging states require before they release leverage, and whether each is met.',
  leverage: 'What the engaging states hold, and whether the conditions say to withhold or release it. Flagged: released against conditions.',
  claims: 'Every official claim: its verdict with what was known when it was made, and now. Flagged: contradicted when made.',
};

export function ObjectIndex({ kind }: { kind: ObjectKind }) {
  const caseId = useCaseId();
  const { asOf } = useAsOf();
  const c = useCase(caseId);
  const a = useAssessment(caseId, asOf);
  const canEdit = useCan('analyst');
  const withAsOf = useWithAsOf();
  return (
    <>
      <PageHeading title={titles[kind]}>
        <p className="muted">{intros[kind]}</p>
        {canEdit && <p><Link className="button" to={withAsOf(newPath(caseId, kind))}>New {kinds[kind].one}</Link></p>}
      </PageHeading>
      <QueryState query={c} what="the case">
        {(cf) => <QueryState query={a} what="the assessment">{(as) => <IndexTable kind={kind} caseId={caseId} rows={rowsOf(kind, cf, as)} />}</QueryState>}
      </QueryState>
    </>
  );
}

function IndexTable({ kind, caseId, rows }: { kind: ObjectKind; caseId: string; rows: Row[] }) {
  const [params, setParams] = useSearchParams();
  const name = useNames(caseId);
  const withAsOf = useWithAsOf();
  const words = params.get('q') ?? '';
  const status = params.get('status') ?? '';
  const sort = (params.get('sort') ?? 'id') as keyof Row;
  const set = (key: string, value: string) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  });
  const counts = useMemo(() => {
    const out = new Map<string, number>();
    for (const r of rows) out.set(r.status, (out.get(r.status) ?? 0) + 1);
    return [...out].sort((x, y) => y[1] - x[1]);
  }, [rows]);
  const shown = rows
    .filter((r) => (!status || r.status === status) && (!words || `${r.id} ${r.text} ${name(r.who)}`.toLowerCase().includes(words.toLowerCase())))
    .sort((x, y) => String(x[sort] ?? '').localeCompare(String(y[sort] ?? '')) || x.id.localeCompare(y.id));
  const path = (id: string) => withAsOf(`/cases/${encodeURIComponent(caseId)}/${kind}/${encodeURIComponent(id)}`);
  const sortButton = (key: keyof Row, label: string) => (
    <button type="button" className="link" aria-pressed={sort === key} onClick={() => set('sort', key === 'id' ? '' : key)}>{label}{sort === key ? ' ▲' : ''}</button>
  );
  return (
    <>
      <p aria-label="Counts per status" data-testid="status-counts">
        {counts.map(([s, n]) => (
          <button key={s} type="button" className="chip" aria-pressed={status === s} onClick={() => set('status', status === s ? '' : s)}>
            <StatusBadge status={s} /> {n}
          </button>
        ))}
      </p>
      <form className="inline" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="index-words">Words</label>
        <input id="index-words" type="search" value={words} onChange={(e) => set('q', e.target.value)} />
        <label htmlFor="index-status">Status</label>
        <select id="index-status" value={status} onChange={(e) => set('status', e.target.value)}>
          <option value="">any</option>
          {counts.map(([s]) => <option key={s} value={s}>{statusWords(s)}</option>)}
        </select>
        <span className="muted" role="status">{shown.length} of {rows.length}</span>
      </form>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`${titles[kind]}, scrolls sideways`}>
        <table>
          <thead>
            <tr>
              <th scope="col">{sortButton('text', kind === 'claims' ? 'Claim' : 'Text')}</th>
              <th scope="col">{sortButton('who', kind === 'claims' ? 'By' : kind === 'leverage' ? 'Held by' : kind === 'conditions' ? 'Set by' : 'By')}</th>
              <th scope="col">{sortButton('date', kind === 'conditions' ? 'Set' : kind === 'leverage' ? 'Review' : 'Made')}</th>
              {kind === 'claims' && <th scope="col">{sortButton('then', 'When made')}</th>}
              <th scope="col">{sortButton('status', kind === 'claims' ? 'Now' : kind === 'leverage' ? 'Recommendation' : 'Status')}</th>
              {kind !== 'claims' && <th scope="col">Confidence</th>}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} className={r.flagged ? 'flagged' : undefined}>
                <th scope="row"><Link to={path(r.id)} title={r.text}>{shortLabel(r.text, 90)}</Link><div className="small">{r.id}{r.flagged && <strong className="flag"> ⚑ {kind === 'claims' ? 'contradicted when made' : 'released against conditions'}</strong>}</div></th>
                <td>{r.who.split(', ').map(name).join(', ')}</td>
                <td>{r.date || '—'}</td>
                {kind === 'claims' && <td><StatusBadge status={r.then} /></td>}
                <td><StatusBadge status={r.status} /></td>
                {kind !== 'claims' && <td>{r.confidence ?? '—'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function rowsOf(kind: ObjectKind, c: CaseFile, a: Assessment): Row[] {
  if (kind === 'commitments') {
    return c.commitments.map((o) => {
      const r = a.commitments.find((x) => x.id === o.id);
      return { id: o.id, text: o.text, who: o.by, date: o.made, status: r?.status ?? 'unknown', confidence: r?.confidence ?? null, flagged: false };
    });
  }
  if (kind === 'conditions') {
    return c.conditions.map((o) => {
      const r = a.conditions.find((x) => x.id === o.id);
      return { id: o.id, text: o.text, who: o.set_by.join(', '), date: o.set ?? '', status: r?.status ?? 'unknown', confidence: r?.confidence ?? null, flagged: false };
    });
  }
  if (kind === 'leverage') {
    return c.leverage.map((o) => {
      const r = a.leverage.find((x) => x.id === o.id);
      return { id: o.id, text: o.text, who: o.held_by, date: o.review ?? '', status: r?.recommendation ?? 'review', confidence: r?.confidence ?? null, flagged: (r?.flags.length ?? 0) > 0 };
    });
  }
  return c.claims.map((o) => {
    const r = a.claims.find((x) => x.id === o.id);
    return { id: o.id, text: o.text, who: o.by, date: o.made, then: r?.verdict_when_made ?? 'not_yet_made', status: r?.verdict_now ?? 'not_yet_made', confidence: null, flagged: r?.contradicted_when_made ?? false };
  });
}
