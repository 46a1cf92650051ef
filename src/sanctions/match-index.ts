// The in-memory screening index. Names are normalised once; each token's consonant skeletons
// go into posting lists (exact skeleton, its first three symbols, and its one-deletion variants
// for skeletons of four or more), so a query reaches only names that share a sound-alike token
// with it — never a scan of every name. The names with the most weighted hits are then scored
// in full (score.ts) and qualified (qualifiers.ts).
import { MATCH_DEFAULTS, TUNING } from './defaults.js';
import { normalizeName, type NormalName, type Token } from './normalize.js';
import { qualifiers, type QueryFacts, type Qualifier } from './qualifiers.js';
import { scoreNames, type NameScore, type SimilarityCache } from './score.js';
import type { EntryName, EntrySchema, ListKey, SanctionsEntry } from './types.js';

export interface IndexedList {
  list: ListKey;
  /** The stored version the entries come from, when they come from the store. */
  version?: string;
  entries: SanctionsEntry[];
}

interface IndexedHolder {
  list: ListKey;
  version?: string;
  entry: SanctionsEntry;
}

interface IndexedName {
  entry: number;
  /** The distinct tokens of the entry's other names. */
  support: Token[];
  name: EntryName;
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

export class MatchIndex {
  private readonly entries: IndexedHolder[] = [];
  private readonly names: IndexedName[] = [];
  private readonly postings = new Map<string, number[]>();
  private readonly df = new Map<string, number>();
  private readonly logN: number;
  // Scratch space reused across queries: weighted hits per name and which query token last hit it.
  private readonly cache: TokenCache;
  private hits: Float32Array;
  /** Sum of token weights per name, to rank blocking hits like the final score would. */
  private readonly totals: Float32Array;
  private stamp: Int32Array;
  private stampNo = 0;
  private reached = 0;

  constructor(lists: IndexedList[]) {
    for (const l of lists) {
      for (const entry of l.entries) {
        const e = this.entries.push({ list: l.list, ...(l.version ? { version: l.version } : {}), entry }) - 1;
        const seen = new Set<string>();
        for (const name of entry.names) {
          const norm = this.intern(normalizeName(name.name));
          const sig = spelling(norm);
          if (norm.tokens.length === 0 || seen.has(sig)) continue;
          seen.add(sig);
          this.names.push({ entry: e, name, norm, weights: new Float32Array(0), support: [] });
          for (const f of new Set(norm.tokens.map((t) => t.fold))) this.df.set(f, (this.df.get(f) ?? 0) + 1);
        }
      }
    }
    this.logN = Math.log(this.names.length + 1);
    // Each name's support: the tokens of its entry's other names (names of one entry are adjacent).
    for (let start = 0; start < this.names.length; ) {
      let end = start;
      while (end < this.names.length && (this.names[end] as IndexedName).entry === (this.names[start] as IndexedName).entry) end++;
      for (let i = start; i < end; i++) {
        const own = this.names[i] as IndexedName;
        const other = new Set<Token>();
        for (let j = start; j < end; j++) if (j !== i) for (const t of (this.names[j] as IndexedName).norm.tokens) if (!own.norm.tokens.includes(t)) other.add(t);
        own.support = [...other];
      }
      start = end;
    }
    this.names.forEach((n, id) => {
      n.weights = this.weights(n.norm);
      const keys = new Set<string>();
      for (const t of n.norm.tokens) {
        for (const k of t.keys) {
          keys.add(`k:${k}`);
          if (k.length >= 3) keys.add(`p:${k.slice(0, 3)}`);
          if (k.length >= 4) for (const d of deletions(k)) keys.add(`d:${d}`);
        }
        // Transliteration variants (Ghannadi / Qannadi) meet on their class skeletons.
        for (const c of t.ckeys) keys.add(`c:${c}`);
      }
      // Two adjacent tokens written as one elsewhere (Abudu Hake / Abuduhake) meet on the joined skeleton.
      for (const k of joinedKeys(n.norm.tokens)) keys.add(`k:${k}`);
      for (const k of keys) {
        const list = this.postings.get(k);
        if (list) list.push(id);
        else this.postings.set(k, [id]);
      }
    });
    this.totals = Float32Array.from(this.names, (n) => n.weights.reduce((a, w) => a + w, 0));
    this.cache = new TokenCache(this.tokens.size);
    this.hits = new Float32Array(this.names.length);
    this.stamp = new Int32Array(this.names.length);
  }

  private readonly tokens = new Map<string, Token>();

  /** One object per distinct token, so per-query similarity caches hit across names. */
  private intern(norm: NormalName): NormalName {
    norm.tokens = norm.tokens.map((t) => {
      const key = `${t.arabic ? 'a' : 'l'}:${t.text}`;
      const known = this.tokens.get(key);
      if (known) return known;
      t.id = this.tokens.size;
      this.tokens.set(key, t);
      return t;
    });
    return norm;
  }

  /** What the last search did: names its blocking reached, and names scored in full (never all of them). */
  lastSearch = { reached: 0, scored: 0 };

