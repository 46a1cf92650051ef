// assess(): the status of every commitment, condition, leverage instrument and claim at one
// date, each with the rule that decided it and the evidence behind it.
import type { CaseFile, Claim, Condition, Leverage } from '../case/schema.js';
import { judgeTarget, verdictOf, describeVerdict, type TargetJudgement } from './claims.js';
import { conditionStatuses, describeConditionRule, judgeCondition, partLabel, type TallyOf } from './conditions.js';
import { dateKey } from './dates.js';
import { beforeMadeEntries, countingEntries, decidingLinks, entryOf, evidenceSentence, notCountingEntries, notCountingSentence } from './explain.js';
import { describeLeverageRule, judgeLeverage, releasesAgainstConditions } from './leverage.js';
import { prerequisiteNote } from './explain.js';
import { beforeMadeLinksOf, linksOf, prepareCase, withKnowledge, type CommitmentInfo, type PrepareOptions, type PreparedCase } from './prepare.js';
import { timingOf } from './prerequisites.js';
import { describeThresholds, settingsFromCase } from './settings.js';
import { commitmentStatuses, describeCommitmentRule, describeConfidence, judgeCommitment } from './status.js';
import { talliesAt } from './tally.js';
import type { Assessment, AssessmentSummary, ClaimResult, CommitmentResult, ConditionResult, EvidenceEntry, LeverageResult } from './types.js';
import { fromUnits } from './weights.js';

/** Everything at `asOf`, using only what was recorded by then (or by `knownAt`, when given). */
export function assess(c: CaseFile, asOf: string, options: PrepareOptions = {}): Assessment {
  return assessPrepared(prepareCase(c), asOf, options);
}

export function assessPrepared(prepared: PreparedCase, asOf: string, options: PrepareOptions = {}): Assessment {
  const p = withKnowledge(prepared, options.knownAt);
  const at = dateKey(asOf, 'as-of date');
  const tallyOf = talliesAt(p, at);
  const thresholds = describeThresholds(p.settings);
  const commitments = p.c.commitments.map((m) => commitmentResult(p, p.commitments.get(m.id) as CommitmentInfo, at, asOf, tallyOf, thresholds));
  const ruleOf = new Map(commitments.map((m) => [m.id, m.rule]));
  const conditions = p.c.conditions.map((k) => conditionResult(p, k, at, asOf, tallyOf, thresholds, ruleOf));
  const leverage = p.c.leverage.map((l) => leverageResult(p, l, at, asOf, tallyOf));
  const claims = p.c.claims.map((k) => claimResult(p, k, at, asOf, tallyOf));
  return {
    case: p.c.case.id, as_of: asOf, ...(options.knownAt !== undefined ? { known_at: options.knownAt } : {}), commitments, conditions, leverage, claims,
    summary: summarise(commitments, conditions, leverage, claims),
    settings: p.settings, settings_from_case: settingsFromCase(p.settings),
  };
}

function commitmentResult(p: PreparedCase, info: CommitmentInfo, at: number, asOf: string, tallyOf: TallyOf, thresholds: string): CommitmentResult {
  const m = info.commitment;
  const j = judgeCommitment(tallyOf(m.id), timingOf(p, info, at), p.limits);
  const links = linksOf(p, m.id);
  const evidence = countingEntries(links, at);
  const notCounting = notCountingEntries(links, at, beforeMadeEntries(beforeMadeLinksOf(p, m.id), at));
  const rule = describeCommitmentRule(j, p.limits, { at: asOf, made: m.made, due: m.due });
  const confidenceReason = describeConfidence(j, p.limits);
  return {
    id: m.id, status: j.status, confidence: j.confidence, support: fromUnits(j.support), contradiction: fromUnits(j.contradiction),
    evidence, not_counting: notCounting, kind: m.kind, made: m.made, due: m.due ?? null,
    rule_id: j.rule, rule, confidence_reason: confidenceReason,
    ...(j.blockers ? { blocked_by: j.blockers.map((b) => b.id) } : {}),
    explanation: lines(`${m.id} on ${asOf}: ${rule}.`, confidenceReason && `${cap(confidenceReason)}.`,
      prerequisiteNote(m.depends_on), evidenceSentence(evidence, asOf), notCountingSentence(notCounting), thresholds),
  };
}

/** `ruleOf`: the commitments' rules in words at the same date, for the parts that are commitments. */
function conditionResult(p: PreparedCase, k: Condition, at: number, asOf: string, tallyOf: TallyOf, thresholds: string, ruleOf: ReadonlyMap<string, string>): ConditionResult {
  const j = judgeCondition(p, k, at, tallyOf);
  const links = linksOf(p, k.id);
  const evidence = countingEntries(links, at);
  const notCounting = notCountingEntries(links, at);
  const parts = j.parts.map((part) => ({
    id: part.id, kind: part.kind, status: part.judgement.status, confidence: part.judgement.confidence,
    support: fromUnits(part.judgement.support), contradiction: fromUnits(part.judgement.contradiction),
    rule: (part.kind === 'commitment' ? ruleOf.get(part.id) : undefined) ?? describeCommitmentRule(part.judgement, p.limits, { at: asOf }),
  }));
  const rule = describeConditionRule(j);
  const partLine = j.parts.length === 0 ? null
    : `Parts: ${j.parts.map((part, i) => `${partLabel(part)}: ${parts[i]?.rule ?? ''}${part.judgement.confidence ? ` (${part.judgement.confidence} confidence)` : ''}`).join('; ')}.`;
  return {
    id: k.id, status: j.status, confidence: j.confidence, parts, evidence, not_counting: notCounting, rule_id: j.rule, rule,
    explanation: lines(`${k.id} on ${asOf}: ${rule}; ${j.confidence} confidence (${confidenceBasis(j.rule)}).`, partLine,
      evidence.length > 0 ? evidenceSentence(evidence, asOf, 'Own evidence, largest first') : null, notCountingSentence(notCounting), thresholds),
  };
}

