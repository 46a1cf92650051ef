// SQLite write transactions start with BEGIN IMMEDIATE, taking the write lock before the first
// read. A plain BEGIN reads first and fails with SQLITE_BUSY when it then tries to write while
// another connection holds the lock, which no busy timeout can help. When another connection
// (another process, or an import's own connection) holds the lock, the writer retries without
// blocking the event loop until the store's busy timeout has passed, then gives up with
// StoreBusyError. Inside one process, Kysely's single SQLite connection queues transactions.
import { sql, type Kysely } from 'kysely';
import { isBusy, StoreBusyError } from '../../errors.js';
import type { Database } from '../../schema.js';
import type { WriteTarget } from '../dialect.js';

const LOCK_HELD_ELSEWHERE = Symbol('the write lock is held by another connection');

/**
 * BEGIN IMMEDIATE, retried while another connection holds the write lock. Between attempts the
 * connection is handed back, so this process's reads go on while its writer waits; the
 * connection's own busy handler would instead block the whole process while it waits.
 */
export async function sqliteWrite<T>(store: WriteTarget, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
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

async function tryBeginImmediate(conn: Kysely<Database>, busyTimeoutMs: number): Promise<boolean> {
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
