// The screening index. Names are normalised once; each token's consonant skeletons are keys
// (exact skeleton, its first three symbols, its one-deletion variants for skeletons of four or
// more, its variant-class skeleton), so a query reaches only names that share a sound-alike token
// with it — never a scan of every name. The names with the most weighted hits are then scored
// in full (score.ts) and qualified (qualifiers.ts). The data is plain typed arrays
// (index-data.ts), built here or read back from the store (index-file.ts); the search is the same.
import { MATCH_DEFAULTS, TUNING } from './defaults.js';
import { buildIndexData, entryFromRecord, rarity, SCHEMAS, spellingOf, tokenOf, joinedKey, type IndexData, type IndexInput } from './index-data.js';
import { normalizeName, type NormalName, type Token } from './normalize.js';
import { qualifiers, type QueryFacts, type Qualifier } from './qualifiers.js';
import { alignableSimilarity, scoreNames, type NameScore, type SimilarityCache } from './score.js';
import type { EntryName, EntrySchema, ListKey, SanctionsEntry } from './types.js';

export interface IndexedList extends IndexInput {
  list: ListKey;
  /** The stored version the entries come from, when they come from the store. */
  version?: string;
  entries: SanctionsEntry[];
}

/** A listed name as the scorer sees it. */
interface IndexedName {
  entry: number;
  /** The distinct tokens of the entry's other names. */
  support: Token[];
  /** Which of the entry's names (resolved only for results shown: parsing the entry costs). */
  slot: number;
  norm: NormalName;
  weights: Float32Array;
}
export interface Query extends QueryFacts {
  name: string;
}

export interface SearchOptions {
  threshold?: number;
  limit?: number;
  /** Only entries of these kinds (a person is screened against listed persons only). */
  schemas?: EntrySchema[];
  /**
   * Only entries of these lists: a list key (`un`, `ofac`, `opensanctions`) or a dataset an
   * aggregated entry comes from (FtM `eu_fsf`, `gb_hmt_sanctions` …).
   */
  lists?: readonly string[];
  /** Leave out this entry's names that normalise like the query (evaluation: find a person through their other spellings). */
  excludeSameNameOf?: string;
}

export interface Match {
  list: ListKey;
  ref: string;
  /** The entry's main name. */
  name: string;
  /** The listed name (main name or alias) that aligned best with the query. */
  matched_name: string;
  matched_kind: EntryName['kind'];
  score: number;
  strong: boolean;
  name_score: number;
  explanation: string;
  alignment: NameScore;
  qualifiers: Qualifier[];
  schema: EntrySchema;
  version?: string;
}

export const deletions = (key: string): string[] => {
  const out = new Set<string>();
  for (let i = 0; i < key.length; i++) out.add(key.slice(0, i) + key.slice(i + 1));
  return [...out];
};

const decoder = new TextDecoder();

export class MatchIndex {
  readonly data: IndexData;
  private readonly tokenObjects: Array<Token | undefined>;
  private readonly entryObjects = new Map<number, SanctionsEntry>();
  /** Names as the scorer sees them, made on first use; bounded, so that a million-name index does not grow without end. */
  private readonly indexedNames = new Map<number, IndexedName>();
  // Scratch space reused across queries: weighted hits per name and which query token last hit it.
  private readonly cache: TokenCache;
  private readonly hits: Float32Array;
  private readonly stamp: Int32Array;
  /** Per query token: whether a listed token can align with it (stampNo × 2 + 1) or not (stampNo × 2). */
  private readonly verdict: Int32Array;
  /** Units whose names were visited for the current query token (stampNo): several keys lead to one unit, and a second visit adds nothing. */
  private readonly unitSeen: Int32Array;
  private stampNo = 0;
  private reached = 0;

  constructor(lists: IndexedList[] | IndexData) {
    this.data = Array.isArray(lists) ? buildIndexData(lists).data : lists;
    const names = this.data.nameEntry.length;
    this.tokenObjects = new Array<Token | undefined>(this.data.tokText.length);
    this.cache = new TokenCache(this.data.tokText.length);
    this.hits = new Float32Array(names);
    this.stamp = new Int32Array(names);
    this.verdict = new Int32Array(this.data.tokText.length);
    this.unitSeen = new Int32Array(this.data.unitStart.length);
  }

