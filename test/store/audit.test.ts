import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { verifyAudit } from '../../src/store/audit/log.js';
import { loadCase } from '../../src/store/cases.js';
import { addEvidence, retractEvidence } from '../../src/store/evidence.js';
import type { Store } from '../../src/store/open.js';
import { freshStore, storeKinds, type StoreKind } from '../helpers/stores.js';
import { miniCase } from '../helpers/mini-case.js';

/** Tampering means going around the append-only triggers, as someone with database access could. */
async function disableGuards(store: Store, kind: StoreKind, table = 'audit_log'): Promise<void> {
  if (kind === 'sqlite') {
    await sql.raw(`DROP TRIGGER ${table}_no_update`).execute(store.db);
    await sql.raw(`DROP TRIGGER ${table}_no_delete`).execute(store.db);
  } else {
    await sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only`).execute(store.db);
  }
}

/** Four entries: a load, an addition, a retraction, and a second load. */
async function storeWithHistory(kind: StoreKind): Promise<Store> {
  const store = await freshStore(kind);
  const who = { actor: 'test:alice' };
  await loadCase(store, miniCase(), who);
  await addEvidence(store, 'mini', { id: 'ev-9', source: 'report', observed: { from: '2021-01' }, summary: 'x', bears_on: [] }, who);
  await retractEvidence(store, 'mini', 'ev-9', { date: '2021-07-01', reason: 'duplicate' }, who);
  await loadCase(store, miniCase(), { actor: 'test:bob' });
  return store;
}

describe.each(storeKinds)('audit log on %s', (kind) => {
  let store: Store;
  afterEach(async () => store?.close());

  it('appends an entry for every write, chained by hash, and verifies intact', async () => {
    store = await storeWithHistory(kind);
    const entries = await store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    expect(entries.map((e) => [e.seq, e.action, e.actor])).toEqual([
      [1, 'case.load', 'test:alice'], [2, 'evidence.add', 'test:alice'], [3, 'evidence.retract', 'test:alice'], [4, 'case.load', 'test:bob'],
    ]);
    expect(entries[1]?.prev_hash).toBe(entries[0]?.hash);
    expect(JSON.parse(entries[1]!.object_ids)).toEqual(['ev-9']);
    expect(entries.every((e) => /^[0-9a-f]{64}$/.test(e.digest))).toBe(true);
    // 1 case + 13 objects + 2 evidence items, then ev-9 twice; the second load only rewrites the case row.
    expect(await verifyAudit(store.db)).toEqual({ ok: true, entries: 4, head: entries[3]?.hash, rows: 1 + 12 + 2 + 2, keyed_from: null });
  });

  it('names the first altered entry', async () => {
    store = await storeWithHistory(kind);
    await disableGuards(store, kind);
    await sql`UPDATE audit_log SET actor = 'test:mallory' WHERE seq = 2`.execute(store.db);
    expect(await verifyAudit(store.db)).toMatchObject({ ok: false, first_bad: 2, reason: expect.stringMatching(/altered/) });
  });

  it('names the entry after a removed one', async () => {
    store = await storeWithHistory(kind);
    await disableGuards(store, kind);
    await sql`DELETE FROM audit_log WHERE seq = 2`.execute(store.db);
    expect(await verifyAudit(store.db)).toMatchObject({ ok: false, first_bad: 2, reason: expect.stringMatching(/missing/) });
  });

  it('notices entries removed from the end', async () => {
    store = await storeWithHistory(kind);
    await disableGuards(store, kind);
    await sql`DELETE FROM audit_log WHERE seq = 4`.execute(store.db);
    expect(await verifyAudit(store.db)).toMatchObject({ ok: false, first_bad: 4, reason: expect.stringMatching(/removed/) });
  });

  it('notices reordered entries', async () => {
    store = await storeWithHistory(kind);
    await disableGuards(store, kind);
    // Swap the contents of entries 2 and 3, keeping their sequence numbers.
    await sql`UPDATE audit_log SET seq = 100 WHERE seq = 2`.execute(store.db);
    await sql`UPDATE audit_log SET seq = 2 WHERE seq = 3`.execute(store.db);
    await sql`UPDATE audit_log SET seq = 3 WHERE seq = 100`.execute(store.db);
    expect(await verifyAudit(store.db)).toMatchObject({ ok: false, first_bad: 2, reason: expect.stringMatching(/reordered/) });
  });

  it('notices a rewritten record of rows inside an entry', async () => {
    store = await storeWithHistory(kind);
    await disableGuards(store, kind);
    await sql`UPDATE audit_log SET rows = '[]' WHERE seq = 2`.execute(store.db);
    expect(await verifyAudit(store.db)).toMatchObject({ ok: false, first_bad: 2, reason: expect.stringMatching(/rows it records/) });
  });
});
