// ACH scores computed in the browser for instant feedback while rating, with the engine's own
// arithmetic (src/assess/ach-score.ts); the server's result (src/assess/ach.ts) is fetched again
// after saving and is the record.
import type { AchRating } from '../api/types';
import { diagnosticityOf, scoreAch } from '../../../src/assess/ach-score';

export { diagnosticityOf };

export const ratingValues: readonly AchRating[] = ['CC', 'C', 'N', 'I', 'II', 'NA'];
export const ratingWords: Record<AchRating, string> = {
  CC: 'very consistent', C: 'consistent', N: 'neutral', I: 'inconsistent', II: 'very inconsistent', NA: 'not applicable',
};
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
  const items = rows.map((r) => ({ g: Math.round(r.g * UNITS), ratings: optionIds.map((o) => r.ratings[o] ?? null) }));
  const { totals, ranks, items: scored } = scoreAch(optionIds.length, items);
  const computedRows = rows.map((r, k) => {
    const s = scored[k] as (typeof scored)[number];
    return {
      evidence: r.evidence,
      diagnosticity: Math.round(s.diagnosticity * 100) / 100,
      changesRanking: s.changesRanking,
      leastContradictedWithout: s.firstWithout.map((i) => optionIds[i] as string),
    };
  });
  return {
    options: optionIds.map((id, i) => ({ id, inconsistency: Math.round((totals[i] ?? 0) / UNITS * 100) / 100, rank: ranks[i] ?? 1 })),
    leastContradicted: rows.length ? optionIds.filter((_, i) => ranks[i] === 1) : [],
    rows: computedRows,
    sensitiveTo: computedRows.filter((r) => r.changesRanking).map((r) => r.evidence).sort(),
  };
}
