// Scoring one query name against one listed name: the best alignment of tokens (any order),
// each pair compared by spelling (Jaro-Winkler on folded text) and sound (consonant skeleton),
// unaligned tokens penalised by their weight. The result says which tokens aligned and how well.
import { editRatio, jaroWinkler } from './similarity.js';
import { TUNING } from './defaults.js';
import type { NormalName, Token } from './normalize.js';

export interface AlignedPair {
  query: string;
  candidate: string;
  similarity: number;
  /** The candidate token comes from another name of the same listed entry (the list split the name into aliases). */
  otherName?: boolean;
}

export interface NameScore {
  score: number;
  pairs: AlignedPair[];
  unmatchedQuery: string[];
  unmatchedCandidate: string[];
}

/** Only the score, for the many candidates that will not be shown; `explain` gives the rest. */
export interface QuickScore {
  score: number;
}

function keySimilarity(a: Token, b: Token): number {
  let best = 0;
  for (const ka of a.keys) for (const kb of b.keys) best = Math.max(best, editRatio(ka, kb));
  if (best >= TUNING.variantSimilarity) return best;
  // Letters that publishers render differently (ق as q or g): a variant, credited a little less.
  for (const ka of a.ckeys) for (const kb of b.ckeys) best = Math.max(best, editRatio(ka, kb) * TUNING.variantSimilarity);
  return best;
}

export function tokenSimilarity(a: Token, b: Token): number {
  if (a.text === b.text) return 1;
  if (a.fold.length === 1 || b.fold.length === 1) return a.fold[0] === b.fold[0] ? TUNING.initialSimilarity : 0;
  // Arabic-script spellings lack short vowels: only the consonant skeleton is comparable.
  if (a.arabic || b.arabic) return keySimilarity(a, b);
  if (a.fold === b.fold) return 1;
  // Both must agree: spelling alone forgives a changed consonant (Sultani/Sultan), sound alone a
  // changed vowel pattern (Karimi/Kiram).
  const spelled = Math.min(jaroWinkler(a.fold, b.fold), editRatio(a.vkey, b.vkey));
  if (spelled >= TUNING.variantSimilarity) return spelled;
  // Transliteration variants (variants.ts): Qadhafi / Gaddafi / Ghathafi agree class by class; the
  // vowels must still agree as spellings do (Qaderi is no Kaddoura).
  return Math.max(spelled, Math.min(editRatio(a.cls, b.cls), jaroWinkler(a.cspell, b.cspell)) * TUNING.variantSimilarity);
}

/**
 * tokenSimilarity where the exact figure matters only at or above `floor`: below it the answer is
 * 0. Every use in scoring and retrieval compares a similarity with the pair floor or more (a pair
 * below it is not aligned), so the results are those of tokenSimilarity; this one skips the edit
 * distances that cannot lift a pair over the floor (most pairs of a query are unrelated words).
 */
export function alignableSimilarity(a: Token, b: Token, pairFloor: number = TUNING.pairFloor): number {
  // A little below the floor: the query cache keeps similarities as 32-bit floats, which may round
  // a figure just under the floor up to it; such a figure is returned exactly, as before.
  const floor = pairFloor - 1e-6;
  if (a.text === b.text) return 1;
  if (a.fold.length === 1 || b.fold.length === 1 || a.arabic || b.arabic || a.fold === b.fold) {
    const s = tokenSimilarity(a, b);
    return s >= floor ? s : 0;
  }
  // spelled = min(JW, edit ratio): when JW is below the floor, so is spelled, whatever the ratio.
  const jw = jaroWinkler(a.fold, b.fold);
  const spelled = jw >= floor ? Math.min(jw, editRatio(a.vkey, b.vkey)) : jw;
  if (spelled >= TUNING.variantSimilarity) return spelled;
  // The variant figure is min(ratio, JW) × 0.95: its JW alone may already keep it below the floor.
  const cjw = jaroWinkler(a.cspell, b.cspell) * TUNING.variantSimilarity;
  const variant = cjw >= floor ? Math.min(editRatio(a.cls, b.cls) * TUNING.variantSimilarity, cjw) : 0;
  const s = Math.max(spelled, variant);
  return s >= floor ? s : 0;
}

