// The screening index as plain typed arrays: what MatchIndex searches, whether it was built in
// this process or read back from the store (index-file.ts). Two levels of postings keep it small
// at millions of names: a key (skeleton, prefix, one-deletion, variant class) leads to the
// distinct tokens that carry it, and a token to the names that hold it. Adjacent token pairs are
// units too, reached by their joined skeleton (Abudu Hake / Abuduhake).
//
// Incremental: the slow step is normalising each name. `buildIndexData(lists, previous)` reuses
// the analysed names of every entry whose content digest is already in `previous`, and normalises
// only the entries that are new or changed; the postings are then rebuilt from the tokens.
import * as crypto from 'node:crypto';
import { TUNING } from './defaults.js';
import { analyseName, fold, makeToken, type Token } from './normalize.js';
import { StringTable } from './index-strings.js';
import type { BirthDate, EntryName, EntrySchema, SanctionsEntry } from './types.js';

export const INDEX_FORMAT = 2;

export const SCHEMAS: readonly EntrySchema[] = ['person', 'entity', 'vessel', 'aircraft'];

export interface IndexHolder {
  list: string;
  version?: string;
}

/** Token flags. */
export const ARABIC = 1;
export const SOFT = 2;
export const NISBA = 4;
export const COMPOUND = 8;

export interface IndexData {
  format: number;
  /** The matcher that built it (index-persist.ts): an index is reused only by the same matcher. */
  fingerprint?: string;
  holders: IndexHolder[];
  /** Distinct `datasets` arrays of the entries; index 0 is "none". */
  datasetSets: string[][];
  entryHolder: Int32Array;
  entrySchema: Uint8Array;
  entryDatasets: Int32Array;
  /** Names of entry e are entryNameStart[e]..entryNameStart[e+1] (the names of one entry are adjacent). */
  entryNameStart: Int32Array;
  /** 16 bytes per entry: the digest of its content, to reuse its analysis on the next build. */
  entryDigest: Uint8Array;
  /** The entries as UTF-8 JSON records (entryRecord: what matching and results use), parsed only when needed. */
  entryText: Uint8Array;
  entryTextStart: Float64Array;
  nameEntry: Int32Array;
  /** Which of the entry's names this is (entry.names[slot]). */
  nameSlot: Int32Array;
  nameTokStart: Int32Array;
  nameTok: Int32Array;
  /** Sum of the name's token weights. */
  nameTotal: Float32Array;
  tokText: string[];
  tokFlags: Uint8Array;
  tokWeight: Float32Array;
  /** Folded spellings with the number of names holding each (for the rarity weight of query tokens). */
  folds: StringTable;
  foldDf: Int32Array;
  /** Units are the tokens (ids 0..T-1), then adjacent token pairs; unit u is held by names unitNames[unitStart[u]..unitStart[u+1]]. */
  unitStart: Int32Array;
  unitNames: Int32Array;
  keys: StringTable;
  /** Names reached through the key (a name counted once per unit). */
  keySize: Int32Array;
  keyUnitStart: Int32Array;
  keyUnits: Int32Array;
}

export interface IndexInput {
  list: string;
  version?: string;
  entries: SanctionsEntry[];
}

/** What matching reads of an entry; the rest (programmes, remarks) stays in the store. */
export function slimEntry(e: SanctionsEntry): SanctionsEntry {
  return {
    ref: e.ref,
    schema: e.schema,
    name: e.name,
    names: e.names,
    birth: e.birth,
    nationality: e.nationality,
    programs: [],
    ...(e.datasets ? { datasets: e.datasets } : {}),
  };
}

const KINDS: readonly EntryName['kind'][] = ['primary', 'alias', 'original_script', 'weak_alias', 'former'];
type NameRecord = [string, number] | [string, number, string];
type EntryRecord = [string, number, string | 0, NameRecord[], BirthDate[], string[], string[]?];

/**
 * What matching reads of an entry (slimEntry) as a compact JSON array: the index keeps one per
 * entry, and at a million names the keys of an object would be a third of its bytes.
 */
export function entryRecord(e: SanctionsEntry): string {
  const names = e.names.map((n): NameRecord => (n.quality ? [n.name, KINDS.indexOf(n.kind), n.quality] : [n.name, KINDS.indexOf(n.kind)]));
  const record: EntryRecord = [e.ref, SCHEMAS.indexOf(e.schema), e.name === e.names[0]?.name ? 0 : e.name, names, e.birth, e.nationality];
  if (e.datasets) record.push(e.datasets);
  return JSON.stringify(record);
}