  /** The list keys and datasets that `lists` can name, with how many entries each holds. */
  listNames(): Map<string, number> {
    const out = new Map<string, number>();
    for (const h of this.entries) for (const k of [h.list, ...(h.entry.datasets ?? [])]) out.set(k, (out.get(k) ?? 0) + 1);
    return out;
  }

  get size(): { entries: number; names: number } {
    return { entries: this.entries.length, names: this.names.length };
  }

  /** Rare tokens weigh more: a shared "Mohammad" proves less than a shared "Baradar". */
  weight(fold: string): number {
    const df = this.df.get(fold) ?? 0;
    return Math.max(TUNING.minTokenWeight, Math.min(1, Math.log((this.names.length + 1) / (df + 1)) / this.logN));
  }

  /** Token weights of a name: rarity, and a fraction of it for soft tokens (titles that can be names, epithets). */
  private weights(n: NormalName): Float32Array {
    return Float32Array.from(n.tokens.map((t) => this.weight(t.fold) * (t.soft ? TUNING.softWeight : 1)));
  }

  /** One name against another with this index's token weights (pair evaluation, explanations). */
  compare(a: string, b: string): NameScore {
    const na = normalizeName(a);
    const nb = normalizeName(b);
    return scoreNames(na, this.weights(na), nb, this.weights(nb));
  }

  search(query: Query, options: SearchOptions = {}): Match[] {
    const threshold = options.threshold ?? MATCH_DEFAULTS.candidate;
    const norm = normalizeName(query.name);
    if (norm.tokens.length === 0) return [];
    const qw = this.weights(norm);
    const touched = this.collect(norm, qw);
    const schemas = options.schemas ? new Set(options.schemas) : undefined;
    const lists = options.lists ? new Set(options.lists) : undefined;
    const excludeSig = options.excludeSameNameOf !== undefined ? spelling(norm) : undefined;
    // First the scores alone; explanations only for what will be shown.
    const best = new Map<number, { id: number; nameScore: number; applied: Qualifier[]; score: number }>();
    const cache = this.cache.begin();
    this.lastSearch = { reached: this.reached, scored: 0 };
    for (const id of touched) {
      const indexed = this.names[id] as IndexedName;
      const entry = (this.entries[indexed.entry] as IndexedHolder).entry;
      if (schemas && !schemas.has(entry.schema)) continue;
      if (lists && !inLists(this.entries[indexed.entry] as IndexedHolder, lists)) continue;
      if (excludeSig !== undefined && entry.ref === options.excludeSameNameOf && spelling(indexed.norm) === excludeSig) continue;
      this.lastSearch.scored++;
      const nameScore = scoreNames(norm, qw, indexed.norm, indexed.weights, cache, false, indexed.support, threshold).score;
      if (nameScore < threshold) continue;
      const applied = qualifiers(query, entry);
      const score = Math.max(0, nameScore - applied.reduce((a, q) => a + q.penalty, 0));
      const previous = best.get(indexed.entry);
      if (score < threshold || (previous && (previous.score > score || (previous.score === score && previous.nameScore >= nameScore)))) continue;
      best.set(indexed.entry, { id, nameScore, applied, score });
    }
    const holderOf = (id: number) => this.entries[(this.names[id] as IndexedName).entry] as IndexedHolder;
    return [...best.values()]
      .sort((a, b) => {
        const ha = holderOf(a.id);
        const hb = holderOf(b.id);
        return b.score - a.score || b.nameScore - a.nameScore || ha.list.localeCompare(hb.list) || ha.entry.ref.localeCompare(hb.entry.ref);
      })
      .slice(0, options.limit ?? 20)
      .map((b) => {
        const indexed = this.names[b.id] as IndexedName;
        return this.toMatch(norm, b.id, scoreNames(norm, qw, indexed.norm, indexed.weights, cache, true, indexed.support), b.applied, b.score);
      });
  }

  private toMatch(norm: NormalName, id: number, alignment: NameScore, applied: Qualifier[], score: number): Match {
    const indexed = this.names[id] as IndexedName;
    const holder = this.entries[indexed.entry] as IndexedHolder;
    return {
      list: holder.list,
      ref: holder.entry.ref,
      name: holder.entry.name,
      matched_name: indexed.name.name,
      matched_kind: indexed.name.kind,
      score: round(score),
      strong: score >= MATCH_DEFAULTS.strong,
      name_score: round(alignment.score),
      explanation: explain(norm, indexed, alignment, applied),
      alignment,
      qualifiers: applied,
      schema: holder.entry.schema,
      ...(holder.version ? { version: holder.version } : {}),
    };
  }

