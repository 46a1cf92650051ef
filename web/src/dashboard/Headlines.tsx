// Headline findings: commitments broken, conditions unmet, leverage released against
// conditions, claims contradicted when made, tripwires firing. Each list says when it is empty.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isNotFound } from '../api/client';
import type { AlertsResponse, Dashboard } from '../api/types';
import { useNames } from '../app/names';
import { useWithAsOf } from '../asof/asOf';
import { Confidence } from '../ui/StatusBadge';
import { shortLabel } from '../ui/labels';
import { Loading } from '../ui/states';
import { More } from './More';

interface Props {
  caseId: string;
  dashboard: Dashboard;
  alerts: { data: AlertsResponse | undefined; error: unknown; isPending: boolean };
}

export function Headlines({ caseId, dashboard, alerts }: Props) {
  const h = dashboard.headlines;
  const t = dashboard.totals;
  const withAsOf = useWithAsOf();
  const name = useNames(caseId);
  const base = `/cases/${encodeURIComponent(caseId)}`;
  // People read the object's own words; the id follows in small type.
  const link = (list: string, id: string, text: string) => (
    <><Link to={withAsOf(`${base}/${list}/${encodeURIComponent(id)}`)} title={text}>{shortLabel(text, 90) || id}</Link> <span className="small">{id}</span></>
  );
  const textOf = new Map([...dashboard.scorecard.conditions, ...dashboard.scorecard.leverage].map((o) => [o.id, o.text]));
  return (
    <section aria-labelledby="headlines" className="headlines">
      <h2 id="headlines">Headline findings</h2>
      <div className="headline-grid">
        <Finding title="Commitments broken" count={t.broken_commitments} none="No commitment is broken at this date." more={<More shown={h.broken_commitments.length} total={t.broken_commitments} to={`${base}/commitments?status=broken`} where="all broken commitments" />}>
          {h.broken_commitments.map((m) => (
            <li key={m.id}>{link('commitments', m.id, m.text)} <Confidence value={m.confidence} /></li>
          ))}
        </Finding>
        <Finding title="Conditions not met" count={t.unmet_conditions} none="No condition is unmet at this date." more={<More shown={h.unmet_conditions.length} total={t.unmet_conditions} to={`${base}/conditions?status=not_met`} where="all unmet conditions" />}>
          {h.unmet_conditions.map((k) => (
            <li key={k.id}>{link('conditions', k.id, k.text)} <Confidence value={k.confidence} /></li>
          ))}
        </Finding>
        <Finding title="Leverage released against conditions" count={t.released_against_conditions} none="No leverage was released while its conditions were unmet." more={<More shown={h.released_against_conditions.length} total={t.released_against_conditions} to={`${base}/leverage`} where="all leverage (flagged ones)" />}>
          {h.released_against_conditions.map((f) => (
            <li key={`${f.leverage}-${f.date}-${f.action}`}>
              {link('leverage', f.leverage, textOf.get(f.leverage) ?? f.leverage)}: <strong>{f.action.replace(/_/g, ' ')}</strong> on {f.date} while unmet: {f.unmet.map((id) => shortLabel(textOf.get(id) ?? id, 50)).join('; ')}
            </li>
          ))}
        </Finding>
        <Finding title="Claims contradicted when made" count={t.claims_contradicted_when_made} none="No claim was contradicted by the evidence known when it was made." more={<More shown={h.claims_contradicted_when_made.length} total={t.claims_contradicted_when_made} to={`${base}/claims`} where="the claims audit" />}>
          {h.claims_contradicted_when_made.map((k) => (
            <li key={k.id}>{name(k.by)} on {k.made}: {link('claims', k.id, `“${k.text}”`)}</li>
          ))}
        </Finding>
        <Tripwires alerts={alerts} name={name} />
      </div>
    </section>
  );
}

function Finding({ title, count, none, more, children }: { title: string; count: number; none: string; more?: ReactNode; children: ReactNode }) {
  return (
    <article className={`finding ${count > 0 ? 'finding-alert' : ''}`} aria-label={title}>
      <h3><span className="count">{count}</span> {title}</h3>
      {count === 0 ? <p className="muted">{none}</p> : <ul>{children}</ul>}
      {more}
    </article>
  );
}

function Tripwires({ alerts, name }: { alerts: Props['alerts']; name: (id: string) => string }) {
  const title = 'Tripwires firing';
  if (alerts.isPending) return <article className="finding" aria-label={title}><h3>{title}</h3><Loading what="Checking tripwires" /></article>;
  if (alerts.error) {
    const why = isNotFound(alerts.error) ? 'Alerts are not available from this server yet.' : `Alerts could not be loaded: ${(alerts.error as Error).message}`;
    return <article className="finding" aria-label={title}><h3>{title}</h3><p className="muted">{why}</p></article>;
  }
  const list = alerts.data?.alerts ?? [];
  return (
    <Finding title={title} count={list.length} none="No tripwire fires at this date.">
      {list.map((a) => (
        <li key={a.tripwire}>
          <strong>{shortLabel(name(a.tripwire), 70)}</strong> <span className="small">{a.tripwire}</span> ({a.kind.replace(/_/g, ' ')}){a.first ? `, first ${a.first}` : ''}{a.periods.length ? ` — ${a.periods.length} period(s)` : ''}
          {a.advice ? <>: {a.advice}</> : null}
        </li>
      ))}
    </Finding>
  );
}
