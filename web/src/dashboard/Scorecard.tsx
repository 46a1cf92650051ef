// The scorecard: each condition (row, with its status) against each instrument of leverage
// (column, with its recommendation); a cell marks that the condition gates the instrument.
import { Link } from 'react-router';
import type { Dashboard } from '../api/types';
import { useWithAsOf } from '../asof/asOf';
import { useNames } from '../app/names';
import { StatusBadge, statusWords } from '../ui/StatusBadge';
import { gateEffect, shortLabel } from '../ui/labels';
import { More } from './More';

export function Scorecard({ caseId, dashboard }: { caseId: string; dashboard: Dashboard }) {
  const { conditions, leverage } = dashboard.scorecard;
  const withAsOf = useWithAsOf();
  const name = useNames(caseId);
  const base = `/cases/${encodeURIComponent(caseId)}`;
  const statusOf = new Map(conditions.map((k) => [k.id, k.status]));
  return (
    <section aria-labelledby="scorecard">
      <h2 id="scorecard">Scorecard: conditions × leverage</h2>
      <p className="muted">A marked cell means the instrument is gated by that condition, and says what the condition does to it at this date. Hover a label for its full text.</p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Scorecard table, scrolls sideways">
        <table className="scorecard">
          <caption className="sr-only">Conditions (rows) against leverage instruments (columns)</caption>
          <thead>
            <tr>
              <th scope="col">Condition</th>
              <th scope="col">Status</th>
              {leverage.map((l) => (
                <th scope="col" key={l.id} className="lev-head">
                  <Link to={withAsOf(`${base}/leverage/${encodeURIComponent(l.id)}`)} title={`${l.text} (${l.id})`}>{shortLabel(l.text, 40)}</Link>
                  <div className="small">{name(l.held_by)}</div>
                  <div><StatusBadge status={l.recommendation} /></div>
                  {l.flagged && <div className="flag">⚑ released against conditions</div>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {conditions.map((k) => (
              <tr key={k.id}>
                <th scope="row"><Link to={withAsOf(`${base}/conditions/${encodeURIComponent(k.id)}`)} title={k.text}>{shortLabel(k.text, 70)}</Link><div className="small">{k.id}</div></th>
                <td><StatusBadge status={k.status} /></td>
                {leverage.map((l) => {
                  const gates = l.gated_by.includes(k.id);
                  return (
                    <td key={l.id} className={gates ? `gate tone-cell-${statusOf.get(k.id)}` : 'no-gate'}>
                      {gates ? <span>{gateEffect(k.status)} <span className="sr-only">of {shortLabel(l.text, 40)}; condition {statusWords(k.status)}</span></span> : <span className="sr-only">not gated</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <More shown={conditions.length} total={dashboard.totals.conditions} to={`${base}/conditions`} where="all conditions (unmet ones are shown first)" />
      <More shown={leverage.length} total={dashboard.totals.leverage} to={`${base}/leverage`} where="all leverage (flagged ones are shown first)" />
    </section>
  );
}
