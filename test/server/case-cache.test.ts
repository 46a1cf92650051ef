// The server's cache of prepared cases: current after every write, and readers that miss together
// share one read of the case instead of each reading and preparing it.
import { describe, expect, it } from 'vitest';
import { CaseCache } from '../../src/server/case-cache.js';
import { loadCase } from '../../src/store/cases.js';
import { addEvidence } from '../../src/store/evidence.js';
import type { Store } from '../../src/store/open.js';
import { freshStore } from '../helpers/stores.js';
import { miniCase } from '../helpers/mini-case.js';

/** The store, with a count of the reads of the `cases` table (one per case read). */
function counting(store: Store): { store: Store; caseReads: () => number } {
  let reads = 0;
  const db = new Proxy(store.db, {
    get(target, prop, receiver) {
      if (prop !== 'selectFrom') return Reflect.get(target, prop, receiver) as unknown;
      return (table: Parameters<Store['db']['selectFrom']>[0]) => {
        if (table === 'cases') reads++;
        return target.selectFrom(table);
      };
    },
  });
  return { store: { ...store, db }, caseReads: () => reads };
}

describe('the case cache', () => {
  it('reads a changed case once for all the readers that asked at the same time, and is current after a write', async () => {
    const store = await freshStore('sqlite');
    try {
      await loadCase(store, miniCase(), { actor: 'test:setup' });
      const { store: watched, caseReads } = counting(store);
      const cache = new CaseCache(watched);
      const first = await Promise.all(Array.from({ length: 20 }, () => cache.get('mini')));
      expect(caseReads()).toBe(1);
      expect(new Set(first).size).toBe(1);
      await addEvidence(store, 'mini', { id: 'ev-new', source: 'report', observed: { from: '2021' }, summary: 's', bears_on: [] }, { actor: 'test:writer' });
      const after = await Promise.all(Array.from({ length: 20 }, () => cache.get('mini')));
      expect(caseReads()).toBe(2);
      expect(after[0]?.c.evidence.map((e) => e.id)).toContain('ev-new');
    } finally {
      await store.close();
    }
  });
});
