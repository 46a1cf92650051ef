// The arithmetic of ACH (ALGORITHMS.md §8): each option's inconsistency, the ranks, and per item
// its diagnosticity and whether leaving it out changes the ranking. The engine (ach.ts) and the
// browser (web/src/ach/achMath.ts, which recomputes while an analyst rates) both use it, so the
// two cannot drift apart; it imports nothing, so the web build takes it as it is. Weights are
// whole millionths, so that leave-one-out subtracts exactly and ties are exact.

export type AchRating = 'CC' | 'C' | 'N' | 'I' | 'II' | 'NA';

const numeric: Record<AchRating, number | null> = { CC: 2, C: 1, N: 0, I: -1, II: -2, NA: null };
const inconsistency: Record<AchRating, number> = { CC: 0, C: 0, N: 0, I: 1, II: 2, NA: 0 };

export interface AchItem {
  /** reliability × credibility, in millionths. */
  g: number;
  /** The item's rating against each option, in the options' order; null where the cell is empty. */
  ratings: ReadonlyArray<AchRating | null>;
}

export interface AchScores {
  /** Per option, in millionths. */
  totals: number[];
  /** Per option: 1 = least contradicted; tied options share a rank. */
  ranks: number[];
  items: Array<{
    /** Not rounded. */
    diagnosticity: number;
    changesRanking: boolean;
    /** The indexes of the options ranked first without this item. */
    firstWithout: number[];
  }>;
}

export function scoreAch(optionCount: number, items: readonly AchItem[]): AchScores {
  const options = Array.from({ length: optionCount }, (_, i) => i);
  const penalties = items.map((item) => options.map((i) => inconsistency[item.ratings[i] ?? 'NA'] * item.g));
  const totals = options.map((i) => penalties.reduce((sum, p) => sum + (p[i] ?? 0), 0));
  const ranks = ranksOf(totals);
  return {
    totals,
    ranks,
    items: items.map((item, k) => {
      const ranksWithout = ranksOf(totals.map((t, i) => t - (penalties[k]?.[i] ?? 0)));
      return {
        diagnosticity: diagnosticityOf(item.ratings.filter((r): r is AchRating => r !== null)),
        changesRanking: ranksWithout.some((r, i) => r !== ranks[i]),
        firstWithout: options.filter((i) => ranksWithout[i] === 1),
      };
    }),
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
