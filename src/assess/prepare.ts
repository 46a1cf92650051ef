// One pass over a case that every computation shares: resolved settings, parsed dates,
// counting windows, and the weighted links grouped by target in a fixed order (largest weight
// first, then evidence id). Nothing here depends on the order of items in the file.
import type { CaseFile, Claim, Commitment, Condition, Evidence, Hypothesis, Leverage } from '../case/schema.js';
import { countingWindows, type CountingWindow } from './asof.js';
import { dateKey, periodEnd } from './dates.js';
import { originsOf } from './origins.js';
import { resolveSettings, type CredibilityGrade, type ReliabilityGrade, type Settings, type StrengthName } from './settings.js';
import { gradeFactor, gradeOf, isGradedAB, limitsOf, linkWeight, type Limits } from './weights.js';

export type LinkStance = 'supports' | 'contradicts' | 'context';

export interface EvidenceInfo {
  readonly item: Evidence;
  readonly id: string;
  readonly source: string;
  readonly reliability: ReliabilityGrade;
  readonly credibility: CredibilityGrade;
  /** e.g. `B2`; the item's own reliability overrides its source's. */
  readonly grade: string;
  /** Whether its source counts towards high confidence (graded A or B). */
  readonly gradedAB: boolean;
  /** reliability × credibility, unrounded (ACH's g). */
  readonly factor: number;
  readonly window: CountingWindow;
  /** The source this item's source restates, followed to the end (`derived_from`); its own source when none. */
  readonly origin: string;
  /** The first instant after the observed period (`observed.to`, else `observed.from`). */
  readonly observedEnd: number;
}

export interface Link {
  readonly evidence: EvidenceInfo;
  readonly target: string;
  readonly stance: LinkStance;
  readonly strength: StrengthName;
  /** In units (weights.ts); 0 for context links, which never weigh in a status. */
  readonly weight: number;
  /**
   * Set when other sources of the same origin bear on the same target with the same stance:
   * the group counts once, with its largest source total (tally.ts). Null for the usual case.
   */
  readonly group: string | null;
}

export interface CommitmentInfo {
  readonly commitment: Commitment;
  readonly made: number;
  /** Only for obligations with a due date: the missed rule applies after it. */
  readonly due: number | null;
}

export interface ConditionInfo {
  readonly condition: Condition;
  /** Before this instant the condition is `not_yet_set`: its `set` date, else the case period start. */
  readonly set: number;
  readonly setText: string | null;
}

export interface ClaimInfo {
  readonly claim: Claim;
  readonly made: number;
}

export interface DecisionInfo {
  readonly date: number;
  readonly dateText: string;
  readonly action: Leverage['decisions'][number]['action'];
}

export interface PreparedCase {
  readonly c: CaseFile;
  readonly settings: Settings;
  readonly limits: Limits;
  /** In file order. */
  readonly evidence: readonly EvidenceInfo[];
  readonly linksByTarget: ReadonlyMap<string, readonly Link[]>;
  /** Links to commitments from evidence observed entirely before the commitment was made: they never count. */
  readonly beforeMadeByTarget: ReadonlyMap<string, readonly Link[]>;
  readonly commitments: ReadonlyMap<string, CommitmentInfo>;
  readonly conditions: ReadonlyMap<string, ConditionInfo>;
  readonly leverage: ReadonlyMap<string, Leverage>;
  readonly decisions: ReadonlyMap<string, readonly DecisionInfo[]>;
  readonly claims: ReadonlyMap<string, ClaimInfo>;
  readonly hypotheses: ReadonlyMap<string, Hypothesis>;
  /** A fixed knowledge date, or null when knowledge follows the as-of date. */
  readonly knownAt: number | null;
  /** Prepared with knowledge following the as-of date: what "when the claim was made" uses. */
  readonly asKnownThen: PreparedCase;
  /** Memo of the prerequisites that blocked each obligation at its due date (status.ts). */
  readonly blockers: Map<string, readonly Blocker[]>;
}

