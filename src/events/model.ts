// The event model shared by every conflict-event dataset. The stored shapes (EventRow, the
// column lists, ActorRule) belong to the store, which owns the tables: src/store/event-rows.ts.
export { eventDatasets, eventDataColumns, eventColumns, eventIdKey, batchTextFields, type BatchTexts, type EventDataset, type EventRow, type ActorRule, type EventQuery } from '../store/event-rows.js';

/** A row the reader could not accept, with the 1-based line where its record starts. */
export interface RowReject {
  line: number;
  reason: string;
}
