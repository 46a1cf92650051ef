// Commitment status (ALGORITHMS.md §3) and confidence (§5). The rule table is evaluated top to
// bottom and the first match wins; each judgement remembers which rule decided it so that the
// explanation can say so in words.
import { compareText, sortSmall, type Blocker } from './prepare.js';
import { num } from './settings.js';
import type { Tally } from './tally.js';
import { fromUnits, type Limits } from './weights.js';

export type CommitmentStatus = 'broken' | 'blocked' | 'kept' | 'partly_kept' | 'at_risk' | 'unverified' | 'not_yet_made';
export const commitmentStatuses: readonly CommitmentStatus[] = ['broken', 'blocked', 'kept', 'partly_kept', 'at_risk', 'unverified', 'not_yet_made'];
export type Confidence = 'high' | 'moderate' | 'low';
/** `missed` is the second `broken` rule: an obligation past its due date without enough support. */
export type CommitmentRule = 'not_yet_made' | 'broken' | 'blocked' | 'missed' | 'kept' | 'partly_kept' | 'at_risk' | 'unverified';
export type DecidingMass = 'contradiction' | 'support' | 'support + contradiction';

export interface CommitmentJudgement {
  readonly status: CommitmentStatus;
  readonly rule: CommitmentRule;
  /** null while not yet made: there is nothing to be confident about. */
  readonly confidence: Confidence | null;
  /** Units (weights.ts). */
  readonly support: number;
  readonly contradiction: number;
  readonly massKind: DecidingMass | null;
  readonly mass: number;
  /** Distinct origins (origins.ts) graded A or B contributing to the deciding mass, sorted. */
  readonly abSources: readonly string[];
  /** `blocked` only: the prerequisites that were not kept when the obligation fell due. */
  readonly blockers?: readonly Blocker[];
}

/** When the rule is applied (`at`), when the commitment was made and, for obligations, due. */
export interface Timing {
  readonly at: number;
  readonly made: number | null;
  readonly due: number | null;
  /** Prerequisites (`depends_on`) not kept at the due date; asked only once the due date has passed. */
  readonly blockers?: (() => readonly Blocker[]) | undefined;
}

export const confidenceOrder: Record<Confidence, number> = { low: 0, moderate: 1, high: 2 };

export function judgeCommitment(tally: Tally, timing: Timing, limits: Limits): CommitmentJudgement {
  const S = tally.support;
  const C = tally.contradiction;
  if (timing.made !== null && timing.made > timing.at) {
    return { status: 'not_yet_made', rule: 'not_yet_made', confidence: null, support: S, contradiction: C, massKind: null, mass: 0, abSources: [] };
  }
  if (C >= limits.broken && C > S) return decided(tally, 'broken', 'broken', 'contradiction', limits);
  // The contract says "S < 1.5": the kept threshold, so that a missed obligation is exactly one that could not be called kept.
  if (timing.due !== null && timing.due < timing.at && S < limits.kept) {
    // A deadline missed because the other side had not done its part first is not a breach.
    const blockers = timing.blockers?.() ?? [];
    if (blockers.length > 0) return { ...decided(tally, 'blocked', 'blocked', 'support + contradiction', limits), blockers };
    return decided(tally, 'broken', 'missed', 'contradiction', limits);
  }
  if (S >= limits.kept && C < limits.keptRatio * S) return decided(tally, 'kept', 'kept', 'support', limits);
  if (S > 0) return decided(tally, 'partly_kept', 'partly_kept', 'support + contradiction', limits);
  if (C > 0) return decided(tally, 'at_risk', 'at_risk', 'contradiction', limits);
  return decided(tally, 'unverified', 'unverified', 'support + contradiction', limits);
}