  /** Names sharing a sound-alike token with the query, best-hit first, at most candidatesPerQuery. */
  private collect(norm: NormalName, qw: Float32Array): number[] {
    const touched: number[] = [];
    const postings = this.postings;
    const lookups = norm.tokens.map((t) => {
      // Posting lists, not keys: duplicates are harmless (the stamp counts a name once per token).
      const exact: number[][] = [];
      const near: number[][] = [];
      let size = 0;
      const add = (into: number[][], key: string) => {
        const ids = postings.get(key);
        // A near key shared by very many names (the prefix "Abd") says little; skip it.
        if (ids && (into === exact || ids.length <= TUNING.nearPostingsMax)) {
          into.push(ids);
          size += ids.length;
        }
      };
      for (const c of t.ckeys) add(near, `c:${c}`);
      for (const k of t.keys) {
        add(exact, `k:${k}`);
        if (k.length >= 3) add(near, `p:${k.slice(0, 3)}`);
        add(near, `d:${k}`);
        if (k.length >= 4) {
          for (let i = 0; i < k.length; i++) {
            const d = k.slice(0, i) + k.slice(i + 1);
            add(near, `d:${d}`);
            add(near, `k:${d}`);
          }
        }
      }
      return { exact, near, size };
    });
    // The query's adjacent pairs, joined, reach names that write them as one word; the hit is
    // credited to the pair's first token.
    const pairKeys = joinedKeys(norm.tokens);
    pairKeys.forEach((k, i) => {
      const ids = postings.get(`k:${k}`);
      const l = lookups[i];
      if (ids && l) {
        l.near.push(ids);
        l.size += ids.length;
      }
    });
    // Common tokens (Mohammad, Ahmad) only add weight to names a rarer token already reached.
    const rare = lookups.some((l) => l.size <= TUNING.commonKeyPostings);
    const order = lookups.map((l, ti) => ({ l, ti, common: rare && l.size > TUNING.commonKeyPostings })).sort((a, b) => Number(a.common) - Number(b.common));
    const hits = this.hits;
    const stamp = this.stamp;
    for (const { l, ti, common } of order) {
      const stampNo = ++this.stampNo;
      const w = qw[ti] as number;
      const passes = common ? [l.exact] : [l.exact, l.near];
      for (let p = 0; p < passes.length; p++) {
        const gain = w * (p === 0 ? 1 : 0.7);
        for (const ids of passes[p] as number[][]) {
          for (let x = 0; x < ids.length; x++) {
            const id = ids[x] as number;
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
    this.reached = touched.length;
    let chosen = touched;
    if (touched.length > TUNING.candidatesPerQuery) {
      // Rank first by how much of the query a name covers, then like the final score (hits
      // relative to both names' weight). Ranking by the second alone let short names near-hit
      // on one token crowd out longer names holding the exact tokens ("Abdul Rauf").
      const qTotal = qw.reduce((a, w) => a + w, 0);
      for (const id of touched) {
        const total = this.totals[id] as number;
        const h = this.hits[id] as number;
        this.hits[id] = Math.round((16 * Math.min(h, qTotal)) / qTotal) + (2 * Math.min(h, total)) / (qTotal + total);
      }
      const values = Float32Array.from(touched, (id) => this.hits[id] as number);
      const cut = kthLargest(values, TUNING.candidatesPerQuery);
      chosen = touched.filter((id) => (this.hits[id] as number) > cut);
      for (const id of touched) if (chosen.length < TUNING.candidatesPerQuery && this.hits[id] === cut) chosen.push(id);
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

const inLists = (h: IndexedHolder, lists: ReadonlySet<string>): boolean => lists.has(h.list) || (h.entry.datasets ?? []).some((d) => lists.has(d));

/** Skeletons of adjacent token pairs read as one word (the first skeleton of each token). */
function joinedKeys(tokens: Token[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) out.push((tokens[i] as Token).keys[0] + ((tokens[i + 1] as Token).keys[0] as string).replace(/^A/, ''));
  return out;
}

/** Names that normalise to the same folded tokens, in any order, are one name to the index. */
const spelling = (n: NormalName): string => n.tokens.map((t) => t.fold).sort().join(' ');
const round = (x: number): number => Math.round(x * 1000) / 1000;

function explain(q: NormalName, c: IndexedName, a: NameScore, applied: Qualifier[]): string {
  const parts = [`"${q.original}" ~ ${c.name.kind.replace('_', ' ')} "${c.name.name}"${c.name.quality ? ` (${c.name.quality})` : ''}`];
  const pair = (p: NameScore['pairs'][number]) => (p.query === p.candidate ? p.query : `${p.query}≈${p.candidate} ${p.similarity.toFixed(2)}`);
  parts.push(`aligned ${a.pairs.filter((p) => !p.otherName).map(pair).join(', ') || 'nothing'}`);
  const other = a.pairs.filter((p) => p.otherName);
  if (other.length) parts.push(`found in another listed name of the entry: ${other.map(pair).join(', ')}`);
  if (a.unmatchedQuery.length) parts.push(`query tokens unmatched: ${a.unmatchedQuery.join(' ')}`);
  if (a.unmatchedCandidate.length) parts.push(`listed tokens unmatched: ${a.unmatchedCandidate.join(' ')}`);
  if (q.dropped.length || c.norm.dropped.length) parts.push(`titles ignored: ${[...new Set([...q.dropped, ...c.norm.dropped])].join(' ')}`);
  parts.push(`name score ${a.score.toFixed(2)}`);
  parts.push(applied.length ? applied.map((x) => `−${x.penalty} ${x.kind.replace(/_/g, ' ')} (${x.detail})`).join('; ') : 'no qualifier applied');
  return parts.join('; ');
}
