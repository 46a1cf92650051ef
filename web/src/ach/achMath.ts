// ACH scores computed in the browser for instant feedback while rating; the server's result
// (src/assess/ach.ts, design/ALGORITHMS.md §8) is fetched again after saving and is the record.
// Weights are summed in millionths, as the engine does, so ties are exact.
import type { AchRating } from '../api/types';

export const ratingValues: readonly AchRating[] = ['CC', 'C', 'N', 'I', 'II', 'NA'];
export const ratingWords: Record<AchRating, string> = {
  CC: 'very consistent', C: 'consistent', N: 'neutral', I: 'inconsistent', II: 'very inconsistent', NA: 'not applicable',
};
const numeric: Record<AchRating, number | null> = { CC: 2, C: 1, N: 0, I: -1, II: -2, NA: null };
const inconsistency: Record<AchRating, number> = { CC: 0, C: 0, N: 0, I: 1, II: 2, NA: 0 };
const UNITS = 1_000_000;

export interface AchRowInput {
  evidence: string;
  /** reliability × credibility of the item */
  g: number;
  ratings: Record<string, AchRating | null>;
}

export interface AchComputed {
  options: { id: string; inconsistency: number; rank: number }[];
  leastContradicted: string[];
  rows: { evidence: string; diagnosticity: number; changesRanking: boolean; leastContradictedWithout: string[] }[];
  sensitiveTo: string[];
}

export function computeAch(optionIds: readonly string[], rows: readonly AchRowInput[]): AchComputed {
  const penalties = rows.map((r) => {
    const g = Math.round(r.g * UNITS);
    return optionIds.map((o) => inconsistency[r.ratings[o] ?? 'NA'] * g);
  });
  const totals = optionIds.map((_, i) => penalties.reduce((sum, p) => sum + (p[i] ?? 0), 0));
  const ranks = ranksOf(totals);
  const computedRows = rows.map((r, k) => {
    const without = totals.map((t, i) => t - (penalties[k]?.[i] ?? 0));
    const ranksWithout = ranksOf(without);
    const rated = optionIds.map((o) => r.ratings[o]).filter((x): x is AchRating => x != null);
    return {
      evidence: r.evidence,
      diagnosticity: Math.round(diagnosticityOf(rated) * 100) / 100,
      changesRanking: rated.length > 0 && ranksWithout.some((x, i) => x !== ranks[i]),
      leastContradictedWithout: optionIds.filter((_, i) => ranksWithout[i] === 1),
    };
  });
  return {
    options: optionIds.map((id, i) => ({ id, inconsistency: Math.round((totals[i] ?? 0) / UNITS * 100) / 100, rank: ranks[i] ?? 1 })),
    leastContradicted: rows.length ? optionIds.filter((_, i) => ranks[i] === 1) : [],
    rows: computedRows,
    sensitiveTo: computedRows.filter((r) => r.changesRanking).map((r) => r.evidence).sort(),
  };
}

/** Population standard deviation of the numeric ratings (NA left out); 0 for fewer than two. */
export function diagnosticityOf(ratings: readonly AchRating[]): number {
  const values = ratings.map((r) => numeric[r]).filter((v): v is number => v !== null);
  if (values.length < 2) return 0;
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
}

/** Competition ranks, lowest score first: [0, 3, 0] → [1, 3, 1]. */
function ranksOf(scores: readonly number[]): number[] {
  return scores.map((s) => 1 + scores.filter((other) => other < s).length);
}
