// Create or edit one object of a case list with the schema form. A new object gets a readable
// id made from its title (editable); an edit sends the ETag it read as If-Match, and a conflict
// shows both versions. Problems from the API appear at their fields.
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { ProblemMessage } from '../ui/states';
import { ConflictError, writeTagged, type Tagged } from './request';
import { placeErrors } from './fieldErrors';
import { itemSchema, pruned, type EditableList } from './schema';
import { kinds } from './kinds';
import { newId } from './slug';
import { SchemaFields, type FormContext } from './SchemaForm';
import { ConflictPanel } from './ConflictPanel';
import type { LooseCase } from './options';
import type { LinkTarget } from './links';

type Obj = Record<string, unknown>;

export interface ObjectFormProps {
  caseId: string;
  list: EditableList;
  caseFile: LooseCase | undefined;
  /** The object and its ETag when editing; absent when creating. */
  existing?: Tagged<Obj> & { key: string };
  /** Starting values of a new object. */
  draft?: Obj;
  onSaved: (saved: Tagged<Obj>) => void;
  onCancel?: () => void;
  createLink?: (targets: readonly LinkTarget[], choose: (id: string) => void) => ReactNode;
}

const enc = encodeURIComponent;

/**
 * Items of a list inside the object that need their own id (a hypothesis set's options) get a
 * slug of their text when left empty, as the object itself does: nobody has to invent ids.
 */
export function withNestedIds(o: Obj, taken: Set<string>): Obj {
  const out: Obj = { ...o };
  for (const [key, v] of Object.entries(o)) {
    if (!Array.isArray(v)) continue;
    out[key] = v.map((item: unknown) => {
      if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
      const x = item as Obj;
      if (x['id'] || typeof x['text'] !== 'string') return item;
      const made = newId(key, x['text'], taken);
      if (!made) return item;
      taken.add(made);
      return { id: made, ...x };
    });
  }
  return out;
}

export function ObjectForm({ caseId, list, caseFile, existing, draft, onSaved, onCancel, createLink }: ObjectFormProps) {
  const schema = itemSchema(list);
  const [value, setValue] = useState<Obj>(existing?.data ?? draft ?? {});
  const [etag, setEtag] = useState(existing?.etag ?? null);
  const [typedId, setTypedId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState<Tagged<unknown> | null>(null);
  const [busy, setBusy] = useState(false);
  const words = kinds[list];
  const prefix = `${list}-form`;

  // Ids are unique across the whole case, hypothesis options included.
  const taken = useMemo(() => new Set(Object.values(caseFile ?? {}).flatMap((v) => (Array.isArray(v)
    ? v.flatMap((o: Obj) => [String(o?.['id'] ?? ''), ...(Array.isArray(o?.['options']) ? (o['options'] as Obj[]).map((x) => String(x?.['id'] ?? '')) : [])])
    : []))), [caseFile]);
  // Positions may go without an id (they are known by party and condition); others need one.
  const idOptional = list === 'positions';
  const autoId = newId(list, String(value[words.title] ?? ''), taken);
  const id = existing ? String(existing.data['id'] ?? '') : typedId ?? (idOptional ? '' : autoId);
  const placed = placeErrors(error, list);
  const ctx: FormContext = { list, caseFile, own: value, errors: placed.fields, idPrefix: prefix, createLink };

  async function save(ifMatch: string | null) {
    setError(null);
    setBusy(true);
    try {
      const body = withNestedIds((pruned({ ...value, ...(id ? { id } : {}) }) ?? {}) as Obj, new Set([...taken, id]));
      const saved = existing
        ? await writeTagged<Obj>('PUT', `/api/cases/${enc(caseId)}/objects/${list}/${enc(existing.key)}`, body, ifMatch)
        : await writeTagged<Obj>('POST', `/api/cases/${enc(caseId)}/objects/${list}`, body);
      setConflict(null);
      onSaved(saved);
    } catch (err) {
      if (err instanceof ConflictError) setConflict(err.current);
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    // A form in a dialog opened from another form: its submit is its own.
    e.stopPropagation();
    void save(etag);
  };

  return (
    <form className="schema-form" onSubmit={submit} aria-label={existing ? `Edit ${words.one}` : `New ${words.one}`} noValidate>
      {conflict && (
        <ConflictPanel
          mine={value}
          theirs={(conflict.data ?? {}) as Obj}
          onTakeTheirs={() => { setValue((conflict.data ?? {}) as Obj); setEtag(conflict.etag); setConflict(null); }}
          onOverwrite={() => { setEtag(conflict.etag); void save(conflict.etag); }}
        />
      )}
      <div className="field">
        <label htmlFor={`${prefix}-id`}>Id {existing ? <span className="small">(cannot change)</span> : <span className="small">(made from the {words.title}; you may change it)</span>}</label>
        <input
          id={`${prefix}-id`}
          value={id}
          readOnly={!!existing}
          aria-invalid={placed.fields.has('id') || undefined}
          aria-describedby={placed.fields.has('id') ? `${prefix}-id-error` : undefined}
          pattern="[a-z0-9]+(-[a-z0-9]+)*"
          onChange={(e) => setTypedId(e.target.value)}
        />
        {placed.fields.has('id') && <p id={`${prefix}-id-error`} className="field-error">{placed.fields.get('id')}</p>}
      </div>
      <SchemaFields schema={schema} value={value} onChange={setValue} ctx={ctx} skip={['id']} />
      {error != null && <ProblemMessage error={error} action={existing ? 'Saving' : 'Creating'} />}
      {placed.general.length > 0 && <ul className="field-error">{placed.general.map((g) => <li key={g}>{g}</li>)}</ul>}
      <div className="actions">
        <button type="submit" disabled={busy}>{busy ? 'Saving…' : existing ? 'Save changes' : `Create ${words.one}`}</button>
        {onCancel && <button type="button" className="secondary" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
