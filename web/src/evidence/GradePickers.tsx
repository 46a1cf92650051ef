// Grade pickers for an evidence item: source reliability A–F and information credibility 1–6,
// each option with its meaning, so that an analyst grades without a reference card at hand.
import { useId } from 'react';
import type { Credibility, Reliability } from '../api/types';
import { credibilityScale, reliabilityScale } from './grades';

interface ReliabilityProps {
  /** null: the item takes its source's reliability. */
  value: Reliability | null;
  onChange: (value: Reliability | null) => void;
  /** The chosen source's own reliability, offered as the default. */
  sourceReliability?: Reliability | null;
  name?: string;
}

export function ReliabilityPicker({ value, onChange, sourceReliability, name }: ReliabilityProps) {
  const uid = useId();
  const group = name ?? `reliability${uid.replace(/[^a-zA-Z0-9]/g, '')}`;
  const inherited = reliabilityScale.find((r) => r.value === sourceReliability);
  return (
    <fieldset className="grade-picker">
      <legend>Source reliability (A–F)</legend>
      <label className="grade-option">
        <input type="radio" name={group} checked={value === null} onChange={() => onChange(null)} />
        <span><strong>Source’s grade</strong>{inherited ? ` — ${inherited.value}: ${inherited.meaning}` : ' — pick a source first'}</span>
      </label>
      {reliabilityScale.map((r) => (
        <label className="grade-option" key={r.value}>
          <input type="radio" name={group} value={r.value} checked={value === r.value} onChange={() => onChange(r.value)}
            aria-describedby={`${group}-${r.value}-hint`} />
          <span><strong>{r.value}</strong> — {r.meaning} <span className="small" id={`${group}-${r.value}-hint`}>({r.hint}; weight × {r.factor})</span></span>
        </label>
      ))}
    </fieldset>
  );
}

export function CredibilityPicker({ value, onChange, name }: { value: Credibility; onChange: (value: Credibility) => void; name?: string }) {
  const uid = useId();
  const group = name ?? `credibility${uid.replace(/[^a-zA-Z0-9]/g, '')}`;
  return (
    <fieldset className="grade-picker">
      <legend>Information credibility (1–6)</legend>
      {credibilityScale.map((c) => (
        <label className="grade-option" key={c.value}>
          <input type="radio" name={group} value={c.value} checked={value === c.value} onChange={() => onChange(c.value)}
            aria-describedby={`${group}-${c.value}-hint`} />
          <span><strong>{c.value}</strong> — {c.meaning} <span className="small" id={`${group}-${c.value}-hint`}>({c.hint}; weight × {c.factor})</span></span>
        </label>
      ))}
    </fieldset>
  );
}

/** The grade in words, e.g. "B2: usually reliable source, probably true". */
export function gradeSummary(reliability: Reliability | null | undefined, credibility: Credibility): string {
  const r = reliabilityScale.find((x) => x.value === reliability);
  const c = credibilityScale.find((x) => x.value === credibility);
  return `${r?.value ?? '?'}${credibility}: ${r ? r.meaning.toLowerCase() : 'source grade'} source, ${c?.meaning.toLowerCase() ?? '?'}`;
}
