// The tamper-evident audit log: every write appends an entry whose hash covers the previous
// entry's hash, so altering, removing or reordering entries breaks the chain.
import type { Kysely, Transaction } from 'kysely';
import { canonicalJson, sha256 } from '../util/digest.js';
import type { AuditEntry, Database } from '../store/schema.js';
import type { Dialect } from '../store/migrations/index.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditWrite {
  actor: string;
  action: string;
  caseId: string | null;
  objectIds: string[];
  /** The change itself; only its digest is kept in the log. */
  change: unknown;
}

type Hashed = Pick<AuditEntry, 'seq' | 'at' | 'actor' | 'action' | 'case_id' | 'object_ids' | 'digest' | 'prev_hash'>;

export function entryHash(entry: Hashed): string {
  const { seq, at, actor, action, case_id, object_ids, digest } = entry;
  return sha256(`${entry.prev_hash}\n${canonicalJson({ seq, at, actor, action, case_id, object_ids, digest })}`);
}

/**
 * Appends one entry inside the caller's transaction. Reading the head row with FOR UPDATE (on
 * PostgreSQL) serialises concurrent writers; SQLite transactions are serial already.
 */
export async function appendAudit(trx: Transaction<Database>, dialect: Dialect, write: AuditWrite, at = new Date().toISOString()): Promise<AuditEntry> {
  let query = trx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
  if (dialect === 'postgres') query = query.forUpdate();
  const head = await query.executeTakeFirstOrThrow();
  const entry: Hashed = {
    seq: head.seq + 1,
    at,
    actor: write.actor,
    action: write.action,
    case_id: write.caseId,
    object_ids: JSON.stringify(write.objectIds),
    digest: sha256(canonicalJson(write.change)),
    prev_hash: head.hash,
  };
  const row = { ...entry, hash: entryHash(entry) };
  await trx.insertInto('audit_log').values(row).execute();
  await trx.updateTable('audit_head').set({ seq: row.seq, hash: row.hash }).where('id', '=', 1).execute();
  return row;
}

export type VerifyResult =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; first_bad: number | null; reason: string };

/** Walks the whole chain in order; names the first entry that does not fit. */
export async function verifyAudit(db: Kysely<Database>): Promise<VerifyResult> {
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  const pageSize = 5000;
  for (let after = 0; ; ) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    for (const entry of page) {
      count++;
      if (entry.seq !== expectedSeq) {
        return bad(count, expectedSeq, `entry ${expectedSeq} is missing (the next entry found is ${entry.seq})`);
      }
      if (entry.prev_hash !== prevHash) {
        return bad(count, entry.seq, `entry ${entry.seq} does not follow entry ${entry.seq - 1}: an entry was removed, inserted or reordered`);
      }
      if (entryHash(entry) !== entry.hash) {
        return bad(count, entry.seq, `entry ${entry.seq} was altered: its content no longer matches its hash`);
      }
      prevHash = entry.hash;
      expectedSeq++;
      after = entry.seq;
    }
    if (page.length < pageSize) break;
  }
  if (!head) return bad(count, null, 'the audit head record is missing');
  if (head.seq !== expectedSeq - 1 || head.hash !== prevHash) {
    return bad(count, expectedSeq, `the log ends at entry ${expectedSeq - 1} but entry ${head.seq} was written: entries at the end were removed`);
  }
  return { ok: true, entries: count, head: prevHash };
}

function bad(entries: number, firstBad: number | null, reason: string): VerifyResult {
  return { ok: false, entries, first_bad: firstBad, reason };
}
