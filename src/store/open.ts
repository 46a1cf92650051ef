// Opens the database named by --db / DEEDS_DB / ./deeds.db and brings its schema up to date. How
// each kind of database is opened is its dialect's business (src/store/dialects/).
import { Kysely, Migrator } from 'kysely';
import { migrationProvider } from './migrations/index.js';
import type { Database } from './schema.js';
import { dialectForSpec, type Dialect } from './dialects/index.js';
import { StoreOpenError } from './errors.js';
import { textOf } from '../util/text.js';

export { StoreOpenError } from './errors.js';
export { isPostgresUrl } from './dialects/index.js';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Where the data lives, with any password removed, for messages. */
  location: string;
  /** How long a writer waits for another writer's lock before StoreBusyError (src/store/write.ts). */
  busyTimeoutMs: number;
  /** PostgreSQL only: the connection pool, for the COPY path of event imports (src/store/events.ts). */
  pool?: import('pg').Pool;
  close(): Promise<void>;
}

export const DEFAULT_DB = './deeds.db';

export function resolveDbSpec(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return flag ?? env['DEEDS_DB'] ?? DEFAULT_DB;
}

/** Default wait for a busy database: long enough for any ordinary write, short enough to answer. */
export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface OpenOptions {
  /** Milliseconds; default: $DEEDS_BUSY_TIMEOUT, else DEFAULT_BUSY_TIMEOUT_MS. */
  busyTimeoutMs?: number;
}

export function resolveBusyTimeout(value: string | number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const given = value ?? env['DEEDS_BUSY_TIMEOUT'];
  if (given === undefined || given === '') return DEFAULT_BUSY_TIMEOUT_MS;
  const ms = Number(given);
  if (!Number.isInteger(ms) || ms < 0 || ms > 600_000) throw new StoreOpenError(`busy timeout: "${given}" is not a number of milliseconds between 0 and 600000`);
  return ms;
}

export async function openStore(spec: string, options: OpenOptions = {}): Promise<Store> {
  const busyTimeoutMs = resolveBusyTimeout(options.busyTimeoutMs);
  const dialect = dialectForSpec(spec);
  const store: Store = { ...(await dialect.open(spec, busyTimeoutMs)), dialect: dialect.name, busyTimeoutMs };
  try {
    await migrate(store);
  } catch (err) {
    await store.close();
    throw new StoreOpenError(`cannot prepare the database at ${store.location}: ${(err as Error).message}`);
  }
  return store;
}

async function migrate(store: Store): Promise<void> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider(store.dialect) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(textOf(error));
}
