// One candidate match: list, reference, score and its explanation, the decision in force, and
// for reviewers the two decisions with a reason. Decisions belong to a person of the case.
import { useState, type FormEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../api/client';
import { casePath, invalidateCase } from '../api/queries';
import type { ScreenMatch } from '../api/types';
import { useCan } from '../app/caseContext';
import { ProblemMessage } from '../ui/states';

export function MatchRow({ caseId, match, person }: { caseId: string; match: ScreenMatch; person: string | undefined }) {
  const canDecide = useCan('reviewer');
  const [choice, setChoice] = useState<'confirmed' | 'false_positive' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const client = useQueryClient();
  const decision = match.decision;
  const label = `${match.list.toUpperCase()} ${match.ref}`;
  const fieldId = `reason-${person ?? 'x'}-${match.list}-${match.ref}`.replace(/[^a-zA-Z0-9-]/g, '-');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      await api(`${casePath(caseId)}/screening/decisions`, { method: 'POST', body: { person, list: match.list, ref: match.ref, decision: choice, reason } });
      setChoice(null);
      setReason('');
      await invalidateCase(client, caseId);
    } catch (err) {
      setError(err);
    }
  }

  return (
    <li className="match" data-testid={`match-${match.ref}`}>
      <div>
        <strong>{label}</strong> — {match.name}{match.matched_name && match.matched_name !== match.name ? ` (matched “${match.matched_name}”)` : ''} · score <strong>{match.score.toFixed(2)}</strong>{match.strong ? ' (strong)' : ''}
        {match.explanation && <div className="small">{match.explanation}</div>}
        {decision
          ? <p className="decision" data-testid="decision">Decision: <strong>{decision.decision === 'confirmed' ? '✔ confirmed match' : '✖ false positive'}</strong> — {decision.reason} <span className="small">({decision.actor}, {decision.decided_at.slice(0, 10)})</span></p>
          : <p className="muted">No decision yet.</p>}
      </div>
      {canDecide && !person && <p className="small">Decisions are recorded for the case’s persons: screen them above to decide on this match.</p>}
      {canDecide && person && (choice === null ? (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setChoice('confirmed')} aria-label={`Confirm ${label}`}>Confirm</button>
          <button type="button" className="secondary" onClick={() => setChoice('false_positive')} aria-label={`Mark ${label} as false positive`}>False positive</button>
        </div>
      ) : (
        <form onSubmit={submit} className="decision-form">
          <label htmlFor={fieldId}>Reason for “{choice === 'confirmed' ? 'confirmed' : 'false positive'}”</label>
          <input id={fieldId} required value={reason} onChange={(e) => setReason(e.target.value)} />
          <div className="actions"><button type="submit">Record decision</button><button type="button" className="secondary" onClick={() => setChoice(null)}>Cancel</button></div>
          <ProblemMessage error={error} action="Recording the decision" />
        </form>
      ))}
    </li>
  );
}
