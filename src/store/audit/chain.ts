// The chain itself: how an entry's hash is made from the entry before it. Shared by appending
// (log.ts) and verifying (verify.ts), so neither imports the other.
import { createHmac } from 'node:crypto';
import { canonicalJson, sha256 } from '../../util/digest.js';
import type { AuditEntry } from '../schema.js';
import type { RowRecord } from './rows.js';

export const GENESIS_HASH = '0'.repeat(64);

export type Hashed = Pick<AuditEntry, 'seq' | 'at' | 'actor' | 'action' | 'case_id' | 'object_ids' | 'digest' | 'prev_hash'>;

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