function confidenceBasis(rule: string): string {
  if (rule === 'not_met' || rule === 'partly_met') return 'that of its most confident deciding part';
  if (rule === 'met') return 'that of its least confident part';
  if (rule === 'not_yet_set') return 'it is not yet set';
  return 'nothing decides it';
}

function leverageResult(p: PreparedCase, l: Leverage, at: number, asOf: string, tallyOf: TallyOf): LeverageResult {
  const j = judgeLeverage(p, l, at, tallyOf);
  // A decision is judged by what was known when it was taken.
  const flags = releasesAgainstConditions(p.asKnownThen, l, at);
  const rule = describeLeverageRule(j);
  const flagLines = flags.map((f) => `Released against conditions: ${f.action} on ${f.date} while the recommendation was withhold; unmet: ${f.conditions.map((x) => `${x.id} ${x.status}`).join(', ')}.`);
  return {
    id: l.id, recommendation: j.recommendation, confidence: j.confidence,
    gated_by: j.gates.map((g) => ({ id: g.id, status: g.judgement.status })), unmet: [...j.unmet], flags, review: l.review ?? null,
    rule_id: j.rule, rule,
    explanation: [`${l.id} on ${asOf}: ${rule}${j.confidence ? `; ${j.confidence} confidence` : ''}.`, ...flagLines].join('\n'),
  };
}

function claimResult(p: PreparedCase, k: Claim, at: number, asOf: string, tallyOf: TallyOf): ClaimResult {
  const base = { by: k.by, made: k.made, target: k.asserts.target, asserted: k.asserts.status };
  const made = p.claims.get(k.id)?.made ?? at;
  if (made > at) {
    return {
      id: k.id, status: 'not_yet_made', ...base, verdict_when_made: null, verdict_now: null, target_status_when_made: null, target_status_now: null,
      contradicted_when_made: false, known_when_made: [], explanation: `${k.id}: not yet made on ${asOf} (made ${k.made}).`,
    };
  }
  // "When made" is always what was known when the claim was made, whatever the knowledge date.
  const known = p.asKnownThen;
  const then = judgeTarget(known, k.asserts.target, made, talliesAt(known, made));
  const now = judgeTarget(p, k.asserts.target, at, tallyOf);
  const verdictThen = verdictOf(k.asserts.status, then.status);
  const verdictNow = verdictOf(k.asserts.status, now.status);
  const knownThen = decidingEvidence(known, k.asserts.target, then, made);
  const sentences = [
    `${k.id} (${k.by}, ${k.made}) asserts ${k.asserts.target} ${k.asserts.status}.`,
    `${describeVerdict(k, then.status, verdictThen, `When made (${k.made})`)}.`,
    `${describeVerdict(k, now.status, verdictNow, `On ${asOf}`, 'is')}.`,
  ];
  if (verdictThen === 'contradicted') sentences.push(`Contradicted when made: the evidence recorded by ${k.made} already said ${then.status}.`);
  if (knownThen.length > 0) sentences.push(evidenceSentence(knownThen, k.made, `Evidence that decided it on ${k.made}`));
  return {
    id: k.id, status: 'made', ...base, verdict_when_made: verdictThen, verdict_now: verdictNow,
    target_status_when_made: then.status, target_status_now: now.status,
    contradicted_when_made: verdictThen === 'contradicted', known_when_made: knownThen, explanation: sentences.join('\n'),
  };
}

/** The evidence in the mass that decided a target's status (for a condition: of its deciding parts). */
function decidingEvidence(p: PreparedCase, target: string, t: TargetJudgement, at: number): EvidenceEntry[] {
  if (t.kind === 'commitment') return decidingLinks(linksOf(p, target), at, t.judgement.massKind).map((l) => entryOf(l));
  if (t.kind === 'condition') {
    return t.judgement.parts.filter((part) => t.judgement.deciding.includes(part.id))
      .flatMap((part) => decidingLinks(linksOf(p, part.id), at, part.judgement.massKind).map((l) => entryOf(l, true)));
  }
  return [];
}

function summarise(commitments: CommitmentResult[], conditions: ConditionResult[], leverage: LeverageResult[], claims: ClaimResult[]): AssessmentSummary {
  const count = <K extends string>(keys: readonly K[], values: readonly K[]): Record<K, number> => {
    const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
    for (const v of values) out[v] += 1;
    return out;
  };
  return {
    commitments: count(commitmentStatuses, commitments.map((x) => x.status)),
    conditions: count(conditionStatuses, conditions.map((x) => x.status)),
    leverage: count(['withhold', 'release', 'review'], leverage.map((x) => x.recommendation)),
    claims_now: count(['contradicted', 'supported', 'disputed', 'unsupported', 'not_yet_made'], claims.map((x) => x.verdict_now ?? 'not_yet_made')),
    released_against_conditions: leverage.reduce((n, l) => n + l.flags.length, 0),
    contradicted_when_made: claims.filter((x) => x.contradicted_when_made).length,
  };
}

/**
 * Explanation lines, leaving out the ones that do not apply. Concatenation rather than
 * join(): the engine builds thousands of these and the shared lines need not be copied.
 */
function lines(...parts: (string | null | undefined | false)[]): string {
  let text = '';
  for (const part of parts) if (part) text = text === '' ? part : text + '\n' + part;
  return text;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
