// Conflict events, the capability's public surface: the event model, the case's indicators and
// tripwire alerts computed from the stored events' counts (which the caller loads:
// src/import/case-events.ts), the dates they are counted in, the mapping of case actors
// to dataset actors, and the pure parsers the import pipeline (src/import/events*.ts) reads event
// files with: the CSV tokenizer, the column plans, the packed row batches, the source records.
export { eventDatasets, eventIdKey, type ActorRule, type EventDataset, type EventQuery, type EventRow, type RowReject } from './model.js';
export {
  alertCountQueries, alertDatasets, caseAlerts, caseIndicators, countKey, indicatorCountQueries, indicatorDatasets, indicatorQuery, needsEvents,
  type AlertInputs, type AlertsResult, type BreakdownKind, type CountQuery, type Coverage, type EventData, type EventFacts,
  type IndicatorOptions, type IndicatorSeries,
} from './case-indicators.js';
export { indicatorJson } from './case-views.js';
export { parseColumns, type ImportedFile } from './data-caveats.js';
export type { DailyCounts } from './indicators.js';
export type { Alert, Evaluation, Recommendation, SanctionsMatch, SanctionsMatchChange } from './tripwires.js';
export * from '../util/dates.js';
export { csvCell } from './csv-out.js';
export { ActorMappingError, actorRules, mapActors, PERIODS_KEY, type MappedActor } from './actors.js';
export { EventFileError, planColumns, versionFromName, versionKey, type ColumnPlan, type RowConverter } from './columns.js';
export { CsvTokenizer, fieldText, MAX_RECORD_BYTES, type CsvRecord, type RecordSink } from './csv.js';
export { FieldCache } from './field-cache.js';
export { IdSet } from './id-set.js';
export { countryFilter } from './countries.js';
export { packRows, unpackRows, type RowBatch } from './row-batch.js';
export { packSources, sourceRecord, SourceBatches, SourceRecords, type SourceBlock } from './sources.js';
