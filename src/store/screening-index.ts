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
  if (store.pool && /^[0-9a-f]+$/.test(digest)) return copyScreeningIndex(store.pool, digest, info.bytes);
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

/**
 * PostgreSQL: the parts through one `COPY … TO STDOUT (FORMAT binary)`, written straight into the
 * index's buffer. A plain SELECT returns bytea as hex text: at a million names that is 350 MB of
 * text to receive and decode, and it took 2.1–3.2 s against well under a second this way.
 */
async function copyScreeningIndex(pool: import('pg').Pool, digest: string, bytes: number): Promise<Buffer | undefined> {
  const { to: copyTo } = await import('pg-copy-streams');
  const client = await pool.connect();
  let whole = false;
  try {
    // COPY takes no parameters; the digest was checked to be hexadecimal.
    const stream = client.query(copyTo(`COPY (SELECT data FROM screening_index_parts WHERE digest = '${digest}' ORDER BY part) TO STDOUT (FORMAT binary)`));
    const out = Buffer.allocUnsafe(bytes);
    const at = await readCopyBinary(stream, out);
    whole = at !== undefined;
    return at === bytes ? out : undefined;
  } finally {
    // A COPY left half read leaves its connection unusable: it is closed, not handed back.
    client.release(!whole);
  }
}

const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

/**
 * Reads PostgreSQL's binary COPY format of rows of one non-null bytea column, appending each value
 * to `out` in row order. Chunks may split the format anywhere. Returns the bytes written, or
 * undefined when the stream is not such a COPY or the values do not fit `out`.
 */
export async function readCopyBinary(chunks: AsyncIterable<Uint8Array>, out: Uint8Array): Promise<number | undefined> {
  // Stages: the 19-byte header, the extension it announces, a row's field count (2 bytes), a
  // field's length (4 bytes), the field's bytes; 'end' after the trailer (a count of -1).
  let stage: 'header' | 'extension' | 'count' | 'length' | 'data' | 'end' = 'header';
  const small = Buffer.alloc(19);
  let have = 0;
  let want = 19;
  let left = 0;
  let at = 0;
  for await (const raw of chunks) {
    const chunk = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
    let i = 0;
    while (i < chunk.length) {
      if (stage === 'end') return undefined;
      if (stage === 'data' || stage === 'extension') {
        const n = Math.min(left, chunk.length - i);
        if (stage === 'data') {
          if (at + n > out.length) return undefined;
          out.set(chunk.subarray(i, i + n), at);
          at += n;
        }
        i += n;
        left -= n;
        if (left === 0) {
          stage = 'count';
          want = 2;
        }
        continue;
      }
      const n = Math.min(want - have, chunk.length - i);
      chunk.copy(small, have, i, i + n);
      have += n;
      i += n;
      if (have < want) continue;
      have = 0;
      if (stage === 'header') {
        if (!small.subarray(0, 11).equals(COPY_SIGNATURE)) return undefined;
        left = small.readUInt32BE(15);
        stage = left > 0 ? 'extension' : 'count';
        want = 2;
      } else if (stage === 'count') {
        const fields = small.readInt16BE(0);
        if (fields === -1) stage = 'end';
        else if (fields !== 1) return undefined;
        else {
          stage = 'length';
          want = 4;
        }
      } else {
        left = small.readInt32BE(0);
        if (left < 0) return undefined;
        stage = left > 0 ? 'data' : 'count';
        want = 2;
      }
    }
  }
  return stage === 'end' ? at : undefined;
}
