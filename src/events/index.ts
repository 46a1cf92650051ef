// Conflict events, the capability's public surface: the event model, the case's indicators and
// tripwire alerts over stored events, the dates they are counted in, and the mapping of case
// actors to dataset actors. Reading event files and downloads into the store is the import
// pipeline's job (src/import/), which the event importers are moving into.
export { eventDatasets, type ActorRule, type EventDataset, type EventRow, type RowReject } from './model.js';
export {
  caseAlerts, caseIndicators, indicatorQuery, needsEvents,
  type AlertInputs, type AlertsResult, type BreakdownKind, type IndicatorOptions, type IndicatorSeries,
} from './case-indicators.js';
export { indicatorJson, officeholderMatches } from './case-views.js';
export type { Alert, Evaluation, Recommendation, SanctionsMatch, SanctionsMatchChange } from './tripwires.js';
export * from './dates.js';
export { csvCell } from './csv-out.js';
export { ActorMappingError, actorRules, mapActors, PERIODS_KEY, type MappedActor } from './actors.js';
export { EventFileError } from './columns.js';
// The event importers and downloads, until they move into src/import/ (issue #18, item 4).
export { acledImport, importEventFile, ucdpGedImport, type EventImportOptions, type EventImportSummary } from './import.js';
export { DEFAULT_GED_VERSION, download, ENV, fetchAndImport, FetchError, fetchKinds, officialUrls, type FetchKind, type FetchOptions, type FetchResult } from './fetch.js';
