// New ids are readable: a slug of the object's title (its name, text or question), with a prefix
// that says the kind where the case format's own examples use one, unique within the case.

const prefixes: Record<string, string> = {
  commitments: 'ct', conditions: 'cond', leverage: 'lev', claims: 'claim', evidence: 'ev',
  hypotheses: 'ach', indicators: 'ind', tripwires: 'tw', relationships: 'rel', positions: 'pos',
};

const stopWords = new Set(['a', 'an', 'the', 'of', 'to', 'and', 'or', 'in', 'on', 'for', 'by', 'with', 'its', 'from', 'at', 'be', 'will', 'shall', 'not', 'no']);

/** "The Taliban will not host al-Qaeda" → "taliban-host-al-qaeda" (at most `words` words). */
export function slugOf(title: string, words = 5): string {
  const parts = title
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    // “Team’s” is one word, not “team” and “s”.
    .replace(/['’]/g, '')
    .toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  const kept = parts.filter((w) => !stopWords.has(w));
  return (kept.length > 0 ? kept : parts).slice(0, words).join('-').slice(0, 60).replace(/-+$/, '');
}

/** A slug of `title` for `list`, made unique against `taken` with -2, -3, …; empty when the title is. */
export function newId(list: string, title: string, taken: ReadonlySet<string>): string {
  const base = slugOf(title);
  if (!base) return '';
  const prefix = prefixes[list];
  const stem = prefix && !base.startsWith(`${prefix}-`) ? `${prefix}-${base}` : base;
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}
