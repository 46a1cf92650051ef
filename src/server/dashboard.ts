// The case dashboard: what an analyst must not miss first, then the scorecard of conditions
// against the leverage they gate, then where the engaging parties stand on each condition.
// Pure: built from the case and its assessment.
//
// Every list is capped (DASHBOARD_LIMIT) and its full length given in `totals`: on a case of
// 10,000 commitments the full lists made a 7.6 MB answer whose sending, at a few dozen readers,
// took seconds. The index pages (and the assessment and review routes) hold the full lists.
import type { CaseFile } from '../case/schema.js';
import type { Assessment, Review } from '../assess/index.js';

/** How many items each list of the dashboard gives at most. */
export const DASHBOARD_LIMIT = 50;

export interface Dashboard {
  case: { id: string; title: string; subject: string; marking: string; period: CaseFile['case']['period'] | null };
  as_of: string;
  summary: Assessment['summary'];
  headlines: {
    broken_commitments: { id: string; text: string; confidence: string | null; rule: string }[];
    unmet_conditions: { id: string; text: string; confidence: string; rule: string }[];
    released_against_conditions: { leverage: string; action: string; date: string; unmet: readonly string[] }[];
    claims_contradicted_when_made: { id: string; by: string; made: string; text: string; explanation: string }[];
  };
  scorecard: {
    conditions: { id: string; text: string; status: string; confidence: string }[];
    leverage: { id: string; text: string; held_by: string; recommendation: string; gated_by: string[]; flagged: boolean }[];
  };
  coalition: { condition: string; positions: { party: string; stance: string }[]; divergent: boolean }[];
  /** The review's analytic-integrity warnings at the same date (`deeds review`). */
  review: Review['warnings'];
  /** The most items each list above gives. */
  limit: number;
  /** How many items each list holds in full; a list whose total exceeds `limit` was cut. */
  totals: DashboardTotals;
}

export interface DashboardTotals {
  broken_commitments: number;
  unmet_conditions: number;
  released_against_conditions: number;
  claims_contradicted_when_made: number;
  conditions: number;
  leverage: number;
  coalition: number;
  /** Conditions on which the engaging parties diverge (rows of `coalition` marked divergent). */
  divergent_conditions: number;
  review: number;
}

/**
 * At most `limit` items, in the list's own order; when the list is longer, the items `first`
 * marks are kept before the others (a cut scorecard keeps the unmet conditions, say).
 */
export function capped<T>(list: readonly T[], limit: number, first?: (item: T) => boolean): T[] {
  if (list.length <= limit) return [...list];
  if (!first) return list.slice(0, limit);
  const keep = new Set<T>(list.filter(first).slice(0, limit));
  for (const item of list) {
    if (keep.size >= limit) break;
    keep.add(item);
  }
  return list.filter((item) => keep.has(item));
}

export function dashboardOf(c: CaseFile, a: Assessment, review: Review, limit = DASHBOARD_LIMIT): Dashboard {
  const text = new Map<string, string>([...c.commitments, ...c.conditions, ...c.leverage, ...c.claims].map((o) => [o.id, o.text ?? '']));
  const textOf = (id: string) => text.get(id) ?? '';
  const broken = a.commitments.filter((m) => m.status === 'broken');
  const unmet = a.conditions.filter((k) => k.status === 'not_met');
  const released = a.leverage.flatMap((l) => l.flags.map((f) => ({ leverage: l.id, action: f.action, date: f.date, unmet: f.unmet })));
  const contradicted = a.claims.filter((k) => k.contradicted_when_made);
  const assessedLeverage = new Map(a.leverage.map((l) => [l.id, l]));
  const leverage = c.leverage.map((l) => {
    const r = assessedLeverage.get(l.id);
    return { id: l.id, text: l.text, held_by: l.held_by, recommendation: r?.recommendation ?? 'review', gated_by: l.gated_by, flagged: (r?.flags.length ?? 0) > 0 };
  });
  const positionsOf = new Map<string, { party: string; stance: string }[]>();
  for (const p of c.positions) {
    const list = positionsOf.get(p.condition) ?? [];
    list.push({ party: p.party, stance: p.stance });
    positionsOf.set(p.condition, list);
  }
  const coalition = c.conditions.map((k) => {
    const positions = positionsOf.get(k.id) ?? [];
    // Parties diverge when one requires or supports a condition that another opposes or is neutral on.
    const stances = new Set(positions.map((p) => (p.stance === 'requires' || p.stance === 'supports' ? 'for' : 'not_for')));
    return { condition: k.id, positions, divergent: stances.size > 1 };
  });
  return {
    case: { id: c.case.id, title: c.case.title, subject: c.case.subject, marking: c.case.marking, period: c.case.period ?? null },
    as_of: a.as_of,
    summary: a.summary,
    headlines: {
      broken_commitments: capped(broken, limit).map((m) => ({ id: m.id, text: textOf(m.id), confidence: m.confidence, rule: m.rule })),
      unmet_conditions: capped(unmet, limit).map((k) => ({ id: k.id, text: textOf(k.id), confidence: k.confidence, rule: k.rule })),
      released_against_conditions: capped(released, limit),
      claims_contradicted_when_made: capped(contradicted, limit).map((k) => ({ id: k.id, by: k.by, made: k.made, text: textOf(k.id), explanation: k.explanation })),
    },
    scorecard: {
      conditions: capped(a.conditions, limit, (k) => k.status === 'not_met').map((k) => ({ id: k.id, text: textOf(k.id), status: k.status, confidence: k.confidence })),
      leverage: capped(leverage, limit, (l) => l.flagged),
    },
    coalition: capped(coalition, limit, (row) => row.divergent),
    review: capped(review.warnings, limit),
    limit,
    totals: {
      broken_commitments: broken.length,
      unmet_conditions: unmet.length,
      released_against_conditions: released.length,
      claims_contradicted_when_made: contradicted.length,
      conditions: a.conditions.length,
      leverage: leverage.length,
      coalition: coalition.length,
      divergent_conditions: coalition.filter((row) => row.divergent).length,
      review: review.warnings.length,
    },
  };
}
