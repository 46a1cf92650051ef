// The naive reference matcher the screening bench reports beside deeds: token-set ratio (as in
// fuzzywuzzy/rapidfuzz), a linear scan over every listed name. No transliteration, no titles,
// no weights: what a team would write first.

const words = (s: string): string[] =>
  [...new Set(s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean))].sort();

/** Indel similarity: 2 × longest common subsequence / total length. */
export function ratio(a: string, b: string): number {
  if (a.length + b.length === 0) return 1;
  let prev = new Int32Array(b.length + 1);
  let cur = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) cur[j] = a[i - 1] === b[j - 1] ? (prev[j - 1] as number) + 1 : Math.max(prev[j] as number, cur[j - 1] as number);
    [prev, cur] = [cur, prev];
  }
  return (2 * (prev[b.length] as number)) / (a.length + b.length);
}

export function tokenSetRatio(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  const sb = new Set(wb);
  const inter = wa.filter((w) => sb.has(w));
  const sa = new Set(wa);
  const t0 = inter.join(' ');
  const t1 = [t0, wa.filter((w) => !sb.has(w)).join(' ')].filter(Boolean).join(' ');
  const t2 = [t0, wb.filter((w) => !sa.has(w)).join(' ')].filter(Boolean).join(' ');
  return Math.max(inter.length ? Math.max(ratio(t0, t1), ratio(t0, t2)) : 0, ratio(t1, t2));
}

export class TokenSetIndex {
  constructor(private readonly names: Array<{ ref: string; name: string }>) {}

  /** The best entry by its best name. */
  top(query: string): { ref: string; score: number } | undefined {
    let best: { ref: string; score: number } | undefined;
    for (const n of this.names) {
      const s = tokenSetRatio(query, n.name);
      if (!best || s > best.score) best = { ref: n.ref, score: s };
    }
    return best;
  }
}
