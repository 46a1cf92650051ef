// Condition status (ALGORITHMS.md §4). A condition is judged by its parts: the commitments it
// requires and, when some of its own supporting or contradicting evidence counts, that
// evidence judged like an obligation without a due date.
import type { Condition } from '../case/schema.js';
import type { PreparedCase } from './prepare.js';
import { timingOf } from './prerequisites.js';
import { confidenceOrder, judgeCommitment, type CommitmentJudgement, type Confidence } from './status.js';
import type { Tally } from './tally.js';

export type ConditionStatus = 'met' | 'not_met' | 'partly_met' | 'unknown' | 'not_yet_set';
export const conditionStatuses: readonly ConditionStatus[] = ['not_met', 'met', 'partly_met', 'unknown', 'not_yet_set'];
/** `at_risk`: a part at risk keeps the condition from being met or partly met (status unknown). */
export type ConditionRule = ConditionStatus | 'no_parts' | 'at_risk';

export interface ConditionPartJudgement {
  /** The commitment's id, or the condition's own id for its own evidence. */
  readonly id: string;
  readonly kind: 'commitment' | 'own_evidence';
  readonly judgement: CommitmentJudgement;
}

export interface ConditionJudgement {
  readonly status: ConditionStatus;
  readonly rule: ConditionRule;
  readonly confidence: Confidence;
  readonly parts: readonly ConditionPartJudgement[];
  /** The parts whose status decided the rule (all parts for `met`). */
  readonly deciding: readonly string[];
  /** When the condition was set (`not_yet_set` only). */
  readonly setText?: string | null;
}

/** The tally of a target at the date being judged. */
export type TallyOf = (target: string) => Tally;

export function judgeCondition(p: PreparedCase, condition: Condition, at: number, tallyOf: TallyOf): ConditionJudgement {
  const set = p.conditions.get(condition.id);
  if (set && set.set > at) return { status: 'not_yet_set', rule: 'not_yet_set', confidence: 'low', parts: [], deciding: [], setText: set.setText };
  const parts: ConditionPartJudgement[] = [];
  for (const id of new Set(condition.requires)) {
    const info = p.commitments.get(id);
    const timing = info ? timingOf(p, info, at) : { at, made: null, due: null };
    parts.push({ id, kind: 'commitment', judgement: judgeCommitment(tallyOf(id), timing, p.limits) });
  }
  const own = tallyOf(condition.id);
  if (own.links > 0) parts.push({ id: condition.id, kind: 'own_evidence', judgement: judgeCommitment(own, { at, made: null, due: null }, p.limits) });

  const decided = (status: ConditionStatus, rule: ConditionRule, deciding: ConditionPartJudgement[], confidence: Confidence): ConditionJudgement =>
    ({ status, rule, confidence, parts, deciding: deciding.map((d) => d.id) });
  if (parts.length === 0) return decided('unknown', 'no_parts', [], 'low');
  const broken = parts.filter((x) => x.judgement.status === 'broken');
  // "any part broken" needs only one part: the most confident one carries the finding.
  if (broken.length > 0) return decided('not_met', 'not_met', broken, strongest(broken));
  // Contrary evidence short of a breach: the condition cannot be called met, nor partly met.
  const atRisk = parts.filter((x) => x.judgement.status === 'at_risk');
  if (atRisk.length > 0) return decided('unknown', 'at_risk', atRisk, 'low');
  // "every part kept" is only as sure as its least sure part.
  if (parts.every((x) => x.judgement.status === 'kept')) return decided('met', 'met', parts, weakest(parts));
  const some = parts.filter((x) => x.judgement.status === 'kept' || x.judgement.status === 'partly_kept');
  if (some.length > 0) return decided('partly_met', 'partly_met', some, strongest(some));
  return decided('unknown', 'unknown', [], 'low');
}

function strongest(parts: readonly ConditionPartJudgement[]): Confidence {
  return parts.map(confidenceOfPart).reduce((a, b) => (confidenceOrder[b] > confidenceOrder[a] ? b : a));
}

function weakest(parts: readonly ConditionPartJudgement[]): Confidence {
  return parts.map(confidenceOfPart).reduce((a, b) => (confidenceOrder[b] < confidenceOrder[a] ? b : a));
}

function confidenceOfPart(part: ConditionPartJudgement): Confidence {
  return part.judgement.confidence ?? 'low';
}

export function describeConditionRule(j: ConditionJudgement): string {
  const deciding = j.parts.filter((x) => j.deciding.includes(x.id));
  const others = j.parts.filter((x) => !j.deciding.includes(x.id));
  const withStatus = (xs: readonly ConditionPartJudgement[]) => xs.map((x) => `${partLabel(x)} ${x.judgement.status}`).join(', ');
  switch (j.rule) {
    case 'not_yet_set':
      return `not_yet_set: set ${j.setText ?? '?'}; until then it gates nothing`;
    case 'no_parts':
      return 'unknown: no part (it requires no commitment and none of its own evidence counts)';
    case 'at_risk':
      return `unknown: ${deciding.length === 1 ? 'part' : 'parts'} ${deciding.map(partLabel).join(', ')} ${deciding.length === 1 ? 'is' : 'are'} at risk (contrary evidence below the broken threshold), so it is neither met nor partly met`;
    case 'not_met':
      return `not_met: ${deciding.length === 1 ? 'part' : 'parts'} ${deciding.map(partLabel).join(', ')} ${deciding.length === 1 ? 'is' : 'are'} broken`;
    case 'met':
      return `met: every part is kept (${deciding.map(partLabel).join(', ')})`;
    case 'partly_met':
      return `partly_met: ${withStatus(deciding)}${others.length > 0 ? `; ${withStatus(others)}` : ''}; no part broken, not every part kept`;
    case 'unknown':
      return `unknown: no part is kept, partly kept or broken (${withStatus(j.parts)})`;
  }
}

export function partLabel(part: ConditionPartJudgement): string {
  return part.kind === 'own_evidence' ? 'own evidence' : part.id;
}
