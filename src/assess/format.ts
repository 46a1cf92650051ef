// Human output for the CLI: headline findings first (what an analyst must not miss), then the
// full tables. The JSON output carries the same content in full.
import type { AchResult } from './ach.js';
import { describeThresholds, describeWeights } from './settings.js';
import { confidenceOrder, type Confidence } from './status.js';
import { heading, table } from './table.js';
import type { Changes } from './changes.js';
import type { Review } from './review.js';
import type { Timeline } from './timeline.js';
import type { Assessment, EvidenceEntry } from './types.js';

export function formatAssessment(a: Assessment): string {
  const out: string[] = [`Assessment of case ${a.case} as of ${a.as_of}${a.known_at ? `, as known on ${a.known_at}` : ''}`, ''];
  out.push(heading('Headline findings'), ...headlines(a), '');

  out.push(heading(`Commitments (${a.commitments.length}${counts(a.summary.commitments)})`));
  out.push(...table(['id', 'status', 'confidence', 'support', 'contradiction', 'rule'],
    a.commitments.map((m) => [m.id, m.status, conf(m.confidence), String(m.support), String(m.contradiction), m.rule])), '');

  out.push(heading(`Conditions (${a.conditions.length}${counts(a.summary.conditions)})`));
  out.push(...table(['id', 'status', 'confidence', 'parts', 'rule'],
    a.conditions.map((k) => [k.id, k.status, k.confidence, k.parts.map((x) => `${x.kind === 'own_evidence' ? 'own evidence' : x.id} ${x.status}`).join(', ') || '—', k.rule])), '');

  out.push(heading(`Leverage (${a.leverage.length}${counts(a.summary.leverage)})`));
  out.push(...table(['id', 'recommendation', 'confidence', 'gated by', 'released against conditions', 'rule'],
    a.leverage.map((l) => [l.id, l.recommendation, conf(l.confidence), l.gated_by.map((g) => `${g.id} ${g.status}`).join(', ') || '—',
      l.flags.map((f) => `${f.action} ${f.date}`).join(', ') || '—', l.rule])), '');

  out.push(heading(`Claims (${a.claims.length})`));
  out.push(...table(['id', 'by', 'made', 'asserts', 'when made', 'now', 'contradicted when made'],
    a.claims.map((k) => [k.id, k.by, k.made, `${k.target} ${k.asserted}`, k.verdict_when_made ?? 'not yet made', k.verdict_now ?? 'not yet made', k.contradicted_when_made ? 'YES' : '—'])), '');

  out.push(heading('Settings'), describeThresholds(a.settings), `Evidence ${describeWeights(a.settings)}.`);
  return out.join('\n') + '\n';
}

function headlines(a: Assessment): string[] {
  const byConfidence = <T extends { confidence: Confidence | null; id: string }>(xs: T[]) =>
    [...xs].sort((x, y) => confidenceOrder[y.confidence ?? 'low'] - confidenceOrder[x.confidence ?? 'low'] || (x.id < y.id ? -1 : 1));
  const broken = byConfidence(a.commitments.filter((m) => m.status === 'broken'));
  const unmet = byConfidence(a.conditions.filter((k) => k.status === 'not_met'));
  const released = a.leverage.flatMap((l) => l.flags.map((f) => ({ l, f })));
  const contradicted = a.claims.filter((k) => k.contradicted_when_made);
  if (broken.length + unmet.length + released.length + contradicted.length === 0) {
    return ['No broken commitment, unmet condition, release against conditions or claim contradicted when made.'];
  }
  const section = (title: string, lines: string[]) => (lines.length === 0 ? [] : [`${title} (${lines.length})`, ...lines.map((l) => `  ${l}`)]);
  return [
    ...section('Broken commitments', broken.map((m) => `${m.id}: ${m.confidence ?? 'low'} confidence; ${m.rule}`)),
    ...section('Unmet conditions', unmet.map((k) => `${k.id}: ${k.confidence} confidence; ${k.rule}`)),
    ...section('Released against conditions', released.map(({ l, f }) =>
      `${l.id}: ${f.action} on ${f.date} while the recommendation was withhold; unmet: ${f.conditions.map((x) => `${x.id} (${x.status})`).join(', ')}`)),
    ...section('Claims contradicted when made', contradicted.map((k) =>
      `${k.id}: ${k.by} asserted ${k.target} ${k.asserted} on ${k.made}, when it was ${k.target_status_when_made ?? '?'}; known then: ${entries(k.known_when_made) || 'no item (a due date had passed)'}`)),
  ];
}

