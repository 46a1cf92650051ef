// The one shape every list reader produces, whatever the source format, so that the matcher,
// the store and the diff never need to know where an entry came from.
// The entry shapes belong to the store, which keeps them: src/store/sanctions-entries.ts.
import type { ListKey, SanctionsEntry } from '../store/sanctions-entries.js';
export type { ListKey, EntrySchema, NameKind, EntryName, BirthDate, SanctionsEntry } from '../store/sanctions-entries.js';

/** What a reader learnt about the file besides its entries. */
export interface ListSnapshot {
  list: ListKey;
  /** The list's own version label (UN dateGenerated, OFAC Publish_Date, an FtM delta id). */
  version: string;
  /** `YYYY-MM-DD` or an ISO timestamp: orders versions of the same list. */
  published: string;
  entries: SanctionsEntry[];
  /** Records the reader skipped, with where and why (a bad row never aborts a sound file). */
  rejects: Array<{ line: number; reason: string }>;
  /** Records read, accepted or not. */
  read: number;
}

/** A delta applies to the newest stored version of its list instead of replacing it. */
export interface ListDelta {
  list: ListKey;
  version: string;
  published: string;
  upserts: SanctionsEntry[];
  deletes: string[];
  rejects: Array<{ line: number; reason: string }>;
  read: number;
}
