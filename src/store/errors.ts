// The store's errors, below everything else in src/store so that the dialect adapters and the
// modules that use them can all throw and recognise them. src/store/open.ts and write.ts export
// them under the names callers use.
import { ERRORS, type ErrorCode } from '../errors/index.js';

export class StoreOpenError extends Error {
  override name = 'StoreOpenError';
  readonly code = 'store_open_failed' satisfies ErrorCode;
}

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
