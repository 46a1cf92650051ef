// One commitment, condition, claim or leverage instrument at the as-of date: status, confidence,
// the rule and explanation, every counting item with its weight, and the status over time.
import { Link, useParams } from 'react-router';
import { useAssessment, useCase } from '../api/queries';
import type { Assessment, CaseFile } from '../api/types';
import { PageHeading } from '../app/Layout';
import { useCan, useCaseId } from '../app/caseContext';
import { editPath } from '../forms/paths';
import { useNames, useObjectPaths } from '../app/names';
import { useAsOf, useWithAsOf } from '../asof/asOf';
import { Confidence, StatusBadge } from '../ui/StatusBadge';
import { shortLabel } from '../ui/labels';
import { Empty, ProblemMessage, QueryState } from '../ui/states';
import { EvidenceTable, NotCounting } from './EvidenceTable';
import { StatusTimeline } from './StatusTimeline';

export type ObjectKind = 'commitments' | 'conditions' | 'claims' | 'leverage';
const singular: Record<ObjectKind, string> = { commitments: 'Commitment', conditions: 'Condition', claims: 'Claim', leverage: 'Leverage' };

export function ObjectPage({ kind }: { kind: ObjectKind }) {
  const caseId = useCaseId();
  const { objectId = '' } = useParams();
  const { asOf } = useAsOf();
  const assessment = useAssessment(caseId, asOf);
  const c = useCase(caseId);
  const canEdit = useCan('analyst');
  const withAsOf = useWithAsOf();
  const name = useNames(caseId);
  return (
    <>
      <PageHeading title={`${singular[kind]}: ${shortLabel(name(objectId), 70)}`}>
        <p className="small">{objectId}</p>
        {canEdit && <p><Link className="button" to={withAsOf(editPath(caseId, kind, objectId))}>Edit</Link></p>}
        {assessment.isFetching && <p role="status" className="muted">Updating to {asOf}…</p>}
      </PageHeading>
      <QueryState query={c} what="the case">
        {(cf) => (
          <QueryState query={assessment} what="the assessment">
            {(a) => <ObjectBody kind={kind} id={objectId} caseFile={cf} assessment={a} caseId={caseId} />}
          </QueryState>
        )}
      </QueryState>
      {assessment.error != null && assessment.data && <ProblemMessage error={assessment.error} action="Refreshing" />}
      <StatusTimeline caseId={caseId} objectId={objectId} asOf={asOf} />
    </>
  );
}

