// The one form renderer: the fields of an object schema from the case format, each by its kind
// (text, long text, date, number, choice, yes/no, link picker, lists, nested objects and lists of
// them such as a leverage instrument's decisions). Errors from the API appear at their field.
import type { ReactNode } from 'react';
import { fieldOf, emptyObject, labelOf, type Field, type JsonSchema } from './schema';
import { choicesFor, type LooseCase } from './options';
import type { LinkTarget } from './links';
import { Picker } from './Picker';

type Obj = Record<string, unknown>;

export interface FormContext {
  /** The list whose object is edited (`settings` for the case block and settings). */
  list: string;
  caseFile: LooseCase | undefined;
  /** The whole object being edited: a hypothesis set's ratings choose among its own options. */
  own: Obj;
  /** Messages by field path (`decisions[0].date`), from the API's problem response. */
  errors: ReadonlyMap<string, string>;
  idPrefix: string;
  /** Offers to create an object for a link (a new source from inside a form). */
  createLink?: (targets: readonly LinkTarget[], choose: (id: string) => void) => ReactNode;
}

const domId = (ctx: FormContext, path: string) => `${ctx.idPrefix}-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
const join = (base: string, key: string) => (base ? `${base}.${key}` : key);
// What one item of a list is called, where the key's own singular would read badly.
const itemWords: Record<string, string> = {
  bears_on: 'Link', set_by: 'Party', requires: 'Required commitment', gated_by: 'Gating condition',
  depends_on: 'Prerequisite', derived_from: 'Original source', actors_any: 'Actor name', admin1: 'Province',
  violence_types: 'Violence type', event_types: 'Event type', sanctions_refs: 'Sanctions reference', nationality: 'Nationality', aliases: 'Alias',
};
const singular = (key: string) => itemWords[key] ?? labelOf(key.replace(/ies$/, 'y').replace(/s$/, ''));

export function SchemaFields({ schema, value, onChange, ctx, path = '', spath = '', skip = [] }: {
  schema: JsonSchema; value: Obj; onChange: (next: Obj) => void; ctx: FormContext; path?: string; spath?: string; skip?: readonly string[];
}) {
  const required = new Set(schema.required ?? []);
  return (
    <>
      {Object.entries(schema.properties ?? {}).filter(([key]) => !skip.includes(key)).map(([key, prop]) => (
        <FieldRow
          key={key}
          name={key}
          schema={prop}
          required={required.has(key) && prop.default === undefined}
          value={value[key]}
          onChange={(v) => onChange({ ...value, [key]: v })}
          ctx={ctx}
          path={join(path, key)}
          spath={join(spath, key)}
        />
      ))}
    </>
  );
}

interface RowProps {
  name: string;
  schema: JsonSchema;
  required: boolean;
  value: unknown;
  onChange: (v: unknown) => void;
  ctx: FormContext;
  /** Where the value is (`decisions[0].date`) and where its schema is (`decisions[].date`). */
  path: string;
  spath: string;
}

function FieldRow(props: RowProps) {
  const { name, schema, ctx, path, spath, required } = props;
  const field = fieldOf(ctx.list, spath, schema);
  const id = domId(ctx, path);
  const error = ctx.errors.get(path);
  const errorId = error ? `${id}-error` : undefined;
  // An item's own id (a hypothesis option's) is made from its text when left empty.
  const madeId = name === 'id' && path.includes('[');
  const label = madeId
    ? <>Id <span className="small">(made from the text when empty)</span></>
    : <>{labelOf(name)}{required ? '' : <span className="small"> (optional)</span>}</>;
  const errorNote = error ? <p id={errorId} className="field-error">{error}</p> : null;

  if (field.kind === 'object' || field.kind === 'objects' || (field.kind === 'list')) {
    return (
      <fieldset className={`field field-${field.kind}`} aria-describedby={errorId} aria-invalid={error ? true : undefined}>
        <legend>{label}</legend>
        {errorNote}
        <Compound {...props} field={field} />
      </fieldset>
    );
  }
  return (
    <div className={`field field-${field.kind}`}>
      {field.kind === 'boolean'
        ? <label className="inline"><input id={id} type="checkbox" checked={props.value === true} onChange={(e) => props.onChange(e.target.checked)} /> {label}</label>
        : <label htmlFor={id}>{label}</label>}
      {field.kind !== 'boolean' && <Scalar {...props} required={required && !madeId} field={field} id={id} errorId={errorId} invalid={!!error} />}
      {field.kind === 'date' && <span className="small" id={`${id}-hint`}>YYYY-MM-DD (or YYYY-MM, YYYY)</span>}
      {errorNote}
    </div>
  );
}

function Scalar({ field, value, onChange, required, ctx, id, errorId, invalid }: RowProps & { field: Field; id: string; errorId?: string; invalid: boolean }) {
  const common = { id, 'aria-invalid': invalid || undefined, 'aria-describedby': errorId };
  const text = value === undefined || value === null ? '' : String(value);
  switch (field.kind) {
    case 'text':
      return field.long
        ? <textarea {...common} rows={3} required={required} value={text} onChange={(e) => onChange(e.target.value)} />
        : <input {...common} required={required} value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'date':
      return <input {...common} aria-describedby={[errorId, `${id}-hint`].filter(Boolean).join(' ')} required={required} inputMode="numeric" placeholder="2021-08-15" value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'number':
      return <input {...common} type="number" step={field.integer ? 1 : 'any'} required={required} value={text} onChange={(e) => onChange(e.target.value === '' ? undefined : Number(e.target.value))} />;
    case 'enum':
      return (
        <select {...common} required={required} value={text} onChange={(e) => {
          const picked = field.values.find((v) => String(v) === e.target.value);
          onChange(picked);
        }}>
          <option value="">— choose —</option>
          {field.values.map((v) => <option key={String(v)} value={String(v)}>{String(v).replace(/_/g, ' ')}</option>)}
        </select>
      );
    case 'link':
      return (
        <>
          <Picker id={id} value={text} required={required} invalid={invalid} describedBy={errorId} choices={choicesFor(ctx.caseFile, field.to, ctx.own)} onChange={onChange} />
          {ctx.createLink?.(field.to, onChange)}
        </>
      );
    default:
      return <JsonBox id={id} value={value} onChange={onChange} />;
  }
}

/** Lists and nested objects: each item with its own fields and a Remove button; Add at the end. */
function Compound({ field, value, onChange, ctx, path, spath, name }: RowProps & { field: Field }) {
  if (field.kind === 'object') {
    return <SchemaFields schema={field.schema} value={(value as Obj | undefined) ?? {}} onChange={onChange} ctx={ctx} path={path} spath={spath} />;
  }
  const items = Array.isArray(value) ? (value as unknown[]) : [];
  const set = (i: number, v: unknown) => onChange(items.map((x, j) => (j === i ? v : x)));
  const remove = (i: number) => onChange(items.filter((_, j) => j !== i));
  const what = singular(name);
  if (field.kind === 'objects') {
    return (
      <>
        {items.map((item, i) => (
          <fieldset key={i} className="field-item">
            <legend>{what} {i + 1}</legend>
            {ctx.errors.get(`${path}[${i}]`) && <p className="field-error">{ctx.errors.get(`${path}[${i}]`)}</p>}
            <SchemaFields schema={field.schema} value={(item as Obj | undefined) ?? {}} onChange={(v) => set(i, v)} ctx={ctx} path={`${path}[${i}]`} spath={`${spath}[]`} />
            <button type="button" className="secondary" onClick={() => remove(i)}>Remove {what.toLowerCase()} {i + 1}</button>
          </fieldset>
        ))}
        <button type="button" className="secondary" onClick={() => onChange([...items, emptyObject(field.schema)])}>Add {what.toLowerCase()}</button>
      </>
    );
  }
  if (field.kind !== 'list') return null;
  const item = field.item;
  if (item.kind === 'link') {
    // Chosen links as a list of names; the picker below adds one more.
    const choices = choicesFor(ctx.caseFile, item.to, ctx.own);
    const nameOf = (id: string) => choices.find((c) => c.id === id)?.label ?? id;
    const addId = domId(ctx, `${path}-add`);
    return (
      <>
        <ul className="chosen">
          {items.map((x, i) => (
            <li key={`${String(x)}-${i}`}>
              {nameOf(String(x))} <span className="small">{String(x)}</span>{' '}
              <button type="button" className="link" onClick={() => remove(i)} aria-label={`Remove ${nameOf(String(x))}`}>remove</button>
              {ctx.errors.get(`${path}[${i}]`) && <span className="field-error"> {ctx.errors.get(`${path}[${i}]`)}</span>}
            </li>
          ))}
        </ul>
        <label htmlFor={addId} className="small">Add {what.toLowerCase()}</label>
        <Picker id={addId} value="" choices={choices.filter((c) => !items.includes(c.id))} onChange={(id) => id && onChange([...items, id])} />
        {ctx.createLink?.(item.to, (id) => onChange([...items, id]))}
      </>
    );
  }
  return (
    <>
      {items.map((x, i) => {
        const id = domId(ctx, `${path}[${i}]`);
        return (
          <div key={i} className="list-row">
            <label htmlFor={id} className="sr-only">{what} {i + 1}</label>
            <Scalar field={item} id={id} invalid={!!ctx.errors.get(`${path}[${i}]`)} name={name} schema={{}} required value={x} onChange={(v) => set(i, v)} ctx={ctx} path={`${path}[${i}]`} spath={`${spath}[]`} />
            <button type="button" className="link" onClick={() => remove(i)}>remove</button>
            {ctx.errors.get(`${path}[${i}]`) && <span className="field-error"> {ctx.errors.get(`${path}[${i}]`)}</span>}
          </div>
        );
      })}
      <button type="button" className="secondary" onClick={() => onChange([...items, item.kind === 'number' ? undefined : ''])}>Add {what.toLowerCase()}</button>
    </>
  );
}

/** Anything the renderer does not know as fields: edited as JSON, checked when leaving the box. */
function JsonBox({ id, value, onChange }: { id: string; value: unknown; onChange: (v: unknown) => void }) {
  const text = value === undefined ? '' : JSON.stringify(value, null, 1);
  // The box keeps what is typed until it is left (half-typed JSON is no value yet), so it is
  // keyed by the value: when the value changes from outside (a reload after a conflict), it shows the new one.
  return (
    <textarea key={text} id={id} rows={3} defaultValue={text} className="json" onBlur={(e) => {
      if (!e.target.value.trim()) return onChange(undefined);
      try {
        onChange(JSON.parse(e.target.value));
        e.target.setCustomValidity('');
      } catch {
        e.target.setCustomValidity('not valid JSON');
        e.target.reportValidity();
      }
    }} />
  );
}
