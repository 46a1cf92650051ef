// Opens the database named by --db / DEEDS_DB / ./deeds.db and brings its schema up to date.
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import { migrationProvider, type Dialect } from './migrations/index.js';
import type { Database } from './schema.js';
import type { ErrorCode } from '../errors/index.js';
import { textOf } from '../util/text.js';

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

export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
  readonly code = 'store_open_failed' satisfies ErrorCode;
}

export async function openStore(spec: string, options: OpenOptions = {}): Promise<Store> {
  const busyTimeoutMs = resolveBusyTimeout(options.busyTimeoutMs);
  const store = isPostgresUrl(spec) ? await openPostgres(spec, busyTimeoutMs) : await openSqlite(spec, busyTimeoutMs);
  try {
    await migrate(store);
  } catch (err) {
    await store.close();
    throw new StoreOpenError(`cannot prepare the database at ${store.location}: ${(err as Error).message}`);
  }
  return store;
}

async function openSqlite(path: string, busyTimeoutMs: number): Promise<Store> {
  const { default: SQLite } = await import('better-sqlite3');
  let database;
  try {
    database = new SQLite(path);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma(`busy_timeout = ${busyTimeoutMs}`);
  } catch (err) {
    throw new StoreOpenError(`cannot open the SQLite database ${path}: ${(err as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { db, dialect: 'sqlite', location: path, busyTimeoutMs, close: () => db.destroy() };
}

async function openPostgres(url: string, busyTimeoutMs: number): Promise<Store> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const location = redact(url);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end();
    throw new StoreOpenError(`cannot connect to PostgreSQL at ${location}: ${(err as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect: 'postgres', location, busyTimeoutMs, pool, close: () => db.destroy() };
}

async function migrate(store: Store): Promise<void> {
  const migrator = new Migrator({ db: store.db, provider: migrationProvider(store.dialect) });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(textOf(error));
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
