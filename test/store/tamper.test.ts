// Tampering with the data itself, beyond the log: every covered table changed directly in the
// database, as someone with access to it could, is named by `verifyAudit`; so is a chain rebuilt
// from scratch, given the head kept earlier or the HMAC key.
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { auditHead, entryHash, GENESIS_HASH, verifyAudit } from '../../src/store/audit/log.js';
import { loadCase } from '../../src/store/cases.js';
import { addEvidence } from '../../src/store/evidence.js';
import { addUser, createApiToken, grantRole } from '../../src/accounts/index.js';
import type { Store } from '../../src/store/open.js';
import { freshStore, storeKinds, type StoreKind } from '../helpers/stores.js';
import { miniCase } from '../helpers/mini-case.js';

async function dropGuards(store: Store, kind: StoreKind, table: string): Promise<void> {
  if (kind === 'sqlite') {
    await sql.raw(`DROP TRIGGER ${table}_no_update`).execute(store.db);
    await sql.raw(`DROP TRIGGER ${table}_no_delete`).execute(store.db);
  } else {
    await sql.raw(`ALTER TABLE ${table} DISABLE TRIGGER ${table}_append_only`).execute(store.db);
  }
}

async function populated(kind: StoreKind): Promise<Store> {
  const store = await freshStore(kind);
  await loadCase(store, miniCase(), { actor: 'test:setup' });
  await addEvidence(store, 'mini', { id: 'ev-9', source: 'report', observed: { from: '2021-01' }, summary: 'x', bears_on: [] }, { actor: 'test:setup' });
  const alice = await addUser(store, 'alice', 'a long test password', { actor: 'test:setup' });
  await grantRole(store, 'alice', 'mini', 'viewer', 'test:setup');
  await createApiToken(store, alice, 'script', 'read');
  return store;
}

const tampering: Array<[string, string, RegExp, StoreKind[]?]> = [
  ['an object', `UPDATE case_objects SET data = '{"id":"taliban","kind":"state","name":"Taliban"}' WHERE id = 'taliban'`, /case_objects mini\/taliban: changed since audit entry 1/],
  ['an object added directly', `INSERT INTO case_objects (case_id, id, list, ord, data, digest, updated_at) VALUES ('mini', 'planted', 'actors', 99, '{"id":"planted","kind":"state","name":"P"}', 'x', 'now')`, /case_objects mini\/planted: no audit entry wrote this row/],
  ['an object removed', `DELETE FROM case_objects WHERE id = 'rel-office'`, /case_objects mini\/rel-office: removed after audit entry 1/],
  ['the case header', `UPDATE cases SET marking = 'TLP:CLEAR', header = replace(header, 'desk', 'someone else')`, /cases mini: changed/],
  ['an evidence version', `UPDATE evidence_versions SET data = replace(data, 'ties persist', 'no ties') WHERE id = 'ev-1'`, /evidence_versions mini\/ev-1\/1: changed since audit entry 1/],
  ['an evidence version removed', `DELETE FROM evidence_versions WHERE id = 'ev-9'`, /evidence_versions mini\/ev-9\/1: removed after audit entry 2/],
  ['a grant', `UPDATE case_roles SET role = 'owner'`, /case_roles .*\/mini: changed since audit entry 4/],
  ['a grant added directly', `INSERT INTO case_roles (user_id, case_id, role, granted_by, granted_at) SELECT id, 'mini', 'owner', 'nobody', 'now' FROM users WHERE username = 'mallory'`, /case_roles .*\/mini: no audit entry wrote this row/],
  ['a user made admin', `UPDATE users SET is_admin = 1 WHERE username = 'alice'`, /users .*: changed since audit entry 3/],
  ['a token widened', `UPDATE api_tokens SET scope = 'write'`, /api_tokens .*: changed since audit entry 5/],
];

