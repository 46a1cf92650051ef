// What changed between two dates: the objects whose status or confidence moved, the evidence
// recorded in between, and the leverage decisions taken in between — "what changed since the
// last review". Each side is an ordinary assessment, so each keeps its own as-of honesty.
import type { CaseFile } from '../case/schema.js';
import { assessPrepared } from './assess.js';
import { dateKey } from './dates.js';
import { InvalidRangeError } from './errors.js';
import { judgeLeverage } from './leverage.js';
import { compareText, prepareCase, type PreparedCase } from './prepare.js';
import type { ObjectKind } from './scope.js';
import { talliesAt } from './tally.js';
import type { Assessment } from './types.js';

export interface StatusAt {
  status: string;
  confidence: string | null;
}

export interface ObjectChange {
  id: string;
  kind: ObjectKind;
  before: StatusAt;
  after: StatusAt;
}

export interface DecisionInRange {
  leverage: string;
  date: string;
  action: string;
  /** The recommendation on that date, with what was known then. */
  recommendation: string;
  against_conditions: boolean;
}

export interface Changes {
  case: string;
  from: string;
  to: string;
  /** Only objects whose status or confidence differs, in case-file order by kind. */
  objects: ObjectChange[];
  /** Items recorded after `from` and by `to`, oldest first. */
  evidence_added: string[];
  decisions: DecisionInRange[];
}

export function changes(c: CaseFile, from: string, to: string): Changes {
  return changesPrepared(prepareCase(c), from, to);
}

export function changesPrepared(p: PreparedCase, from: string, to: string): Changes {
  const start = dateKey(from, 'from date');
  const end = dateKey(to, 'to date');
  if (start > end) throw new InvalidRangeError(`the range starts (${from}) after it ends (${to})`);
  const before = statesOf(assessPrepared(p, from));
  const after = statesOf(assessPrepared(p, to));
  const objects: ObjectChange[] = [];
  for (const [id, now] of after) {
    const then = before.get(id);
    if (!then || (then.status === now.status && then.confidence === now.confidence)) continue;
    objects.push({ id, kind: now.kind, before: { status: then.status, confidence: then.confidence }, after: { status: now.status, confidence: now.confidence } });
  }
  const added = p.evidence.filter((e) => e.window.recorded > start && e.window.recorded <= end)
    .sort((a, b) => a.window.recorded - b.window.recorded || compareText(a.id, b.id)).map((e) => e.id);
  return { case: p.c.case.id, from, to, objects, evidence_added: added, decisions: decisionsBetween(p, start, end) };
}

function statesOf(a: Assessment): Map<string, StatusAt & { kind: ObjectKind }> {
  const out = new Map<string, StatusAt & { kind: ObjectKind }>();
  for (const m of a.commitments) out.set(m.id, { kind: 'commitment', status: m.status, confidence: m.confidence });
  for (const k of a.conditions) out.set(k.id, { kind: 'condition', status: k.status, confidence: k.confidence });
  for (const l of a.leverage) out.set(l.id, { kind: 'leverage', status: l.recommendation, confidence: l.confidence });
  for (const k of a.claims) out.set(k.id, { kind: 'claim', status: k.verdict_now ?? 'not_yet_made', confidence: null });
  return out;
}

/** Decisions dated after `start` and by `end`, each judged by what was known on its date. */
function decisionsBetween(p: PreparedCase, start: number, end: number): DecisionInRange[] {
  const out: DecisionInRange[] = [];
  const then = p.asKnownThen;
  for (const l of p.c.leverage) {
    for (const d of p.decisions.get(l.id) ?? []) {
      if (d.date <= start || d.date > end) continue;
      const recommendation = judgeLeverage(then, l, d.date, talliesAt(then, d.date)).recommendation;
      const releasing = d.action === 'released' || d.action === 'partly_released' || d.action === 'renewed';
      out.push({ leverage: l.id, date: d.dateText, action: d.action, recommendation, against_conditions: releasing && recommendation === 'withhold' });
    }
  }
  return out.sort((a, b) => compareText(a.date, b.date) || compareText(a.leverage, b.leverage));
}
