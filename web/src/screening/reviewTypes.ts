// The shape of GET /api/cases/:case/screening/matches (src/server/routes/screening-review.ts), from
// the types generated from the server's OpenAPI document.
import type { components } from '../api/schema';

export const reviewStates = ['undecided', 'confirmed', 'false_positive'] as const;
export type ReviewState = (typeof reviewStates)[number];

export type ListingDetails = components['schemas']['ListingDetails'];
export type ReviewMatch = components['schemas']['ReviewMatch'];
export type ScreeningReview = components['schemas']['ScreeningReview'];

export const stateLabel: Record<ReviewState, string> = { undecided: 'Undecided', confirmed: 'Confirmed', false_positive: 'False positive' };

/** A list's birth date in words: `1973`, `about 1960`, `1955–1958`. */
export function birthText(b: ListingDetails['birth'][number]): string {
  const span = b.date ?? (b.from_year !== undefined ? `${b.from_year}${b.to_year !== undefined && b.to_year !== b.from_year ? `–${b.to_year}` : ''}` : '');
  return b.approx ? `about ${span}` : span;
}
