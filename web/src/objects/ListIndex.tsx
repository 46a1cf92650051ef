// The index page of a kind without an assessment status (actors, sources, relationships,
// positions, hypothesis sets, indicators, tripwires): every object by its name, counts per kind
// (click one to filter), a word filter and sortable columns, all kept in the URL; relationships
// say whether they are in force and tripwires whether they fire at the as-of date.
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useAlerts, useCase } from '../api/queries';
import { PageHeading } from '../app/Layout';
import { useCan, useCaseId } from '../app/caseContext';
import { useAsOf, useWithAsOf } from '../asof/asOf';
import { StatusBadge, statusWords } from '../ui/StatusBadge';
import { shortLabel } from '../ui/labels';
import { Empty, QueryState } from '../ui/states';
import { isEditableList, type EditableList } from '../forms/lists';
import { kinds } from '../forms/kinds';
import { keyOf, newPath, viewPath } from '../forms/paths';
import { nameTable, type LooseCase } from '../forms/options';
import { listViews } from './listColumns';

type Obj = Record<string, unknown>;

export function ListIndex() {
  const { list = '' } = useParams();
  const view = isEditableList(list) ? listViews[list] : undefined;
  if (!isEditableList(list) || !view) return <><PageHeading title="Not a kind of object" /><Empty>There is no index of “{list}”.</Empty></>;
  return <KnownIndex key={list} list={list} />;
}

function KnownIndex({ list }: { list: EditableList }) {
  const caseId = useCaseId();
  const c = useCase(caseId);
  const { asOf } = useAsOf();
  const alerts = useAlerts(caseId, asOf);
  const canEdit = useCan('analyst');
  const withAsOf = useWithAsOf();
  const words = kinds[list];
  const firing = useMemo(() => new Set((alerts.data?.alerts ?? []).map((a) => a.tripwire)), [alerts.data]);
  const statusOf = list === 'tripwires'
    ? (o: Obj) => (alerts.data ? (firing.has(String(o['id'])) ? 'firing' : 'quiet') : 'unknown')
    : listViews[list]?.status ? (o: Obj) => listViews[list]!.status!(o, asOf) : undefined;
  return (
    <>
      <PageHeading title={words.many}>
        <p className="muted">{words.intro}</p>
        {canEdit && <p><Link className="button" to={withAsOf(newPath(caseId, list))}>New {words.one}</Link></p>}
      </PageHeading>
      <QueryState query={c} what="the case">
        {(cf) => <IndexTable caseId={caseId} list={list} caseFile={cf as unknown as LooseCase} statusOf={statusOf} />}
      </QueryState>
    </>
  );
}

function IndexTable({ caseId, list, caseFile, statusOf }: { caseId: string; list: EditableList; caseFile: LooseCase; statusOf?: (o: Obj) => string }) {
  const [params, setParams] = useSearchParams();
  const withAsOf = useWithAsOf();
  const view = listViews[list]!;
  const names = useMemo(() => nameTable(caseFile), [caseFile]);
  const name = (id: string) => names.get(id) ?? id;
  const items = (Array.isArray(caseFile[list]) ? caseFile[list] : []) as Obj[];
  const typed = params.get('q') ?? '';
  const facet = params.get('kind') ?? '';
  const sort = Number(params.get('sort') ?? '0');
  const set = (key: string, value: string) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    if (value) next.set(key, value);
    else next.delete(key);
    return next;
  });
  const facetOf = (o: Obj) => (view.facet ? String(o[view.facet] ?? '') : '');
  const counts = useMemo(() => {
    const out = new Map<string, number>();
    if (view.facet) for (const o of items) out.set(facetOf(o), (out.get(facetOf(o)) ?? 0) + 1);
    return [...out].sort((x, y) => y[1] - x[1]);
  }, [items, view.facet]);
  const cells = (o: Obj) => view.columns.map((col) => col.value(o, name));
  const rows = items
    .map((o) => ({ o, key: keyOf(list, o), cells: cells(o), status: statusOf?.(o) }))
    .filter((r) => (!facet || facetOf(r.o) === facet) && (!typed || `${r.key} ${r.cells.join(' ')}`.toLowerCase().includes(typed.toLowerCase())))
    .sort((x, y) => (sort === -1 ? String(x.status).localeCompare(String(y.status)) : (x.cells[sort] ?? '').localeCompare(y.cells[sort] ?? '')) || x.key.localeCompare(y.key));
  const sortButton = (i: number, label: string) => (
    <button type="button" className="link" aria-pressed={sort === i} onClick={() => set('sort', i === 0 ? '' : String(i))}>{label}{sort === i ? ' ▲' : ''}</button>
  );
  if (items.length === 0) return <Empty>This case has no {kinds[list].many.toLowerCase()} yet.</Empty>;
  return (
    <>
      {view.facet && (
        <p aria-label={`Counts per ${view.facet}`} data-testid="facet-counts">
          {counts.map(([v, n]) => (
            <button key={v} type="button" className="chip" aria-pressed={facet === v} onClick={() => set('kind', facet === v ? '' : v)}>{statusWords(v) || '—'} {n}</button>
          ))}
        </p>
      )}
      <form className="inline" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="list-words">Words</label>
        <input id="list-words" type="search" value={typed} onChange={(e) => set('q', e.target.value)} />
        <span className="muted" role="status">{rows.length} of {items.length}</span>
      </form>
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`${kinds[list].many}, scrolls sideways`}>
        <table>
          <thead>
            <tr>
              {view.columns.map((col, i) => <th scope="col" key={col.label}>{sortButton(i, col.label)}</th>)}
              {statusOf && <th scope="col">{sortButton(-1, 'At the as-of date')}</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row"><Link to={withAsOf(viewPath(caseId, list, r.key))} title={r.cells[0]}>{shortLabel(r.cells[0] || r.key, 90)}</Link><div className="small">{r.key}</div></th>
                {r.cells.slice(1).map((v, i) => <td key={i}>{shortLabel(v, 80) || '—'}</td>)}
                {statusOf && <td><StatusBadge status={r.status} /></td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
