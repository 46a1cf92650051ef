// The review panel: where a reader should look twice before signing the assessment (the same
// warnings as `deeds review`). Each warning names its object, linked, and says why in words.
import { Link } from 'react-router';
import type { ReviewWarning } from '../api/types';
import { useNames, useObjectPaths } from '../app/names';
import { shortLabel } from '../ui/labels';
import { useWithAsOf } from '../asof/asOf';
import { More } from './More';

const kindWords: Record<string, string> = {
  single_source: 'One independent origin',
  derived_sources: 'Restated sources counted once',
  low_grade_only: 'Only low grades',
  stale: 'Stale evidence',
  pre_commitment_evidence: 'Evidence from before the pledge',
  backdated_retraction: 'Backdated retraction',
  recorded_before_observed: 'Recorded before observed',
  claim_self_sourced: 'Claim judged by its own source',
};

/** `total`: how many warnings there are in all, when the dashboard gave only the first. */
export function ReviewPanel({ caseId, warnings, total = warnings.length }: { caseId: string; warnings: readonly ReviewWarning[]; total?: number }) {
  const pathOf = useObjectPaths(caseId);
  const name = useNames(caseId);
  const withAsOf = useWithAsOf();
  return (
    <section aria-labelledby="review">
      <h2 id="review">Review before signing ({total})</h2>
      {warnings.length === 0 ? <p className="muted">No analytic-integrity warning at this date.</p> : (
        <ul className="review-warnings">
          {warnings.map((w) => {
            const path = pathOf(w.object);
            return (
              <li key={`${w.kind} ${w.object}`}>
                <strong>{kindWords[w.kind] ?? w.kind}</strong>{' · '}
                {path ? <Link to={withAsOf(path)} title={name(w.object)}>{shortLabel(name(w.object), 70)}</Link> : shortLabel(name(w.object), 70)}
                {name(w.object) !== w.object && <span className="small"> {w.object}</span>}
                <span className="muted"> — {w.detail}</span>
              </li>
            );
          })}
        </ul>
      )}
      <More shown={warnings.length} total={total} where="`deeds review` lists them all" />
    </section>
  );
}

