// Sanctions lists, the capability's public surface, pure: the entry shapes, the list readers
// (parsers of UN, OFAC and OpenSanctions files), the name matcher and its index data with their
// (de)serialisation, screening names against a built index, and comparing two list versions.
// Storing lists is the import pipeline's job (src/import/sanctions.ts); loading the index from
// the store, screening stored cases and keeping the runs is src/screening's.
export type { BirthDate, EntryName, EntrySchema, ListDelta, ListKey, ListSnapshot, NameKind, SanctionsEntry } from './types.js';
export { SanctionsInputError } from './errors.js';
export { readUnList } from './readers/un.js';
export { readOfacCsv, type OfacCsvSet } from './readers/ofac-csv.js';
export type { ListSource } from './source.js';
export { readOfacXml } from './readers/ofac-xml.js';
export { readFtm } from './readers/ftm.js';
export { MATCH_DEFAULTS, TUNING } from './defaults.js';
export { diffEntries, entryChanges, type FieldChange, type ListDiff } from './diff.js';
export { normalizeName } from './normalize.js';
export { MatchIndex, type IndexedList, type Match } from './match-index.js';
export { buildIndexData, INDEX_FORMAT, type IndexData } from './index-data.js';
export { deserializeIndex, IndexFormatError, serializeIndex } from './index-file.js';
export {
  changesFor, screen,
  type PersonChanges, type ResultMatch, type ScoredRef, type ScreenInput, type ScreenOptions, type ScreenResult,
} from './screen.js';