  private token(id: number): Token {
    let t = this.tokenObjects[id];
    if (!t) {
      t = tokenOf(this.data.tokText[id] as string, this.data.tokFlags[id] as number, id);
      this.tokenObjects[id] = t;
    }
    return t;
  }

  /** The listed entry (parsed from the index on first use). */
  entry(e: number): SanctionsEntry {
    let out = this.entryObjects.get(e);
    if (!out) {
      if (this.entryObjects.size >= MatchIndex.cachedNames) this.entryObjects.clear();
      const d = this.data;
      out = entryFromRecord(decoder.decode(d.entryText.subarray(d.entryTextStart[e], d.entryTextStart[e + 1])));
      this.entryObjects.set(e, out);
    }
    return out;
  }

  private nameTokens(n: number): Token[] {
    const d = this.data;
    const out: Token[] = [];
    for (let k = d.nameTokStart[n] as number; k < (d.nameTokStart[n + 1] as number); k++) out.push(this.token(d.nameTok[k] as number));
    return out;
  }

  /** Name n as the scorer sees it, with the tokens of its entry's other names as support. */
  private indexed(n: number): IndexedName {
    const known = this.indexedNames.get(n);
    if (known) return known;
    if (this.indexedNames.size >= MatchIndex.cachedNames) this.indexedNames.clear();
    const d = this.data;
    const e = d.nameEntry[n] as number;
    const tokens = this.nameTokens(n);
    const own = new Set(tokens);
    const other = new Set<Token>();
    for (let j = d.entryNameStart[e] as number; j < (d.entryNameStart[e + 1] as number); j++) if (j !== n) for (const t of this.nameTokens(j)) if (!own.has(t)) other.add(t);
    const out = {
      entry: e,
      slot: d.nameSlot[n] as number,
      norm: { original: '', tokens, dropped: [] },
      weights: Float32Array.from(tokens, (t) => d.tokWeight[t.id as number] as number),
      support: [...other],
    };
    this.indexedNames.set(n, out);
    return out;
  }

  static readonly cachedNames = 200_000;
  /** Listed tokens held by at least this many names are compared with the query token before their names are visited. */
  static readonly checkUnitNames = 8;

  /** What the last search did: names its blocking reached, and names scored in full (never all of them). */
  lastSearch = { reached: 0, scored: 0 };

  /** The list keys and datasets that `lists` can name, with how many entries each holds. */
  listNames(): Map<string, number> {
    const d = this.data;
    const out = new Map<string, number>();
    for (let e = 0; e < d.entryHolder.length; e++) {
      for (const k of [(d.holders[d.entryHolder[e] as number] as { list: string }).list, ...(d.datasetSets[d.entryDatasets[e] as number] ?? [])]) out.set(k, (out.get(k) ?? 0) + 1);
    }
    return out;
  }

  get size(): { entries: number; names: number } {
    return { entries: this.data.entryHolder.length, names: this.data.nameEntry.length };
  }

  /** Rare tokens weigh more: a shared "Mohammad" proves less than a shared "Baradar". */
  weight(fold: string): number {
    const f = this.data.folds.find(fold);
    return rarity(f < 0 ? 0 : (this.data.foldDf[f] as number), this.data.nameEntry.length);
  }

  /**
   * Token weights of a query name: rarity, and a fraction of it for soft tokens (titles that can be
   * names, epithets) and for initials ("Leo M. OBOGNE"): a letter is rare as a word, yet it says
   * little when it aligns and a list that leaves it out has not contradicted the query.
   */
  private weights(n: NormalName): Float32Array {
    return Float32Array.from(n.tokens.map((t) => this.weight(t.fold) * (t.soft || t.fold.length === 1 ? TUNING.softWeight : 1)));
  }

  /** One name against another with this index's token weights (pair evaluation, explanations). */
  compare(a: string, b: string): NameScore {
    const na = normalizeName(a);
    const nb = normalizeName(b);
    return scoreNames(na, this.weights(na), nb, this.weights(nb));
  }

