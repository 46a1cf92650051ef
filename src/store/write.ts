// Every write to the store runs in writeTransaction: one transaction that reads what it changes
// inside itself, so no acknowledged write is lost to a concurrent one.
//
// SQLite: the transaction starts with BEGIN IMMEDIATE, taking the write lock before the first
// read. A plain BEGIN reads first and fails with SQLITE_BUSY when it then tries to write while
// another connection holds the lock, which no busy timeout can help. When another connection
// (another process, or an import's own connection) holds the lock, the writer retries without
// blocking the event loop until the store's busy timeout has passed, then gives up with
// StoreBusyError. Inside one process, Kysely's single SQLite connection queues transactions.
//
// PostgreSQL: a plain transaction; writers lock the rows they read (writeLockCase, SELECT … FOR
// UPDATE) and a unique violation that slips through becomes a StoreConflictError.
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import type { Store } from './open.js';
import { ERRORS, type ErrorCode } from '../errors/index.js';

/** Another writer held the database longer than the busy timeout: try again later (HTTP 503, exit 1). */
export class StoreBusyError extends Error {
  override name = 'StoreBusyError';
  readonly code = 'store_busy' satisfies ErrorCode;
  constructor(readonly waitedMs: number) {
    super(ERRORS.store_busy.message);
  }
}

/** The write collided with a concurrent one on a unique key: the other won (HTTP 409). */
export class StoreConflictError extends Error {
  override name = 'StoreConflictError';
  readonly code = 'store_conflict' satisfies ErrorCode;
}

export type WriteDb = Kysely<Database>;

export interface WriteTarget {
  db: Kysely<Database>;
  dialect: Store['dialect'];
  busyTimeoutMs: number;
}

export async function writeTransaction<T>(store: WriteTarget, work: (trx: WriteDb) => Promise<T>): Promise<T> {
  try {
    if (store.dialect === 'postgres') {
      return await store.db.transaction().execute(async (trx) => {
        // Waiting for a row lock is bounded like SQLite's wait for the write lock.
        await sql.raw(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(store.busyTimeoutMs))}`).execute(trx);
        return work(trx);
      });
    }
    return await sqliteWrite(store, work);
  } catch (err) {
    throw translateStoreError(err);
  }
}

const LOCK_HELD_ELSEWHERE = Symbol('the write lock is held by another connection');

/**
 * BEGIN IMMEDIATE, retried while another connection holds the write lock. Between attempts the
 * connection is handed back, so this process's reads go on while its writer waits; the
 * connection's own busy handler would instead block the whole process while it waits.
 */
async function sqliteWrite<T>(store: WriteTarget, work: (trx: WriteDb) => Promise<T>): Promise<T> {
  const started = Date.now();
  for (let attempt = 0; ; attempt++) {
    const outcome = await store.db.connection().execute(async (conn) => {
      if (!(await tryBeginImmediate(conn, store.busyTimeoutMs))) return LOCK_HELD_ELSEWHERE;
      try {
        const result = await work(conn);
        await sql`COMMIT`.execute(conn);
        return { result };
      } catch (err) {
        // Also after a failed COMMIT, so the connection is never left inside a transaction. SQLite
        // may have rolled back already (e.g. after SQLITE_FULL); that is not a new error.
        await sql`ROLLBACK`.execute(conn).catch(() => undefined);
        throw err;
      }
    });
    if (outcome !== LOCK_HELD_ELSEWHERE) return outcome.result;
    const waited = Date.now() - started;
    if (waited >= store.busyTimeoutMs) throw new StoreBusyError(waited);
    const pause = Math.min(2 + attempt * 3, 50, store.busyTimeoutMs - waited);
    await new Promise((resolve) => setTimeout(resolve, pause * (0.5 + Math.random())));
  }
}

async function tryBeginImmediate(conn: WriteDb, busyTimeoutMs: number): Promise<boolean> {
  await sql`PRAGMA busy_timeout = 0`.execute(conn);
  try {
    await sql`BEGIN IMMEDIATE`.execute(conn);
    return true;
  } catch (err) {
    if (isBusy(err)) return false;
    throw err;
  } finally {
    await sql.raw(`PRAGMA busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`).execute(conn);
  }
}

/** PostgreSQL: lock_not_available (lock_timeout), deadlock_detected, serialization_failure. */
const PG_BUSY = new Set(['55P03', '40P01', '40001']);

export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED') || PG_BUSY.has(code));
}

/** PostgreSQL's unique_violation; SQLite's UNIQUE or PRIMARY KEY constraint. */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** Busy and unique-key errors become errors the API and the CLI know how to answer. */
export function translateStoreError(err: unknown): unknown {
  if (err instanceof StoreBusyError || err instanceof StoreConflictError) return err;
  if (isBusy(err)) return new StoreBusyError(0);
  if (isUniqueViolation(err)) return new StoreConflictError(ERRORS.store_conflict.message);
  return err;
}

/**
 * Locks a case's row until the transaction ends, so writers of one case take turns and each
 * reads the case as the previous one left it. (SQLite's write lock covers the whole database.)
 */
export async function writeLockCase(trx: WriteDb, dialect: Store['dialect'], caseId: string): Promise<boolean> {
  let query = trx.selectFrom('cases').select('id').where('id', '=', caseId);
  if (dialect === 'postgres') query = query.forUpdate();
  return (await query.executeTakeFirst()) !== undefined;
}
