// The shape of GET /api/cases/:case/screening/matches (src/server/routes/screening-review.ts).
export const reviewStates = ['undecided', 'confirmed', 'false_positive'] as const;
export type ReviewState = (typeof reviewStates)[number];

export interface ListingDetails {
  name: string;
  birth: { date?: string; from_year?: number; to_year?: number; approx?: boolean }[];
  nationality: string[];
  programs: string[];
  listed_on?: string;
  remarks?: string;
}

export interface ReviewMatch {
  person: string;
  person_name: string;
  list: string;
  ref: string;
  score: number;
  strong: boolean | null;
  name: string;
  matched_name: string;
  query_name: string | null;
  explanation: string | null;
  listing: ListingDetails | null;
  state: ReviewState;
  decision: { decision: string; reason: string; actor: string; decided_at: string } | null;
}

export interface ScreeningReview {
  case: string;
  run: { id: string; screened_at: string; screened_by: string; versions: Record<string, string> } | null;
  state: ReviewState | null;
  total: number;
  counts: Record<ReviewState, number>;
  limit: number;
  offset: number;
  matches: ReviewMatch[];
}

export const stateLabel: Record<ReviewState, string> = { undecided: 'Undecided', confirmed: 'Confirmed', false_positive: 'False positive' };

/** A list's birth date in words: `1973`, `about 1960`, `1955–1958`. */
export function birthText(b: ListingDetails['birth'][number]): string {
  const span = b.date ?? (b.from_year !== undefined ? `${b.from_year}${b.to_year !== undefined && b.to_year !== b.from_year ? `–${b.to_year}` : ''}` : '');
  return b.approx ? `about ${span}` : span;
}
