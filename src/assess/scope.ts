// What one object's status depends on, for timelines: the targets whose evidence can move it,
// the dated events of the case that can move it (a commitment made, a due date passing), and
// how to judge it from the tallies of those targets.
import type { CaseFile } from '../case/schema.js';
import { judgeTarget, verdictOf } from './claims.js';
import { describeConditionRule, judgeCondition, type TallyOf } from './conditions.js';
import { UnknownObjectError } from './errors.js';
import { describeLeverageRule, judgeLeverage } from './leverage.js';
import type { PreparedCase } from './prepare.js';
import { timingOf } from './prerequisites.js';
import { describeCommitmentRule, judgeCommitment, type Confidence } from './status.js';
import { fromUnits } from './weights.js';

export type ObjectKind = 'commitment' | 'condition' | 'leverage' | 'claim';

export interface ObjectState {
  readonly status: string;
  readonly confidence: Confidence | null;
  /** Commitments only. */
  readonly support?: number;
  readonly contradiction?: number;
  /** The deciding rule in words, for a change of status. */
  readonly describe: (atText: string) => string;
}

export interface DatedEvent {
  /** The first instant at which the event has happened. */
  readonly at: number;
  readonly label: string;
}

export interface Scope {
  readonly id: string;
  readonly kind: ObjectKind;
  readonly targets: readonly string[];
  readonly dated: readonly DatedEvent[];
  /** Where a timeline starts when no `from` is given (when the object was made). */
  readonly madeAt: number | null;
  readonly evaluate: (at: number, tallyOf: TallyOf) => ObjectState;
}

export function scopeOf(p: PreparedCase, id: string): Scope {
  const commitment = p.commitments.get(id);
  if (commitment) {
    const m = commitment.commitment;
    return {
      id, kind: 'commitment', targets: [id], dated: commitmentEvents(p, [id]), madeAt: commitment.made,
      evaluate: (at, tallyOf) => {
        const j = judgeCommitment(tallyOf(id), timingOf(p, commitment, at), p.limits);
        return {
          status: j.status, confidence: j.confidence, support: fromUnits(j.support), contradiction: fromUnits(j.contradiction),
          describe: (atText) => describeCommitmentRule(j, p.limits, { at: atText, made: m.made, due: m.due }),
        };
      },
    };
  }
  const info = p.conditions.get(id);
  if (info) {
    const condition = info.condition;
    const required = [...new Set(condition.requires)];
    return {
      id, kind: 'condition', targets: [...required, id], dated: [...commitmentEvents(p, required), ...setEvents(p, [id])], madeAt: null,
      evaluate: (at, tallyOf) => {
        const j = judgeCondition(p, condition, at, tallyOf);
        return { status: j.status, confidence: j.confidence, describe: () => describeConditionRule(j) };
      },
    };
  }
  const leverage = p.leverage.get(id);
  if (leverage) {
    const gates = [...new Set(leverage.gated_by)];
    const required = [...new Set(gates.flatMap((g) => p.conditions.get(g)?.condition.requires ?? []))];
    return {
      id, kind: 'leverage', targets: [...required, ...gates], dated: [...commitmentEvents(p, required), ...setEvents(p, gates)], madeAt: null,
      evaluate: (at, tallyOf) => {
        const j = judgeLeverage(p, leverage, at, tallyOf);
        return { status: j.recommendation, confidence: j.confidence, describe: () => describeLeverageRule(j) };
      },
    };
  }
  const claim = p.claims.get(id);
  if (claim) {
    const k = claim.claim;
    const target = k.asserts.target;
    const inner = p.conditions.has(target) || p.commitments.has(target) ? scopeOf(p, target) : null;
    return {
      id, kind: 'claim', targets: inner?.targets ?? [], madeAt: claim.made,
      dated: [...(inner?.dated ?? []), { at: claim.made, label: `${id} made (${k.made})` }],
      evaluate: (at, tallyOf) => {
        if (claim.made > at) return { status: 'not_yet_made', confidence: null, describe: (atText) => `not yet made: made ${k.made}, after ${atText}` };
        const t = judgeTarget(p, target, at, tallyOf);
        const verdict = verdictOf(k.asserts.status, t.status);
        return { status: verdict, confidence: null, describe: () => `${target} is ${t.status}, the claim asserted ${k.asserts.status} → ${verdict}` };
      },
    };
  }
  throw new UnknownObjectError(id, p.c.case.id, kindOfOtherObject(p.c, id));
}

function commitmentEvents(p: PreparedCase, ids: readonly string[]): DatedEvent[] {
  const events: DatedEvent[] = [];
  for (const id of ids) {
    const info = p.commitments.get(id);
    if (!info) continue;
    events.push({ at: info.made, label: `${id} made (${info.commitment.made})` });
    // `due < T` first holds one millisecond after the due instant.
    if (info.due !== null) events.push({ at: info.due + 1, label: `${id} due date ${info.commitment.due ?? ''} passed` });
  }
  return events;
}

/** A condition's status changes on the day it is set. */
function setEvents(p: PreparedCase, ids: readonly string[]): DatedEvent[] {
  const events: DatedEvent[] = [];
  for (const id of ids) {
    const info = p.conditions.get(id);
    if (info && Number.isFinite(info.set)) events.push({ at: info.set, label: `${id} set (${info.setText ?? ''})` });
  }
  return events;
}

/** For the error message: the id exists, but names something that has no status. */
function kindOfOtherObject(c: CaseFile, id: string): string | undefined {
  const lists: [string, readonly { id?: string | undefined }[]][] = [
    ['an evidence item', c.evidence], ['an actor', c.actors], ['a source', c.sources], ['a relationship', c.relationships],
    ['a position', c.positions], ['a hypothesis set', c.hypotheses], ['an indicator', c.indicators], ['a tripwire', c.tripwires],
    ['a hypothesis option', c.hypotheses.flatMap((h) => h.options)],
  ];
  return lists.find(([, list]) => list.some((o) => o.id === id))?.[0];
}
