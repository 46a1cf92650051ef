// The persistent screening index (issue 17, item 2): read back from bytes or from the store, and
// built incrementally from a previous version, it returns what the index built in memory
// returns — on the held-out development set of real list names (bench/_screening-set.ts).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildScreeningSet, type ScreeningSet } from '../../bench/_screening-set.js';
import { readUnList } from '../../src/sanctions/readers/un.js';
import { buildIndexData, entryFromRecord, entryRecord, slimEntry } from '../../src/sanctions/index-data.js';
import { deserializeIndex, IndexFormatError, serializeIndex } from '../../src/sanctions/index-file.js';
import { persistentIndex } from '../../src/screening/index.js';
import { MatchIndex, type Match } from '../../src/sanctions/match-index.js';
import { importListFile } from '../../src/import/sanctions.js';
import { newestVersions, versionEntries } from '../../src/store/sanctions.js';
import type { Store } from '../../src/store/open.js';
import type { SanctionsEntry } from '../../src/sanctions/types.js';
import { freshStore, storeKinds } from '../helpers/stores.js';
import { DATA, haveData, unFile } from './data.js';
import { listFile } from '../../src/import/sanctions-files.js';

const who = { actor: 'test:alice' };
const view = (ms: Match[]) => ms.map((m) => `${m.list} ${m.ref} ${m.score} ${m.name_score} ${m.matched_name} | ${m.explanation}`);

let set: ScreeningSet;
let queries: Array<{ name: string; birth_date?: string; nationality?: string[] }>;

/** Every query of the development half through both indexes: the same matches, scores and explanations. */
function expectSameResults(a: MatchIndex, b: MatchIndex): void {
  let compared = 0;
  for (const q of queries) {
    const options = { threshold: 0.5, limit: 5 };
    expect(view(b.search(q, options)), q.name).toEqual(view(a.search(q, options)));
    compared++;
  }
  expect(compared).toBeGreaterThan(1000);
}

describe.skipIf(!haveData)('persistent screening index on the held-out development set', () => {
  beforeAll(async () => {
    set = await buildScreeningSet(DATA);
    queries = [
      ...set.positives.filter((p) => p.half === 'dev').map((p) => ({ name: p.query, ...(p.birth_date ? { birth_date: p.birth_date } : {}), ...(p.nationality ? { nationality: p.nationality } : {}) })),
      ...set.script.filter((s) => s.half === 'dev').map((s) => ({ name: s.query })),
      ...set.negatives.filter((n) => n.half === 'dev').map((n) => ({ name: n.name })),
    ];
  }, 120_000);

  it('read back from its bytes, it returns what the index built in memory returns', () => {
    const inMemory = new MatchIndex([{ list: 'un', entries: set.un }]);
    const bytes = serializeIndex(inMemory.data);
    // An unaligned copy, as a database driver may hand it back.
    const shifted = new Uint8Array(bytes.length + 3).subarray(3);
    shifted.set(bytes);
    expectSameResults(inMemory, new MatchIndex(deserializeIndex(shifted)));
  });

  it('built from the previous list version, it normalises only the changed entries and returns what a full build returns', async () => {
    const older = (await readUnList(listFile(unFile('2024-09-26')))).entries;
    const base = buildIndexData([{ list: 'un', entries: older }]).data;
    const { data, stats } = buildIndexData([{ list: 'un', entries: set.un }], deserializeIndex(serializeIndex(base)));
    const before = new Set(older.map(entryRecord));
    const changed = set.un.filter((e) => !before.has(entryRecord(e))).length;
    expect(changed).toBeGreaterThan(0);
    expect(stats.analysed).toBe(changed);
    expect(stats.analysed).toBeLessThan(set.un.length / 2);
    expectSameResults(new MatchIndex([{ list: 'un', entries: set.un }]), new MatchIndex(data));
  });

  it('keeps in each entry record what matching reads of the entry, and nothing is lost on the way back', () => {
    for (const e of set.un) expect(entryFromRecord(entryRecord(e))).toEqual(slimEntry(e));
  });

  it('refuses bytes that are not an index, or are cut short', () => {
    const bytes = serializeIndex(buildIndexData([{ list: 'un', entries: set.un.slice(0, 50) }]).data);
    expect(() => deserializeIndex(Buffer.from('not an index at all'))).toThrow(IndexFormatError);
    expect(() => deserializeIndex(bytes.subarray(0, bytes.length - 100))).toThrow(IndexFormatError);
  });
});

describe.skipIf(!haveData).each(storeKinds)('persistent screening index in the store on %s', (kind) => {
  let store: Store;
  afterEach(async () => store?.close());

  const listsOf = async (s: Store) =>
    Promise.all((await newestVersions(s)).map(async (v) => ({ list: v.list, version: v.id, entries: (await versionEntries(s.db, v.id)) as SanctionsEntry[] })));

  it('is built once per list version, read back after, and updated incrementally when the list changes', async () => {
    store = await freshStore(kind);
    await importListFile(store, 'un-sanctions', unFile('2024-09-26'), who);
    const ids = async () => (await newestVersions(store)).map((v) => v.id);
    const first = await persistentIndex(store, await ids(), () => listsOf(store));
    expect(first.source).toBe('built');
    expect(first.analysed).toBe(first.index.size.entries);
    let loads = 0;
    const again = await persistentIndex(store, await ids(), () => {
      loads++;
      return listsOf(store);
    });
    expect(again.source).toBe('stored');
    expect(loads).toBe(0);
    expect(again.digest).toBe(first.digest);

    await importListFile(store, 'un-sanctions', unFile('2026-02-27'), who);
    const updated = await persistentIndex(store, await ids(), () => listsOf(store));
    expect(updated.source).toBe('updated');
    expect(updated.analysed).toBeGreaterThan(0);
    expect(updated.analysed).toBeLessThan(updated.index.size.entries / 2);
    const reread = await persistentIndex(store, await ids(), () => listsOf(store));
    expect(reread.source).toBe('stored');
    const inMemory = new MatchIndex(await listsOf(store));
    for (const name of ['Abdul Ghani Baradar', 'Sirajuddin Haqani', 'عبدالغنی برادر', 'Luckson Elan', 'Elizabeth Walker']) {
      expect(view(reread.index.search({ name }))).toEqual(view(inMemory.search({ name })));
    }
  }, 120_000);
});
