// The write transaction itself: a failure anywhere, the COMMIT included, rolls everything back and
// leaves the connection ready for the next write.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { getCase, loadCase } from '../../src/store/cases.js';
import { addEvidence } from '../../src/store/evidence.js';
import { writeTransaction } from '../../src/store/write.js';
import { freshStore } from '../helpers/stores.js';
import { miniCase } from '../helpers/mini-case.js';

describe('a SQLite write whose COMMIT fails', () => {
  it('stores nothing and leaves the connection usable', async () => {
    const store = await freshStore('sqlite');
    try {
      await loadCase(store, miniCase(), { actor: 'test:setup' });
      // A foreign-key check deferred to COMMIT makes the COMMIT itself fail.
      await expect(writeTransaction(store, async (trx) => {
        await sql`PRAGMA defer_foreign_keys = ON`.execute(trx);
        await trx.insertInto('case_objects').values({ case_id: 'no-such-case', id: 'x', list: 'actors', ord: 0, data: '{}', digest: 'x', updated_at: 'now' }).execute();
      })).rejects.toThrow(/FOREIGN KEY/);
      expect(await store.db.selectFrom('case_objects').select('id').where('case_id', '=', 'no-such-case').execute()).toEqual([]);
      await addEvidence(store, 'mini', { id: 'ev-after', source: 'report', observed: { from: '2021' }, summary: 's', bears_on: [] }, { actor: 'test:after' });
      expect((await getCase(store, 'mini'))?.evidence.map((e) => e.id)).toContain('ev-after');
    } finally {
      await store.close();
    }
  });
});
