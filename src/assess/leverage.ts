// Leverage recommendation and the "released against conditions" flag (ALGORITHMS.md §6).
import type { Condition, Leverage } from '../case/schema.js';
import { judgeCondition, type ConditionJudgement, type ConditionStatus, type TallyOf } from './conditions.js';
import type { PreparedCase } from './prepare.js';
import { confidenceOrder, type Confidence } from './status.js';
import { talliesAt } from './tally.js';

export type Recommendation = 'withhold' | 'release' | 'review';
/**
 * `no_gates`: nothing gates the instrument, so nothing can justify releasing it.
 * `not_yet_set`: every gating condition is still to be set, so none can decide yet.
 */
export type LeverageRule = Recommendation | 'no_gates' | 'not_yet_set';

export interface GateJudgement {
  readonly id: string;
  readonly judgement: ConditionJudgement;
}

export interface LeverageJudgement {
  readonly recommendation: Recommendation;
  readonly rule: LeverageRule;
  /** withhold: the most confident not-met gate; release: the least confident gate; review: none. */
  readonly confidence: Confidence | null;
  readonly gates: readonly GateJudgement[];
  /** Gates that are set and whose status is anything but `met`, in `gated_by` order. */
  readonly unmet: readonly string[];
}

export interface ReleaseFlag {
  readonly kind: 'released_against_conditions';
  readonly date: string;
  readonly action: 'released' | 'partly_released' | 'renewed';
  /** Gating conditions not met at the decision date. */
  readonly unmet: readonly string[];
  readonly conditions: readonly { readonly id: string; readonly status: ConditionStatus }[];
}

export function judgeLeverage(p: PreparedCase, leverage: Leverage, at: number, tallyOf: TallyOf): LeverageJudgement {
  const gates = [...new Set(leverage.gated_by)].map((id) => ({ id, judgement: judgeCondition(p, p.conditions.get(id)?.condition ?? missingCondition(id), at, tallyOf) }));
  // A condition not yet set gates nothing: the recommendation rests on the others.
  const active = gates.filter((g) => g.judgement.status !== 'not_yet_set');
  const unmet = active.filter((g) => g.judgement.status !== 'met').map((g) => g.id);
  const notMet = active.filter((g) => g.judgement.status === 'not_met');
  if (notMet.length > 0) {
    const confidence = notMet.map((g) => g.judgement.confidence).reduce((a, b) => (confidenceOrder[b] > confidenceOrder[a] ? b : a));
    return { recommendation: 'withhold', rule: 'withhold', confidence, gates, unmet };
  }
  // The contract's "every gating condition is met" would hold vacuously with no gate; a
  // release needs at least one condition met, as a condition needs at least one part.
  if (gates.length === 0) return { recommendation: 'review', rule: 'no_gates', confidence: null, gates, unmet };
  if (active.length === 0) return { recommendation: 'review', rule: 'not_yet_set', confidence: null, gates, unmet };
  if (unmet.length === 0) {
    const confidence = active.map((g) => g.judgement.confidence).reduce((a, b) => (confidenceOrder[b] < confidenceOrder[a] ? b : a));
    return { recommendation: 'release', rule: 'release', confidence, gates, unmet };
  }
  return { recommendation: 'review', rule: 'review', confidence: null, gates, unmet };
}

const releasing = new Set(['released', 'partly_released', 'renewed']);

/** Decisions on or before `at` that gave leverage away while the recommendation that day was withhold. */
export function releasesAgainstConditions(p: PreparedCase, leverage: Leverage, at: number): ReleaseFlag[] {
  const flags: ReleaseFlag[] = [];
  for (const d of p.decisions.get(leverage.id) ?? []) {
    if (d.date > at || !releasing.has(d.action)) continue;
    const then = judgeLeverage(p, leverage, d.date, talliesAt(p, d.date));
    if (then.recommendation !== 'withhold') continue;
    flags.push({
      kind: 'released_against_conditions',
      date: d.dateText,
      action: d.action as ReleaseFlag['action'],
      unmet: then.unmet,
      conditions: then.gates.filter((g) => then.unmet.includes(g.id)).map((g) => ({ id: g.id, status: g.judgement.status })),
    });
  }
  return flags;
}

export function describeLeverageRule(j: LeverageJudgement): string {
  const listed = (statuses: readonly ConditionStatus[] | null) => j.gates
    .filter((g) => statuses === null || statuses.includes(g.judgement.status))
    .map((g) => `${g.id} ${g.judgement.status}`).join(', ');
  switch (j.rule) {
    case 'withhold':
      return `withhold: gating condition${j.gates.filter((g) => g.judgement.status === 'not_met').length === 1 ? '' : 's'} ${listed(['not_met'])}`;
    case 'release':
      return `release: every gating condition is met (${listed(['met'])})${notYetSet(j)}`;
    case 'review':
      return `review: no gating condition is not_met, but not all are met (${listed(['partly_met', 'unknown'])})${notYetSet(j)}`;
    case 'not_yet_set':
      return `review: no gating condition has been set yet (${j.gates.map((g) => `${g.id} set ${g.judgement.setText ?? '?'}`).join(', ')}), so none can decide`;
    case 'no_gates':
      return 'review: no condition gates this instrument, so nothing shows that it may be released';
  }
}

function notYetSet(j: LeverageJudgement): string {
  const later = j.gates.filter((g) => g.judgement.status === 'not_yet_set');
  return later.length === 0 ? '' : `; not yet set, so not counted: ${later.map((g) => `${g.id} (set ${g.judgement.setText ?? '?'})`).join(', ')}`;
}

/** A gate naming no condition of the case (possible only in an unvalidated case) has no part. */
function missingCondition(id: string): Condition {
  return { id, set_by: [], category: 'other', text: '', requires: [] };
}
