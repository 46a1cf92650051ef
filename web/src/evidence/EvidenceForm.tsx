// The form for a new evidence item or a correction (supersede): source picker (a new source can
// be made without leaving the form), observation period, grade pickers that explain A–F and 1–6,
// a summary, and the links to whatever the case format lets evidence bear on (commitments,
// conditions, claims, relationships, hypothesis options), chosen by name.
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { BearsOn, CaseFile, Credibility, Evidence, Reliability, Stance, Strength } from '../api/types';
import { today } from '../asof/asOf';
import { ProblemMessage } from '../ui/states';
import { CredibilityPicker, gradeSummary, ReliabilityPicker } from './GradePickers';
import { Picker } from '../forms/Picker';
import { InlineCreate } from '../forms/InlineCreate';
import { choicesFor, type LooseCase } from '../forms/options';
import { newId } from '../forms/slug';
import { linkTargets } from '../forms/links';
import { placeErrors } from '../forms/fieldErrors';

export interface EvidenceFormProps {
  caseId: string;
  caseFile: CaseFile;
  initial?: Evidence;
  submitLabel: string;
  onSubmit: (item: Evidence) => Promise<unknown>;
  onCancel?: () => void;
}

export function EvidenceForm({ caseId, caseFile, initial, submitLabel, onSubmit, onCancel }: EvidenceFormProps) {
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const f = (name: string) => `${uid}-${name}`;
  const [id, setId] = useState('');
  const [source, setSource] = useState(initial?.source ?? '');
  const [observedFrom, setObservedFrom] = useState(initial?.observed.from ?? '');
  const [observedTo, setObservedTo] = useState(initial?.observed.to ?? '');
  const [recorded, setRecorded] = useState(today());
  const [reliability, setReliability] = useState<Reliability | null>(initial?.reliability ?? null);
  const [credibility, setCredibility] = useState<Credibility>(initial?.credibility ?? 6);
  const [summary, setSummary] = useState(initial?.summary ?? '');
  const [links, setLinks] = useState<BearsOn[]>(initial?.bears_on ?? [{ target: '', stance: 'contradicts', strength: 'moderate' }]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const sourceReliability = caseFile.sources.find((s) => s.id === source)?.reliability ?? null;
  const loose = caseFile as unknown as LooseCase;
  const sources = useMemo(() => choicesFor(loose, ['sources']), [loose]);
  const targets = useMemo(() => choicesFor(loose, linkTargets('evidence', 'bears_on[].target') ?? []), [loose]);
  const taken = useMemo(() => new Set(caseFile.evidence.map((e) => e.id)), [caseFile]);

  // The API names the fields at fault; each message is shown at its field and read out with it.
  const placed = placeErrors(error, 'evidence');
  const errorAt = (path: string, id: string) => placed.fields.has(path) ? <p id={`${id}-error`} className="field-error">{placed.fields.get(path)}</p> : null;
  const invalid = (path: string, id: string) => (placed.fields.has(path) ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {});

  const setLink = (i: number, patch: Partial<BearsOn>) => setLinks((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const item: Evidence = {
      id: id.trim() || newId('evidence', summary, taken) || `ev-${Date.now().toString(36)}`,
      source,
      observed: observedTo ? { from: observedFrom, to: observedTo } : { from: observedFrom },
      recorded,
      credibility,
      summary: summary.trim(),
      bears_on: links.filter((l) => l.target),
      ...(reliability ? { reliability } : {}),
    };
    setBusy(true);
    try {
      await onSubmit(item);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="evidence-form" onSubmit={submit} aria-label={submitLabel}>
      <div className="form-grid">
        <div>
          <label htmlFor={f('id')}>Id <span className="small">(optional; made from the summary when empty)</span></label>
          <input id={f('id')} value={id} onChange={(e) => setId(e.target.value)} pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder={newId('evidence', summary, taken) || 'ev-…'} />
        </div>
        <div>
          <label htmlFor={f('source')}>Source</label>
          <Picker id={f('source')} required value={source} choices={sources} onChange={setSource} invalid={placed.fields.has('source')} describedBy={placed.fields.has('source') ? `${f('source')}-error` : undefined} />
          {errorAt('source', f('source'))}
          <InlineCreate caseId={caseId} caseFile={loose} targets={['sources']} choose={setSource} />
        </div>
        <div>
          <label htmlFor={f('from')}>Observed from</label>
          <input id={f('from')} type="date" required value={observedFrom} onChange={(e) => setObservedFrom(e.target.value)} {...invalid('observed.from', f('from'))} />
          {errorAt('observed.from', f('from'))}
        </div>
        <div>
          <label htmlFor={f('to')}>Observed until <span className="small">(optional)</span></label>
          <input id={f('to')} type="date" value={observedTo ?? ''} onChange={(e) => setObservedTo(e.target.value)} {...invalid('observed.to', f('to'))} />
          {errorAt('observed.to', f('to'))}
        </div>
        <div>
          <label htmlFor={f('recorded')}>Recorded on <span className="small">(counts in assessments from this date)</span></label>
          <input id={f('recorded')} type="date" required value={recorded} onChange={(e) => setRecorded(e.target.value)} {...invalid('recorded', f('recorded'))} />
          {errorAt('recorded', f('recorded'))}
        </div>
      </div>
      <label htmlFor={f('summary')}>Summary</label>
      <textarea id={f('summary')} required rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} {...invalid('summary', f('summary'))} />
      {errorAt('summary', f('summary'))}
      <div className="form-grid">
        <ReliabilityPicker value={reliability} onChange={setReliability} sourceReliability={sourceReliability} />
        <CredibilityPicker value={credibility} onChange={setCredibility} />
      </div>
      <p className="grade-now">Grade: <strong>{gradeSummary(reliability ?? sourceReliability, credibility)}</strong></p>
      <fieldset>
        <legend>Bears on</legend>
        {links.map((l, i) => (
          <div className="link-row" key={i}>
            <div className="link-target">
              <span aria-hidden="true" className="label-like">Target</span>
              <Picker id={f(`target-${i}`)} ariaLabel={`Target of link ${i + 1}`} value={l.target} choices={targets} onChange={(target) => setLink(i, { target })} invalid={placed.fields.has(`bears_on[${i}].target`)} describedBy={placed.fields.has(`bears_on[${i}].target`) ? `${f(`target-${i}`)}-error` : undefined} />
              {errorAt(`bears_on[${i}].target`, f(`target-${i}`))}
            </div>
            <label>Stance{' '}
              <select value={l.stance} onChange={(e) => setLink(i, { stance: e.target.value as Stance })} aria-label={`Stance of link ${i + 1}`}>
                <option value="supports">supports</option>
                <option value="contradicts">contradicts</option>
                <option value="context">context (weighs nothing)</option>
              </select>
            </label>
            <label>Strength{' '}
              <select value={l.strength} onChange={(e) => setLink(i, { strength: e.target.value as Strength })} aria-label={`Strength of link ${i + 1}`}>
                <option value="strong">strong (×3)</option>
                <option value="moderate">moderate (×2)</option>
                <option value="weak">weak (×1)</option>
              </select>
            </label>
            <button type="button" className="secondary" onClick={() => setLinks((ls) => ls.filter((_, j) => j !== i))} aria-label={`Remove link ${i + 1}`}>Remove</button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => setLinks((ls) => [...ls, { target: '', stance: 'supports', strength: 'moderate' }])}>Add a link</button>
      </fieldset>
      <ProblemMessage error={error} action={submitLabel} />
      <div className="actions">
        <button type="submit" disabled={busy}>{busy ? 'Saving…' : submitLabel}</button>
        {onCancel && <button type="button" className="secondary" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
