// The case cache checks the audit head on every request; readers that ask together share one
// read of it, and a reader never trusts a read that started before it asked.
import { describe, expect, it } from 'vitest';
import { CaseCache } from '../../src/server/case-cache.js';
import { loadCase } from '../../src/store/cases.js';
import { addEvidence } from '../../src/store/evidence.js';
import type { Store } from '../../src/store/open.js';
import { freshStore, storeKinds } from '../helpers/stores.js';
import { miniCase } from '../helpers/mini-case.js';

/** The store, with a count of the reads of the audit head. */
function counting(store: Store): { store: Store; headReads: () => number } {
  let reads = 0;
  const db = new Proxy(store.db, {
    get(target, prop, receiver) {
      if (prop !== 'selectFrom') return Reflect.get(target, prop, receiver) as unknown;
      return (table: Parameters<Store['db']['selectFrom']>[0]) => {
        if (table === 'audit_head') reads++;
        return target.selectFrom(table);
      };
    },
  });
  return { store: { ...store, db }, headReads: () => reads };
}

describe.each(storeKinds)('the audit head on %s', (kind) => {
  it('is read at most twice for fifty readers at once, and a write before a request is seen by it', async () => {
    const store = await freshStore(kind);
    try {
      await loadCase(store, miniCase(), { actor: 'test:setup' });
      const { store: watched, headReads } = counting(store);
      const cache = new CaseCache(watched);
      await cache.get('mini');
      const before = headReads();
      const readers = await Promise.all(Array.from({ length: 50 }, () => cache.get('mini')));
      expect(headReads() - before).toBeLessThanOrEqual(2);
      expect(new Set(readers).size).toBe(1);
      // A read under way when the write ends is not trusted by a request made after the write.
      const early = cache.get('mini');
      await addEvidence(store, 'mini', { id: 'ev-new', source: 'report', observed: { from: '2021' }, summary: 's', bears_on: [] }, { actor: 'test:writer' });
      const late = await cache.get('mini');
      await early;
      expect(late?.c.evidence.map((e) => e.id)).toContain('ev-new');
    } finally {
      await store.close();
    }
  });
});
