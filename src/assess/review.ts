// deeds review: analytic-integrity warnings. The assessment says what the evidence shows; the
// review says where a reader should look twice before signing it: a judgement resting on one
// origin, on restatements, on low grades or on old evidence; evidence from before a pledge;
// retractions recorded long after the date they apply from; items recorded before they were
// observed; claims judged by the claimant's own words. It only reads; it never changes a status.
import type { CaseFile, Source } from '../case/schema.js';
import { assessPrepared } from './assess.js';
import { addMonths, dateKey } from './dates.js';
import { BEFORE_MADE } from './explain.js';
import { compareText, prepareCase, withKnowledge, type EvidenceInfo, type PrepareOptions, type PreparedCase } from './prepare.js';
import type { Assessment, EvidenceEntry } from './types.js';

export const reviewKinds = [
  'single_source', 'derived_sources', 'low_grade_only', 'stale', 'pre_commitment_evidence',
  'backdated_retraction', 'recorded_before_observed', 'claim_self_sourced',
] as const;
export type ReviewKind = (typeof reviewKinds)[number];

export interface ReviewWarning {
  kind: ReviewKind;
  /** The commitment, condition, claim or evidence item the warning is about. */
  object: string;
  detail: string;
}

export interface Review {
  case: string;
  as_of: string;
  known_at?: string;
  warnings: ReviewWarning[];
}

export function review(c: CaseFile, asOf: string, options: PrepareOptions = {}): Review {
  return reviewPrepared(prepareCase(c), asOf, options);
}

/** `assessment`: the assessment at the same date and knowledge, when the caller already has it. */
export function reviewPrepared(prepared: PreparedCase, asOf: string, options: PrepareOptions = {}, assessment?: Assessment): Review {
  const p = withKnowledge(prepared, options.knownAt);
  const a = assessment ?? assessPrepared(prepared, asOf, options);
  const at = dateKey(asOf, 'as-of date');
  const info = new Map(p.evidence.map((e) => [e.id, e]));
  const warnings: ReviewWarning[] = [];
  const add = (kind: ReviewKind, object: string, detail: string) => warnings.push({ kind, object, detail });
  const staleBefore = addMonths(at, -p.settings.review.stale_months);

  const judgement = (object: string, status: string, confidence: string | null, entries: readonly EvidenceEntry[]) => {
    const deciding = decidingEntries(status, entries);
    if (deciding.length === 0) return;
    const items = deciding.map((e) => info.get(e.id)).filter((e): e is EvidenceInfo => e !== undefined);
    const origins = [...new Set(items.map((e) => e.origin))].sort(compareText);
    if ((confidence === 'moderate' || confidence === 'high') && origins.length === 1) {
      add('single_source', object, `${status} with ${confidence} confidence rests on one independent origin (${origins[0] ?? '?'}): ${ids(deciding)}`);
    }
    const grouped = deciding.filter((e) => e.group);
    if (grouped.length > 0) {
      const byOrigin = new Map<string, string[]>();
      for (const e of grouped) byOrigin.set(e.group?.origin ?? '', [...(byOrigin.get(e.group?.origin ?? '') ?? []), e.id]);
      add('derived_sources', object, [...byOrigin].map(([origin, list]) => `${list.join(', ')} restate one origin (${origin}) and count once`).join('; '));
    }
    if (items.every(isLowGrade)) add('low_grade_only', object, `${status} rests only on low grades (reliability D–F or credibility 4–6): ${deciding.map((e) => `${e.id} ${e.grade}`).join(', ')}`);
    if (items.every((e) => e.observedEnd <= staleBefore)) {
      add('stale', object, `${status} rests only on evidence observed more than ${p.settings.review.stale_months} months before ${asOf}: ${items.map((e) => `${e.id} (${e.item.observed.to ?? e.item.observed.from})`).join(', ')}`);
    }
  };

  for (const m of a.commitments) {
    judgement(m.id, m.status, m.confidence, m.evidence);
    const before = m.not_counting.filter((n) => n.reason === BEFORE_MADE);
    if (before.length > 0) add('pre_commitment_evidence', m.id, `observed before the commitment was made (${m.made}), so not counted: ${ids(before)}`);
  }
  for (const k of a.conditions) {
    const own = k.parts.find((x) => x.kind === 'own_evidence');
    if (own) judgement(k.id, own.status, own.confidence, k.evidence);
  }
  for (const e of p.evidence) {
    const w = e.window;
    if (w.known > at) continue;
    if (e.item.retracted && Number.isFinite(w.retracted) && w.retractionRecorded <= (p.knownAt ?? at)) {
      const days = Math.round((w.retractionRecorded - dateKey(e.item.retracted.date)) / 86_400_000);
      if (days > p.settings.review.backdated_days) {
        add('backdated_retraction', e.id, `retracted from ${e.item.retracted.date} but recorded ${e.item.retracted.recorded ?? '?'}, ${days} days later; assessments before ${e.item.retracted.recorded ?? '?'} still count it, as was known then`);
      }
    }
    if (w.recorded < w.observed) add('recorded_before_observed', e.id, `recorded ${w.recordedText}, before what it reports was observed (${w.observedText})`);
  }
  const sources = new Map(p.c.sources.map((s) => [s.id, s]));
  const judged = new Map<string, { status: string; evidence: EvidenceEntry[] }>([...a.commitments, ...a.conditions].map((o) => [o.id, o]));
  for (const k of a.claims) {
    if (k.status !== 'made') continue;
    const claim = p.claims.get(k.id)?.claim;
    if (!claim) continue;
    const target = judged.get(k.target);
    const now = target ? decidingEntries(target.status, target.evidence) : [];
    const own = [...k.known_when_made, ...now].filter((e) => isOwnWord(sources.get(e.source), claim.source, claimantNames(p, claim.by)));
    if (own.length > 0) add('claim_self_sourced', k.id, `judged in part by ${claim.by}'s own statements: ${[...new Set(own.map((e) => e.id))].join(', ')}`);
  }

  warnings.sort((x, y) => compareText(x.kind, y.kind) || compareText(x.object, y.object));
  return { case: a.case, as_of: asOf, ...(options.knownAt !== undefined ? { known_at: options.knownAt } : {}), warnings };
}

/** The items of the mass that decided a status (as in the confidence rule). */
function decidingEntries(status: string, entries: readonly EvidenceEntry[]): EvidenceEntry[] {
  const stances = status === 'broken' || status === 'at_risk' ? ['contradicts']
    : status === 'kept' ? ['supports']
      : status === 'partly_kept' || status === 'blocked' ? ['supports', 'contradicts'] : [];
  return entries.filter((e) => stances.includes(e.stance));
}

function isLowGrade(e: EvidenceInfo): boolean {
  return e.reliability === 'D' || e.reliability === 'E' || e.reliability === 'F' || Number(e.credibility) >= 4;
}

function claimantNames(p: PreparedCase, actorId: string): string[] {
  const actor = p.c.actors.find((a) => a.id === actorId);
  return [actorId, actor?.name, ...(actor?.aliases ?? [])].filter((n): n is string => !!n).map((n) => n.toLowerCase());
}

/** The claim's own source, or a source the claimant published. */
function isOwnWord(source: Source | undefined, claimSource: string, names: readonly string[]): boolean {
  if (!source) return false;
  if (source.id === claimSource) return true;
  const publisher = source.publisher?.toLowerCase();
  return publisher !== undefined && names.includes(publisher);
}

function ids(xs: readonly { id: string }[]): string {
  return xs.map((x) => x.id).join(', ');
}
