// Migration 007 on a database written before it: users stay enabled, grants stay in force, the
// stored screening runs read as they were (and can be reviewed with their listing details), and
// the audit log, whose records were made before the new columns existed, still verifies.
import { describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import { appendAudit, verifyAudit } from '../../src/store/audit/log.js';
import type { Dialect } from '../../src/store/migrations/index.js';
import type { AnyDb } from '../../src/store/migrations/helpers.js';
import { openStore } from '../../src/store/open.js';
import { insertVersion, withListings, type StoredMatch } from '../../src/store/sanctions.js';
import { roleOn } from '../../src/accounts/index.js';
import { sha256, canonicalJson, digestOf } from '../../src/util/digest.js';
import type { SanctionsEntry } from '../../src/store/sanctions-entries.js';
import type { Database as Schema } from '../../src/store/schema.js';
import { dbMigratedTo, storeKinds } from '../helpers/stores.js';

const entry: SanctionsEntry = {
  ref: 'TAi.001', schema: 'person', name: 'ABDUL OLD NAME', names: [{ name: 'ABDUL OLD NAME', kind: 'primary' }],
  birth: [{ date: '1960' }], nationality: ['AF'], programs: ['Taliban'], listed_on: '2001-01-25',
};
const oldRun = { 'the-person': [{ list: 'un', ref: 'TAi.001', score: 0.91, matched_name: 'ABDUL OLD NAME' }] };

/** Writes what the code before 007 wrote, with rows the way it recorded them (no disabled_at, no revoked_at columns). */
async function writeBefore007(db: Kysely<Schema>, kind: Dialect): Promise<void> {
  const at = '2026-12-02T10:00:00.000Z';
  const header = { case: { id: 'old', title: 'An old case', subject: 'x', marking: 'TLP:CLEAR' } };
  const person = { id: 'the-person', kind: 'person', name: 'Abdul Old Name' };
  const user = { id: 'u1', username: 'olduser', password_hash: 'h', is_admin: 0, created_at: at };
  const role = { user_id: 'u1', case_id: 'old', role: 'reviewer', granted_by: 'cli:old', granted_at: at };
  const record = (table: string, key: string[], content: unknown) => [table, key, sha256(canonicalJson(content))] as [never, string[], string];
  const caseRow = { id: 'old', title: 'An old case', subject: 'x', marking: 'TLP:CLEAR', header: JSON.stringify(header), created_at: at, updated_at: at };
  await db.insertInto('cases').values(caseRow).execute();
  await db.insertInto('case_objects').values({ case_id: 'old', id: 'the-person', list: 'actors', ord: 0, data: JSON.stringify(person), digest: digestOf(person), updated_at: at }).execute();
  // The shapes of 006: no disabled_at, no revoked_at.
  const untyped = db as unknown as AnyDb;
  await untyped.insertInto('users').values(user).execute();
  await untyped.insertInto('case_roles').values(role).execute();
  await appendAudit(db, kind, {
    actor: 'cli:old', action: 'case.load', caseId: 'old', objectIds: [], change: null,
    rows: [
      record('cases', ['old'], { title: caseRow.title, subject: caseRow.subject, marking: caseRow.marking, header }),
      record('case_objects', ['old', 'the-person'], { list: 'actors', data: person, digest: digestOf(person) }),
      record('users', ['u1'], { username: 'olduser', password_hash: 'h', is_admin: 0, created_at: at }),
      record('case_roles', ['u1', 'old'], { role: 'reviewer', granted_by: 'cli:old', granted_at: at }),
    ],
  });
  await insertVersion(db, kind, { list: 'un', kind: 'un-sanctions', version: '2026-12-01', published: '2026-12-01', file_name: 'consolidated.xml', sha256: 'f'.repeat(64), base_version: null }, [entry], 'cli:old');
  await db.insertInto('sanctions_screenings').values({ id: 'old:000000000009', case_id: 'old', screened_at: at, actor: 'cli:old', versions: JSON.stringify({ un: 'un@2026-12-01' }), results: JSON.stringify(oldRun) }).execute();
}

describe.each(storeKinds)('migration 007 on %s', (kind) => {
  it('keeps users, grants and stored screenings, and the audit log still verifies', async () => {
    const { spec, db: before } = await dbMigratedTo(kind, '2026-12-03-006-audit-covers-data');
    await writeBefore007(before, kind);
    await before.destroy();

    const store = await openStore(spec);
    try {
      expect(await verifyAudit(store.db)).toMatchObject({ ok: true });
      const user = await store.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
      expect(user).toMatchObject({ username: 'olduser', disabled_at: null });
      expect(await roleOn(store, { id: 'u1', username: 'olduser', is_admin: false }, 'old')).toBe('reviewer');
      const run = await store.db.selectFrom('sanctions_screenings').selectAll().executeTakeFirstOrThrow();
      expect(JSON.parse(run.results)).toEqual(oldRun);
      const reviewed = await withListings(store.db, JSON.parse(run.versions) as Record<string, string>, JSON.parse(run.results) as Record<string, StoredMatch[]>);
      expect(reviewed['the-person']?.[0]).toMatchObject({ ...oldRun['the-person'][0], name: 'ABDUL OLD NAME', listing: { birth: [{ date: '1960' }], nationality: ['AF'], listed_on: '2001-01-25' } });
    } finally {
      await store.close();
    }
  });
});
