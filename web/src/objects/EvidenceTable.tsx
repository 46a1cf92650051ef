// The items that counted for a status, each with its grade, strength, stance and weight
// (largest first, as the engine lists them), and the items known but not counting, with why.
import { Link } from 'react-router';
import type { EvidenceEntry, NotCountingEntry } from '../api/types';
import { useWithAsOf } from '../asof/asOf';
import { useNames } from '../app/names';
import { shortLabel } from '../ui/labels';

export function EvidenceTable({ caseId, entries, caption, showTarget = false }: { caseId: string; entries: EvidenceEntry[]; caption: string; showTarget?: boolean }) {
  const withAsOf = useWithAsOf();
  const name = useNames(caseId);
  if (entries.length === 0) return <p className="muted">{caption}: no counting evidence.</p>;
  return (
    <div className="table-scroll">
      <table className="evidence-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Item</th>
            {showTarget && <th scope="col">Bears on</th>}
            <th scope="col">Stance</th>
            <th scope="col">Strength</th>
            <th scope="col">Grade</th>
            <th scope="col" className="num">Weight</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={`${e.id}-${e.target ?? ''}-${i}`} className={`stance-${e.stance}`}>
              <td><Link to={withAsOf(`/cases/${encodeURIComponent(caseId)}/evidence/${encodeURIComponent(e.id)}`)} title={name(e.id)}>{shortLabel(name(e.id), 70)}</Link> <span className="small">{e.id}</span></td>
              {showTarget && <td>{e.target ? <>{shortLabel(name(e.target), 50)} <span className="small">{e.target}</span></> : '—'}</td>}
              <td>{e.stance === 'supports' ? '＋ supports' : e.stance === 'contradicts' ? '− contradicts' : '○ context'}</td>
              <td>{e.strength}</td>
              <td><abbr title={gradeWords(e.grade)}>{e.grade}</abbr></td>
              <td className="num">{e.stance === 'contradicts' ? '−' : e.stance === 'supports' ? '+' : ''}{e.weight.toFixed(2)}</td>
              <td>{shortLabel(name(e.source), 50)} <span className="small">{e.source}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function NotCounting({ entries }: { entries: NotCountingEntry[] }) {
  if (entries.length === 0) return null;
  return (
    <details className="not-counting">
      <summary>{entries.length} item(s) known at this date but not counting</summary>
      <ul>{entries.map((e) => <li key={e.id}><code>{e.id}</code> ({e.stance}): {e.reason}</li>)}</ul>
    </details>
  );
}

const reliabilityWords: Record<string, string> = { A: 'completely reliable', B: 'usually reliable', C: 'fairly reliable', D: 'not usually reliable', E: 'unreliable', F: 'reliability cannot be judged' };
const credibilityWords: Record<string, string> = { 1: 'confirmed', 2: 'probably true', 3: 'possibly true', 4: 'doubtful', 5: 'improbable', 6: 'truth cannot be judged' };
export const gradeWords = (grade: string): string => `source ${reliabilityWords[grade[0] ?? ''] ?? '?'}, information ${credibilityWords[grade.slice(1)] ?? '?'}`;
