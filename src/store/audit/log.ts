// The tamper-evident audit log: every write appends an entry whose hash covers the previous
// entry's hash, so altering, removing or reordering entries breaks the chain. An entry's digest
// covers the rows its write stored (src/store/audit/rows.ts), so changing those rows is noticed too.
// With DEEDS_AUDIT_KEY set, hashes are HMACs: without the key nobody can rebuild the chain.
import type { Kysely } from 'kysely';
import { canonicalJson, sha256 } from '../../util/digest.js';
import type { AuditEntry, Database } from '../schema.js';
import { lockRowsRead, type Dialect } from '../dialects/index.js';
import type { RowRecord } from './rows.js';
import { auditKey, entryHash, GENESIS_HASH, type Hashed } from './chain.js';

export { verifyAudit, type VerifyResult, type VerifyOptions } from './verify.js';
export { auditKey, entryHash, GENESIS_HASH, rowsDigest } from './chain.js';

export interface AuditWrite {
  actor: string;
  action: string;
  caseId: string | null;
  objectIds: string[];
  /** The change itself; only its digest is kept in the log (unless `rows` are given). */
  change: unknown;
  /** The rows the write stored; when given, they are kept and the digest covers them. */
  rows?: RowRecord[];
}

/**
 * Appends one entry inside the caller's transaction. Reading the head row with FOR UPDATE (on
 * PostgreSQL) serialises concurrent writers; SQLite write transactions hold the database lock.
 */
export async function appendAudit(trx: Kysely<Database>, dialect: Dialect, write: AuditWrite, at = new Date().toISOString()): Promise<AuditEntry> {
  const head = await lockRowsRead(dialect, trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1)).executeTakeFirstOrThrow();
  const rows = write.rows ? canonicalJson(write.rows) : null;
  const entry: Hashed = {
    seq: Number(head.seq) + 1,
    at,
    actor: write.actor,
    action: write.action,
    case_id: write.caseId,
    object_ids: JSON.stringify(write.objectIds),
    digest: rows !== null ? sha256(rows) : sha256(canonicalJson(write.change)),
    prev_hash: head.hash,
  };
  const key = auditKey();
  const row = { ...entry, hash: entryHash(entry, key), rows, keyed: key === undefined ? 0 : 1 };
  await trx.insertInto('audit_log').values(row).execute();
  await trx.updateTable('audit_head').set({ seq: row.seq, hash: row.hash }).where('id', '=', 1).execute();
  return row;
}

/** The newest entry's hash: keep it somewhere else, and `audit verify --head` proves the chain was not rebuilt. */
export async function auditHead(db: Kysely<Database>): Promise<{ seq: number; hash: string }> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  return { seq: Number(head?.seq ?? 0), hash: head?.hash ?? GENESIS_HASH };
}
