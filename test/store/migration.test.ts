// Migration 006 on a database written before it: no data is lost, the old chain still verifies,
// old tokens keep working with the write scope, and from then on the old rows are covered too.
import { describe, expect, it } from 'vitest';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import Database from 'better-sqlite3';
import pg from 'pg';
import { entryHash, GENESIS_HASH, verifyAudit } from '../../src/store/audit/log.js';
import { migrationProvider, type Dialect } from '../../src/store/migrations/index.js';
import { openStore } from '../../src/store/open.js';
import { getCase } from '../../src/store/cases.js';
import { canonicalJson, digestOf, sha256 } from '../../src/util/digest.js';
import { freshDbSpec, storeKinds } from '../helpers/stores.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the schema before 006 has no type of its own
type OldDb = Kysely<any>;

function oldDb(kind: Dialect, spec: string): OldDb {
  return kind === 'sqlite'
    ? new Kysely({ dialect: new SqliteDialect({ database: new Database(spec) }) })
    : new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: spec, max: 2 }) }) });
}

/** Writes like the code before 006 did: rows, then an audit entry whose digest covers only the change. */
async function writeBefore006(db: OldDb): Promise<void> {
  const at = '2026-12-01T10:00:00.000Z';
  const actor = { id: 'taliban', kind: 'armed_group', name: 'Taliban' };
  const ev = { id: 'ev-1', source: 'report', observed: { from: '2021' }, summary: 'old', bears_on: [] };
  const header = { case: { id: 'old', title: 'An old case', subject: 'taliban', marking: 'TLP:CLEAR' } };
  await db.insertInto('cases').values({ id: 'old', title: 'An old case', subject: 'taliban', marking: 'TLP:CLEAR', header: JSON.stringify(header), created_at: at, updated_at: at }).execute();
  await db.insertInto('case_objects').values({ case_id: 'old', id: 'taliban', list: 'actors', ord: 0, data: JSON.stringify(actor), digest: digestOf(actor), updated_at: at }).execute();
  await db.insertInto('case_objects').values({ case_id: 'old', id: 'report', list: 'sources', ord: 0, data: JSON.stringify({ id: 'report', kind: 'report', title: 'r', date: '2021', reliability: 'B' }), digest: 'x', updated_at: at }).execute();
  await db.insertInto('evidence_versions').values({ case_id: 'old', id: 'ev-1', version: 1, ord: 0, data: JSON.stringify(ev), digest: digestOf(ev), stored_at: at, stored_by: 'cli:old' }).execute();
  await db.insertInto('users').values({ id: 'u1', username: 'olduser', password_hash: 'h', is_admin: 0, created_at: at }).execute();
  await db.insertInto('api_tokens').values({ id: 'aaaaaaaaaaaa', user_id: 'u1', name: 'old token', token_hash: sha256('deeds_aaaaaaaaaaaa_secret'), created_at: at, revoked_at: null }).execute();
  let prev = GENESIS_HASH;
  for (const [seq, action] of [[1, 'case.load'], [2, 'user.add']] as const) {
    const entry = { seq, at, actor: 'cli:old', action, case_id: seq === 1 ? 'old' : null, object_ids: '[]', digest: sha256(canonicalJson({ seq })), prev_hash: prev };
    const hash = entryHash(entry);
    await db.insertInto('audit_log').values({ ...entry, hash }).execute();
    prev = hash;
  }
  await db.updateTable('audit_head').set({ seq: 2, hash: prev }).where('id', '=', 1).execute();
}

describe.each(storeKinds)('migration 006 on %s', (kind) => {
  it('keeps the data and the old chain, and covers the old rows from then on', async () => {
    const spec = await freshDbSpec(kind);
    const before = oldDb(kind, spec);
    const migrator = new Migrator({ db: before, provider: migrationProvider(kind) });
    const { error } = await migrator.migrateTo('2026-12-01-005-event-sources');
    if (error) throw error;
    await writeBefore006(before);
    await before.destroy();

    const store = await openStore(spec);
    try {
      const result = await verifyAudit(store.db);
      expect(result).toMatchObject({ ok: true, entries: 3, rows: 6 });
      const baseline = await store.db.selectFrom('audit_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
      expect(baseline).toMatchObject({ action: 'audit.cover', actor: 'deeds:migration' });
      expect((await getCase(store, 'old'))?.actors.map((a) => a.id)).toEqual(['taliban']);
      expect(await store.db.selectFrom('api_tokens').select('scope').execute()).toEqual([{ scope: 'write' }]);

      await sql`UPDATE case_objects SET data = '{"id":"taliban","kind":"state","name":"Changed"}' WHERE id = 'taliban'`.execute(store.db);
      expect(await verifyAudit(store.db)).toMatchObject({ ok: false, reason: expect.stringMatching(/case_objects old\/taliban: changed since audit entry 3/) });
    } finally {
      await store.close();
    }
  });
});
