// The audit log for instance admins: whether the chain verifies, and its entries newest first, a
// page at a time, by action or case. Who did what is shown by name.
import { useState, type FormEvent } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, apiPath } from '../api/client';
import { useMe } from '../api/queries';
import { PageHeading } from '../app/Layout';
import { Empty, QueryState } from '../ui/states';
import { AdminNav } from './AdminNav';
import { actorName, when, type AuditPage as Page, type AuditVerify } from './types';

const PAGE = 50;

export function AuditPage() {
  const me = useMe();
  const admin = me.data?.is_admin === true;
  const verify = useQuery({ queryKey: ['admin', 'audit-verify'], queryFn: () => api<AuditVerify>('/api/audit/verify'), enabled: admin });
  // Cursors of the pages seen so far, so "Newer" goes back exactly.
  const [cursors, setCursors] = useState<Array<number | undefined>>([undefined]);
  const [filter, setFilter] = useState({ action: '', case: '' });
  const [draft, setDraft] = useState(filter);
  const before = cursors.at(-1);
  const entries = useQuery({
    queryKey: ['admin', 'audit', filter, before],
    queryFn: () => api<Page>(apiPath('/api/audit/entries', { limit: PAGE, before, action: filter.action || undefined, case: filter.case || undefined })),
    enabled: admin,
    placeholderData: keepPreviousData,
  });
  const apply = (e: FormEvent) => {
    e.preventDefault();
    setFilter(draft);
    setCursors([undefined]);
  };

  if (me.data && !admin) return <><PageHeading title="Audit log" /><AdminNav /><Empty>Only instance admins read the audit log.</Empty></>;
  return (
    <>
      <PageHeading title="Audit log" />
      <AdminNav />
      <section aria-labelledby="verify" className="panel">
        <h2 id="verify">Integrity</h2>
        <QueryState query={verify} what="the check of the chain">
          {(v) => v.ok
            ? <p role="status"><span className="badge tone-good">intact</span> {v.entries.toLocaleString()} entries chain correctly and the {v.rows.toLocaleString()} rows they cover are unchanged. Newest hash <code>{v.head.slice(0, 16)}…</code>{v.keyed_from !== null ? `; keyed from entry ${v.keyed_from}` : ''}.</p>
            : <p role="alert"><span className="badge tone-bad">broken</span> {v.reason}{v.first_bad !== null ? ` (first bad entry: ${v.first_bad})` : ''}</p>}
        </QueryState>
        <div className="actions"><button type="button" className="secondary" onClick={() => void verify.refetch()}>Check again</button></div>
      </section>
      <form className="filters" onSubmit={apply} aria-label="Filter the entries">
        <label htmlFor="audit-action">Action</label>
        <input id="audit-action" placeholder="e.g. user.disable" value={draft.action} onChange={(e) => setDraft({ ...draft, action: e.target.value.trim() })} />
        <label htmlFor="audit-case">Case</label>
        <input id="audit-case" placeholder="case id" value={draft.case} onChange={(e) => setDraft({ ...draft, case: e.target.value.trim() })} />
        <button type="submit">Show</button>
      </form>
      <QueryState query={entries} what="the entries">
        {(page) => page.entries.length === 0 ? <Empty>No entry matches.</Empty> : (
          <>
            <div className="table-scroll">
              <table>
                <caption>{page.total.toLocaleString()} entries{filter.action || filter.case ? ' match' : ''}; newest first</caption>
                <thead><tr><th scope="col" className="num">#</th><th scope="col">When (UTC)</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Case</th><th scope="col">What</th><th scope="col" className="num">Rows</th></tr></thead>
                <tbody>
                  {page.entries.map((e) => (
                    <tr key={e.seq}>
                      <td className="num">{e.seq}</td>
                      <td>{when(e.at)}</td>
                      <td>{actorName(e.actor)}</td>
                      <td><code>{e.action}</code></td>
                      <td>{e.case_id ?? ''}</td>
                      <td>{e.object_ids.slice(0, 5).join(', ')}{e.object_ids.length > 5 ? ` and ${e.object_ids.length - 5} more` : ''}</td>
                      <td className="num">{e.rows}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav aria-label="Audit log pages" className="pager">
              <button type="button" className="secondary" disabled={cursors.length <= 1} onClick={() => setCursors(cursors.slice(0, -1))}>Newer entries</button>
              <button type="button" className="secondary" disabled={page.next_before === null} onClick={() => page.next_before !== null && setCursors([...cursors, page.next_before])}>Older entries</button>
            </nav>
          </>
        )}
      </QueryState>
    </>
  );
}
