// A new, empty case: its title (the id is a slug of it), the party whose deeds it judges (made
// the case's first actor) and its marking. Offered to whoever the server lets create cases (/api/me).
import { useState, type FormEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useMe } from '../api/queries';
import { PageHeading } from '../app/Layout';
import { Empty, ProblemMessage } from '../ui/states';
import { writeTagged } from '../forms/request';
import { itemSchema, settingsSchema } from '../forms/schema';
import { placeErrors } from '../forms/fieldErrors';
import { newId, slugOf } from '../forms/slug';

const enumOf = (values: unknown): string[] => (Array.isArray(values) ? values.map(String) : []);
const actorKinds = enumOf(itemSchema('actors').properties?.['kind']?.enum);
const markings = enumOf(settingsSchema().properties?.['case']?.properties?.['marking']?.enum);

export function NewCase() {
  const me = useMe();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [typedId, setTypedId] = useState<string | null>(null);
  const [party, setParty] = useState('');
  const [partyKind, setPartyKind] = useState('armed_group');
  const [start, setStart] = useState('');
  const [marking, setMarking] = useState('TLP:AMBER');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const id = typedId ?? newId('cases', title, new Set());
  const placed = placeErrors(error, 'settings');
  const at = (field: string) => placed.fields.get(field);

  if (me.data && !me.data.can_create_cases) {
    return <><PageHeading title="New case" /><Empty>On this server only an instance admin creates cases; ask one to create it and give you a role on it.</Empty></>;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    const subject = slugOf(party) || 'subject';
    const body = {
      case: { id, title: title.trim(), subject, marking, ...(start ? { period: { start } } : {}) },
      actors: party.trim() ? [{ id: subject, kind: partyKind, name: party.trim() }] : [],
    };
    try {
      await writeTagged('POST', '/api/cases', body);
      await client.invalidateQueries({ queryKey: ['cases'] });
      await client.invalidateQueries({ queryKey: ['me'] });
      navigate(`/cases/${encodeURIComponent(id)}/objects`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const field = (name: string, label: string, input: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={`new-case-${name}`}>{label}{hint && <span className="small"> ({hint})</span>}</label>
      {input}
      {at(name) && <p id={`new-case-${name}-error`} className="field-error">{at(name)}</p>}
    </div>
  );
  const err = (name: string) => ({ 'aria-invalid': at(name) ? true : undefined, 'aria-describedby': at(name) ? `new-case-${name}-error` : undefined });
  return (
    <>
      <PageHeading title="New case"><p className="muted">Start an empty case; then add its actors, sources, commitments, conditions and leverage.</p></PageHeading>
      <form className="schema-form" onSubmit={submit} aria-label="New case" noValidate>
        {field('case.title', 'Title', <input id="new-case-case.title" {...err('case.title')} required value={title} onChange={(e) => setTitle(e.target.value)} />)}
        {field('case.id', 'Id', <input id="new-case-case.id" {...err('case.id')} value={id} onChange={(e) => setTypedId(e.target.value)} />, 'made from the title; you may change it')}
        {field('actors[0].name', 'The party whose deeds are judged', <input id="new-case-actors[0].name" required value={party} onChange={(e) => setParty(e.target.value)} />, 'its first actor')}
        {field('party-kind', 'Its kind', (
          <select id="new-case-party-kind" value={partyKind} onChange={(e) => setPartyKind(e.target.value)}>
            {actorKinds.map((k) => <option key={k} value={k}>{k.replace(/_/g, ' ')}</option>)}
          </select>
        ))}
        {field('case.period.start', 'Period start', <input id="new-case-case.period.start" {...err('case.period.start')} placeholder="2020-02-29" value={start} onChange={(e) => setStart(e.target.value)} />, 'optional; YYYY-MM-DD')}
        {field('case.marking', 'Marking', (
          <select id="new-case-case.marking" value={marking} onChange={(e) => setMarking(e.target.value)}>
            {markings.map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        ))}
        {error != null && <ProblemMessage error={error} action="Creating the case" />}
        <div className="actions"><button type="submit" disabled={busy}>{busy ? 'Creating…' : 'Create case'}</button></div>
      </form>
    </>
  );
}
