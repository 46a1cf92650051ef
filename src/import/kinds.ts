// What every importer of a published dataset or list reports, whatever the kind, so that
// `deeds import`, `deeds fetch` and the server's import jobs share one shape (docs/cli.md).
import type { Store } from '../store/open.js';

export interface Reject {
  file: string;
  /** 1-based line (CSV/JSON lines) or record number (XML) in the file. */
  line: number;
  reason: string;
}

export interface ImportSummary {
  kind: string;
  files: string[];
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  rejects: Reject[];
}

export interface ImportOptions {
  actor: string;
  /** Called now and then with work done and total (bytes or records), for progress bars. */
  onProgress?: (done: number, total: number) => void;
}

export interface ImportKind {
  kind: string;
  description: string;
  /** Imports one file in one transaction: either all of its accepted rows land, or nothing does. */
  importFile(store: Store, file: string, options: ImportOptions): Promise<ImportSummary>;
}

export function emptySummary(kind: string, files: string[]): ImportSummary {
  return { kind, files, read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, rejects: [] };
}

export function addSummaries(a: ImportSummary, b: ImportSummary): ImportSummary {
  return {
    kind: a.kind,
    files: [...a.files, ...b.files],
    read: a.read + b.read,
    inserted: a.inserted + b.inserted,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
    rejected: a.rejected + b.rejected,
    rejects: [...a.rejects, ...b.rejects],
  };
}
