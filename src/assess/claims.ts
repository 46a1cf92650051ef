// Claim verdicts (ALGORITHMS.md §7): what a claim asserted against what the evidence said,
// both on the day it was made (using only what was recorded by then) and at the as-of date.
import type { Claim } from '../case/schema.js';
import { judgeCondition, type ConditionJudgement, type ConditionStatus, type TallyOf } from './conditions.js';
import type { PreparedCase } from './prepare.js';
import { timingOf } from './prerequisites.js';
import { judgeCommitment, type CommitmentJudgement, type CommitmentStatus } from './status.js';

export type Verdict = 'supported' | 'contradicted' | 'disputed' | 'unsupported';
export type AssertedStatus = Claim['asserts']['status'];
export type TargetStatus = CommitmentStatus | ConditionStatus;

export type TargetJudgement =
  | { readonly kind: 'commitment'; readonly status: CommitmentStatus; readonly judgement: CommitmentJudgement }
  | { readonly kind: 'condition'; readonly status: ConditionStatus; readonly judgement: ConditionJudgement }
  | { readonly kind: 'missing'; readonly status: 'unknown' };

export function judgeTarget(p: PreparedCase, target: string, at: number, tallyOf: TallyOf): TargetJudgement {
  const commitment = p.commitments.get(target);
  if (commitment) {
    const judgement = judgeCommitment(tallyOf(target), timingOf(p, commitment, at), p.limits);
    return { kind: 'commitment', status: judgement.status, judgement };
  }
  const condition = p.conditions.get(target);
  if (condition) {
    const judgement = judgeCondition(p, condition.condition, at, tallyOf);
    return { kind: 'condition', status: judgement.status, judgement };
  }
  return { kind: 'missing', status: 'unknown' };
}

const positive = new Set<TargetStatus>(['kept', 'met']);
const negative = new Set<TargetStatus>(['broken', 'not_met']);
const partial = new Set<TargetStatus>(['partly_kept', 'partly_met', 'at_risk']);

/**
 * Asserted status against computed status. A target not yet made (or set) cannot back any
 * assertion. `at_risk` (contrary evidence short of a breach) disputes either assertion; `blocked`
 * (not done, for want of a prerequisite) contradicts "kept" and disputes "broken".
 */
export function verdictOf(asserted: AssertedStatus, computed: TargetStatus): Verdict {
  const assertsPositive = positive.has(asserted);
  if (computed === 'blocked') return assertsPositive ? 'contradicted' : 'disputed';
  if (positive.has(computed)) return assertsPositive ? 'supported' : 'contradicted';
  if (negative.has(computed)) return assertsPositive ? 'contradicted' : 'supported';
  if (partial.has(computed)) return 'disputed';
  return 'unsupported';
}

export function describeVerdict(claim: Claim, status: TargetStatus, verdict: Verdict, when: string, tense: 'was' | 'is' = 'was'): string {
  return `${when}: ${claim.asserts.target} ${tense} ${status}, the claim asserted ${claim.asserts.status} → ${verdict}`;
}