export interface Blocker {
  readonly id: string;
  readonly status: string;
}

export interface PrepareOptions {
  /** What was known at this date (default: the as-of date of each question). */
  readonly knownAt?: string | undefined;
}

const NO_LINKS: readonly Link[] = [];
const CREDIBILITY = { 1: '1', 2: '2', 3: '3', 4: '4', 5: '5', 6: '6' } as const;

export function prepareCase(c: CaseFile, options: PrepareOptions = {}): PreparedCase {
  const knownAt = options.knownAt === undefined ? null : dateKey(options.knownAt, 'known-at date');
  return prepareWith(c, knownAt, null);
}

/** The same case under another knowledge date (null: knowledge follows the as-of date). */
export function withKnowledge(p: PreparedCase, knownAt: string | undefined): PreparedCase {
  const key = knownAt === undefined ? null : dateKey(knownAt, 'known-at date');
  if (key === p.knownAt) return p;
  return key === null ? p.asKnownThen : prepareWith(p.c, key, p.asKnownThen);
}

function prepareWith(c: CaseFile, knownAt: number | null, knownThen: PreparedCase | null): PreparedCase {
  const settings = resolveSettings(c);
  const sources = new Map(c.sources.map((s) => [s.id, s]));
  const origins = originsOf(c.sources);
  const windows = countingWindows(c.evidence, new Map(c.sources.map((s) => [s.id, s.date])), knownAt ?? undefined);
  const commitments = new Map(c.commitments.map((m) => [m.id, {
    commitment: m,
    made: dateKey(m.made, 'made date', m.id),
    due: m.kind === 'obligation' && m.due ? dateKey(m.due, 'due date', m.id) : null,
  }]));
  const beforeMadeByTarget = new Map<string, Link[]>();

  const evidence: EvidenceInfo[] = [];
  const linksByTarget = new Map<string, Link[]>();
  // Weights depend only on the strength and grade: 3 × 6 × 6 products, computed once each.
  const weights = new Map<StrengthName, Map<ReliabilityGrade, Map<CredibilityGrade, number>>>();
  const weightOf = (strength: StrengthName, reliability: ReliabilityGrade, credibility: CredibilityGrade) => {
    let byReliability = weights.get(strength);
    if (!byReliability) weights.set(strength, (byReliability = new Map<ReliabilityGrade, Map<CredibilityGrade, number>>()));
    let byCredibility = byReliability.get(reliability);
    if (!byCredibility) byReliability.set(reliability, (byCredibility = new Map<CredibilityGrade, number>()));
    let weight = byCredibility.get(credibility);
    if (weight === undefined) byCredibility.set(credibility, (weight = linkWeight(settings, strength, reliability, credibility)));
    return weight;
  };
  c.evidence.forEach((item, i) => {
    const reliability = item.reliability ?? sources.get(item.source)?.reliability ?? 'F';
    const credibility = CREDIBILITY[item.credibility];
    const window = windows[i] as CountingWindow;
    const info: EvidenceInfo = {
      item, id: item.id, source: item.source, reliability, credibility,
      grade: gradeOf(reliability, credibility), gradedAB: isGradedAB(reliability),
      factor: gradeFactor(settings, reliability, credibility), window,
      origin: origins.get(item.source) ?? item.source,
      observedEnd: periodEnd(item.observed.to ?? item.observed.from, 'observed date', item.id),
    };
    evidence.push(info);
    for (const b of item.bears_on) {
      const link: Link = { evidence: info, target: b.target, stance: b.stance, strength: b.strength, weight: b.stance === 'context' ? 0 : weightOf(b.strength, reliability, credibility), group: null };
      // Conduct observed entirely before a pledge was made says nothing about keeping it.
      const commitment = commitments.get(b.target);
      const byTarget = commitment && info.observedEnd <= commitment.made ? beforeMadeByTarget : linksByTarget;
      const list = byTarget.get(b.target);
      if (list) list.push(link);
      else byTarget.set(b.target, [link]);
    }
  });
  for (const list of linksByTarget.values()) {
    sortSmall(list, compareLinks);
    if (origins.size > 0) markGroups(list);
  }
  for (const list of beforeMadeByTarget.values()) sortSmall(list, compareLinks);
  const periodStart = c.case.period ? dateKey(c.case.period.start, 'period start') : -Infinity;

  const decisions = new Map<string, DecisionInfo[]>();
  for (const l of c.leverage) {
    const list = l.decisions.map((d) => ({ date: dateKey(d.date, 'decision date', l.id), dateText: d.date, action: d.action }));
    decisions.set(l.id, list.sort((a, b) => a.date - b.date || compareText(a.action, b.action)));
  }

  const p: Omit<PreparedCase, 'asKnownThen'> & { asKnownThen: PreparedCase | null } = {
    c, settings, limits: limitsOf(settings), evidence, linksByTarget, beforeMadeByTarget, decisions, commitments,
    conditions: new Map(c.conditions.map((k) => [k.id, {
      condition: k,
      set: k.set ? dateKey(k.set, 'set date', k.id) : periodStart,
      setText: k.set ?? c.case.period?.start ?? null,
    }])),
    leverage: new Map(c.leverage.map((l) => [l.id, l])),
    claims: new Map(c.claims.map((k) => [k.id, { claim: k, made: dateKey(k.made, 'made date', k.id) }])),
    hypotheses: new Map(c.hypotheses.map((h) => [h.id, h])),
    knownAt, asKnownThen: knownThen, blockers: new Map(),
  };
  // Knowledge that follows the as-of date is its own "known then".
  if (p.asKnownThen === null) p.asKnownThen = knownAt === null ? (p as PreparedCase) : prepareWith(c, null, null);
  return p as PreparedCase;
}

