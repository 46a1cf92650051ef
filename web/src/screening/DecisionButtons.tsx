// The two decisions on a match — confirmed or false positive — each with its reason, for
// reviewers. The decision belongs to the person of the case and the listed entry.
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ProblemMessage } from '../ui/states';

export function DecisionButtons({ caseId, person, list, refId, label, onDecided }: {
  caseId: string; person: string; list: string; refId: string; label: string; onDecided: () => void | Promise<void>;
}) {
  const [choice, setChoice] = useState<'confirmed' | 'false_positive' | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const fieldId = `reason-${person}-${list}-${refId}`.replace(/[^a-zA-Z0-9-]/g, '-');

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await api(`/api/cases/${encodeURIComponent(caseId)}/screening/decisions`, { method: 'POST', body: { person, list, ref: refId, decision: choice, reason } });
      setChoice(null);
      setReason('');
      await onDecided();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (choice === null) {
    return (
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setChoice('confirmed')} aria-label={`Confirm ${label}`}>Confirm</button>
        <button type="button" className="secondary" onClick={() => setChoice('false_positive')} aria-label={`Mark ${label} as false positive`}>False positive</button>
      </div>
    );
  }
  return (
    <form onSubmit={submit} className="decision-form">
      <label htmlFor={fieldId}>Reason for “{choice === 'confirmed' ? 'confirmed' : 'false positive'}” ({label})</label>
      <input id={fieldId} required value={reason} onChange={(e) => setReason(e.target.value)} />
      <div className="actions">
        <button type="submit" disabled={busy}>Record decision</button>
        <button type="button" className="secondary" onClick={() => setChoice(null)}>Cancel</button>
      </div>
      <ProblemMessage error={error} action="Recording the decision" />
    </form>
  );
}
