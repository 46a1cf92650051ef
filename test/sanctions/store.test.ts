// Import, versions, diff, screening and decisions, on both databases.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { importListFile } from '../../src/import/sanctions.js';
import { diffEntries } from '../../src/sanctions/diff.js';
import { screen } from '../../src/sanctions/index.js';
import { confirmedSanctionsMatches, loadScreeningIndex, sanctionsChanges, screenCase } from '../../src/screening/index.js';
import { addDecision, currentDecisions, decisionHistory, getVersion, listVersions, newestVersions, versionEntries } from '../../src/store/sanctions.js';
import { loadCase } from '../../src/store/cases.js';
import { verifyAudit } from '../../src/store/audit/log.js';
import type { Store } from '../../src/store/open.js';
import { freshStore, storeKinds } from '../helpers/stores.js';
import { miniCase } from '../helpers/mini-case.js';
import { FTM_DIR, haveData, scratch, unFile, unXml } from './data.js';

const who = { actor: 'test:alice' };

function caseWithPersons() {
  const base = miniCase();
  return miniCase({
    actors: [
      ...base.actors,
      { id: 'baradar', kind: 'person', name: 'Abdul Ghani Baradar', aliases: ['Mullah Baradar'], birth_date: 1968, nationality: ['AF'] },
      { id: 'haqqani', kind: 'person', name: 'Sirajuddin Haqqani', sanctions_refs: ['TAi.144'] },
      { id: 'nobody', kind: 'person', name: 'Elizabeth Walker' },
    ],
  });
}