export function entryFromRecord(text: string): SanctionsEntry {
  const [ref, schema, name, names, birth, nationality, datasets] = JSON.parse(text) as EntryRecord;
  const listed = names.map(([n, kind, quality]): EntryName => ({ name: n, kind: KINDS[kind] ?? 'alias', ...(quality !== undefined ? { quality } : {}) }));
  return { ref, schema: SCHEMAS[schema] ?? 'person', name: name === 0 ? (listed[0]?.name ?? '') : name, names: listed, birth, nationality, programs: [], ...(datasets ? { datasets } : {}) };
}

/** Names that normalise to the same folded tokens, in any order, are one name to the index. */
export const spellingOf = (tokens: readonly Token[]): string => tokens.map((t) => t.fold).sort().join(' ');

export const tokenFlags = (t: Token): number => (t.arabic ? ARABIC : 0) | (t.soft ? SOFT : 0) | (t.nisba ? NISBA : 0) | (t.compound ? COMPOUND : 0);

/** The token object of a stored token (the same fields normalizeName gave it). */
export function tokenOf(text: string, flags: number, id: number): Token {
  const t = makeToken(text, (flags & ARABIC) !== 0, (flags & SOFT) !== 0);
  if (flags & NISBA) t.nisba = true;
  if (flags & COMPOUND) t.compound = true;
  t.id = id;
  return t;
}

/** Rarity weight of a fold held by `df` of `names` names (see docs/sanctions.md, token weights). */
export function rarity(df: number, names: number): number {
  const logN = Math.log(names + 1);
  return Math.max(TUNING.minTokenWeight, Math.min(1, Math.log((names + 1) / (df + 1)) / logN));
}

/** Keys a token is posted under (and a query token looks up, with its deletions). */
export function tokenKeys(t: Token): Set<string> {
  const keys = new Set<string>();
  for (const k of t.keys) {
    keys.add(`k:${k}`);
    if (k.length >= 3) keys.add(`p:${k.slice(0, 3)}`);
    if (k.length >= 4) for (let i = 0; i < k.length; i++) keys.add(`d:${k.slice(0, i)}${k.slice(i + 1)}`);
  }
  // Transliteration variants (Ghannadi / Qannadi) meet on their class skeletons.
  for (const c of t.ckeys) keys.add(`c:${c}`);
  return keys;
}

/** The skeleton of two adjacent tokens read as one word. */
export const joinedKey = (a: Token, b: Token): string => (a.keys[0] as string) + (b.keys[0] as string).replace(/^A/, '');


/** The entries of a previous index by content digest. */
function previousEntries(prev: IndexData): Map<string, number> {
  const out = new Map<string, number>();
  const entries = prev.entryHolder.length;
  for (let e = 0; e < entries; e++) out.set(Buffer.from(prev.entryDigest.subarray(e * 16, e * 16 + 16)).toString('latin1'), e);
  return out;
}

/**
 * MD5 of an entry's record as a 16-character latin1 string, in one call where the runtime has
 * crypto.hash (Node 20.12): a Hash object and a Buffer per entry cost seconds at a million names.
 */
