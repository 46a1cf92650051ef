// PostgreSQL write transactions are plain transactions: writers lock the rows they read (SELECT …
// FOR UPDATE, see locksRowsRead) and wait for another writer's row lock as long as SQLite waits
// for its write lock, through lock_timeout.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../schema.js';
import type { WriteTarget } from '../dialect.js';

export function postgresWrite<T>(store: WriteTarget, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return store.db.transaction().execute(async (trx) => {
    await sql.raw(`SET LOCAL lock_timeout = ${Math.max(1, Math.floor(store.busyTimeoutMs))}`).execute(trx);
    return work(trx);
  });
}