function decided(tally: Tally, status: CommitmentStatus, rule: CommitmentRule, massKind: DecidingMass, limits: Limits): CommitmentJudgement {
  const S = tally.support;
  const C = tally.contradiction;
  let mass: number;
  let abSources: string[];
  const supporting = tally.supportSources;
  const contradicting = tally.contradictionSources;
  if (massKind === 'contradiction') {
    mass = C;
    abSources = contradicting ? [...contradicting.keys()] : [];
  } else if (massKind === 'support') {
    mass = S;
    abSources = supporting ? [...supporting.keys()] : [];
  } else {
    mass = S + C;
    abSources = supporting ? [...supporting.keys()] : [];
    if (contradicting) for (const s of contradicting.keys()) if (!supporting?.has(s)) abSources.push(s);
  }
  if (abSources.length > 1) sortSmall(abSources, compareText);
  return { status, rule, confidence: confidenceOf(mass, abSources.length, limits), support: S, contradiction: C, massKind, mass, abSources };
}

export function confidenceOf(mass: number, abSources: number, limits: Limits): Confidence {
  if (mass >= limits.highMass && abSources >= limits.highSources) return 'high';
  if (mass >= limits.moderateMass) return 'moderate';
  return 'low';
}

export interface RuleTexts {
  readonly at: string;
  readonly made?: string | undefined;
  readonly due?: string | null | undefined;
}

/** The deciding rule in words, e.g. `broken: contradiction 4.2 ≥ 1.5 and greater than support 0.8`. */
export function describeCommitmentRule(j: CommitmentJudgement, limits: Limits, texts: RuleTexts): string {
  const S = u(j.support);
  const C = u(j.contradiction);
  const kept = u(limits.kept);
  const broken = u(limits.broken);
  switch (j.rule) {
    case 'not_yet_made':
      return `not yet made: made ${texts.made ?? '?'}, after ${texts.at}`;
    case 'broken':
      return `broken: contradiction ${C} ≥ ${broken} and greater than support ${S}`;
    case 'missed':
      return `broken (missed): obligation due ${texts.due ?? '?'}, before ${texts.at}, and support ${S} < ${kept}`;
    case 'blocked':
      return `blocked: obligation due ${texts.due ?? '?'}, before ${texts.at}, support ${S} < ${kept}, and its prerequisite${(j.blockers?.length ?? 0) === 1 ? '' : 's'} ${(j.blockers ?? []).map((b) => `${b.id} (${b.status})`).join(', ')} ${(j.blockers?.length ?? 0) === 1 ? 'was' : 'were'} not kept when it fell due`;
    case 'at_risk':
      return `at_risk: contradiction ${C} > 0 with no support, below the broken threshold ${broken}`;
    case 'kept':
      return `kept: support ${S} ≥ ${kept} and contradiction ${C} < ${num(limits.keptRatio)} × support (${u(limits.keptRatio * j.support)})`;
    case 'partly_kept': {
      const notBroken = j.contradiction < limits.broken ? `contradiction ${C} < ${broken}` : `contradiction ${C} not greater than support ${S}`;
      const notKept = j.support < limits.kept ? `support ${S} < ${kept}` : `contradiction ${C} ≥ ${num(limits.keptRatio)} × support (${u(limits.keptRatio * j.support)})`;
      return `partly_kept: support ${S} and contradiction ${C}; not broken (${notBroken}) and not kept (${notKept})`;
    }
    case 'unverified':
      return 'unverified: no counting evidence for or against';
  }
}

/** Why this confidence, e.g. `high confidence: contradiction 4.2 ≥ 4 with 2 sources graded A or B (a, b)`. */
export function describeConfidence(j: CommitmentJudgement, limits: Limits): string | null {
  if (j.confidence === null || j.massKind === null) return null;
  const mass = `${j.massKind} ${u(j.mass)}`;
  const sources = j.abSources.length === 0 ? 'no source graded A or B'
    : `${j.abSources.length} independent source${j.abSources.length === 1 ? '' : 's'} graded A or B (${j.abSources.join(', ')})`;
  const high = `high needs ≥ ${u(limits.highMass)} with ${limits.highSources} independent A/B sources`;
  if (j.confidence === 'high') return `high confidence: ${mass} ≥ ${u(limits.highMass)} with ${sources}`;
  if (j.confidence === 'moderate') return `moderate confidence: ${mass} ≥ ${u(limits.moderateMass)}, ${sources}; ${high}`;
  return `low confidence: ${mass} < ${u(limits.moderateMass)}`;
}

function u(units: number): string {
  return String(fromUnits(units));
}
