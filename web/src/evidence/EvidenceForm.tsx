// The form for a new evidence item or a correction (supersede): source picker, observation
// period, grade pickers that explain A–F and 1–6, a summary, and the links to what it bears on.
import { useId, useMemo, useState, type FormEvent } from 'react';
import type { BearsOn, CaseFile, Credibility, Evidence, Reliability, Stance, Strength } from '../api/types';
import { today } from '../asof/asOf';
import { ProblemMessage } from '../ui/states';
import { CredibilityPicker, gradeSummary, ReliabilityPicker } from './GradePickers';

export interface EvidenceFormProps {
  caseFile: CaseFile;
  initial?: Evidence;
  submitLabel: string;
  onSubmit: (item: Evidence) => Promise<unknown>;
  onCancel?: () => void;
}

const slug = (text: string) => text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').split('-').slice(0, 5).join('-');

export function EvidenceForm({ caseFile, initial, submitLabel, onSubmit, onCancel }: EvidenceFormProps) {
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
  const targets = useMemo(() => [
    { group: 'Commitments', items: caseFile.commitments.map((o) => ({ id: o.id, text: o.text })) },
    { group: 'Conditions', items: caseFile.conditions.map((o) => ({ id: o.id, text: o.text })) },
  ], [caseFile]);

  const setLink = (i: number, patch: Partial<BearsOn>) => setLinks((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const item: Evidence = {
      id: id.trim() || `ev-${slug(summary) || 'item'}-${Date.now().toString(36)}`,
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
          <input id={f('id')} value={id} onChange={(e) => setId(e.target.value)} pattern="[a-z0-9]+(-[a-z0-9]+)*" placeholder="ev-…" />
        </div>
        <div>
          <label htmlFor={f('source')}>Source</label>
          <select id={f('source')} required value={source} onChange={(e) => setSource(e.target.value)}>
            <option value="">— choose a source —</option>
            {caseFile.sources.map((s) => <option key={s.id} value={s.id}>{s.reliability} · {s.title} ({s.date})</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={f('from')}>Observed from</label>
          <input id={f('from')} type="date" required value={observedFrom} onChange={(e) => setObservedFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor={f('to')}>Observed until <span className="small">(optional)</span></label>
          <input id={f('to')} type="date" value={observedTo ?? ''} onChange={(e) => setObservedTo(e.target.value)} />
        </div>
        <div>
          <label htmlFor={f('recorded')}>Recorded on <span className="small">(counts in assessments from this date)</span></label>
          <input id={f('recorded')} type="date" required value={recorded} onChange={(e) => setRecorded(e.target.value)} />
        </div>
      </div>
      <label htmlFor={f('summary')}>Summary</label>
      <textarea id={f('summary')} required rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} />
      <div className="form-grid">
        <ReliabilityPicker value={reliability} onChange={setReliability} sourceReliability={sourceReliability} />
        <CredibilityPicker value={credibility} onChange={setCredibility} />
      </div>
      <p className="grade-now">Grade: <strong>{gradeSummary(reliability ?? sourceReliability, credibility)}</strong></p>
      <fieldset>
        <legend>Bears on</legend>
        {links.map((l, i) => (
          <div className="link-row" key={i}>
            <label>Target{' '}
              <select value={l.target} onChange={(e) => setLink(i, { target: e.target.value })} aria-label={`Target of link ${i + 1}`}>
                <option value="">— choose —</option>
                {targets.map((t) => (
                  <optgroup key={t.group} label={t.group}>
                    {t.items.map((o) => <option key={o.id} value={o.id}>{o.id}</option>)}
                  </optgroup>
                ))}
              </select>
            </label>
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
