// The screening index as plain typed arrays: what MatchIndex searches, whether it was built in
// this process or read back from the store (index-file.ts). Two levels of postings keep it small
// at millions of names: a key (skeleton, prefix, one-deletion, variant class) leads to the
// distinct tokens that carry it, and a token to the names that hold it. Adjacent token pairs are
// units too, reached by their joined skeleton (Abudu Hake / Abuduhake).
//
// Incremental: the slow step is normalising each name. `buildIndexData(lists, previous)` reuses
// the analysed names of every entry whose content digest is already in `previous`, and normalises
// only the entries that are new or changed; the postings are then rebuilt from the tokens.
import { createHash } from 'node:crypto';
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


interface AnalysedName {
  slot: number;
  tokens: Array<{ text: string; flags: number }>;
}

/** The analysed names of an entry of a previous index (made only for the entries reused). */
function previousNames(prev: IndexData, e: number): AnalysedName[] {
  const names: AnalysedName[] = [];
  for (let n = prev.entryNameStart[e] as number; n < (prev.entryNameStart[e + 1] as number); n++) {
    const tokens = [];
    for (let k = prev.nameTokStart[n] as number; k < (prev.nameTokStart[n + 1] as number); k++) {
      const t = prev.nameTok[k] as number;
      tokens.push({ text: prev.tokText[t] as string, flags: prev.tokFlags[t] as number });
    }
    names.push({ slot: prev.nameSlot[n] as number, tokens });
  }
  return names;
}

/** The entries of a previous index by content digest. */
function previousEntries(prev: IndexData): Map<string, number> {
  const out = new Map<string, number>();
  const entries = prev.entryHolder.length;
  for (let e = 0; e < entries; e++) out.set(Buffer.from(prev.entryDigest.subarray(e * 16, e * 16 + 16)).toString('latin1'), e);
  return out;
}

/** Folded spellings of words, for telling apart the names of an entry that spell alike. */
const folds = new Map<string, string>();
const foldOf = (text: string, arabic: boolean): string => {
  const key = `${arabic ? 'a' : 'l'}${text}`;
  let f = folds.get(key);
  if (f === undefined) {
    if (folds.size >= 200_000) folds.clear();
    f = fold(text, arabic);
    folds.set(key, f);
  }
  return f;
};

function analyse(entry: SanctionsEntry): AnalysedName[] {
  const out: AnalysedName[] = [];
  const seen = new Set<string>();
  entry.names.forEach((name, slot) => {
    const a = analyseName(name.name);
    // As spellingOf: names that fold to the same words in any order are one name.
    const sig = a.words.map((w) => foldOf(w.text, a.arabic)).sort().join(' ');
    if (a.words.length === 0 || seen.has(sig)) return;
    seen.add(sig);
    out.push({ slot, tokens: a.words.map((w) => ({ text: w.text, flags: (a.arabic ? ARABIC : 0) | (w.soft ? SOFT : 0) | (w.nisba ? NISBA : 0) | (w.compound ? COMPOUND : 0) })) });
  });
  return out;
}

class Growing {
  buf: Int32Array;
  length = 0;
  constructor(size = 1024) {
    this.buf = new Int32Array(size);
  }
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  done(): Int32Array {
    return this.buf.slice(0, this.length);
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
  const entryHolder = new Growing();
  const entrySchema = new Growing();
  const entryDatasets = new Growing();
  const entryNameStart = new Growing();
  const digests: Buffer[] = [];
  const texts: Buffer[] = [];
  const nameEntry = new Growing();
  const nameSlot = new Growing();
  const nameTokStart = new Growing();
  const nameTok = new Growing();
  /** Token ids by flags, then text. */
  const tokIds = Array.from({ length: 16 }, () => new Map<string, number>());
  const tokText: string[] = [];
  const tokFlagList: number[] = [];
  let analysed = 0;
  let names = 0;
  for (const l of lists) {
    const h = holders.push({ list: l.list, ...(l.version ? { version: l.version } : {}) }) - 1;
    for (const entry of l.entries) {
      const text = entryRecord(entry);
      const digest = createHash('md5').update(text).digest();
      const known = reuse?.get(digest.toString('latin1'));
      let analysis: AnalysedName[];
      if (previous && known !== undefined) analysis = previousNames(previous, known);
      else {
        analysis = analyse(entry);
        analysed++;
      }
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
      digests.push(digest);
      texts.push(Buffer.from(text));
      for (const a of analysis) {
        nameEntry.push(e);
        nameSlot.push(a.slot);
        nameTokStart.push(nameTok.length);
        for (const t of a.tokens) {
          const ids = tokIds[t.flags] as Map<string, number>;
          let id = ids.get(t.text);
          if (id === undefined) {
            id = tokText.push(t.text) - 1;
            tokFlagList.push(t.flags);
            ids.set(t.text, id);
          }
          nameTok.push(id);
        }
        names++;
      }
    }
  }
  entryNameStart.push(names);
  nameTokStart.push(nameTok.length);
  const tokFlags = Uint8Array.from(tokFlagList);
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
  const pairIds = new Map<number, number>();
  const pairFirst: number[] = [];
  const pairSecond: number[] = [];
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
      // Token ids stay far below 2^26, so the pair fits one exact number.
      const key = (nameTokA[k] as number) * 67_108_864 + (nameTokA[k + 1] as number);
      let p = pairIds.get(key);
      if (p === undefined) {
        p = pairFirst.push(nameTokA[k] as number) - 1;
        pairSecond.push(nameTokA[k + 1] as number);
        pairIds.set(key, p);
      }
      postUnit.push(T + p);
      postName.push(n);
    }
  }
  const units = T + pairFirst.length;
  const unitPostings = csr(units, postUnit.done(), postName.done());

  // Keys to units.
  const keyIds = new Map<string, number>();
  const keyUnit = new Growing();
  const keyOf = new Growing();
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
  for (let p = 0; p < pairFirst.length; p++) post(`k:${joinedKey(tokens[pairFirst[p] as number] as Token, tokens[pairSecond[p] as number] as Token)}`, T + p);
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

  const entryTextStart = new Float64Array(texts.length + 1);
  let at = 0;
  texts.forEach((t, i) => {
    entryTextStart[i] = at;
    at += t.length;
  });
  entryTextStart[texts.length] = at;
  const data: IndexData = {
    format: INDEX_FORMAT,
    holders,
    datasetSets,
    entryHolder: entryHolder.done(),
    entrySchema: Uint8Array.from(entrySchema.done()),
    entryDatasets: entryDatasets.done(),
    entryNameStart: entryNameStart.done(),
    entryDigest: new Uint8Array(Buffer.concat(digests)),
    entryText: new Uint8Array(Buffer.concat(texts)),
    entryTextStart,
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
