// One match under review: who (the case's person, by name), the listed entry and its listing
// details, the score and the matcher's explanation, the decision in force, and for reviewers the
// decision buttons.
import { DecisionButtons } from './DecisionButtons';
import { birthText, stateLabel, type ReviewMatch } from './reviewTypes';

export function ReviewRow({ caseId, match, canDecide, onDecided }: { caseId: string; match: ReviewMatch; canDecide: boolean; onDecided: () => void | Promise<void> }) {
  const label = `${match.list.toUpperCase()} ${match.ref}`;
  const listing = match.listing;
  return (
    <li className="match review-match" data-testid={`review-${match.person}-${match.ref}`}>
      <div>
        <h3>
          {match.person_name} <span className="small">and</span> {match.name}
          <span className="small"> · {label}</span>
        </h3>
        <p>
          Score <strong>{match.score.toFixed(2)}</strong>{match.strong ? ' (strong)' : ''}
          {match.matched_name !== match.name && <> · matched the listed name “{match.matched_name}”</>}
          {match.query_name && match.query_name !== match.person_name && <> · from the name “{match.query_name}”</>}
        </p>
        {match.explanation ? <p className="explanation">{match.explanation}</p> : <p className="small">This run was stored before explanations were kept; screen again for one.</p>}
        {listing ? (
          <dl className="facts-grid">
            <dt>Born</dt><dd>{listing.birth.length ? listing.birth.map(birthText).join('; ') : 'not given'}</dd>
            <dt>Nationality</dt><dd>{listing.nationality.length ? listing.nationality.join(', ') : 'not given'}</dd>
            <dt>Reference</dt><dd>{label}{listing.programs.length ? ` (${listing.programs.join(', ')})` : ''}</dd>
            <dt>Listed on</dt><dd>{listing.listed_on ?? 'not given'}</dd>
            {listing.remarks && <><dt>Remarks</dt><dd>{listing.remarks}</dd></>}
          </dl>
        ) : <p className="small">The list version this run used no longer holds the entry’s details.</p>}
        {match.decision
          ? <p className="decision" data-testid="decision">{stateLabel[match.state]}: {match.decision.reason} <span className="small">({match.decision.actor.replace(/^user:/, '')}, {match.decision.decided_at.slice(0, 10)})</span></p>
          : <p className="muted">No decision yet.</p>}
      </div>
      {canDecide && <DecisionButtons caseId={caseId} person={match.person} list={match.list} refId={match.ref} label={`${label} for ${match.person_name}`} onDecided={onDecided} />}
    </li>
  );
}
