// Evidence weights (ALGORITHMS.md §1). Masses are kept as whole numbers of millionths so that
// sums are exact: adding or removing an item in any order gives the same total, and a
// boundary such as "contradiction exactly 1.5" is never missed by a rounding error.
import type { ReliabilityGrade, CredibilityGrade, Settings, StrengthName } from './settings.js';

export const UNITS = 1_000_000;

export function toUnits(value: number): number {
  return Math.round(value * UNITS);
}

/** Units back to a number rounded to two decimals, for output only. */
export function fromUnits(units: number): number {
  return Math.round(units / (UNITS / 100)) / 100;
}

/** Admiralty grade as printed: reliability letter + credibility digit, e.g. `B2`. */
export function gradeOf(reliability: ReliabilityGrade, credibility: CredibilityGrade): string {
  return `${reliability}${credibility}`;
}

/** reliability × credibility: the weight of the information itself (also the ACH factor g). */
export function gradeFactor(settings: Settings, reliability: ReliabilityGrade, credibility: CredibilityGrade): number {
  return settings.reliability[reliability] * settings.credibility[credibility];
}

/** strength × reliability × credibility, in units. */
export function linkWeight(settings: Settings, strength: StrengthName, reliability: ReliabilityGrade, credibility: CredibilityGrade): number {
  return toUnits(settings.strength[strength] * gradeFactor(settings, reliability, credibility));
}

/** The thresholds in units, computed once per settings. */
export interface Limits {
  readonly broken: number;
  readonly kept: number;
  readonly keptRatio: number;
  readonly highMass: number;
  readonly highSources: number;
  readonly moderateMass: number;
}

export function limitsOf(settings: Settings): Limits {
  const t = settings.thresholds;
  return {
    broken: toUnits(t.broken),
    kept: toUnits(t.kept),
    keptRatio: t.kept_ratio,
    highMass: toUnits(t.high_mass),
    highSources: t.high_sources,
    moderateMass: toUnits(t.moderate_mass),
  };
}

/** Grades whose sources count towards high confidence. */
export function isGradedAB(reliability: ReliabilityGrade): boolean {
  return reliability === 'A' || reliability === 'B';
}
