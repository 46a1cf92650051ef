// A load inserts evidence a chunk at a time as it goes: every item lands once, in file order,
// the progress it reports rises to the total, and a second load of the same case changes nothing.
import { describe, expect, it } from 'vitest';
import { getCase, loadCase } from '../../src/store/cases.js';
import { verifyAudit } from '../../src/store/audit/log.js';
import { generateCase } from '../helpers/generate.js';
import { freshStore, storeKinds } from '../helpers/stores.js';

describe.each(storeKinds)('a load of many evidence items on %s', (kind) => {
  it('stores every item once, in order, reports progress up to the total, and is idempotent', async () => {
    const store = await freshStore(kind);
    try {
      const c = generateCase({ evidence: 650, commitments: 30, seed: 5 });
      const total = c.evidence.length + c.commitments.length + c.actors.length + c.sources.length + c.conditions.length + c.claims.length;
      const seen: number[] = [];
      const first = await loadCase(store, c, { actor: 'test', onProgress: (done, all) => { expect(all).toBeGreaterThanOrEqual(total); seen.push(done); } });
      expect(first.inserted).toBeGreaterThanOrEqual(total);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(seen.at(-1)).toBe(first.inserted);
      expect((await getCase(store, c.case.id))?.evidence.map((e) => e.id)).toEqual(c.evidence.map((e) => e.id));

      const again: number[] = [];
      const second = await loadCase(store, c, { actor: 'test', onProgress: (done) => again.push(done) });
      expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: first.inserted });
      expect(again.at(-1)).toBe(first.inserted);
      expect(await verifyAudit(store.db)).toMatchObject({ ok: true });
    } finally {
      await store.close();
    }
  });
});
