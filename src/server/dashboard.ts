// The case dashboard: what an analyst must not miss first, then the scorecard of conditions
// against the leverage they gate, then where the engaging parties stand on each condition.
// Pure: built from the case and its assessment.
import type { CaseFile } from '../case/schema.js';
import type { Assessment, Review } from '../assess/index.js';

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
}

export function dashboardOf(c: CaseFile, a: Assessment, review: Review): Dashboard {
  const text = new Map<string, string>([...c.commitments, ...c.conditions, ...c.leverage, ...c.claims].map((o) => [o.id, o.text ?? '']));
  const textOf = (id: string) => text.get(id) ?? '';
  return {
    case: { id: c.case.id, title: c.case.title, subject: c.case.subject, marking: c.case.marking, period: c.case.period ?? null },
    as_of: a.as_of,
    summary: a.summary,
    headlines: {
      broken_commitments: a.commitments.filter((m) => m.status === 'broken').map((m) => ({ id: m.id, text: textOf(m.id), confidence: m.confidence, rule: m.rule })),
      unmet_conditions: a.conditions.filter((k) => k.status === 'not_met').map((k) => ({ id: k.id, text: textOf(k.id), confidence: k.confidence, rule: k.rule })),
      released_against_conditions: a.leverage.flatMap((l) => l.flags.map((f) => ({ leverage: l.id, action: f.action, date: f.date, unmet: f.unmet }))),
      claims_contradicted_when_made: a.claims.filter((k) => k.contradicted_when_made).map((k) => ({ id: k.id, by: k.by, made: k.made, text: textOf(k.id), explanation: k.explanation })),
    },
    scorecard: {
      conditions: a.conditions.map((k) => ({ id: k.id, text: textOf(k.id), status: k.status, confidence: k.confidence })),
      leverage: c.leverage.map((l) => {
        const r = a.leverage.find((x) => x.id === l.id);
        return { id: l.id, text: l.text, held_by: l.held_by, recommendation: r?.recommendation ?? 'review', gated_by: l.gated_by, flagged: (r?.flags.length ?? 0) > 0 };
      }),
    },
    coalition: c.conditions.map((k) => {
      const positions = c.positions.filter((p) => p.condition === k.id).map((p) => ({ party: p.party, stance: p.stance }));
      // Parties diverge when one requires or supports a condition that another opposes or is neutral on.
      const stances = new Set(positions.map((p) => (p.stance === 'requires' || p.stance === 'supports' ? 'for' : 'not_for')));
      return { condition: k.id, positions, divergent: stances.size > 1 };
    }),
    review: review.warnings,
  };
}