const md5: (text: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function' ? (text) => crypto.hash('md5', text, 'binary') : (text) => crypto.createHash('md5').update(text).digest('binary');

class Growing {
  buf: Int32Array;
  length = 0;
  constructor(size = 1024) {
    this.buf = new Int32Array(size);
  }
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Int32Array(Math.max(16, this.buf.length * 2));
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  done(): Int32Array {
    return this.length === this.buf.length ? this.buf : this.buf.slice(0, this.length);
  }
}

/** Bytes appended to one growing buffer: a Buffer per entry record meant a million small objects for the collector. */
class GrowingBytes {
  buf: Buffer;
  length = 0;
  constructor(size = 1 << 20) {
    this.buf = Buffer.allocUnsafe(size);
  }
  /** Appends `text` as UTF-8 (or latin1: one byte per character). */
  write(text: string, encoding: 'utf8' | 'latin1' = 'utf8'): void {
    // At most three UTF-8 bytes per UTF-16 code unit.
    if (this.length + text.length * 3 > this.buf.length) this.grow(text.length * 3);
    this.length += this.buf.write(text, this.length, encoding);
  }
  private grow(more: number): void {
    const next = Buffer.allocUnsafe(Math.max(Math.ceil(this.buf.length * 1.5), this.length + more));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
  done(): Uint8Array {
    return new Uint8Array(this.buf.subarray(0, this.length));
  }
}

/**
 * Ids of pairs of non-negative integers, in order of first appearance, in an open-addressing table
 * of typed arrays holding each slot's pair and id side by side (a Map keyed by a ⋅ 2^26 + b made a
 * heap number of every lookup).
 */
class PairIds {
  /** Per slot: first, second, id + 1 (0: empty). */
  private slots = new Int32Array(3 << 16);
  readonly first = new Growing();
  readonly second = new Growing();
  get size(): number {
    return this.first.length;
  }
  private static slot(a: number, b: number, mask: number): number {
    return ((Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77)) >>> 0) & mask;
  }
  id(a: number, b: number): number {
    const slots = this.slots;
    const mask = slots.length / 3 - 1;
    let at = PairIds.slot(a, b, mask) * 3;
    for (;;) {
      const p = (slots[at + 2] as number) - 1;
      if (p < 0) break;
      if (slots[at] === a && slots[at + 1] === b) return p;
      at = at + 3 === slots.length ? 0 : at + 3;
    }
    const p = this.first.length;
    this.first.push(a);
    this.second.push(b);
    slots[at] = a;
    slots[at + 1] = b;
    slots[at + 2] = p + 1;
    if (2 * (p + 1) > slots.length / 3) this.grow();
    return p;
  }
  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length / 3 - 1;
    for (let p = 0; p < this.first.length; p++) {
      const a = this.first.buf[p] as number;
      const b = this.second.buf[p] as number;
      let at = PairIds.slot(a, b, mask) * 3;
      while (slots[at + 2] !== 0) at = at + 3 === slots.length ? 0 : at + 3;
      slots[at] = a;
      slots[at + 1] = b;
      slots[at + 2] = p + 1;
    }
    this.slots = slots;
  }
}

/** Distinct tokens (text and flags) by id, with their folded spellings. */
class TokenIds {
  /** Token ids by flags, then text. */
  private readonly byFlags = Array.from({ length: 16 }, () => new Map<string, number>());
  readonly text: string[] = [];
  readonly flags: number[] = [];
  readonly folds: string[] = [];
  find(text: string, flags: number): number | undefined {
    return (this.byFlags[flags] as Map<string, number>).get(text);
  }
  id(text: string, flags: number, folded?: string): number {
    const ids = this.byFlags[flags] as Map<string, number>;
    let id = ids.get(text);
    if (id === undefined) {
      id = this.text.push(text) - 1;
      this.flags.push(flags);
      this.folds.push(folded ?? fold(text, (flags & ARABIC) !== 0));
      ids.set(text, id);
    }
    return id;
  }
}

/** Groups (unit, name) pairs into CSR postings, names ascending within a unit. */
function csr(units: number, pairsUnit: Int32Array, pairsName: Int32Array): { start: Int32Array; items: Int32Array } {
  const start = new Int32Array(units + 1);
  for (const u of pairsUnit) start[u + 1] = (start[u + 1] as number) + 1;
  for (let u = 0; u < units; u++) start[u + 1] = (start[u + 1] as number) + (start[u] as number);
  const fill = start.slice(0, units);
  const items = new Int32Array(pairsUnit.length);
  for (let i = 0; i < pairsUnit.length; i++) {
    const u = pairsUnit[i] as number;
    items[fill[u] as number] = pairsName[i] as number;
    fill[u] = (fill[u] as number) + 1;
  }
  return { start, items };
}

const wordFlags = (w: { soft: boolean; nisba: boolean; compound: boolean }): number => (w.soft ? SOFT : 0) | (w.nisba ? NISBA : 0) | (w.compound ? COMPOUND : 0);

export interface BuildStats {
  entries: number;
  /** Entries normalised in this build (the others reused a previous analysis). */
  analysed: number;
}

