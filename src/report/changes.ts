// "What changed since the last review": the changes() of the engine, in the briefing's words.
// Objects are named by their own text; the id stays beside it for readers who look it up.
import { changes } from '../assess/index.js';
import type { CaseFile } from '../case/schema.js';

export interface ChangeRow { id: string; kind: string; text: string; before: string; after: string }

export interface ChangesSection {
  from: string;
  to: string;
  objects: ChangeRow[];
  evidence: Array<{ id: string; summary: string }>;
  decisions: Array<{ leverage: string; text: string; date: string; action: string; recommendation: string; againstConditions: boolean }>;
}

/** Between two ordinary assessments: each date with what was known then. */
export function changesSection(c: CaseFile, since: string, asOf: string): ChangesSection {
  const r = changes(c, since, asOf);
  const text = new Map<string, string>([...c.commitments, ...c.conditions, ...c.leverage, ...c.claims].map((o) => [o.id, o.text]));
  const summary = new Map(c.evidence.map((e) => [e.id, e.summary]));
  const state = (s: { status: string; confidence: string | null }) => `${s.status.replace(/_/g, ' ')}${s.confidence ? ` (${s.confidence} confidence)` : ''}`;
  return {
    from: r.from, to: r.to,
    objects: r.objects.map((o) => ({ id: o.id, kind: o.kind, text: text.get(o.id) ?? o.id, before: state(o.before), after: state(o.after) })),
    evidence: r.evidence_added.map((id) => ({ id, summary: summary.get(id) ?? '' })),
    decisions: r.decisions.map((d) => ({ leverage: d.leverage, text: text.get(d.leverage) ?? d.leverage, date: d.date, action: d.action.replace(/_/g, ' '), recommendation: d.recommendation, againstConditions: d.against_conditions })),
  };
}
