// The OFAC Remarks field packs facts into `; `-separated phrases: `DOB 1977; alt. DOB 1978;
// POB …; nationality Afghanistan; citizen Pakistan; a.k.a. 'HAROON'; Linked To: …`.
// We take dates of birth, nationality/citizenship and the quoted (weak) a.k.a.s.
import { countryCode } from '../../util/countries.js';
import { parseLooseDate } from './dates.js';
import type { BirthDate, EntryName } from '../types.js';

export interface RemarkFacts {
  birth: BirthDate[];
  nationality: string[];
  names: EntryName[];
}

export function parseRemarks(remarks: string): RemarkFacts {
  const facts: RemarkFacts = { birth: [], nationality: [], names: [] };
  for (const m of remarks.matchAll(/\b(a\.k\.a\.|f\.k\.a\.|n\.k\.a\.) '(.+?)'(?=[;.,)]|\s*$)/g)) {
    const name = (m[2] as string).trim();
    if (name) facts.names.push({ name, kind: m[1] === 'f.k.a.' ? 'former' : 'weak_alias', quality: 'weak' });
  }
  for (const phrase of remarks.split(/;\s*/)) {
    const p = phrase.trim().replace(/^alt\.\s+/, '');
    let m = /^DOB (.+)$/.exec(p);
    if (m) {
      const birth = parseDob(m[1] as string);
      if (birth) facts.birth.push(birth);
      continue;
    }
    m = /^(?:nationality|citizen) (.+?)\.?$/.exec(p);
    if (m) {
      const code = countryCode(m[1] as string);
      if (code && !facts.nationality.includes(code)) facts.nationality.push(code);
    }
  }
  return facts;
}

/** `1977`, `01 Jan 1966`, `circa 1960`, `1987 to 1989`, `Jan 1970`. */
export function parseDob(text: string): BirthDate | undefined {
  let t = text.trim().replace(/\.$/, '');
  const approx = /^circa\s+/i.test(t);
  t = t.replace(/^circa\s+/i, '');
  const flag = approx ? { approx: true } : {};
  const range = /^(.+?) to (.+)$/.exec(t);
  if (range) {
    const a = parseLooseDate(range[1] as string);
    const b = parseLooseDate(range[2] as string);
    if (a && b) return { from_year: Number(a.slice(0, 4)), to_year: Number(b.slice(0, 4)), ...flag };
    return undefined;
  }
  const date = parseLooseDate(t);
  return date ? { date, ...flag } : undefined;
}
