// Screening cases against the stored lists, the capability's public surface: load (or build and
// keep) the persistent index, screen a case and store the run, re-screen every case when a list
// is imported, a case's confirmed matches, and the review page of a stored run. The matcher
// itself is pure and lives in src/sanctions; this folder is where it meets the store.
export {
  loadScreeningIndex, NoListsError, screenCase, UnknownCaseError, type CaseScreening, type LoadedIndex,
} from './screening.js';
export { indexDigest, matcherFingerprint, persistentIndex, type PersistentIndex } from './index-persist.js';
export { confirmedSanctionsMatches, type ConfirmedMatch } from './confirmed.js';
export { reviewPage, reviewStates, type DecisionInForce, type ReviewMatch, type ReviewPage, type ReviewState } from './review.js';
export { rescreenAllCases, sanctionsChanges, type CaseRescreen, type SanctionsChange } from './rescreen.js';