function ObjectBody({ kind, id, caseFile, assessment, caseId }: { kind: ObjectKind; id: string; caseFile: CaseFile; assessment: Assessment; caseId: string }) {
  const name = useNames(caseId);
  const pathOf = useObjectPaths(caseId);
  const withAsOf = useWithAsOf();
  const ref = (x: string) => {
    const p = pathOf(x);
    // The linked object's name, its id in small type.
    return <>{p ? <Link to={withAsOf(p)}>{name(x)}</Link> : name(x)}{name(x) !== x && <span className="small"> {x}</span>}</>;
  };
  const object = (caseFile[kind] as { id: string; text?: string }[]).find((o) => o.id === id);
  if (!object) return <Empty>There is no {singular[kind].toLowerCase()} “{id}” in this case.</Empty>;

  if (kind === 'commitments') {
    const o = caseFile.commitments.find((x) => x.id === id)!;
    const r = assessment.commitments.find((x) => x.id === id);
    return (
      <>
        <blockquote className="object-text">{o.text}</blockquote>
        <p className="muted">{o.kind} by {name(o.by)}, made {o.made}{o.due ? `, due ${o.due}` : ''} · source {ref(o.source)}</p>
        {r && (
          <Verdict status={r.status} confidence={r.confidence} asOf={assessment.as_of} rule={r.rule} explanation={r.explanation} confidenceReason={r.confidence_reason}>
            <p>Support S = <strong>{r.support.toFixed(2)}</strong>, contradiction C = <strong>{r.contradiction.toFixed(2)}</strong></p>
            <EvidenceTable caseId={caseId} entries={r.evidence} caption="Counting evidence, largest weight first" />
            <NotCounting entries={r.not_counting} />
          </Verdict>
        )}
      </>
    );
  }
  if (kind === 'conditions') {
    const o = caseFile.conditions.find((x) => x.id === id)!;
    const r = assessment.conditions.find((x) => x.id === id);
    return (
      <>
        <blockquote className="object-text">{o.text}</blockquote>
        <p className="muted">set by {o.set_by.map(name).join(', ')}</p>
        {r && (
          <Verdict status={r.status} confidence={r.confidence} asOf={assessment.as_of} rule={r.rule} explanation={r.explanation}>
            <h3>Parts</h3>
            {r.parts.length === 0 ? <p className="muted">No part counts at this date.</p> : (
              <table>
                <thead><tr><th scope="col">Part</th><th scope="col">Status</th><th scope="col" className="num">S</th><th scope="col" className="num">C</th><th scope="col">Rule</th></tr></thead>
                <tbody>
                  {r.parts.map((p) => (
                    <tr key={p.id + p.kind}>
                      <td>{p.kind === 'own_evidence' ? 'the condition’s own evidence' : ref(p.id)}</td>
                      <td><StatusBadge status={p.status} /> <Confidence value={p.confidence} /></td>
                      <td className="num">{p.support.toFixed(2)}</td>
                      <td className="num">{p.contradiction.toFixed(2)}</td>
                      <td className="small">{p.rule}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <EvidenceTable caseId={caseId} entries={r.evidence} caption="The condition’s own counting evidence" />
            <NotCounting entries={r.not_counting} />
          </Verdict>
        )}
      </>
    );
  }
  if (kind === 'claims') {
    const o = caseFile.claims.find((x) => x.id === id)!;
    const r = assessment.claims.find((x) => x.id === id);
    return (
      <>
        <blockquote className="object-text">“{o.text}”</blockquote>
        <p className="muted">{name(o.by)}, {o.made} · asserts {ref(o.asserts.target)} is <strong>{o.asserts.status.replace(/_/g, ' ')}</strong></p>
        {r && (r.status === 'not_yet_made'
          ? <Empty>This claim was not yet made on {assessment.as_of} (made {r.made}).</Empty>
          : (
            <Verdict status={r.verdict_now} asOf={assessment.as_of} explanation={r.explanation}>
              <ul className="facts">
                <li>Verdict when made ({r.made}): <StatusBadge status={r.verdict_when_made} /> — target was {r.target_status_when_made?.replace(/_/g, ' ') ?? 'unknown'}</li>
                <li>Verdict at {assessment.as_of}: <StatusBadge status={r.verdict_now} /> — target is {r.target_status_now?.replace(/_/g, ' ') ?? 'unknown'}</li>
                {r.contradicted_when_made && <li><strong className="flag">⚑ Contradicted when made</strong>: the evidence known on {r.made} already said otherwise.</li>}
              </ul>
              <EvidenceTable caseId={caseId} entries={r.known_when_made} caption={`Evidence that decided the target’s status on ${r.made}`} />
            </Verdict>
          ))}
      </>
    );
  }
  const o = caseFile.leverage.find((x) => x.id === id)!;
  const r = assessment.leverage.find((x) => x.id === id);
  return (
    <>
      <blockquote className="object-text">{o.text}</blockquote>
      <p className="muted">{o.kind.replace(/_/g, ' ')} held by {name(o.held_by)}{o.review ? ` · review ${o.review}` : ''}</p>
      {r && (
        <Verdict status={r.recommendation} confidence={r.confidence} asOf={assessment.as_of} rule={r.rule} explanation={r.explanation}>
          <h3>Gating conditions</h3>
          <ul>{r.gated_by.map((g) => <li key={g.id}>{ref(g.id)}: <StatusBadge status={g.status} /></li>)}</ul>
          {r.flags.length > 0 && (
            <>
              <h3>Released against conditions</h3>
              <ul>{r.flags.map((f) => <li key={f.date + f.action}><strong className="flag">⚑ {f.action.replace(/_/g, ' ')}</strong> on {f.date} while unmet: {f.unmet.join(', ')}</li>)}</ul>
            </>
          )}
          <h3>Decisions recorded</h3>
          {o.decisions.length === 0 ? <p className="muted">None.</p> : <ul>{o.decisions.map((d) => <li key={d.date + d.action}>{d.date}: {d.action.replace(/_/g, ' ')}{d.text ? ` — ${d.text}` : ''}</li>)}</ul>}
        </Verdict>
      )}
    </>
  );
}

function Verdict({ status, confidence, asOf, rule, explanation, confidenceReason, children }: {
  status: string | null; confidence?: string | null; asOf: string; rule?: string; explanation: string; confidenceReason?: string | null; children?: React.ReactNode;
}) {
  return (
    <section aria-labelledby="verdict" className="verdict">
      <h2 id="verdict">Status as of {asOf}</h2>
      <p className="status-line" data-testid="object-status"><StatusBadge status={status} />{confidence !== undefined && <> · <Confidence value={confidence} /></>}</p>
      {rule && <p><strong>Rule:</strong> {rule}</p>}
      {confidenceReason && <p><strong>Confidence:</strong> {confidenceReason}</p>}
      <p className="explanation" data-testid="explanation">{explanation}</p>
      {children}
    </section>
  );
}
