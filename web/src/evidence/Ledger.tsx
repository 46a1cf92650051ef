// The evidence ledger: filters (kept in the URL, like the as-of date), a sortable page of items,
// and — for analysts and above — the form to add an item.
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { casePath } from '../api/queries';
import { invalidateCase, useCase, useLedger } from '../api/queries';
import type { Evidence } from '../api/types';
import { PageHeading } from '../app/Layout';
import { useCan, useCaseId } from '../app/caseContext';
import { useAsOf, useWithAsOf } from '../asof/asOf';
import { Empty, QueryState } from '../ui/states';
import { lazyPage } from '../app/lazyPage';
import { useNames } from '../app/names';
import { Picker } from '../forms/Picker';
import { choicesFor, type Choice, type LooseCase } from '../forms/options';
import { linkTargets } from '../forms/links';
import { shortLabel } from '../ui/labels';

// The form (with its pickers and the case schema for a new source) loads when first opened.
const EvidenceForm = lazyPage(() => import('./EvidenceForm').then((m) => m.EvidenceForm));

const filterKeys = ['target', 'source', 'grade', 'from', 'to', 'q', 'sort', 'order', 'page'] as const;

export function Ledger() {
  const caseId = useCaseId();
  const [params, setParams] = useSearchParams();
  const query: Record<string, string | undefined> = { per_page: '25' };
  for (const k of filterKeys) query[k] = params.get(k) ?? undefined;
  const ledger = useLedger(caseId, query);
  const c = useCase(caseId);
  const canAdd = useCan('analyst');
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const client = useQueryClient();
  const { asOf } = useAsOf();
  const withAsOf = useWithAsOf();
  const name = useNames(caseId);
  const loose = c.data as unknown as LooseCase | undefined;
  const targets = useMemo(() => choicesFor(loose, linkTargets('evidence', 'bears_on[].target') ?? []), [loose]);
  const sources = useMemo(() => choicesFor(loose, ['sources']), [loose]);

  const setFilters = (values: Record<string, string>) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    for (const k of filterKeys) next.delete(k);
    for (const [k, v] of Object.entries(values)) if (v) next.set(k, v);
    return next;
  });
  const setPage = (page: number) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    next.set('page', String(page));
    return next;
  });

  async function add(item: Evidence) {
    await api(`${casePath(caseId)}/evidence`, { method: 'POST', body: item });
    setAdding(false);
    setAdded(item.id);
    await invalidateCase(client, caseId);
  }

  return (
    <>
      <PageHeading title="Evidence ledger">
        {canAdd && !adding && <button type="button" onClick={() => { setAdding(true); setAdded(null); }}>Add evidence</button>}
      </PageHeading>
      {added && <p role="status" className="notice">Added <Link to={withAsOf(`/cases/${encodeURIComponent(caseId)}/evidence/${added}`)}>{added}</Link>. Statuses were recomputed.</p>}
      {adding && c.data && (
        <section aria-labelledby="add-evidence" className="panel">
          <h2 id="add-evidence">Add an evidence item</h2>
          <EvidenceForm caseId={caseId} caseFile={c.data} submitLabel="Save evidence" onSubmit={add} onCancel={() => setAdding(false)} />
        </section>
      )}
      <Filters key={params.toString()} params={params} onApply={setFilters} targets={targets} sources={sources} />
      <QueryState query={ledger} what="the ledger">
        {(page) => page.items.length === 0 ? <Empty>No evidence matches these filters.</Empty> : (
          <>
            <p className="muted" role="status">{page.total} item(s); page {page.page} of {Math.max(1, Math.ceil(page.total / page.per_page))}.</p>
            <div className="table-scroll">
              <table className="ledger">
                <thead>
                  <tr><th scope="col">Item</th><th scope="col">Observed</th><th scope="col">Recorded</th><th scope="col">Grade</th><th scope="col">Summary</th><th scope="col">Bears on</th></tr>
                </thead>
                <tbody>
                  {page.items.map((e) => (
                    <tr key={e.id} className={e.retracted ? 'retracted' : undefined}>
                      <td><Link to={withAsOf(`/cases/${encodeURIComponent(caseId)}/evidence/${encodeURIComponent(e.id)}`)}>{e.id}</Link>
                        {e.retracted && <div className="flag">retracted {e.retracted.date}</div>}
                        {e.supersedes && <div className="small">corrects {e.supersedes}</div>}
                        <div className="small">{shortLabel(name(e.source), 50)}</div>
                        {e.recorded > asOf && <div className="small">recorded after the as-of date: not counted</div>}
                      </td>
                      <td>{e.observed.from}{e.observed.to ? ` – ${e.observed.to}` : ''}</td>
                      <td>{e.recorded}</td>
                      <td>{e.grade}</td>
                      <td>{e.summary}</td>
                      <td><ul className="plain">{e.bears_on.map((b) => <li key={b.target + b.stance}>{b.stance === 'contradicts' ? '−' : b.stance === 'supports' ? '+' : '○'} <span title={name(b.target)}>{shortLabel(name(b.target), 60)}</span> <span className="small">{b.target} ({b.stance}, {b.strength})</span></li>)}</ul></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav aria-label="Ledger pages" className="pager">
              <button type="button" className="secondary" disabled={page.page <= 1} onClick={() => setPage(page.page - 1)}>Previous page</button>
              <button type="button" className="secondary" disabled={page.page * page.per_page >= page.total} onClick={() => setPage(page.page + 1)}>Next page</button>
            </nav>
          </>
        )}
      </QueryState>
    </>
  );
}

function Filters({ params, onApply, targets, sources }: { params: URLSearchParams; onApply: (v: Record<string, string>) => void; targets: Choice[]; sources: Choice[] }) {
  const initial = Object.fromEntries(filterKeys.map((k) => [k, params.get(k) ?? ''])) as Record<string, string>;
  const [v, setV] = useState(initial);
  const set = (k: string) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ ...v, page: '' });
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Filter the ledger">
      <label>Words in summary <input type="search" value={v.q} onChange={set('q')} /></label>
      <div><label htmlFor="ledger-target">Bears on</label><Picker id="ledger-target" value={v.target ?? ''} choices={targets} onChange={(id) => setV((old) => ({ ...old, target: id }))} /></div>
      <div><label htmlFor="ledger-source">Source</label><Picker id="ledger-source" value={v.source ?? ''} choices={sources} onChange={(id) => setV((old) => ({ ...old, source: id }))} /></div>
      <label>Grade <input value={v.grade} onChange={set('grade')} placeholder="B or B2" pattern="[A-F][1-6]?" size={4} /></label>
      <label>Observed from <input type="date" value={v.from} onChange={set('from')} /></label>
      <label>Observed to <input type="date" value={v.to} onChange={set('to')} /></label>
      <label>Sort by{' '}
        <select value={v.sort || 'recorded'} onChange={set('sort')}>
          <option value="recorded">recorded</option><option value="observed">observed</option><option value="id">id</option><option value="grade">grade</option>
        </select>
      </label>
      <label>Order{' '}
        <select value={v.order || 'desc'} onChange={set('order')}>
          <option value="desc">newest / highest first</option><option value="asc">oldest / lowest first</option>
        </select>
      </label>
      <div className="actions">
        <button type="submit">Apply filters</button>
        <button type="button" className="secondary" onClick={() => { setV(Object.fromEntries(filterKeys.map((k) => [k, '']))); onApply({}); }}>Clear</button>
      </div>
    </form>
  );
}