describe.each(storeKinds)('tampering with the data on %s', (kind) => {
  let store: Store;
  afterEach(async () => store?.close());

  it('verifies intact before anything is touched', async () => {
    store = await populated(kind);
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true, entries: 5 });
  });

  for (const [what, statement, named] of tampering) {
    it(`names ${what}`, async () => {
      store = await populated(kind);
      if (what.includes('evidence')) await dropGuards(store, kind, 'evidence_versions');
      if (what === 'a grant added directly') {
        await sql`INSERT INTO users (id, username, password_hash, is_admin, created_at) VALUES ('u-mallory', 'mallory', 'x', 0, 'now')`.execute(store.db);
      }
      await sql.raw(statement).execute(store.db);
      const result = await verifyAudit(store.db);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.reason).toMatch(named);
      expect(result.bad_rows?.length).toBeGreaterThan(0);
    });
  }

  it('notices a chain rebuilt from scratch when given the head kept earlier', async () => {
    store = await populated(kind);
    const kept = await auditHead(store.db);
    await dropGuards(store, kind, 'audit_log');
    // The attacker rewrites entry 1's actor and recomputes every hash after it, head included.
    await sql`UPDATE audit_log SET actor = 'test:mallory' WHERE seq = 1`.execute(store.db);
    const entries = await store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
    let prev = GENESIS_HASH;
    for (const e of entries) {
      const hash = entryHash({ ...e, prev_hash: prev });
      await store.db.updateTable('audit_log').set({ prev_hash: prev, hash } as never).where('seq', '=', e.seq).execute();
      prev = hash;
    }
    await store.db.updateTable('audit_head').set({ hash: prev }).where('id', '=', 1).execute();
    expect((await verifyAudit(store.db)).ok).toBe(true); // without the kept head, a rebuild is invisible
    expect(await verifyAudit(store.db, { head: kept.hash })).toMatchObject({ ok: false, reason: expect.stringMatching(/rebuilt/) });
  });

  it('accepts a kept head that later writes have moved past', async () => {
    store = await populated(kind);
    const kept = await auditHead(store.db);
    await addEvidence(store, 'mini', { id: 'ev-10', source: 'report', observed: { from: '2021-01' }, summary: 'y', bears_on: [] }, { actor: 'test:later' });
    expect(await verifyAudit(store.db, { head: kept.hash })).toMatchObject({ ok: true, entries: 6 });
  });
});

describe('the HMAC chain (DEEDS_AUDIT_KEY)', () => {
  const withKey = async <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const before = process.env['DEEDS_AUDIT_KEY'];
    process.env['DEEDS_AUDIT_KEY'] = key;
    try {
      return await work();
    } finally {
      if (before === undefined) delete process.env['DEEDS_AUDIT_KEY'];
      else process.env['DEEDS_AUDIT_KEY'] = before;
    }
  };

  it('keys the entries written with a key, verifies with it, and refuses without it or with another', async () => {
    const store = await freshStore('sqlite');
    try {
      await loadCase(store, miniCase(), { actor: 'test:before-key' });
      await withKey('secret one', () => addEvidence(store, 'mini', { id: 'ev-9', source: 'report', observed: { from: '2021-01' }, summary: 'x', bears_on: [] }, { actor: 'test:keyed' }));
      expect(await verifyAudit(store.db, { key: 'secret one' })).toMatchObject({ ok: true, entries: 2, keyed_from: 2 });
      expect(await verifyAudit(store.db, { key: 'secret two' })).toMatchObject({ ok: false, first_bad: 2, reason: expect.stringMatching(/altered/) });
      expect(await verifyAudit(store.db)).toMatchObject({ ok: false, reason: expect.stringMatching(/DEEDS_AUDIT_KEY/) });
    } finally {
      await store.close();
    }
  });

  it('notices a chain rebuilt without the key', async () => {
    const store = await freshStore('sqlite');
    try {
      await withKey('secret one', () => loadCase(store, miniCase(), { actor: 'test:keyed' }));
      await dropGuards(store, 'sqlite', 'audit_log');
      const [e] = await store.db.selectFrom('audit_log').selectAll().execute();
      const hash = entryHash({ ...e!, actor: 'test:mallory' });
      await sql`UPDATE audit_log SET actor = 'test:mallory', keyed = 0, hash = ${hash}`.execute(store.db);
      await store.db.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
      expect(await verifyAudit(store.db, { key: 'secret one' })).toMatchObject({ ok: false, reason: expect.stringMatching(/rebuilt without the key|no entry is keyed/) });
    } finally {
      await store.close();
    }
  });
});
