// The tamper-evident audit log: every write appends an entry whose hash covers the previous
// entry's hash, so altering, removing or reordering entries breaks the chain. An entry's digest
// covers the rows its write stored (src/store/audit/rows.ts), so changing those rows is noticed too.
// With DEEDS_AUDIT_KEY set, hashes are HMACs: without the key nobody can rebuild the chain.
import { createHmac } from 'node:crypto';
import type { Kysely } from 'kysely';
import { canonicalJson, sha256 } from '../../util/digest.js';
import type { AuditEntry, Database } from '../schema.js';
import type { Dialect } from '../migrations/index.js';
import type { RowRecord } from './rows.js';

export { verifyAudit, type VerifyResult, type VerifyOptions } from './verify.js';

export const GENESIS_HASH = '0'.repeat(64);

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

type Hashed = Pick<AuditEntry, 'seq' | 'at' | 'actor' | 'action' | 'case_id' | 'object_ids' | 'digest' | 'prev_hash'>;

/** The key of the HMAC chain, when the environment gives one. */
export function auditKey(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env['DEEDS_AUDIT_KEY'] || undefined;
}

export function entryHash(entry: Hashed, key?: string): string {
  const { seq, at, actor, action, case_id, object_ids, digest } = entry;
  const text = `${entry.prev_hash}\n${canonicalJson({ seq: Number(seq), at, actor, action, case_id, object_ids, digest })}`;
  return key === undefined ? sha256(text) : createHmac('sha256', key).update(text).digest('hex');
}

export const rowsDigest = (rows: RowRecord[]): string => sha256(canonicalJson(rows));

/**
 * Appends one entry inside the caller's transaction. Reading the head row with FOR UPDATE (on
 * PostgreSQL) serialises concurrent writers; SQLite write transactions hold the database lock.
 */
export async function appendAudit(trx: Kysely<Database>, dialect: Dialect, write: AuditWrite, at = new Date().toISOString()): Promise<AuditEntry> {
  let query = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  if (dialect === 'postgres') query = query.forUpdate();
  const head = await query.executeTakeFirstOrThrow();
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
