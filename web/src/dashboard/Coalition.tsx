// The coalition view: each engaging party's position on each condition; rows where allies
// diverge are marked in words and highlighted.
import { Link } from 'react-router';
import type { Dashboard } from '../api/types';
import { useNames } from '../app/names';
import { useWithAsOf } from '../asof/asOf';
import { StatusBadge } from '../ui/StatusBadge';
import { shortLabel } from '../ui/labels';
import { More } from './More';

export function Coalition({ caseId, dashboard }: { caseId: string; dashboard: Dashboard }) {
  const name = useNames(caseId);
  const withAsOf = useWithAsOf();
  const textOf = new Map(dashboard.scorecard.conditions.map((k) => [k.id, k.text]));
  const parties = [...new Set(dashboard.coalition.flatMap((r) => r.positions.map((p) => p.party)))].sort();
  const divergent = dashboard.totals.divergent_conditions;
  return (
    <section aria-labelledby="coalition">
      <h2 id="coalition">Coalition positions</h2>
      <p className="muted">{divergent === 0 ? 'The engaging parties do not diverge on any condition.' : `Allies diverge on ${divergent} condition(s), marked “Divergent”.`}</p>
      {parties.length === 0 ? <p className="muted">No positions are recorded in this case.</p> : (
        <div className="table-scroll" tabIndex={0} role="region" aria-label="Coalition table, scrolls sideways">
          <table className="coalition">
            <thead>
              <tr>
                <th scope="col">Condition</th>
                {parties.map((p) => <th scope="col" key={p}>{name(p)}</th>)}
                <th scope="col">Agreement</th>
              </tr>
            </thead>
            <tbody>
              {dashboard.coalition.map((row) => (
                <tr key={row.condition} className={row.divergent ? 'divergent' : undefined}>
                  <th scope="row"><Link to={withAsOf(`/cases/${encodeURIComponent(caseId)}/conditions/${encodeURIComponent(row.condition)}`)} title={textOf.get(row.condition)}>{shortLabel(textOf.get(row.condition) ?? row.condition, 60)}</Link><div className="small">{row.condition}</div></th>
                  {parties.map((p) => {
                    const pos = row.positions.find((x) => x.party === p);
                    return <td key={p}>{pos ? <StatusBadge status={pos.stance} /> : <span className="muted">no position</span>}</td>;
                  })}
                  <td>{row.divergent ? <strong className="divergent-label">⚠ Divergent</strong> : row.positions.length > 0 ? 'Aligned' : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <More shown={dashboard.coalition.length} total={dashboard.totals.coalition} to={`/cases/${encodeURIComponent(caseId)}/conditions`} where="all conditions (divergent ones are shown first)" />
    </section>
  );
}