  private inLists(e: number, lists: ReadonlySet<string>): boolean {
    const d = this.data;
    return lists.has((d.holders[d.entryHolder[e] as number] as { list: string }).list) || (d.datasetSets[d.entryDatasets[e] as number] ?? []).some((x) => lists.has(x));
  }

  search(query: Query, options: SearchOptions = {}): Match[] {
    const d = this.data;
    const threshold = options.threshold ?? MATCH_DEFAULTS.candidate;
    const norm = normalizeName(query.name);
    if (norm.tokens.length === 0) return [];
    const qw = this.weights(norm);
    const cache = this.cache.begin();
    const touched = this.collect(norm, qw, cache);
    const schemas = options.schemas ? new Set(options.schemas.map((x) => SCHEMAS.indexOf(x))) : undefined;
    const lists = options.lists ? new Set(options.lists) : undefined;
    const excludeSig = options.excludeSameNameOf !== undefined ? spellingOf(norm.tokens) : undefined;
    // First the scores alone; explanations only for what will be shown.
    const best = new Map<number, { id: number; nameScore: number; applied: Qualifier[]; score: number; indexed: IndexedName }>();
    this.lastSearch = { reached: this.reached, scored: 0 };
    for (const id of touched) {
      const e = d.nameEntry[id] as number;
      if (schemas && !schemas.has(d.entrySchema[e] as number)) continue;
      if (lists && !this.inLists(e, lists)) continue;
      if (excludeSig !== undefined && this.entry(e).ref === options.excludeSameNameOf && spellingOf(this.nameTokens(id)) === excludeSig) continue;
      this.lastSearch.scored++;
      const indexed = this.indexed(id);
      const nameScore = scoreNames(norm, qw, indexed.norm, indexed.weights, cache, false, indexed.support, threshold).score;
      if (nameScore < threshold) continue;
      const entry = this.entry(e);
      const applied = qualifiers(query, entry);
      const score = Math.max(0, nameScore - applied.reduce((a, q) => a + q.penalty, 0));
      const previous = best.get(e);
      if (score < threshold || (previous && (previous.score > score || (previous.score === score && previous.nameScore >= nameScore)))) continue;
      best.set(e, { id, nameScore, applied, score, indexed });
    }
    const listOf = (e: number) => (d.holders[d.entryHolder[e] as number] as { list: string }).list;
    return [...best.values()]
      .sort((a, b) => b.score - a.score || b.nameScore - a.nameScore || listOf(a.indexed.entry).localeCompare(listOf(b.indexed.entry)) || this.entry(a.indexed.entry).ref.localeCompare(this.entry(b.indexed.entry).ref))
      .slice(0, options.limit ?? 20)
      .map((b) => this.toMatch(norm, b.indexed, scoreNames(norm, qw, b.indexed.norm, b.indexed.weights, cache, true, b.indexed.support), b.applied, b.score));
  }

  private toMatch(norm: NormalName, indexed: IndexedName, alignment: NameScore, applied: Qualifier[], score: number): Match {
    const d = this.data;
    const holder = d.holders[d.entryHolder[indexed.entry] as number] as { list: string; version?: string };
    const entry = this.entry(indexed.entry);
    const name = entry.names[indexed.slot] as EntryName;
    return {
      list: holder.list,
      ref: entry.ref,
      name: entry.name,
      matched_name: name.name,
      matched_kind: name.kind,
      score: round(score),
      strong: score >= MATCH_DEFAULTS.strong,
      name_score: round(alignment.score),
      explanation: explain(norm, name, alignment, applied),
      alignment,
      qualifiers: applied,
      schema: entry.schema,
      ...(holder.version ? { version: holder.version } : {}),
    };
  }

