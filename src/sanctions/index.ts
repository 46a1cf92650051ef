// Sanctions lists, the capability's public surface: the entry shapes, the list readers (parsers
// of UN, OFAC and OpenSanctions files), the name matcher, screening a case and what changed
// between screenings, and comparing two list versions. Reading list files from disk and storing
// them is the import pipeline's job (src/import/sanctions.ts).
export type { BirthDate, EntryName, EntrySchema, ListDelta, ListKey, ListSnapshot, NameKind, SanctionsEntry } from './types.js';
export { SanctionsInputError } from './errors.js';
export { readUnList } from './readers/un.js';
export { ofacCsvSet, ofacSetDigest, readOfacCsv, type OfacCsvSet } from './readers/ofac-csv.js';
export { readOfacXml } from './readers/ofac-xml.js';
export { readFtm } from './readers/ftm.js';
export { MATCH_DEFAULTS } from './defaults.js';
export { diffEntries, entryChanges, type FieldChange, type ListDiff } from './diff.js';
export {
  changesFor, loadScreeningIndex, NoListsError, screen, screenCase, UnknownCaseError,
  type CaseScreening, type LoadedIndex, type PersonChanges, type ResultMatch, type ScreenInput, type ScreenOptions, type ScreenResult,
} from './screening.js';
export { confirmedSanctionsMatches, type ConfirmedMatch } from './confirmed.js';
export { reviewPage, reviewStates, type DecisionInForce, type ReviewMatch, type ReviewPage, type ReviewState } from './review.js';
export { rescreenAllCases, sanctionsChanges, type CaseRescreen, type SanctionsChange } from './rescreen.js';
