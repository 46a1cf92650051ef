// Verifying the audit log: the chain (every entry follows the one before and matches its hash),
// the rows the entries cover (each row in the tables as the newest entry that wrote it recorded
// it), and optionally a head hash kept elsewhere, which a rebuilt chain no longer contains.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { auditKey, entryHash, GENESIS_HASH, rowsDigest } from './chain.js';
import { coveredTables, recordId, tableRecords, type RowRecord } from './rows.js';

export interface VerifyOptions {
  /** A head hash printed earlier by `deeds audit head`: the chain must still contain it. */
  head?: string;
  /** The HMAC key; default: DEEDS_AUDIT_KEY. */
  key?: string;
}

export interface BadRow {
  table: string;
  key: string[];
  problem: string;
}

export type VerifyResult =
  | { ok: true; entries: number; head: string; rows: number; keyed_from: number | null }
  | { ok: false; entries: number; first_bad: number | null; reason: string; bad_rows?: BadRow[] };

const MAX_NAMED_ROWS = 100;

/** Walks the whole chain in order; names the first entry that does not fit, or the rows that do not. */
export async function verifyAudit(db: Kysely<Database>, options: VerifyOptions = {}): Promise<VerifyResult> {
  const key = options.key ?? auditKey();
  const head = await db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  const recorded = new Map<string, { record: RowRecord; seq: number }>();
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  let keyedFrom: number | null = null;
  // The genesis hash is the head of an empty log, which every chain starts from.
  let sawKeptHead = options.head === undefined || options.head === GENESIS_HASH;
  const pageSize = 2000;
  for (let after = 0; ; ) {
    const page = await db.selectFrom('audit_log').selectAll().where('seq', '>', after).orderBy('seq').limit(pageSize).execute();
    for (const entry of page) {
      count++;
      const seq = Number(entry.seq);
      if (seq !== expectedSeq) return bad(count, expectedSeq, `entry ${expectedSeq} is missing (the next entry found is ${seq})`);
      if (entry.prev_hash !== prevHash) {
        return bad(count, seq, `entry ${seq} does not follow entry ${seq - 1}: an entry was removed, inserted or reordered`);
      }
      if (entry.keyed === 1) {
        keyedFrom ??= seq;
        if (key === undefined) return bad(count, seq, `entries from ${keyedFrom} on are HMAC-keyed: set DEEDS_AUDIT_KEY to verify them`);
      } else if (keyedFrom !== null) {
        return bad(count, seq, `entry ${seq} is not keyed although entry ${keyedFrom} was: the chain was rewritten without the key`);
      }
      if (entryHash(entry, entry.keyed === 1 ? key : undefined) !== entry.hash) {
        return bad(count, seq, `entry ${seq} was altered: its content no longer matches its hash${entry.keyed === 1 ? ' (or DEEDS_AUDIT_KEY is not the key it was written with)' : ''}`);
      }
      if (entry.rows !== null && entry.rows !== undefined) {
        const rows = JSON.parse(entry.rows) as RowRecord[];
        if (rowsDigest(rows) !== entry.digest) return bad(count, seq, `entry ${seq} was altered: the rows it records no longer match its digest`);
        for (const record of rows) recorded.set(recordId(record[0], record[1]), { record, seq });
      }
      if (entry.hash === options.head) sawKeptHead = true;
      prevHash = entry.hash;
      expectedSeq++;
      after = seq;
    }
    if (page.length < pageSize) break;
  }
  if (!head) return bad(count, null, 'the audit head record is missing');
  if (Number(head.seq) !== expectedSeq - 1 || head.hash !== prevHash) {
    return bad(count, expectedSeq, `the log ends at entry ${expectedSeq - 1} but entry ${head.seq} was written: entries at the end were removed`);
  }
  if (key !== undefined && count > 0 && keyedFrom === null) {
    return bad(count, count, 'DEEDS_AUDIT_KEY is set but no entry is keyed: the chain was rebuilt without the key, or the key was never used');
  }
  if (!sawKeptHead) {
    return bad(count, null, `the chain does not contain the head ${options.head?.slice(0, 16)}… kept earlier: it was rebuilt or cut short`);
  }

  const badRows = await checkRows(db, recorded);
  if (badRows.length > 0) {
    const named = badRows.slice(0, MAX_NAMED_ROWS);
    const list = named.map((r) => `${r.table} ${r.key.join('/')}: ${r.problem}`).join('; ');
    return { ok: false, entries: count, first_bad: null, reason: `${badRows.length} row${badRows.length === 1 ? '' : 's'} no longer match the audit log: ${list}`, bad_rows: named };
  }
  return { ok: true, entries: count, head: prevHash, rows: recorded.size, keyed_from: keyedFrom };
}

/** Compares every row of the covered tables with the newest record of it in the log. */
async function checkRows(db: Kysely<Database>, recorded: Map<string, { record: RowRecord; seq: number }>): Promise<BadRow[]> {
  const problems: BadRow[] = [];
  const seen = new Set<string>();
  for (const table of coveredTables) {
    for (const [, key, digest] of await tableRecords(db, table)) {
      const id = recordId(table, key);
      seen.add(id);
      const found = recorded.get(id);
      if (!found) problems.push({ table, key, problem: 'no audit entry wrote this row (added outside deeds)' });
      else if (found.record[2] !== digest) problems.push({ table, key, problem: `changed since audit entry ${found.seq} wrote it` });
    }
  }
  for (const [id, { record, seq }] of recorded) {
    if (!seen.has(id)) problems.push({ table: record[0], key: record[1], problem: `removed after audit entry ${seq} wrote it` });
  }
  return problems;
}

function bad(entries: number, firstBad: number | null, reason: string): VerifyResult {
  return { ok: false, entries, first_bad: firstBad, reason };
}