export function formatChanges(c: Changes): string {
  const out: string[] = [`Changes in case ${c.case} from ${c.from} to ${c.to}`, ''];
  out.push(heading(`Objects whose status or confidence changed (${c.objects.length})`));
  if (c.objects.length === 0) out.push('  none');
  else out.push(...table(['kind', 'id', 'before', 'after'], c.objects.map((o) => [o.kind, o.id, statusText(o.before), statusText(o.after)])));
  out.push('', heading(`Evidence recorded in the period (${c.evidence_added.length})`), c.evidence_added.length === 0 ? '  none' : `  ${c.evidence_added.join(', ')}`);
  out.push('', heading(`Decisions in the period (${c.decisions.length})`));
  if (c.decisions.length === 0) out.push('  none');
  else out.push(...table(['date', 'leverage', 'action', 'recommendation then', 'against conditions'], c.decisions.map((d) => [d.date, d.leverage, d.action, d.recommendation, d.against_conditions ? 'YES' : '—'])));
  return out.join('\n') + '\n';
}

function statusText(s: { status: string; confidence: string | null }): string {
  return s.confidence ? `${s.status} (${s.confidence})` : s.status;
}

export function formatReview(r: Review): string {
  const out: string[] = [`Review of case ${r.case} as of ${r.as_of}${r.known_at ? `, as known on ${r.known_at}` : ''}`, ''];
  if (r.warnings.length === 0) return out.concat('No analytic-integrity warning.').join('\n') + '\n';
  out.push(heading(`Warnings (${r.warnings.length})`));
  out.push(...table(['kind', 'object', 'detail'], r.warnings.map((w) => [w.kind, w.object, w.detail])));
  return out.join('\n') + '\n';
}

export function formatTimeline(t: Timeline): string {
  const out: string[] = [`Timeline of ${t.object.kind} ${t.object.id} (case ${t.case}), ${t.from} to ${t.to}, ${t.step === 'week' ? 'weekly' : 'monthly'}`, ''];
  out.push(heading(`Changes of status (${t.changes.length})`));
  if (t.changes.length === 0) out.push(`  none: ${t.points[0]?.status ?? '?'} throughout`);
  for (const c of t.changes) {
    out.push(`  ${c.date}  ${c.from} → ${c.to}${c.confidence ? ` (${c.confidence} confidence)` : ''}: ${c.rule}`);
    for (const e of c.entered) out.push(`    + ${entry(e)}`);
    for (const e of c.left) out.push(`    − ${entry(e)}`);
    for (const e of c.events) out.push(`    · ${e}`);
  }
  if (t.decisions && t.decisions.length > 0) {
    out.push('', heading('Decisions'));
    out.push(...table(['date', 'action', 'recommendation then', 'against conditions'],
      t.decisions.map((d) => [d.date, d.action, d.recommendation, d.against_conditions ? 'YES' : '—'])));
  }
  const withMass = t.points.some((p) => p.support !== undefined);
  out.push('', heading(`Points (${t.points.length})`));
  out.push(...table(withMass ? ['date', 'status', 'confidence', 'support', 'contradiction'] : ['date', 'status', 'confidence'],
    t.points.map((p) => [p.date, p.status, conf(p.confidence), ...(withMass ? [String(p.support ?? ''), String(p.contradiction ?? '')] : [])])));
  out.push('', describeThresholds(t.settings));
  return out.join('\n') + '\n';
}

export function formatAch(r: AchResult): string {
  const out: string[] = [`ACH ${r.set.id}: ${r.set.question}`, `(case ${r.case}, ${r.as_of ? `evidence as of ${r.as_of}` : 'all recorded evidence, retractions and corrections applied'})`, ''];
  out.push(heading('Reading'), r.reading, '');
  out.push(heading('Options, least contradicted first'));
  out.push(...table(['rank', 'option', 'inconsistency', 'text'],
    [...r.options].sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : 1)).map((o) => [String(o.rank), o.id, String(o.inconsistency), o.text])), '');
  const optionIds = r.options.map((o) => o.id);
  out.push(heading('Matrix, most diagnostic first'));
  out.push(...table(['evidence', 'grade', 'g', ...optionIds, 'diagnosticity', 'changes ranking if left out'],
    r.matrix.map((row) => [row.evidence, row.grade, String(row.g), ...optionIds.map((o) => row.ratings[o] ?? '·'), String(row.diagnosticity), row.changes_ranking ? 'YES' : '—'])));
  if (r.excluded.length > 0) out.push('', 'Rated but not counting:', ...r.excluded.map((e) => `  ${e.evidence}: ${e.reason}`));
  out.push('', 'Scores: inconsistency = Σ (1 for I, 2 for II) × reliability × credibility; diagnosticity = population standard deviation of the ratings (CC 2, C 1, N 0, I −1, II −2; NA left out).');
  return out.join('\n') + '\n';
}

function entry(e: EvidenceEntry): string {
  return `${e.id}${e.target ? ` → ${e.target}` : ''} ${e.grade} ${e.stance} ${e.strength} ${e.weight}`;
}

function entries(es: readonly EvidenceEntry[]): string {
  return es.map((e) => `${e.id} ${e.grade} ${e.weight}`).join(', ');
}

function conf(c: Confidence | null): string {
  return c ?? '—';
}

function counts(summary: Record<string, number>): string {
  const parts = Object.entries(summary).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`);
  return parts.length > 0 ? `: ${parts.join(', ')}` : '';
}
