// `deeds import ucdp-ged|acled FILE…`: one file, one transaction, with provenance (dataset,
// version, file name, SHA-256, import time, line of every row) and an audit entry.
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportKind, ImportOptions, ImportSummary } from './kinds.js';
import { runEventImport } from '../store/events.js';
import type { Store } from '../store/open.js';
import { versionFromName, versionKey, type EventDataset } from '../events/index.js';
import { readEventFile } from './events-read.js';
import { startThreadedRead, THREADED_MIN_BYTES } from './events-read-threaded.js';

export { EventFileError } from '../events/index.js';

export interface EventImportOptions extends ImportOptions {
  dataset: EventDataset;
  /** The dataset version ("25.1"); taken from the file name when not given. */
  version?: string | null;
  /** Keep only events of these countries (ISO alpha-2 codes or the dataset's own names). */
  countries?: string[];
  /** Where the file was downloaded from, for provenance. */
  sourceUrl?: string | null;
  /** Read in a worker thread while this one writes; by default for files of 16 MiB and more. */
  threads?: boolean;
  /** PostgreSQL: COPY (default) or the earlier multi-row upsert, for comparison. */
  postgresPath?: 'copy' | 'insert';
}

export interface EventImportSummary extends ImportSummary {
  /** Rows left out by the country filter (neither imported nor rejected). */
  skipped: number;
  version: string | null;
  sha256: string;
  import_id: number | null;
}

export async function importEventFile(store: Store, file: string, options: EventImportOptions): Promise<EventImportSummary> {
  const version = options.version ?? (options.dataset === 'ucdp-ged' ? versionFromName(file) : null);
  let read: Awaited<ReturnType<typeof readEventFile>> | undefined;
  const readOptions = { dataset: options.dataset, versionKey: versionKey(version), countries: options.countries, onProgress: options.onProgress };
  // A large file's reading thread starts now, while the import opens its transaction.
  const threaded = options.threads ?? (await fileSize(file)) >= THREADED_MIN_BYTES;
  const reading = threaded ? startThreadedRead(file, readOptions) : null;
  let written;
  try {
    written = await runEventImport(
      store,
      { dataset: options.dataset, version, fileName: basename(file), sourceUrl: options.sourceUrl ?? null, actor: options.actor, postgresPath: options.postgresPath },
      async (writer) => {
        read = reading ? await reading.into(writer) : await readEventFile(file, readOptions, writer);
        return read;
      },
    );
  } finally {
    reading?.stop();
  }
  const r = read as NonNullable<typeof read>;
  return {
    kind: options.dataset,
    files: [file],
    read: r.read,
    inserted: written.inserted,
    updated: written.updated,
    unchanged: written.unchanged,
    rejected: r.rejected,
    rejects: r.rejects.map((x) => ({ file, ...x })),
    skipped: r.skipped,
    version,
    sha256: r.sha256,
    import_id: written.importId,
  };
}

/** The file's size, or 0 when it cannot be read: the reader then says why, with the file's name. */
async function fileSize(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch {
    return 0;
  }
}

function kind(dataset: EventDataset, description: string): ImportKind {
  return {
    kind: dataset,
    description,
    importFile: (store, file, options) => importEventFile(store, file, { ...options, dataset }),
  };
}

export const ucdpGedImport = kind('ucdp-ged', 'UCDP GED events: CSV, API JSON page or NDJSON');
export const acledImport = kind('acled', 'ACLED events: CSV export, JSON or NDJSON');
