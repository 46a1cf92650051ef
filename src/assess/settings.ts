// The assessment defaults of docs/assessment.md (weights, thresholds, confidence, review), and their per-case overrides
// (the case's `assessment:` block). Every result carries the settings it was computed with.
import type { CaseFile } from '../case/schema.js';

export type StrengthName = 'strong' | 'moderate' | 'weak';
export type ReliabilityGrade = 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
export type CredibilityGrade = '1' | '2' | '3' | '4' | '5' | '6';

// A type alias, not an interface, so that it can be read as a plain record of numbers.
export type Thresholds = {
  /** broken when contradiction ≥ this (and > support) */
  readonly broken: number;
  /** kept when support ≥ this (and contradiction < kept_ratio × support); an obligation past its due date with less support is missed */
  readonly kept: number;
  readonly kept_ratio: number;
  /** high confidence: deciding mass ≥ high_mass with at least high_sources distinct A/B sources in it */
  readonly high_mass: number;
  readonly high_sources: number;
  /** moderate confidence: deciding mass ≥ moderate_mass */
  readonly moderate_mass: number;
};

/** What `deeds review` flags (review.ts). */
export type ReviewSettings = {
  /** A judgement resting only on evidence observed longer ago than this is `stale`. */
  readonly stale_months: number;
  /** A retraction recorded more than this many days after the date it applies from is `backdated_retraction`. */
  readonly backdated_days: number;
};

export interface Settings {
  readonly strength: Readonly<Record<StrengthName, number>>;
  readonly reliability: Readonly<Record<ReliabilityGrade, number>>;
  readonly credibility: Readonly<Record<CredibilityGrade, number>>;
  readonly thresholds: Thresholds;
  readonly review: ReviewSettings;
}

export const DEFAULT_SETTINGS: Settings = deepFreeze({
  strength: { strong: 3, moderate: 2, weak: 1 },
  reliability: { A: 1.0, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.5 },
  credibility: { 1: 1.0, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.5 },
  thresholds: { broken: 1.5, kept: 1.5, kept_ratio: 0.5, high_mass: 4.0, high_sources: 2, moderate_mass: 1.5 },
  review: { stale_months: 18, backdated_days: 30 },
});

const sections = ['strength', 'reliability', 'credibility', 'thresholds', 'review'] as const;

/** The defaults with the case's `assessment:` block laid over them. */
export function resolveSettings(c: Pick<CaseFile, 'assessment'>): Settings {
  const given = c.assessment ?? {};
  return deepFreeze({
    strength: { ...DEFAULT_SETTINGS.strength, ...defined(given.strength) },
    reliability: { ...DEFAULT_SETTINGS.reliability, ...defined(given.reliability) },
    credibility: { ...DEFAULT_SETTINGS.credibility, ...defined(given.credibility) },
    thresholds: { ...DEFAULT_SETTINGS.thresholds, ...defined(given.thresholds) },
    review: { ...DEFAULT_SETTINGS.review, ...defined(given.review) },
  });
}

/** The settings that differ from the defaults, as `section.key` (e.g. `thresholds.kept`). */
export function settingsFromCase(settings: Settings): string[] {
  const changed: string[] = [];
  for (const section of sections) {
    const mine: Readonly<Record<string, number>> = settings[section];
    const base: Readonly<Record<string, number>> = DEFAULT_SETTINGS[section];
    for (const key of Object.keys(base)) if (mine[key] !== base[key]) changed.push(`${section}.${key}`);
  }
  return changed;
}

/** One line naming the thresholds in force, for every explanation. */
export function describeThresholds(settings: Settings): string {
  const t = settings.thresholds;
  const changed = settingsFromCase(settings);
  const origin = changed.length === 0 ? 'defaults' : `case settings: ${changed.join(', ')}; the rest defaults`;
  return `Thresholds: broken ≥ ${num(t.broken)} and > support; kept ≥ ${num(t.kept)} with contradiction < ${num(t.kept_ratio)} × support; ` +
    `high confidence ≥ ${num(t.high_mass)} with ≥ ${t.high_sources} A/B sources; moderate ≥ ${num(t.moderate_mass)} (${origin}).`;
}

/** The weight tables in words: `strength strong 3, moderate 2, weak 1; reliability A 1, …`. */
export function describeWeights(settings: Settings): string {
  const table = (values: Readonly<Record<string, number>>) => Object.entries(values).map(([k, v]) => `${k} ${num(v)}`).join(', ');
  return `weight = strength (${table(settings.strength)}) × reliability (${table(settings.reliability)}) × credibility (${table(settings.credibility)})`;
}

/** A number for prose: at most two decimals, no trailing zeros. */
export function num(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function defined<T extends object>(values: T | undefined): Partial<T> {
  if (values === undefined) return {};
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function deepFreeze<T extends object>(value: T): T {
  for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) deepFreeze(inner);
  return Object.freeze(value);
}
