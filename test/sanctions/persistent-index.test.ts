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
import { readCopyBinary } from '../../src/store/screening-index.js';
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

/**
 * A generated list large enough that every growing part of the build grows: more than 2^15
 * distinct adjacent word pairs, entry records far longer than the size guessed for them (many
 * aliases, words in Cyrillic and Arabic script).
 */
function generatedEntries(count: number): SanctionsEntry[] {
  let seed = 7;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return (seed >>> 8) % n;
  };
  const syllables = ['ka', 'ri', 'mo', 'sa', 'tu', 'lin', 'dor', 'bek', 'han', 'zu', 'vel', 'pre', 'os', 'ga', 'nu', 'che'];
  const word = (): string => {
    const w = Array.from({ length: 2 + rand(2) }, () => syllables[rand(syllables.length)]).join('');
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  const words = Array.from({ length: 400 }, word);
  const scripts = ['Владимир Кузнецов', 'Ахмед Шамсутдинов', 'محمد عبدالله', 'عبدالغنی برادر'];
  const name = () => Array.from({ length: 2 + rand(3) }, () => words[rand(words.length)]).join(' ');
  return Array.from({ length: count }, (_, i): SanctionsEntry => {
    const aliases = i % 97 === 0 ? 60 : rand(3);
    const names = [name(), ...Array.from({ length: aliases }, name), ...(i % 11 === 0 ? [scripts[rand(scripts.length)] as string] : [])];
    return {
      ref: `gen-${i}`,
      schema: i % 5 === 0 ? 'entity' : 'person',
      name: names[0] as string,
      names: names.map((n, k) => ({ name: n, kind: k === 0 ? 'primary' : 'alias' })),
      birth: i % 3 === 0 ? [{ date: `19${50 + (i % 40)}` }] : [],
      nationality: i % 4 === 0 ? ['RU'] : [],
      programs: [],
      ...(i % 7 === 0 ? { datasets: ['eu_fsf'] } : {}),
    };
  });
}

describe('screening index build on a generated list past every growth threshold', () => {
  const entries = generatedEntries(12_000);
  const { data } = buildIndexData([{ list: 'opensanctions', entries }]);

  it('posts every adjacent word pair of every name once, under the pair of tokens it is', () => {
    const T = data.tokText.length;
    const names = data.nameEntry.length;
    // The expected postings, from the names' tokens.
    const expected = new Map<string, number[]>();
    let pairs = 0;
    for (let n = 0; n < names; n++) {
      for (let k = data.nameTokStart[n] as number; k + 1 < (data.nameTokStart[n + 1] as number); k++) {
        const key = `${data.nameTok[k]} ${data.nameTok[k + 1]}`;
        const list = expected.get(key) ?? [];
        if (list[list.length - 1] !== n) list.push(n);
        expected.set(key, list);
        pairs++;
      }
    }
    expect(expected.size).toBeGreaterThan(1 << 15);
    const units = data.unitStart.length - 1;
    expect(units - T).toBe(expected.size);
    const wanted = new Map<string, number>();
    for (const list of expected.values()) wanted.set(list.join(','), (wanted.get(list.join(',')) ?? 0) + 1);
    let posted = 0;
    for (let u = T; u < units; u++) {
      const list = [...data.unitNames.subarray(data.unitStart[u], data.unitStart[u + 1])].join(',');
      const left = wanted.get(list) ?? 0;
      expect(left, `pair unit ${u}`).toBeGreaterThan(0);
      wanted.set(list, left - 1);
      posted += (data.unitStart[u + 1] as number) - (data.unitStart[u] as number);
    }
    expect(posted).toBeLessThanOrEqual(pairs);
  });

  it('keeps every entry record whole, however long, and finds each entry by its name', () => {
    const decoder = new TextDecoder();
    entries.forEach((e, i) => {
      const text = decoder.decode(data.entryText.subarray(data.entryTextStart[i], data.entryTextStart[i + 1]));
      expect(entryFromRecord(text)).toEqual(slimEntry(e));
    });
    const index = new MatchIndex(data);
    for (const e of entries.filter((_, i) => i % 500 === 1)) {
      expect(index.search({ name: e.name }, { limit: 50 }).map((m) => m.ref), e.name).toContain(e.ref);
    }
  });

  it("indexes the names of an entry that spell alike once, and reuses an entry's analysis only while its record is unchanged", () => {
    const entry = (ref: string, names: string[]): SanctionsEntry => ({
      ref, schema: 'person', name: names[0] as string, names: names.map((name) => ({ name, kind: 'alias' })), birth: [], nationality: [], programs: [],
    });
    const first = buildIndexData([{ list: 'un', entries: [entry('a', ['Karimo Velsa', 'VELSA Karimo', 'velsa, karimo', 'Karimo Velsa Dor']), entry('b', ['Osga Nuche'])] }]).data;
    const held = (d: typeof first, e: number) => (d.entryNameStart[e + 1] as number) - (d.entryNameStart[e] as number);
    expect(held(first, 0)).toBe(2);
    expect(held(first, 1)).toBe(1);
    const { data: next, stats } = buildIndexData([{ list: 'un', entries: [entry('a', ['Karimo Velsa', 'Karimo Velsa Dor']), entry('b', ['Osga Nuche'])] }], first);
    expect(stats.analysed).toBe(1);
    expect(held(next, 0)).toBe(2);
    expect(serializeIndex(next)).toEqual(serializeIndex(buildIndexData([{ list: 'un', entries: [entry('a', ['Karimo Velsa', 'Karimo Velsa Dor']), entry('b', ['Osga Nuche'])] }]).data));
  });
});