export function buildIndexData(lists: readonly IndexInput[], previous?: IndexData): { data: IndexData; stats: BuildStats } {
  const reuse = previous ? previousEntries(previous) : undefined;
  const holders: IndexHolder[] = [];
  const datasetIds = new Map<string, number>([['', 0]]);
  const datasetSets: string[][] = [[]];
  // Arrays sized from the lists up front: each doubling of a large typed array is memory outside
  // the JavaScript heap, and every 64 MB or so of it started a full collection, which at a million
  // entries marks every listed entry again (about a second each).
  let entries = 0;
  let listedNames = 0;
  for (const l of lists) {
    entries += l.entries.length;
    for (const e of l.entries) listedNames += e.names.length;
  }
  const entryHolder = new Growing(entries + 1);
  const entrySchema = new Growing(entries + 1);
  const entryDatasets = new Growing(entries + 1);
  const entryNameStart = new Growing(entries + 1);
  const digests = new GrowingBytes(entries * 16 + 16);
  /** About 110 bytes per entry record at a million synthetic names; 128 leaves room. */
  const texts = new GrowingBytes(entries * 128 + 1024);
  const textStart: number[] = [];
  const nameEntry = new Growing(listedNames + 1);
  const nameSlot = new Growing(listedNames + 1);
  const nameTokStart = new Growing(listedNames + 1);
  const nameTok = new Growing(listedNames * 3 + 16);
  const toks = new TokenIds();
  let analysed = 0;
  let names = 0;
  /** Adds a name of entry e holding these tokens. */
  const addName = (e: number, slot: number): void => {
    nameEntry.push(e);
    nameSlot.push(slot);
    nameTokStart.push(nameTok.length);
    names++;
  };
  for (const l of lists) {
    const h = holders.push({ list: l.list, ...(l.version ? { version: l.version } : {}) }) - 1;
    for (const entry of l.entries) {
      const text = entryRecord(entry);
      const digest = md5(text);
      const known = reuse?.get(digest);
      const sets = (entry.datasets ?? []).join('\u0000');
      let ds = datasetIds.get(sets);
      if (ds === undefined) {
        ds = datasetSets.push([...(entry.datasets ?? [])]) - 1;
        datasetIds.set(sets, ds);
      }
      const e = entryHolder.length;
      entryHolder.push(h);
      entrySchema.push(Math.max(0, SCHEMAS.indexOf(entry.schema)));
      entryDatasets.push(ds);
      entryNameStart.push(names);
      digests.write(digest, 'latin1');
      textStart.push(texts.length);
      texts.write(text);
      if (previous && known !== undefined) {
        // The analysed names of the same entry in the previous index.
        for (let n = previous.entryNameStart[known] as number; n < (previous.entryNameStart[known + 1] as number); n++) {
          addName(e, previous.nameSlot[n] as number);
          for (let k = previous.nameTokStart[n] as number; k < (previous.nameTokStart[n + 1] as number); k++) {
            const t = previous.nameTok[k] as number;
            nameTok.push(toks.id(previous.tokText[t] as string, previous.tokFlags[t] as number));
          }
        }
        continue;
      }
      analysed++;
      // Names that fold to the same words in any order are one name (as spellingOf).
      const seen = entry.names.length > 1 ? new Set<string>() : undefined;
      entry.names.forEach((name, slot) => {
        const a = analyseName(name.name);
        if (a.words.length === 0) return;
        const arabic = a.arabic ? ARABIC : 0;
        if (seen) {
          const sig = a.words.map((w) => {
            const id = toks.find(w.text, arabic | wordFlags(w));
            return id === undefined ? fold(w.text, a.arabic) : (toks.folds[id] as string);
          }).sort().join(' ');
          if (seen.has(sig)) return;
          seen.add(sig);
        }
        addName(e, slot);
        for (const w of a.words) nameTok.push(toks.id(w.text, arabic | wordFlags(w)));
      });
    }
  }
  entryNameStart.push(names);
  nameTokStart.push(nameTok.length);
  textStart.push(texts.length);
  const tokText = toks.text;
  const tokFlags = Uint8Array.from(toks.flags);
  const tokens = tokText.map((text, id) => tokenOf(text, tokFlags[id] as number, id));
  const nameTokStartA = nameTokStart.done();
  const nameTokA = nameTok.done();

  // Rarity: how many names hold each folded spelling.
  const foldIds = new Map<string, number>();
  const tokFold = Int32Array.from(tokens, (t) => {
    let f = foldIds.get(t.fold);
    if (f === undefined) {
      f = foldIds.size;
      foldIds.set(t.fold, f);
    }
    return f;
  });
  const foldDf = new Int32Array(foldIds.size);
  const lastName = new Int32Array(foldIds.size).fill(-1);
  for (let n = 0; n < names; n++) {
    for (let k = nameTokStartA[n] as number; k < (nameTokStartA[n + 1] as number); k++) {
      const f = tokFold[nameTokA[k] as number] as number;
      if (lastName[f] !== n) {
        lastName[f] = n;
        foldDf[f] = (foldDf[f] as number) + 1;
      }
    }
  }
  const tokWeight = Float32Array.from(tokens, (t, id) => rarity(foldDf[tokFold[id] as number] as number, names) * (t.soft ? TUNING.softWeight : 1));
  const nameTotal = new Float32Array(names);
  for (let n = 0; n < names; n++) {
    let s = 0;
    for (let k = nameTokStartA[n] as number; k < (nameTokStartA[n + 1] as number); k++) s += tokWeight[nameTokA[k] as number] as number;
    nameTotal[n] = s;
  }

  // Units: each token, then each distinct adjacent pair; (unit, name) postings.
  const pairIds = new PairIds();
  const postUnit = new Growing(nameTokA.length * 2 + 16);
  const postName = new Growing(nameTokA.length * 2 + 16);
  const T = tokens.length;
  for (let n = 0; n < names; n++) {
    const from = nameTokStartA[n] as number;
    const to = nameTokStartA[n + 1] as number;
    for (let k = from; k < to; k++) {
      const t = nameTokA[k] as number;
      let dup = false;
      for (let j = from; j < k; j++) if (nameTokA[j] === t) dup = true;
      if (!dup) {
        postUnit.push(t);
        postName.push(n);
      }
    }
    for (let k = from; k + 1 < to; k++) {
      postUnit.push(T + pairIds.id(nameTokA[k] as number, nameTokA[k + 1] as number));
      postName.push(n);
    }
  }
  const pairFirst = pairIds.first.buf;
  const pairSecond = pairIds.second.buf;
  const units = T + pairIds.size;
  const unitPostings = csr(units, postUnit.done(), postName.done());

  // Keys to units.
  const keyIds = new Map<string, number>();
  const keyUnit = new Growing(tokens.length * 16 + pairIds.size + 16);
  const keyOf = new Growing(tokens.length * 16 + pairIds.size + 16);
  const post = (key: string, unit: number) => {
    let k = keyIds.get(key);
    if (k === undefined) {
      k = keyIds.size;
      keyIds.set(key, k);
    }
    keyOf.push(k);
    keyUnit.push(unit);
  };
  tokens.forEach((t, id) => {
    for (const key of tokenKeys(t)) post(key, id);
  });
  // A pair's key is its first token's skeleton joined to its second's: the key id is looked up
  // once per distinct (first skeleton, second skeleton), not once per pair.
  const skeletonIds = new Map<string, number>();
  const skeletonOf = Int32Array.from(tokens, (t) => {
    const k = t.keys[0] as string;
    let id = skeletonIds.get(k);
    if (id === undefined) {
      id = skeletonIds.size;
      skeletonIds.set(k, id);
    }
    return id;
  });
  const skeletons = [...skeletonIds.keys()];
  const tails = skeletons.map((k) => k.replace(/^A/, ''));
  const joinedKeyIds = new PairIds();
  const joinedKeyId: number[] = [];
  for (let p = 0; p < pairIds.size; p++) {
    const a = pairFirst[p] as number;
    const b = pairSecond[p] as number;
    const j = joinedKeyIds.id(skeletonOf[a] as number, skeletonOf[b] as number);
    if (j === joinedKeyId.length) {
      // As joinedKey(first, second), from the skeletons.
      const key = `k:${skeletons[skeletonOf[a] as number] as string}${tails[skeletonOf[b] as number] as string}`;
      let k = keyIds.get(key);
      if (k === undefined) {
        k = keyIds.size;
        keyIds.set(key, k);
      }
      joinedKeyId.push(k);
    }
    keyOf.push(joinedKeyId[j] as number);
    keyUnit.push(T + p);
  }
  const keyPostings = csr(keyIds.size, keyOf.done(), keyUnit.done());
  const keySize = new Int32Array(keyIds.size);
  for (let k = 0; k < keyIds.size; k++) {
    let s = 0;
    for (let i = keyPostings.start[k] as number; i < (keyPostings.start[k + 1] as number); i++) {
      const u = keyPostings.items[i] as number;
      s += (unitPostings.start[u + 1] as number) - (unitPostings.start[u] as number);
    }
    keySize[k] = s;
  }

  const data: IndexData = {
    format: INDEX_FORMAT,
    holders,
    datasetSets,
    entryHolder: entryHolder.done(),
    entrySchema: Uint8Array.from(entrySchema.done()),
    entryDatasets: entryDatasets.done(),
    entryNameStart: entryNameStart.done(),
    entryDigest: digests.done(),
    entryText: texts.done(),
    entryTextStart: Float64Array.from(textStart),
    nameEntry: nameEntry.done(),
    nameSlot: nameSlot.done(),
    nameTokStart: nameTokStartA,
    nameTok: nameTokA,
    nameTotal,
    tokText,
    tokFlags,
    tokWeight,
    folds: StringTable.of([...foldIds.keys()]),
    foldDf,
    unitStart: unitPostings.start,
    unitNames: unitPostings.items,
    keys: StringTable.of([...keyIds.keys()]),
    keySize,
    keyUnitStart: keyPostings.start,
    keyUnits: keyPostings.items,
  };
  return { data, stats: { entries: data.entryHolder.length, analysed } };
}
