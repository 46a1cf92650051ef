// An object's fields as a list of labels and values, read by the same schema as the forms:
// links show the linked object's name (and link to it), with the id in small type.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useWithAsOf } from '../asof/asOf';
import { fieldOf, labelOf, type JsonSchema } from '../forms/schema';
import { nameTable, type LooseCase } from '../forms/options';
import { viewPath } from '../forms/paths';
import { isEditableList } from '../forms/lists';

type Obj = Record<string, unknown>;

export function FieldList({ caseId, list, schema, value, caseFile, spath = '' }: { caseId: string; list: string; schema: JsonSchema; value: Obj; caseFile: LooseCase | undefined; spath?: string }) {
  const names = nameTable(caseFile);
  const withAsOf = useWithAsOf();
  const listOfId = (id: string): string | null => {
    for (const [l, items] of Object.entries(caseFile ?? {})) {
      if (Array.isArray(items) && (items as Obj[]).some((o) => o?.['id'] === id)) return l;
    }
    return null;
  };
  const linked = (id: string) => {
    const l = listOfId(id);
    const name = names.get(id) ?? id;
    return (
      <>
        {l && (isEditableList(l) || l === 'evidence') ? <Link to={withAsOf(viewPath(caseId, l, id))}>{name}</Link> : name}
        {name !== id && <span className="small"> {id}</span>}
      </>
    );
  };
  const entries = Object.entries(schema.properties ?? {}).filter(([k]) => value[k] !== undefined && value[k] !== null);
  return (
    <dl className="fields">
      {entries.map(([key, prop]) => {
        const path = spath ? `${spath}.${key}` : key;
        const field = fieldOf(list, path, prop);
        const v = value[key];
        let shown: ReactNode;
        if (field.kind === 'link') shown = linked(String(v));
        else if (field.kind === 'list' && Array.isArray(v)) {
          shown = v.length === 0 ? <span className="muted">none</span> : <ul className="plain">{v.map((x, i) => <li key={i}>{field.item.kind === 'link' ? linked(String(x)) : String(x)}</li>)}</ul>;
        } else if (field.kind === 'objects' && Array.isArray(v)) {
          shown = v.length === 0 ? <span className="muted">none</span> : (
            <ol>{(v as Obj[]).map((x, i) => <li key={i}><FieldList caseId={caseId} list={list} schema={field.schema} value={x} caseFile={caseFile} spath={`${path}[]`} /></li>)}</ol>
          );
        } else if (field.kind === 'object') shown = <FieldList caseId={caseId} list={list} schema={field.schema} value={v as Obj} caseFile={caseFile} spath={path} />;
        else if (field.kind === 'json') shown = <code>{JSON.stringify(v)}</code>;
        else shown = String(v).replace(field.kind === 'enum' ? /_/g : /$^/, ' ');
        return (
          <div key={key}>
            <dt>{labelOf(key)}</dt>
            <dd>{shown}</dd>
          </div>
        );
      })}
    </dl>
  );
}
