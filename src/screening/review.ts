// Reviewing a stored screening run: every (person, listed entry) match with the decision in force
// on it, filtered by decision state and cut into pages. Pure: the run and the decisions come in.
import type { ListingDetails, StoredMatch } from '../store/sanctions.js';

export const reviewStates = ['undecided', 'confirmed', 'false_positive'] as const;
export type ReviewState = (typeof reviewStates)[number];

export interface DecisionInForce {
  decision: string;
  reason: string;
  actor: string;
  decided_at: string;
}

export interface ReviewMatch {
  person: string;
  person_name: string;
  list: string;
  ref: string;
  score: number;
  strong: boolean | null;
  /** The listed entry's main name. */
  name: string;
  matched_name: string;
  query_name: string | null;
  explanation: string | null;
  listing: ListingDetails | null;
  state: ReviewState;
  decision: DecisionInForce | null;
}

export interface ReviewPage {
  total: number;
  counts: Record<ReviewState, number>;
  matches: ReviewMatch[];
}

const stateOf = (d: DecisionInForce | undefined): ReviewState => (d?.decision === 'confirmed' ? 'confirmed' : d?.decision === 'false_positive' ? 'false_positive' : 'undecided');

/**
 * The run's matches in the order persons were stored, best score first within a person, with
 * counts per state; `state` (or every state when absent) filters, `offset` and `limit` cut.
 */
export function reviewPage(
  results: Record<string, StoredMatch[]>,
  decisions: (person: string, list: string, ref: string) => DecisionInForce | undefined,
  personName: (person: string) => string,
  options: { state?: ReviewState; offset: number; limit: number },
): ReviewPage {
  const all: ReviewMatch[] = Object.entries(results).flatMap(([person, matches]) =>
    [...matches].sort((a, b) => b.score - a.score || a.list.localeCompare(b.list) || a.ref.localeCompare(b.ref)).map((m) => {
      const decision = decisions(person, m.list, m.ref);
      return {
        person, person_name: personName(person), list: m.list, ref: m.ref, score: m.score, strong: m.strong ?? null,
        name: m.name ?? m.listing?.name ?? m.matched_name, matched_name: m.matched_name, query_name: m.query_name ?? null,
        explanation: m.explanation ?? null, listing: m.listing ?? null, state: stateOf(decision), decision: decision ?? null,
      };
    }));
  const counts: Record<ReviewState, number> = { undecided: 0, confirmed: 0, false_positive: 0 };
  for (const m of all) counts[m.state]++;
  const chosen = options.state ? all.filter((m) => m.state === options.state) : all;
  return { total: chosen.length, counts, matches: chosen.slice(options.offset, options.offset + options.limit) };
}