/** Two adjacent tokens read as one ("bin laden" ~ "binladen", "abdul rahman" split otherwise). */
function joined(a: Token, b: Token): Token {
  const keys = a.keys.flatMap((ka) => b.keys.map((kb) => ka + kb.replace(/^A/, '')));
  const ckeys = a.ckeys.flatMap((ka) => b.ckeys.map((kb) => ka + kb.replace(/^A/, '')));
  const arabic = a.arabic || b.arabic;
  return { text: a.text + b.text, fold: a.fold + b.fold, keys, vkey: a.vkey + b.vkey.replace(/^A/, 'V'), cls: arabic ? (ckeys[0] as string) : a.cls + b.cls.replace(/^A/, 'V'), cspell: a.cspell + b.cspell, ckeys, arabic };
}

/** Similarities already computed in this query: query token i against a listed token. */
export interface SimilarityCache {
  get(i: number, token: Token): number | undefined;
  set(i: number, token: Token, similarity: number): void;
}

const plausibleJoin = (one: Token, a: Token, b: Token): boolean => {
  const len = a.fold.length + b.fold.length;
  return one.fold[0] === a.fold[0] && Math.abs(len - one.fold.length) <= Math.max(2, one.fold.length / 4);
};

/**
 * How much an aligned pair counts: identical tokens fully, near ones much less than their raw
 * similarity (0.9 → 0.8, 0.8 → 0.6), so that two merely similar tokens cannot add up to a strong match.
 */
export const credit = (s: number): number => (s >= 1 ? 1 : Math.max(0, (s - 0.5) / 0.5));

/**
 * What an unaligned query token costs: its weight × `extra`, halved for a nisba the list leaves out
 * once the rest of the name has aligned, for any word once the listed name has aligned whole
 * (`whole`), and for the second part of a compound surname whose first part aligned
 * (Fakhrizadeh-Mahabadi). A function of its own, not a closure: it runs per candidate.
 */
function openCost(q: NormalName, qw: ArrayLike<number>, i: number, extra: number, aligned: number, whole: boolean): number {
  const t = q.tokens[i];
  return (qw[i] as number) * extra * ((aligned >= 2 && (t?.nisba || whole)) || (i > 0 && t?.compound && usedQ[i - 1]) ? TUNING.nisbaCost : 1);
}

// Scratch space: scoring runs for every candidate name, so it allocates nothing on the quick path.
let simBuf = new Float64Array(256);
let usedQ = new Uint8Array(16);
let usedC = new Uint8Array(16);
const NO_PAIRS: Array<{ qi: number[]; cj: number[]; s: number; other?: Token }> = [];

/**
 * `support`: the tokens of the entry's other names. A query token that the name leaves unaligned
 * but another name of the same entry holds ("Ibrahima Papa Camara" against "Ibraima Camará",
 * whose entry also lists "Papa Camará") earns part of its weight back: lists often split one
 * person's full name into aliases that another publisher writes as one.
 */