describe("reading PostgreSQL's binary COPY of the index parts", () => {
  /** The COPY bytes of rows of one bytea column, with an optional header extension. */
  const copyOf = (values: Uint8Array[], extension = 0): Buffer => {
    const head = Buffer.alloc(19 + extension);
    Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1').copy(head);
    head.writeUInt32BE(extension, 15);
    const rows = values.map((v) => {
      const r = Buffer.alloc(6);
      r.writeInt16BE(1, 0);
      r.writeInt32BE(v.length, 2);
      return Buffer.concat([r, v]);
    });
    return Buffer.concat([head, ...rows, Buffer.from([0xff, 0xff])]);
  };
  const chunksOf = async function* (bytes: Buffer, size: number): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  };
  const parts = [Buffer.from('DEEDSIX1 first part'), Buffer.alloc(0), Buffer.from([0, 1, 2, 255, 254]), Buffer.from('last')];
  const whole = Buffer.concat(parts);

  it('joins the parts in order, however the stream is cut', async () => {
    for (const extension of [0, 5]) {
      for (const size of [1, 2, 3, 7, 1000]) {
        const out = Buffer.alloc(whole.length);
        expect(await readCopyBinary(chunksOf(copyOf(parts, extension), size), out)).toBe(whole.length);
        expect(out.equals(whole)).toBe(true);
      }
    }
  });

  it('refuses a stream that is not such a COPY, is cut short, has more than fits, or a NULL', async () => {
    const out = Buffer.alloc(whole.length);
    const bytes = copyOf(parts);
    expect(await readCopyBinary(chunksOf(Buffer.from('PGCOPY\nnot really a copy stream'), 4), out)).toBeUndefined();
    expect(await readCopyBinary(chunksOf(bytes.subarray(0, bytes.length - 2), 3), out)).toBeUndefined();
    expect(await readCopyBinary(chunksOf(bytes.subarray(0, 30), 3), out)).toBeUndefined();
    expect(await readCopyBinary(chunksOf(bytes, 5), Buffer.alloc(whole.length - 1))).toBeUndefined();
    const withNull = Buffer.from(bytes);
    withNull.writeInt32BE(-1, 19 + 2);
    expect(await readCopyBinary(chunksOf(withNull, 5), out)).toBeUndefined();
    expect(await readCopyBinary(chunksOf(Buffer.concat([bytes, Buffer.from([0])]), 5), out)).toBeUndefined();
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
