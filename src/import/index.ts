// The import pipeline, the one place where datasets and lists are read from files or downloads and
// written to the store: every kind `deeds import`, `deeds fetch` and the server's import jobs know
// (registry.ts), the summary they share (kinds.ts), and the sanctions list importer.
export { importKinds } from './registry.js';
export { caseAlertsFromStore, caseIndicatorsFromStore, officeholderMatches } from './case-events.js';
export { addSummaries, emptySummary, type ImportKind, type ImportOptions, type ImportSummary, type Reject } from './kinds.js';
export { importListFile, sanctionsImportKinds, type ListImportSummary } from './sanctions.js';
export { detectKind, identify, readList, sha256File, type ListKind, type ReadList } from './sanctions-files.js';