describe.skipIf(!haveData).each(storeKinds)('sanctions store on %s', (kind) => {
  let store: Store;
  afterEach(async () => store?.close());

  it('imports a snapshot once: re-importing the same file adds nothing', async () => {
    store = await freshStore(kind);
    const first = await importListFile(store, 'un-sanctions', unFile('2026-02-27'), who);
    expect(first).toMatchObject({ kind: 'un-sanctions', read: 1003, inserted: 1003, updated: 0, unchanged: 0, rejected: 0 });
    const again = await importListFile(store, 'un-sanctions', unFile('2026-02-27'), who);
    expect(again).toMatchObject({ read: 1003, inserted: 0, updated: 0, unchanged: 1003 });
    const versions = await listVersions(store);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ id: 'un@2026-02-27', list: 'un', kind: 'un-sanctions', version: '2026-02-27T00:00:09.554Z', entries: 1003, file_name: 'consolidated_2026-02-27.xml', imported_by: 'test:alice' });
    expect(versions[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
    const entries = await versionEntries(store.db, 'un@2026-02-27');
    expect(entries.find((e) => e.ref === 'TAi.024')?.names.map((n) => n.name)).toContain('عبدالغنی برادر عبد الاحمد ترک');
    expect((await verifyAudit(store.db)).ok).toBe(true);
  });

  it('keeps every snapshot: a newer one becomes the one screened, the older stays, whatever the import order', async () => {
    store = await freshStore(kind);
    await importListFile(store, 'un-sanctions', unFile('2026-02-27'), who);
    const older = await importListFile(store, 'un-sanctions', unFile('2024-09-26'), who);
    expect(older).toMatchObject({ read: 875 });
    expect((await listVersions(store)).map((v) => v.id)).toEqual(['un@2026-02-27', 'un@2024-09-26']);
    expect((await newestVersions(store)).map((v) => v.id)).toEqual(['un@2026-02-27']);
    expect(await versionEntries(store.db, 'un@2024-09-26')).toHaveLength(875);
    // Unchanged entries are stored once and shared by both versions.
    const bodies = await store.db.selectFrom('sanctions_entry_bodies').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    expect(Number(bodies?.n)).toBeLessThan(1003 + 875);
  });

  it('diffs two stored versions: added, removed, changed entries with the fields that changed', async () => {
    store = await freshStore(kind);
    await importListFile(store, 'un-sanctions', unFile('2024-09-26'), who);
    await importListFile(store, 'un-sanctions', unFile('2026-02-27'), who);
    const d = diffEntries(await versionEntries(store.db, 'un@2024-09-26'), await versionEntries(store.db, 'un@2026-02-27'));
    expect([d.added.length, d.removed.length, d.changed.length, d.unchanged]).toEqual([134, 6, 106, 763]);
    expect(d.added.length - d.removed.length).toBe(1003 - 875);
    // The Taliban list is the same 140 references in every snapshot.
    expect([...d.added, ...d.removed].some((e) => e.ref.startsWith('TA'))).toBe(false);
    expect(d.changed.flatMap((c) => c.changes.map((x) => x.field)).every((f) => ['name', 'aliases', 'birth', 'nationality', 'programs', 'listed_on', 'schema'].includes(f))).toBe(true);
  });

  it('applies FtM deltas to the newest version of the list, and refuses one older than it', async () => {
    store = await freshStore(kind);
    const dir = join(FTM_DIR, 't2-deltas');
    const deltas = readdirSync(dir).filter((f) => f.endsWith('.entities.delta.json')).sort();
    const counts: number[] = [];
    for (const f of deltas) {
      await importListFile(store, 'ftm', join(dir, f), who);
      counts.push((await newestVersions(store))[0]!.entries);
    }
    // ADD ×2; ADD + MOD of an existing entry; DEL; ADD.
    expect(counts).toEqual([2, 3, 2, 3]);
    const newest = (await newestVersions(store))[0]!;
    expect(newest.base_version).not.toBeNull();
    expect((await versionEntries(store.db, newest.id)).some((e) => e.ref === 'NK-500Poltergeist')).toBe(false);
    // The entity export of 2024-06-01 is newer than every delta: a delta of May cannot apply on top of it.
    await importListFile(store, 'ftm', join(FTM_DIR, 'yente_t1_entities.ftm.json'), who);
    const versions = (await listVersions(store)).length;
    const copy = scratch({ '20240528134730-zzz.entities.delta.json': '{"op":"DEL","entity":{"id":"Q4365364"}}\n' });
    await expect(importListFile(store, 'ftm', join(copy, '20240528134730-zzz.entities.delta.json'), who)).rejects.toThrow(/older than the newest stored version opensanctions@2024-06-01/);
    expect(await listVersions(store)).toHaveLength(versions);
  });

  it('screens a case, keeps analyst decisions across list updates, and reports what changed per person', async () => {
    store = await freshStore(kind);
    await loadCase(store, caseWithPersons(), who);
    const dir = scratch({
      'v1.xml': unXml([
        { ref: 'TAi.024', first: 'ABDUL GHANI', second: 'BARADAR', original: 'عبدالغنی برادر', dob: '1968' },
        { ref: 'TAi.144', first: 'SIRAJUDDIN', second: 'HAQQANI', dob: '1977' },
        { ref: 'TAi.900', first: 'ABDUL GHANI', second: 'BARADARI', dob: '1950', nationality: 'Pakistan' },
      ], '2025-01-01T00:00:00.000Z'),
      'v2.xml': unXml([
        { ref: 'TAi.024', first: 'ABDUL GHANI', second: 'BARADAR', original: 'عبدالغنی برادر', dob: '1968', aliases: ['Mullah Baradar Akhund'] },
        { ref: 'TAi.144', first: 'SIRAJUDDIN', second: 'HAQQANI', dob: '1977' },
        { ref: 'TAi.901', first: 'ABDUL GHANI', second: 'BARADAR', dob: '1968' },
      ], '2025-06-01T00:00:00.000Z'),
    });
    await importListFile(store, 'un-sanctions', join(dir, 'v1.xml'), who);
    const first = await screenCase(store, 'mini', { actor: 'test:alice' });
    const baradar = () => first.results.find((r) => r.person === 'baradar');
    expect(baradar()?.matches.map((m) => m.ref)).toContain('TAi.024');
    // The import re-screened the case already: nothing changed since.
    expect(baradar()?.changes).toMatchObject({ added: [], removed: [], rescored: [] });
    expect(first.results.find((r) => r.person === 'nobody')?.matches).toEqual([]);
    expect(first.results.find((r) => r.person === 'haqqani')?.declared_refs).toEqual([{ ref: 'TAi.144', list: 'un', listed: true, name: 'SIRAJUDDIN HAQQANI' }]);
    expect(first.results.find((r) => r.person === 'a-minister')?.declared_refs).toEqual([{ ref: 'TAi.999', listed: false }]);

    await addDecision(store, { case_id: 'mini', person_id: 'baradar', list: 'un', ref: 'TAi.024', decision: 'confirmed', reason: 'same birth year, nationality and office' }, 'test:bob');
    await addDecision(store, { case_id: 'mini', person_id: 'baradar', list: 'un', ref: 'TAi.900', decision: 'false_positive', reason: 'born 1950 in Pakistan' }, 'test:bob');
    await addDecision(store, { case_id: 'mini', person_id: 'haqqani', list: 'un', ref: 'TAi.144', decision: 'false_positive', reason: 'a namesake' }, 'test:bob');

    const v2 = await importListFile(store, 'un-sanctions', join(dir, 'v2.xml'), who);
    expect(v2.rescreened).toEqual([expect.objectContaining({ case: 'mini' })]);
    // The import's re-screen found the new entry, and what the first screening matched and the new version no longer holds is gone.
    const changed = await sanctionsChanges(store, 'mini', new Date().toISOString().slice(0, 10));
    expect(changed.filter((c) => c.person === 'baradar' && c.change === 'new').map((c) => c.ref)).toEqual(['TAi.901']);
    const before = baradar()?.matches.map((m) => m.ref) ?? [];
    expect(changed.filter((c) => c.person === 'baradar' && c.change === 'gone').map((c) => c.ref)).toEqual(before.filter((r) => r === 'TAi.900'));
    const second = await screenCase(store, 'mini', { actor: 'test:alice' });
    const b2 = second.results.find((r) => r.person === 'baradar');
    expect(second.versions).toEqual({ un: 'un@2025-06-01' });
    const m024 = b2?.matches.find((m) => m.ref === 'TAi.024');
    expect(m024?.decision).toMatchObject({ decision: 'confirmed', actor: 'test:bob', reason: 'same birth year, nationality and office' });
    expect(m024?.decision?.decided_at).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    // Compared with the last screening, the import's re-screen: nothing new since.
    expect(b2?.changes).toMatchObject({ versions_then: { un: 'un@2025-06-01' }, added: [], removed: [] });

    // The tripwire's input: confirmed matches of case persons; a false positive on a declared ref removes it.
    expect(await confirmedSanctionsMatches(store, 'mini')).toEqual([
      expect.objectContaining({ person: 'baradar', list: 'un', ref: 'TAi.024', listed: true, source: 'decision', decided_by: 'test:bob', name: 'ABDUL GHANI BARADAR' }),
    ]);
    // A newer decision overrides; both stay in the history.
    await addDecision(store, { case_id: 'mini', person_id: 'haqqani', list: 'un', ref: 'TAi.144', decision: 'confirmed', reason: 'documents checked' }, 'test:carol');
    expect((await confirmedSanctionsMatches(store, 'mini')).map((m) => [m.person, m.ref, m.source])).toEqual([['baradar', 'TAi.024', 'decision'], ['haqqani', 'TAi.144', 'decision']]);
    expect((await decisionHistory(store.db, 'mini')).map((d) => d.decision)).toEqual(['confirmed', 'false_positive', 'false_positive', 'confirmed']);
    expect((await currentDecisions(store.db, 'mini')).size).toBe(3);
    expect((await verifyAudit(store.db)).ok).toBe(true);
  });

  it('counts a declared sanctions_refs entry as confirmed while its list holds it', async () => {
    store = await freshStore(kind);
    await loadCase(store, caseWithPersons(), who);
    expect(await confirmedSanctionsMatches(store, 'mini')).toEqual([]);
    await importListFile(store, 'un-sanctions', unFile('2026-02-27'), who);
    expect(await confirmedSanctionsMatches(store, 'mini')).toEqual([
      { person: 'haqqani', list: 'un', ref: 'TAi.144', name: 'SIRAJUDDIN JALLALOUDINE HAQQANI', listed: true, source: 'sanctions_refs' },
    ]);
    expect(await confirmedSanctionsMatches(store, 'unknown-case')).toEqual([]);
  });

  it('decisions and screening runs are append-only', async () => {
    store = await freshStore(kind);
    await loadCase(store, caseWithPersons(), who);
    await addDecision(store, { case_id: 'mini', person_id: 'baradar', list: 'un', ref: 'TAi.024', decision: 'confirmed', reason: 'r' }, 'test:bob');
    await expect(sql`UPDATE sanctions_decisions SET decision = 'false_positive'`.execute(store.db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM sanctions_decisions`.execute(store.db)).rejects.toThrow(/append-only/);
  });

  it('screens free names against every list and entry kind', async () => {
    store = await freshStore(kind);
    await importListFile(store, 'un-sanctions', unFile('2026-02-27'), who);
    const { index, versions } = await loadScreeningIndex(store);
    expect(versions.map((v) => v.id)).toEqual(['un@2026-02-27']);
    const [r] = screen(index, [{ query: 'Sirajuddin Haqani' }]);
    expect(r?.matches[0]).toMatchObject({ list: 'un', ref: 'TAi.144', version: 'un@2026-02-27', strong: true });
    expect(await getVersion(store.db, 'un@2026-02-27')).toBeDefined();
  });
});
