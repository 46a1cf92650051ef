// Migration 009 on a database written before it: a screening index stored compressed (PostgreSQL
// compresses a large compressible value by default) reads back byte for byte, and an index stored
// after it is kept uncompressed on PostgreSQL. On SQLite it changes nothing.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { openStore, type Store } from '../../src/store/open.js';
import { readScreeningIndex, saveScreeningIndex } from '../../src/store/screening-index.js';
import { dbMigratedTo, storeKinds } from '../helpers/stores.js';

/**
 * Byte-for-byte equality of megabytes, by digest: toEqual on a 3 MB buffer compares it element by
 * element and took about 15 s a call.
 */
const digest = (bytes: Uint8Array | null | undefined) => (bytes ? createHash('sha256').update(bytes).digest('hex') : String(bytes));

/** 3 MB that compress well (PostgreSQL compresses values over 2 kB unless told not to). */
const compressible = (seed: number) => Buffer.from(Array.from({ length: 3 * 1024 * 1024 }, (_, i) => ((i >> 10) + seed) % 251));
const info = (digest: string) => ({ digest, versions: ['un@2026-02-27'], format: 1, entries: 1, names: 1, parts: 1, built_at: '2026-12-03T00:00:00.000Z' });

/** How PostgreSQL keeps the stored parts: the column's storage and each value's compression (null: none). */
async function howStored(store: Store): Promise<{ storage: string; compression: Array<string | null> }> {
  const storage = await sql<{ attstorage: string }>`SELECT attstorage FROM pg_attribute WHERE attrelid = 'screening_index_parts'::regclass AND attname = 'data'`.execute(store.db);
  const parts = await sql<{ digest: string; c: string | null }>`SELECT digest, pg_column_compression(data) AS c FROM screening_index_parts ORDER BY digest`.execute(store.db);
  return { storage: storage.rows[0]?.attstorage ?? '', compression: parts.rows.map((r) => r.c) };
}

describe.each(storeKinds)('migration 009 on %s', (kind) => {
  it('reads an index stored before it byte for byte, and stores new ones uncompressed on PostgreSQL', async () => {
    const { spec, db: before } = await dbMigratedTo(kind, '2026-12-03-008-screening-index');
    const old = compressible(0);
    const db = before as unknown as Kysely<{ screening_indexes: Record<string, unknown>; screening_index_parts: Record<string, unknown> }>;
    await db.insertInto('screening_indexes').values({ ...info('a-old'), versions: JSON.stringify(['un@2026-02-27']), bytes: old.length }).execute();
    await db.insertInto('screening_index_parts').values({ digest: 'a-old', part: 0, data: old }).execute();
    await before.destroy();

    const store = await openStore(spec);
    try {
      expect(digest(await readScreeningIndex(store, 'a-old'))).toBe(digest(old));
      const fresh = compressible(7);
      await saveScreeningIndex(store, info('b-new'), fresh);
      expect(digest(await readScreeningIndex(store, 'b-new'))).toBe(digest(fresh));
      if (kind === 'postgres') {
        // 'e' is EXTERNAL: kept out of line, never compressed. The old part keeps its compression.
        expect(await howStored(store)).toEqual({ storage: 'e', compression: ['pglz', null] });
      }
    } finally {
      await store.close();
    }
  });
});
