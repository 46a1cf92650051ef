// The persistent screening index in the database (migration 008): bytes keyed by the digest of
// the list versions they index. The store neither builds nor reads the index; it keeps the bytes
// (src/sanctions/index-*.ts serialise them). Kept in the database rather than in a file beside
// it because a PostgreSQL server has no "beside", because `deeds screen` and `deeds serve` on
// other machines share one database, and because the index then follows the lists into backups.
import type { Kysely } from 'kysely';
import type { Store } from './open.js';

export interface ScreeningIndexesTable {
  digest: string;
  /** JSON array of the list version ids the index covers. */
  versions: string;
  format: number;
  entries: number;
  names: number;
  bytes: number;
  parts: number;
  built_at: string;
}

export interface ScreeningIndexPartsTable {
  digest: string;
  part: number;
  data: Uint8Array;
}

interface Tables {
  screening_indexes: ScreeningIndexesTable;
  screening_index_parts: ScreeningIndexPartsTable;
}

export interface StoredScreeningIndex {
  digest: string;
  versions: string[];
  format: number;
  entries: number;
  names: number;
  bytes: number;
  built_at: string;
}

/** Parts of at most this many bytes: well within what either database keeps in one value. */
export const PART_BYTES = 16 * 1024 * 1024;
/** Indexes kept: the newest, and the one before it (a process may still be loading it). */
const KEEP = 2;

const tables = (store: Store): Kysely<Tables> => store.db as unknown as Kysely<Tables>;

const toInfo = (r: ScreeningIndexesTable): StoredScreeningIndex => ({
  digest: r.digest,
  versions: JSON.parse(r.versions) as string[],
  format: Number(r.format),
  entries: Number(r.entries),
  names: Number(r.names),
  bytes: Number(r.bytes),
  built_at: r.built_at,
});

export async function screeningIndexInfo(store: Store, digest: string): Promise<StoredScreeningIndex | undefined> {
  const row = await tables(store).selectFrom('screening_indexes').selectAll().where('digest', '=', digest).executeTakeFirst();
  return row ? toInfo(row) : undefined;
}

/** The most recently built index, whatever versions it covers (the base of an incremental build). */
export async function latestScreeningIndex(store: Store): Promise<StoredScreeningIndex | undefined> {
  const row = await tables(store).selectFrom('screening_indexes').selectAll().orderBy('built_at', 'desc').orderBy('digest').limit(1).executeTakeFirst();
  return row ? toInfo(row) : undefined;
}

/** The index's bytes, or undefined when it is not (or no longer) stored. */
export async function readScreeningIndex(store: Store, digest: string): Promise<Buffer | undefined> {
  const info = await screeningIndexInfo(store, digest);
  if (!info) return undefined;
  const rows = await tables(store).selectFrom('screening_index_parts').select(['part', 'data']).where('digest', '=', digest).orderBy('part').execute();
  if (rows.length === 0) return undefined;
  const out = Buffer.allocUnsafe(info.bytes);
  let at = 0;
  for (const r of rows) {
    const part = r.data;
    if (at + part.byteLength > out.length) return undefined;
    out.set(part, at);
    at += part.byteLength;
  }
  return at === info.bytes ? out : undefined;
}

/**
 * Stores an index and removes all but the newest KEEP. Two processes building the same index at
 * once store it once: the second finds the row and leaves it.
 */
export async function saveScreeningIndex(store: Store, info: Omit<StoredScreeningIndex, 'bytes'>, bytes: Uint8Array): Promise<void> {
  const db = tables(store);
  await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('screening_indexes').select('digest').where('digest', '=', info.digest).executeTakeFirst();
    if (existing) return;
    const parts = Math.max(1, Math.ceil(bytes.byteLength / PART_BYTES));
    await trx
      .insertInto('screening_indexes')
      .values({ digest: info.digest, versions: JSON.stringify(info.versions), format: info.format, entries: info.entries, names: info.names, bytes: bytes.byteLength, parts, built_at: info.built_at })
      .execute();
    for (let p = 0; p < parts; p++) {
      const part = bytes.subarray(p * PART_BYTES, Math.min(bytes.byteLength, (p + 1) * PART_BYTES));
      await trx.insertInto('screening_index_parts').values({ digest: info.digest, part: p, data: Buffer.from(part.buffer, part.byteOffset, part.byteLength) }).execute();
    }
    const old = await trx.selectFrom('screening_indexes').select('digest').orderBy('built_at', 'desc').orderBy('digest').offset(KEEP).limit(1000).execute();
    for (const o of old) {
      await trx.deleteFrom('screening_index_parts').where('digest', '=', o.digest).execute();
      await trx.deleteFrom('screening_indexes').where('digest', '=', o.digest).execute();
    }
  });
}
