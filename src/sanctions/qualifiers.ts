// Qualifiers (docs/sanctions.md): nationality mismatch −0.2, birth year disjoint −0.15,
// birth date disjoint −0.25, each only when both sides know the value. Of the two birth
// qualifiers only the stronger applies. An approximate listed year counts as ±1 year.
import { MATCH_DEFAULTS } from './defaults.js';
import { birthYears } from './readers/dates.js';
import type { BirthDate, SanctionsEntry } from './types.js';

export interface QueryFacts {
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  birth_date?: string;
  /** ISO 3166-1 alpha-2 codes. */
  nationality?: string[];
}

export interface Qualifier {
  kind: 'nationality_mismatch' | 'birth_year_disjoint' | 'birth_date_disjoint';
  penalty: number;
  detail: string;
}

const describe = (b: BirthDate): string =>
  b.date ? `${b.approx ? 'c. ' : ''}${b.date}` : `${b.approx ? 'c. ' : ''}${b.from_year ?? '?'}–${b.to_year ?? '?'}`;

/** Whether a listed date of birth allows the query's (partial) date. */
function compatible(query: string, item: BirthDate): boolean {
  const years = birthYears(item);
  const qYear = Number(query.slice(0, 4));
  if (!years || qYear < years[0] || qYear > years[1]) return false;
  if (!item.date || item.approx) return true;
  // Both dates known to a common precision must agree on it (1977 allows 1977-05-12).
  const common = Math.min(item.date.length, query.length);
  return item.date.slice(0, common) === query.slice(0, common);
}

export function qualifiers(q: QueryFacts, entry: SanctionsEntry): Qualifier[] {
  const out: Qualifier[] = [];
  const nat = q.nationality ?? [];
  if (nat.length > 0 && entry.nationality.length > 0 && !nat.some((c) => entry.nationality.includes(c))) {
    out.push({ kind: 'nationality_mismatch', penalty: MATCH_DEFAULTS.nationalityMismatch, detail: `nationality ${nat.join('/')} vs listed ${entry.nationality.join('/')}` });
  }
  const dob = q.birth_date;
  if (dob && /^\d{4}/.test(dob) && entry.birth.length > 0 && !entry.birth.some((b) => compatible(dob, b))) {
    const listed = entry.birth.map(describe).join(', ');
    const qYear = Number(dob.slice(0, 4));
    const yearsOverlap = entry.birth.some((b) => {
      const y = birthYears(b);
      return y !== undefined && qYear >= y[0] && qYear <= y[1];
    });
    const fullBoth = dob.length === 10 && entry.birth.some((b) => b.date?.length === 10 && !b.approx);
    if (fullBoth) out.push({ kind: 'birth_date_disjoint', penalty: MATCH_DEFAULTS.birthDateDisjoint, detail: `born ${dob} vs listed ${listed}` });
    else if (!yearsOverlap) out.push({ kind: 'birth_year_disjoint', penalty: MATCH_DEFAULTS.birthYearDisjoint, detail: `born ${dob.slice(0, 4)} vs listed ${listed}` });
  }
  return out;
}