export function scoreNames(q: NormalName, qw: ArrayLike<number>, c: NormalName, cw: ArrayLike<number>, cache?: SimilarityCache, detail?: true, support?: readonly Token[]): NameScore;
export function scoreNames(q: NormalName, qw: ArrayLike<number>, c: NormalName, cw: ArrayLike<number>, cache: SimilarityCache | undefined, detail: false, support?: readonly Token[], floor?: number): QuickScore;
export function scoreNames(q: NormalName, qw: ArrayLike<number>, c: NormalName, cw: ArrayLike<number>, cache?: SimilarityCache, detail = true, support?: readonly Token[], floor = 0): NameScore | QuickScore {
  const n = q.tokens.length;
  const m = c.tokens.length;
  if (n * m > simBuf.length) simBuf = new Float64Array(n * m * 2);
  if (n > usedQ.length) usedQ = new Uint8Array(n * 2);
  if (m > usedC.length) usedC = new Uint8Array(m * 2);
  usedQ.fill(0, 0, n);
  usedC.fill(0, 0, m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const ct = c.tokens[j] as Token;
      let s = cache?.get(i, ct);
      if (s === undefined) {
        s = alignableSimilarity(q.tokens[i] as Token, ct);
        cache?.set(i, ct, s);
      }
      simBuf[i * m + j] = s;
    }
  }
  // Only an explanation needs the pairs: the quick path shares one empty array, never written.
  const pairs: Array<{ qi: number[]; cj: number[]; s: number; other?: Token }> = detail ? [] : NO_PAIRS;
  let gained = 0;
  let total = 0;
  /** Pairs of a word rare on both sides, spelled alike (Dabbashi, Droukdel): one such word is no weak evidence. */
  let rarePairs = 0;
  // Greedy best-first alignment; with names of a handful of tokens it equals the optimum in practice.
  for (;;) {
    let bi = -1;
    let bj = -1;
    let bs: number = TUNING.pairFloor;
    for (let i = 0; i < n; i++) {
      if (usedQ[i]) continue;
      for (let j = 0; j < m; j++) {
        const s = simBuf[i * m + j] as number;
        if (!usedC[j] && s >= bs && (s > bs || bi < 0)) {
          bi = i;
          bj = j;
          bs = s;
        }
      }
    }
    if (bi < 0) break;
    usedQ[bi] = usedC[bj] = 1;
    const w = (qw[bi] as number) + (cw[bj] as number);
    gained += credit(bs) * w;
    total += w;
    if (bs >= TUNING.variantSimilarity && Math.min(qw[bi] as number, cw[bj] as number) >= TUNING.rarePairWeight) rarePairs++;
    if (detail) pairs.push({ qi: [bi], cj: [bj], s: bs });
  }
  // Leftovers: one token against two adjacent ones on the other side ("bin laden" ~ "binladen").
  for (let i = 0; i < n; i++) {
    if (usedQ[i]) continue;
    for (let j = 0; j + 1 < m; j++) {
      if (usedC[j] || usedC[j + 1] || !plausibleJoin(q.tokens[i] as Token, c.tokens[j] as Token, c.tokens[j + 1] as Token)) continue;
      const s = tokenSimilarity(q.tokens[i] as Token, joined(c.tokens[j] as Token, c.tokens[j + 1] as Token));
      if (s >= 0.85) {
        usedQ[i] = usedC[j] = usedC[j + 1] = 1;
        const w = (qw[i] as number) + (cw[j] as number) + (cw[j + 1] as number);
        gained += credit(s) * w;
        total += w;
        if (detail) pairs.push({ qi: [i], cj: [j, j + 1], s });
        break;
      }
    }
  }
  for (let j = 0; j < m; j++) {
    if (usedC[j]) continue;
    for (let i = 0; i + 1 < n; i++) {
      if (usedQ[i] || usedQ[i + 1] || !plausibleJoin(c.tokens[j] as Token, q.tokens[i] as Token, q.tokens[i + 1] as Token)) continue;
      const s = tokenSimilarity(joined(q.tokens[i] as Token, q.tokens[i + 1] as Token), c.tokens[j] as Token);
      if (s >= 0.85) {
        usedC[j] = usedQ[i] = usedQ[i + 1] = 1;
        const w = (qw[i] as number) + (qw[i + 1] as number) + (cw[j] as number);
        gained += credit(s) * w;
        total += w;
        if (detail) pairs.push({ qi: [i, i + 1], cj: [j], s });
        break;
      }
    }
  }
  // One shared word is weak evidence: with a single aligned pair, the query's other words cost in
  // full. Unless that word is rare and spelled alike: then the other words cost as when two aligned
  // ("Ahmed DABBASHI" against the alias "Al Dabbashi" of Ahmad Oumar Imhamad al-Fitouri), while
  // "Ali HUSAYN" against "Hussain" stays weak. (Only rare words still earn credit from other names.)
  let aligned = 0;
  for (let i = 0; i < n; i++) aligned += usedQ[i] as number;
  const extra = aligned >= 2 || rarePairs > 0 ? TUNING.extraQueryToken : TUNING.extraQueryTokenOnePair;
  // A nisba the list leaves out costs less, once the rest of the name has aligned.
  // So does the second part of a compound surname whose first part aligned (Fakhrizadeh-Mahabadi).
  // So does any query word once every word of a listed name of two or more aligned, one of them a
  // rare word spelled alike: the list wrote less of the name ("Mohammad GHANNADI MARAGHEH" against
  // "MOHAMMAD QANNADI"); common words found whole ("Mustafa Muhammad") earn no such leniency.
  let open = 0;
  let whole = m >= 2 && rarePairs > 0;
  for (let j = 0; j < m; j++) if (!usedC[j]) whole = false;
  for (let i = 0; i < n; i++) if (!usedQ[i]) open += openCost(q, qw, i, extra, aligned, whole);
  // The ancestry after "bin", before the last word (Ali ben Taher ben Faleh Ouni Harzi: Taher,
  // Faleh, Ouni) is what a shorter spelling of the person leaves out first: it costs less unaligned.
  // So do the middle words of a listed name of four words or more whose first and last words
  // aligned: the father's and grandfather's names that Arabic names carry without "bin" (Sultan
  // Saleh Aida Aida Zabin: Saleh, Aida).
  let bin = m;
  for (let j = 0; j < m; j++) if (c.tokens[j]?.text === 'bin') bin = Math.min(bin, j);
  if (m >= 4 && usedC[0] && usedC[m - 1]) bin = 0;
  // The same for the second part of a listed compound surname whose first part aligned.
  for (let j = 0; j < m; j++) if (!usedC[j]) total += (cw[j] as number) * 2 * TUNING.extraCandidateToken * ((j > bin && j < m - 1) || (j > 0 && c.tokens[j]?.compound && usedC[j - 1]) ? TUNING.patronymCost : 1);
  total += open;
  // Other names can only add back part of the open weight: skip them when even that cannot reach `floor`.
  // … and when the name itself holds only one of the query's words, only for rare words: common
  // words scattered over many aliases ("Ali" here, "Hussain" there) are no evidence.
  const hopeless = aligned === 0 || (gained + open * TUNING.otherNameCredit) / total < floor;
  for (let i = 0; i < n; i++) {
    if (usedQ[i] || !support || hopeless || (aligned < 2 && (qw[i] as number) < TUNING.otherNameRareWeight)) continue;
    const cost = openCost(q, qw, i, extra, aligned, whole);
    let best = 0;
    let from: Token | undefined;
    for (const t of support) {
      let s = cache?.get(i, t);
      if (s === undefined) {
        s = alignableSimilarity(q.tokens[i] as Token, t);
        cache?.set(i, t, s);
      }
      if (s > best) {
        best = s;
        from = t;
      }
    }
    if (best >= TUNING.pairFloor && from) {
      usedQ[i] = 1;
      gained += credit(best) * TUNING.otherNameCredit * cost;
      if (detail) pairs.push({ qi: [i], cj: [], s: best, other: from });
    }
  }
  const score = total > 0 ? gained / total : 0;
  if (!detail) return { score };
  return {
    score,
    pairs: pairs.map((p) => ({ query: p.qi.map((i) => q.tokens[i]?.text).join(' '), candidate: p.other ? p.other.text : p.cj.map((j) => c.tokens[j]?.text).join(' '), similarity: p.s, ...(p.other ? { otherName: true } : {}) })),
    unmatchedQuery: q.tokens.filter((_, i) => !usedQ[i]).map((t) => t.text),
    unmatchedCandidate: c.tokens.filter((_, j) => !usedC[j]).map((t) => t.text),
  };
}