  /** Names sharing a sound-alike token with the query, best-hit first, at most candidatesPerQuery. */
  private collect(norm: NormalName, qw: Float32Array, cache: TokenCache): number[] {
    const d = this.data;
    const touched: number[] = [];
    const lookups = norm.tokens.map((t) => {
      // Keys, not names: duplicates are harmless (the stamp counts a name once per token).
      const exact: number[] = [];
      const near: number[] = [];
      /** Keys reached through the query's adjacent pair read as one word: no single-token check. */
      const joined: number[] = [];
      let size = 0;
      const add = (into: number[], key: string) => {
        const k = d.keys.find(key);
        if (k < 0) return;
        const n = d.keySize[k] as number;
        // A near key shared by very many names (the prefix "Abd") says little; skip it.
        if (into === exact || n <= TUNING.nearPostingsMax) {
          into.push(k);
          size += n;
        }
      };
      for (const c of t.ckeys) add(near, `c:${c}`);
      for (const k of t.keys) {
        add(exact, `k:${k}`);
        if (k.length >= 3) add(near, `p:${k.slice(0, 3)}`);
        add(near, `d:${k}`);
        if (k.length >= 4) {
          for (let i = 0; i < k.length; i++) {
            const x = k.slice(0, i) + k.slice(i + 1);
            add(near, `d:${x}`);
            add(near, `k:${x}`);
          }
        }
      }
      return { exact, near, joined, size };
    });
    // The query's adjacent pairs, joined, reach names that write them as one word; the hit is
    // credited to the pair's first token.
    for (let i = 0; i + 1 < norm.tokens.length; i++) {
      const k = d.keys.find(`k:${joinedKey(norm.tokens[i] as Token, norm.tokens[i + 1] as Token)}`);
      const l = lookups[i];
      if (k >= 0 && l) {
        l.joined.push(k);
        l.size += d.keySize[k] as number;
      }
    }
    // Common tokens (Mohammad, Ahmad) only add weight to names a rarer token already reached.
    const rare = lookups.some((l) => l.size <= TUNING.commonKeyPostings);
    const order = lookups.map((l, ti) => ({ l, ti, common: rare && l.size > TUNING.commonKeyPostings })).sort((a, b) => Number(a.common) - Number(b.common));
    const hits = this.hits;
    const stamp = this.stamp;
    const verdict = this.verdict;
    const unitSeen = this.unitSeen;
    const T = d.tokText.length;
    const { keyUnitStart, keyUnits, unitStart, unitNames } = d;
    for (const { l, ti, common } of order) {
      const stampNo = ++this.stampNo;
      const w = qw[ti] as number;
      const qt = norm.tokens[ti] as Token;
      const passes = common ? [l.exact] : [l.exact, l.near, l.joined];
      for (let p = 0; p < passes.length; p++) {
        const gain = w * (p === 0 ? 1 : 0.7);
        for (const k of passes[p] as number[]) {
          for (let u = keyUnitStart[k] as number; u < (keyUnitStart[k + 1] as number); u++) {
            const unit = keyUnits[u] as number;
            // A listed token that cannot align with the query token (below the pair floor) brings
            // no evidence: its names are not visited for it. This keeps the names reached few on
            // a list of millions, and the candidate places for names that can match. (A token held
            // by a few names costs less to visit than to compare.)
            if (unit < T && p < 2 && (unitStart[unit + 1] as number) - (unitStart[unit] as number) >= MatchIndex.checkUnitNames) {
              const v = verdict[unit] as number;
              if (v === stampNo * 2) continue;
              if (v !== stampNo * 2 + 1) {
                const ok = cache.similarity(ti, qt, this.token(unit)) >= TUNING.pairFloor;
                verdict[unit] = stampNo * 2 + (ok ? 1 : 0);
                if (!ok) continue;
              }
            }
            if (unitSeen[unit] === stampNo) continue;
            unitSeen[unit] = stampNo;
            for (let x = unitStart[unit] as number; x < (unitStart[unit + 1] as number); x++) {
              const id = unitNames[x] as number;
              if (stamp[id] === stampNo) continue;
              const h = hits[id] as number;
              if (common && h === 0) continue;
              stamp[id] = stampNo;
              if (h === 0) touched.push(id);
              hits[id] = h + gain;
            }
          }
        }
      }
    }
    this.reached = touched.length;
    let chosen = touched;
    if (touched.length > TUNING.candidatesPerQuery) {
      // Rank first by how much of the query a name covers, then like the final score (hits
      // relative to both names' weight). Ranking by the second alone let short names near-hit
      // on one token crowd out longer names holding the exact tokens ("Abdul Rauf").
      // (Plain loops over typed arrays: Float32Array.from with a mapping function took most of a
      // query's time at a million names.)
      const qTotal = qw.reduce((a, w) => a + w, 0);
      const nameTotal = d.nameTotal;
      const ranks = new Float32Array(touched.length);
      for (let i = 0; i < touched.length; i++) {
        const id = touched[i] as number;
        const total = nameTotal[id] as number;
        const h = hits[id] as number;
        ranks[i] = Math.round((16 * Math.min(h, qTotal)) / qTotal) + (2 * Math.min(h, total)) / (qTotal + total);
      }
      const cut = kthLargest(ranks.slice(), TUNING.candidatesPerQuery);
      chosen = [];
      for (let i = 0; i < touched.length; i++) if ((ranks[i] as number) > cut) chosen.push(touched[i] as number);
      for (let i = 0; i < touched.length && chosen.length < TUNING.candidatesPerQuery; i++) if (ranks[i] === cut) chosen.push(touched[i] as number);
    }
    for (const id of touched) this.hits[id] = 0;
    return chosen;
  }
}

