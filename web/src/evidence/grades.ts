// The Admiralty grading (docs/assessment.md §1): what each letter and digit means, and the
// default factor it gives an item's weight.
import type { Credibility, Reliability } from '../api/types';

export const reliabilityScale: { value: Reliability; meaning: string; hint: string; factor: number }[] = [
  { value: 'A', meaning: 'Completely reliable', hint: 'no doubt of authenticity or competence; a history of complete reliability', factor: 1.0 },
  { value: 'B', meaning: 'Usually reliable', hint: 'minor doubts; a history of mostly valid information', factor: 0.8 },
  { value: 'C', meaning: 'Fairly reliable', hint: 'doubts; has provided valid information in the past', factor: 0.6 },
  { value: 'D', meaning: 'Not usually reliable', hint: 'significant doubts; some valid information in the past', factor: 0.4 },
  { value: 'E', meaning: 'Unreliable', hint: 'lacking authenticity or competence; a history of invalid information', factor: 0.2 },
  { value: 'F', meaning: 'Reliability cannot be judged', hint: 'no basis to evaluate the source', factor: 0.5 },
];

export const credibilityScale: { value: Credibility; meaning: string; hint: string; factor: number }[] = [
  { value: 1, meaning: 'Confirmed', hint: 'confirmed by other independent sources; logical and consistent', factor: 1.0 },
  { value: 2, meaning: 'Probably true', hint: 'not confirmed; logical and consistent with other information', factor: 0.8 },
  { value: 3, meaning: 'Possibly true', hint: 'not confirmed; reasonably logical; agrees with some other information', factor: 0.6 },
  { value: 4, meaning: 'Doubtful', hint: 'not confirmed; possible but not logical; no other information on it', factor: 0.4 },
  { value: 5, meaning: 'Improbable', hint: 'not confirmed; not logical; contradicted by other information', factor: 0.2 },
  { value: 6, meaning: 'Truth cannot be judged', hint: 'no basis to evaluate the information', factor: 0.5 },
];

export const strengthFactor = { strong: 3, moderate: 2, weak: 1 } as const;
