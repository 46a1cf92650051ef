// Every write to the store runs in writeTransaction: one transaction that reads what it changes
// inside itself, so no acknowledged write is lost to a concurrent one. How a transaction waits for
// other writers is the dialect's (src/store/dialects/sqlite/write.ts: BEGIN IMMEDIATE, retried
// until the busy timeout; postgres/write.ts: row locks bounded by lock_timeout); either way a
// writer that waited too long gets StoreBusyError, and a unique violation that slips through
// becomes StoreConflictError.
import type { Kysely } from 'kysely';
import type { Database } from './schema.js';
import { dialectFor, lockRowsRead, type WriteTarget } from './dialects/index.js';
import { translateStoreError } from './errors.js';

export { isBusy, isUniqueViolation, StoreBusyError, StoreConflictError, translateStoreError } from './errors.js';
export type { WriteTarget } from './dialects/index.js';

export type WriteDb = Kysely<Database>;

export async function writeTransaction<T>(store: WriteTarget, work: (trx: WriteDb) => Promise<T>): Promise<T> {
  try {
    return await dialectFor(store.dialect).writeTransaction(store, work);
  } catch (err) {
    throw translateStoreError(err);
  }
}

/**
 * Locks a case's row until the transaction ends, so writers of one case take turns and each
 * reads the case as the previous one left it. (SQLite's write lock covers the whole database.)
 */
export async function writeLockCase(trx: WriteDb, dialect: WriteTarget['dialect'], caseId: string): Promise<boolean> {
  const query = lockRowsRead(dialect, trx.selectFrom('cases').select('id').where('id', '=', caseId));
  return (await query.executeTakeFirst()) !== undefined;
}
