// The ACH matrix editor: evidence (rows) rated against hypotheses (columns). Scores, ranks,
// diagnosticity and sensitivity are recomputed on every change, before anything is saved.
import { useMemo } from 'react';
import type { AchRating } from '../api/types';
import { computeAch, ratingValues, ratingWords, type AchRowInput } from './achMath';

export interface AchMatrixProps {
  options: { id: string; text: string }[];
  rows: (AchRowInput & { grade: string })[];
  readOnly: boolean;
  onRate: (evidence: string, option: string, rating: AchRating | null) => void;
  /** Evidence items' names (their summaries); rows show the id alone without it. */
  nameOf?: (id: string) => string;
}

export function AchMatrix({ options, rows, readOnly, onRate, nameOf }: AchMatrixProps) {
  const optionIds = useMemo(() => options.map((o) => o.id), [options]);
  const computed = useMemo(() => computeAch(optionIds, rows), [optionIds, rows]);
  const rowInfo = new Map(computed.rows.map((r) => [r.evidence, r]));
  // Most diagnostic first, like the engine's output, so the items that separate options lead.
  const ordered = [...rows].sort((a, b) => (rowInfo.get(b.evidence)?.diagnosticity ?? 0) - (rowInfo.get(a.evidence)?.diagnosticity ?? 0) || a.evidence.localeCompare(b.evidence));
  const best = computed.leastContradicted;
  return (
    <div>
      <div className="table-scroll">
        <table className="ach-matrix">
          <caption>Ratings: CC very consistent, C consistent, N neutral, I inconsistent, II very inconsistent, NA not applicable</caption>
          <thead>
            <tr>
              <th scope="col">Evidence (grade, g)</th>
              {options.map((o) => <th scope="col" key={o.id} title={o.text}>{o.id}<div className="small">{o.text}</div></th>)}
              <th scope="col" className="num">Diagnosticity</th>
              <th scope="col">Sensitivity</th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((r) => {
              const info = rowInfo.get(r.evidence);
              return (
                <tr key={r.evidence}>
                  <th scope="row">{nameOf && nameOf(r.evidence) !== r.evidence ? <span title={nameOf(r.evidence)}>{nameOf(r.evidence).slice(0, 80)}{nameOf(r.evidence).length > 80 ? '…' : ''} </span> : null}<span className={nameOf ? 'small' : undefined}>{r.evidence}</span> <span className="small">({r.grade}, g {r.g.toFixed(2)})</span></th>
                  {options.map((o) => {
                    const value = r.ratings[o.id] ?? null;
                    return (
                      <td key={o.id} className={`rating rating-${value ?? 'none'}`}>
                        {readOnly ? <span title={value ? ratingWords[value] : 'not rated'}>{value ?? '—'}</span> : (
                          <select aria-label={`Rating of ${r.evidence} against ${o.id}`} value={value ?? ''}
                            onChange={(e) => onRate(r.evidence, o.id, (e.target.value || null) as AchRating | null)}>
                            <option value="">—</option>
                            {ratingValues.map((v) => <option key={v} value={v}>{v} ({ratingWords[v]})</option>)}
                          </select>
                        )}
                      </td>
                    );
                  })}
                  <td className="num" data-testid={`diag-${r.evidence}`}>{(info?.diagnosticity ?? 0).toFixed(2)}</td>
                  <td data-testid={`sens-${r.evidence}`}>{info?.changesRanking ? <strong>⚠ changes the ranking</strong> : 'no effect alone'}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Inconsistency (lower is better)</th>
              {computed.options.map((o) => (
                <td key={o.id} className={best.includes(o.id) ? 'best' : undefined} data-testid={`score-${o.id}`}>
                  <strong>{o.inconsistency.toFixed(2)}</strong> · rank {o.rank}{best.includes(o.id) ? ' ★ least contradicted' : ''}
                </td>
              ))}
              <td colSpan={2} />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="reading" role="status" aria-live="polite" data-testid="ach-reading">
        {rows.length === 0 ? 'No counting evidence is rated: ACH cannot tell the options apart.'
          : best.length > 1 ? `${best.join(' and ')} are tied as the least contradicted options.`
          : `${best[0]} is the least contradicted option (ACH reads by elimination; favour it tentatively).`}
        {' '}{computed.sensitiveTo.length === 0 ? 'No single item changes the ranking when left out.' : `The ranking changes if any one of these is left out: ${computed.sensitiveTo.join(', ')}.`}
      </p>
    </div>
  );
}
