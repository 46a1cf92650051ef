// Prerequisites (`depends_on`). When an obligation falls due while a commitment it depends on
// had not been kept, the deadline passed for want of the other side's part: `blocked`, not
// `broken (missed)`. Whether a prerequisite was kept is judged at the due date, with what was
// known then (or at the fixed knowledge date), so the answer never changes with the as-of
// date and is computed once per obligation.
import { linksOf, type Blocker, type CommitmentInfo, type PreparedCase } from './prepare.js';
import { judgeCommitment, type Timing } from './status.js';
import { tallyAt } from './tally.js';

/** The timing of a commitment at `at`, with its prerequisites looked up only when needed. */
export function timingOf(p: PreparedCase, info: CommitmentInfo, at: number): Timing {
  const deps = info.commitment.depends_on;
  if (!deps || deps.length === 0 || info.due === null) return { at, made: info.made, due: info.due };
  return { at, made: info.made, due: info.due, blockers: () => blockersOf(p, info, new Set()) };
}

function blockersOf(p: PreparedCase, info: CommitmentInfo, visiting: Set<string>): readonly Blocker[] {
  const id = info.commitment.id;
  const known = p.blockers.get(id);
  if (known) return known;
  const due = info.due as number;
  const blockers: Blocker[] = [];
  visiting.add(id);
  for (const dep of new Set(info.commitment.depends_on ?? [])) {
    const prerequisite = p.commitments.get(dep);
    if (!prerequisite) continue;
    // A loop of prerequisites: none of them can have been kept first.
    if (visiting.has(dep)) {
      blockers.push({ id: dep, status: 'blocked' });
      continue;
    }
    const timing: Timing = prerequisite.commitment.depends_on?.length && prerequisite.due !== null
      ? { at: due, made: prerequisite.made, due: prerequisite.due, blockers: () => blockersOf(p, prerequisite, visiting) }
      : { at: due, made: prerequisite.made, due: prerequisite.due };
    const j = judgeCommitment(tallyAt(linksOf(p, dep), due), timing, p.limits);
    if (j.status !== 'kept') blockers.push({ id: dep, status: j.status });
  }
  visiting.delete(id);
  p.blockers.set(id, blockers);
  return blockers;
}
