// The screening defaults other tools rely on (change them only with a changelog note) and the
// matcher's own tuning constants; docs/sanctions.md documents both.
export const MATCH_DEFAULTS = {
  /** Matches from this score are reported as candidates. */
  candidate: 0.7,
  /** Matches from this score are "strong". */
  strong: 0.85,
  nationalityMismatch: 0.2,
  birthYearDisjoint: 0.15,
  birthDateDisjoint: 0.25,
} as const;

export const TUNING = {
  /** Two tokens below this similarity are not aligned at all. */
  pairFloor: 0.72,
  /** Weight of a query token left unaligned, relative to an aligned one. */
  extraQueryToken: 1.5,
  /** The same when only one token pair aligned: one shared word is weak evidence ("Ali Husayn" against "Hussain"). */
  extraQueryTokenOnePair: 2,
  /** Weight of a candidate-name token left unaligned, relative to an unaligned query token. */
  extraCandidateToken: 0.25,
  /** Similarity of two tokens that agree only through the transliteration-variant classes (variants.ts). */
  variantSimilarity: 0.95,
  /** Cost of an unaligned nisba (al-Maghribi) in the query, relative to another word, once two words aligned. */
  nisbaCost: 0.5,
  /** Cost of an unaligned listed word after "bin" (a father's name), relative to another listed word. */
  patronymCost: 0.5,
  /** Share of its weight a query token earns when only another name of the same entry holds it. */
  otherNameCredit: 0.75,
  /** … when the name itself aligned only one word, only words at least this rare (weight) count. */
  otherNameRareWeight: 0.5,
  /** A pair of words at least this rare (weight, on both sides), aligned at variant strength or better, is evidence enough alone for the rules that ask for two aligned words. */
  rarePairWeight: 0.85,
  /** Weight of a soft token (a title that can be a name, an epithet), relative to its rarity weight. */
  softWeight: 0.3,
  /** Token weights from rarity (inverse document frequency over indexed names), floored. */
  minTokenWeight: 0.15,
  /** A single-letter token (an initial) aligned with a token of the same first letter. */
  initialSimilarity: 0.8,
  /** Names scored in full per query, taken in order of their blocking hits. */
  candidatesPerQuery: 40,
  /** Posting lists longer than this are used only when the query has no rarer token. */
  commonKeyPostings: 4000,
  /** Near-key (prefix, one-deletion) posting lists longer than this are not followed. */
  nearPostingsMax: 1200,
} as const;