/** Query-token × listed-token similarities, valid for one query (a generation stamp clears it). */
class TokenCache implements SimilarityCache {
  static readonly queryTokens = 8;
  private readonly values: Float32Array;
  private readonly stamps: Int32Array;
  private generation = 0;

  constructor(private readonly tokens: number) {
    this.values = new Float32Array(tokens * TokenCache.queryTokens);
    this.stamps = new Int32Array(tokens * TokenCache.queryTokens);
  }

  begin(): this {
    this.generation++;
    return this;
  }

  get(i: number, token: Token): number | undefined {
    if (i >= TokenCache.queryTokens || token.id === undefined) return undefined;
    const k = i * this.tokens + token.id;
    return this.stamps[k] === this.generation ? this.values[k] : undefined;
  }

  /** Query token i (`q`) against a listed token, computed once per query. */
  similarity(i: number, q: Token, token: Token): number {
    let s = this.get(i, token);
    if (s === undefined) {
      s = alignableSimilarity(q, token);
      this.set(i, token, s);
    }
    return s;
  }

  set(i: number, token: Token, similarity: number): void {
    if (i >= TokenCache.queryTokens || token.id === undefined) return;
    const k = i * this.tokens + token.id;
    this.stamps[k] = this.generation;
    this.values[k] = similarity;
  }
}

/** The k-th largest value (1-based), by quickselect; reorders `values`. */
function kthLargest(values: Float32Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) > pivot) i++;
      while ((values[j] as number) < pivot) j--;
      if (i <= j) {
        const t = values[i] as number;
        values[i] = values[j] as number;
        values[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target] as number;
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

function explain(q: NormalName, listed: EntryName, a: NameScore, applied: Qualifier[]): string {
  const parts = [`"${q.original}" ~ ${listed.kind.replace('_', ' ')} "${listed.name}"${listed.quality ? ` (${listed.quality})` : ''}`];
  const pair = (p: NameScore['pairs'][number]) => (p.query === p.candidate ? p.query : `${p.query}≈${p.candidate} ${p.similarity.toFixed(2)}`);
  parts.push(`aligned ${a.pairs.filter((p) => !p.otherName).map(pair).join(', ') || 'nothing'}`);
  const other = a.pairs.filter((p) => p.otherName);
  if (other.length) parts.push(`found in another listed name of the entry: ${other.map(pair).join(', ')}`);
  if (a.unmatchedQuery.length) parts.push(`query tokens unmatched: ${a.unmatchedQuery.join(' ')}`);
  if (a.unmatchedCandidate.length) parts.push(`listed tokens unmatched: ${a.unmatchedCandidate.join(' ')}`);
  // The listed name's dropped titles are not kept in the index: normalising it again gives them.
  const listedDropped = normalizeName(listed.name).dropped;
  if (q.dropped.length || listedDropped.length) parts.push(`titles ignored: ${[...new Set([...q.dropped, ...listedDropped])].join(' ')}`);
  parts.push(`name score ${a.score.toFixed(2)}`);
  parts.push(applied.length ? applied.map((x) => `−${x.penalty} ${x.kind.replace(/_/g, ' ')} (${x.detail})`).join('; ') : 'no qualifier applied');
  return parts.join('; ');
}
