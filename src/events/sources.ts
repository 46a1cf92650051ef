// The verbatim source records of an import are kept in compressed blocks whose format the store
// owns (src/store/event-sources.ts); the event readers pack them through these names.
export { packSources, sourceRecord, SourceBatches, SourceRecords, type SourceBlock } from '../store/event-sources.js';