/**
 * Links whose sources differ but share an origin, on one target with one stance, get a group
 * key. Most targets have no such pair: their list is returned as it is.
 */
function markGroups(list: Link[]): Link[] {
  const sourcesOf = new Map<string, Set<string>>();
  for (const l of list) {
    if (l.stance === 'context') continue;
    const key = `${l.stance}|${l.evidence.origin}`;
    const set = sourcesOf.get(key);
    if (set) set.add(l.evidence.source);
    else sourcesOf.set(key, new Set([l.evidence.source]));
  }
  let grouped = false;
  for (const set of sourcesOf.values()) if (set.size > 1) grouped = true;
  if (!grouped) return list;
  // Set in place: links keep the one shape they were made with, which the tally loops rely on.
  for (const l of list) {
    const key = `${l.stance}|${l.evidence.origin}`;
    if (l.stance !== 'context' && (sourcesOf.get(key)?.size ?? 0) > 1) (l as { group: string | null }).group = key;
  }
  return list;
}

export function linksOf(p: PreparedCase, target: string): readonly Link[] {
  return p.linksByTarget.get(target) ?? NO_LINKS;
}

export function beforeMadeLinksOf(p: PreparedCase, target: string): readonly Link[] {
  return p.beforeMadeByTarget.get(target) ?? NO_LINKS;
}

/** Largest weight first; ties by evidence id, then stance and strength: one order on every run. */
export function compareLinks(a: Link, b: Link): number {
  return b.weight - a.weight || compareText(a.evidence.id, b.evidence.id) || compareText(a.stance, b.stance) || compareText(a.strength, b.strength);
}

/**
 * Insertion sort, in place: most lists of links are a handful long, and Array.prototype.sort
 * allocates a work area for each call, which adds up over thousands of lists. Stable.
 */
export function sortSmall<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  if (list.length > 16) return list.sort(compare);
  for (let i = 1; i < list.length; i++) {
    const item = list[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(list[j] as T, item) > 0) {
      list[j + 1] = list[j] as T;
      j--;
    }
    list[j + 1] = item;
  }
  return list;
}

/** Code-point order, independent of the machine's locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
