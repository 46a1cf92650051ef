// The case's own block (title, subject, period, marking, summary) and its `assessment:`
// settings, edited with the same schema form; owners only. The write sends If-Match.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { invalidateCase, useCase } from '../api/queries';
import { PageHeading } from '../app/Layout';
import { useCan, useCaseId } from '../app/caseContext';
import { Empty, ProblemMessage, QueryState } from '../ui/states';
import { ConflictError, getTagged, writeTagged, type Tagged } from './request';
import { placeErrors } from './fieldErrors';
import { pruned, settingsSchema } from './schema';
import { SchemaFields } from './SchemaForm';
import { ConflictPanel } from './ConflictPanel';
import type { LooseCase } from './options';

type Obj = Record<string, unknown>;

export function SettingsPage() {
  const caseId = useCaseId();
  const c = useCase(caseId);
  const isOwner = useCan('owner');
  const path = `/api/cases/${encodeURIComponent(caseId)}/settings`;
  const current = useQuery({ queryKey: ['settings', caseId], queryFn: () => getTagged<Obj>(path), staleTime: 0, gcTime: 0 });
  if (c.data && !isOwner) return <><PageHeading title="Case settings" /><Empty>Only the case’s owner changes its settings.</Empty></>;
  return (
    <>
      <PageHeading title="Case settings"><p className="muted">The case’s title, subject, period and marking, and overrides of the assessment’s defaults (docs: assessment).</p></PageHeading>
      <QueryState query={current} what="the settings">
        {(s) => <SettingsForm key={caseId} path={path} initial={s} caseId={caseId} caseFile={c.data as unknown as LooseCase | undefined} />}
      </QueryState>
    </>
  );
}

function SettingsForm({ path, initial, caseId, caseFile }: { path: string; initial: Tagged<Obj>; caseId: string; caseFile: LooseCase | undefined }) {
  const client = useQueryClient();
  const [value, setValue] = useState<Obj>({ case: initial.data['case'] ?? {}, assessment: initial.data['assessment'] ?? {} });
  const [etag, setEtag] = useState(initial.etag);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Tagged<unknown> | null>(null);
  const [saved, setSaved] = useState(false);
  const placed = placeErrors(error, 'settings');

  async function save(ifMatch: string | null) {
    setError(null);
    setSaved(false);
    try {
      const body = { case: pruned(value['case']) ?? {}, assessment: pruned(value['assessment']) ?? {} };
      const result = await writeTagged<Obj>('PUT', path, body, ifMatch);
      // The form stays (the refetch after the write must not wipe “Saved.”) and shows what was stored.
      setValue({ case: result.data['case'] ?? {}, assessment: result.data['assessment'] ?? {} });
      setEtag(result.etag);
      setConflict(null);
      setSaved(true);
      await invalidateCase(client, caseId);
    } catch (err) {
      if (err instanceof ConflictError) setConflict(err.current);
      else setError(err);
    }
  }
  const submit = (e: FormEvent) => { e.preventDefault(); void save(etag); };
  return (
    <form className="schema-form" onSubmit={submit} aria-label="Case settings" noValidate>
      {conflict && (
        <ConflictPanel
          mine={value}
          theirs={(conflict.data ?? {}) as Obj}
          onTakeTheirs={() => { const t = (conflict.data ?? {}) as Obj; setValue({ case: t['case'] ?? {}, assessment: t['assessment'] ?? {} }); setEtag(conflict.etag); setConflict(null); }}
          onOverwrite={() => void save(conflict.etag)}
        />
      )}
      <SchemaFields schema={settingsSchema()} value={value} onChange={setValue} ctx={{ list: 'settings', caseFile, own: value, errors: placed.fields, idPrefix: 'settings' }} skip={[]} />
      {error != null && <ProblemMessage error={error} action="Saving the settings" />}
      {saved && <p className="notice" role="status">Saved.</p>}
      <div className="actions"><button type="submit">Save settings</button></div>
    </form>
  );
}
