// The screening evaluation set of issue 16, built from the real lists at run time (never stored
// in the repository). Positives: persons listed by both the UN (2026-02-27) and OFAC (the 2021-07
// set and the 2024-05-03 sdn.csv), joined by a shared passport/ID number, or by an exact birth date plus a shared nationality
// plus a rare shared name token; the queries are OFAC's spellings that are not among the UN names
// of that person. Script queries: the UN original-script names, screened against an index whose
// original-script names were removed (Latin only). Negatives: persons delisted from the UN list
// between 2018 and 2026, and OFAC-only persons of the same region. Everything is split by person,
// by a hash of the UN reference (or of the negative's own id), into a development and a test half.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { children, childText, readXmlRecords } from '../src/sanctions/xml.js';
import { readUnList } from '../src/sanctions/readers/un.js';
import { readOfacCsv } from '../src/sanctions/readers/ofac-csv.js';
import type { SanctionsEntry } from '../src/sanctions/types.js';
import { listFile, ofacCsvSet } from '../src/import/sanctions-files.js';

export type Half = 'dev' | 'test';

export interface PositiveQuery {
  ref: string;
  query: string;
  /** The OFAC entry the spelling comes from, and how it was joined to the UN entry. */
  ofac: string;
  join: 'document' | 'birth_nationality_token';
  birth_date?: string;
  nationality?: string[];
  half: Half;
}

export interface ScriptQuery {
  ref: string;
  query: string;
  script: 'arabic' | 'cyrillic';
  half: Half;
}

export interface NegativeQuery {
  id: string;
  name: string;
  source: 'delisted' | 'ofac_only';
  birth_date?: string;
  nationality?: string[];
  half: Half;
}

export interface ScreeningSet {
  un: SanctionsEntry[];
  positives: PositiveQuery[];
  script: ScriptQuery[];
  negatives: NegativeQuery[];
  joined: { document: number; birth_nationality_token: number };
}

/** FNV-1a: a stable split that does not depend on the order of the files. */
export function halfOf(key: string): Half {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 2 === 0 ? 'dev' : 'test';
}

/** A neutral spelling key (not the matcher's): lower case, no marks, words sorted. */
export const plain = (name: string): string[] =>
  name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/['’‘`ʿʾ]/g, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim().split(' ').filter(Boolean);
const spellingKey = (name: string): string => [...plain(name)].sort().join(' ');

/** OFAC writes "SURNAME, Given"; a person types "Given Surname". */
export const naturalOrder = (name: string): string => {
  const parts = name.split(',');
  return parts.length === 2 ? `${(parts[1] as string).trim()} ${(parts[0] as string).trim()}` : name;
};

const docNumbers = (text: string): string[] =>
  [...text.toUpperCase().matchAll(/[A-Z0-9][A-Z0-9/-]{4,}[A-Z0-9]/g)].map((m) => m[0].replace(/[^A-Z0-9]/g, '')).filter((n) => n.length >= 6 && /\d/.test(n) && !/^(19|20)\d\d$/.test(n));

async function unDocuments(file: string): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  await readXmlRecords(listFile(file), {
    records: new Set(['INDIVIDUAL']),
    onRecord(node) {
      const ref = childText(node, 'REFERENCE_NUMBER').trim();
      const numbers = new Set(children(node, 'INDIVIDUAL_DOCUMENT').flatMap((d) => docNumbers(childText(d, 'NUMBER'))));
      if (numbers.size) out.set(ref, numbers);
    },
  });
  return out;
}

/** OFAC remarks carry "Passport X", "National ID No. X", "Identification Number X" … */
const ofacDocuments = (remarks: string): string[] =>
  [...remarks.matchAll(/(?:Passport|National ID No\.|Identification Number|Travel Document Number|Tax ID No\.|Personal ID Card|Residency Number|Driver's License No\.)\s+([^;(]+)/g)].flatMap((m) => docNumbers(m[1] as string));

/**
 * OFAC persons from the full 2021-07 set (with alt.csv) and the newest dated sdn.csv (2024-05-03,
 * without alt.csv: its a.k.a.s are those in the remarks), merged by OFAC entry number.
 */
async function ofacPersonsOfAllSnapshots(data: string): Promise<SanctionsEntry[]> {
  const merged = new Map<string, SanctionsEntry>();
  for (const file of [join(data, 'ofac-sdn', 'watchman-bench-2021-07', 'sdn.csv'), join(data, 'ofac-sdn', 'jackdwyer-gitscrape', 'sdn_2024-05-03.csv')]) {
    for (const e of (await readOfacCsv(ofacCsvSet(file))).entries) {
      const known = merged.get(e.ref);
      if (!known) merged.set(e.ref, e);
      else for (const n of e.names) if (!known.names.some((k) => k.name === n.name)) known.names.push(n);
    }
  }
  return [...merged.values()];
}

const fullDates = (e: SanctionsEntry): string[] => e.birth.filter((b) => b.date?.length === 10 && !b.approx).map((b) => b.date as string);

export async function buildScreeningSet(data: string): Promise<ScreeningSet> {
  const unDir = join(data, 'un-sc-consolidated');
  const newest = join(unDir, 'consolidated_2026-02-27.xml');
  const un = (await readUnList(listFile(newest))).entries;
  const docs = await unDocuments(newest);
  const ofac = await ofacPersonsOfAllSnapshots(data);
  const unPersons = un.filter((e) => e.schema === 'person');
  const ofacPersons = ofac.filter((e) => e.schema === 'person');

  // Rare tokens: a word held by at most two UN persons (a shared "Mohammad" proves nothing).
  const df = new Map<string, number>();
  const tokensOf = (e: SanctionsEntry) => new Set(e.names.flatMap((n) => plain(n.name)).filter((t) => t.length >= 4));
  for (const e of unPersons) for (const t of tokensOf(e)) df.set(t, (df.get(t) ?? 0) + 1);

  const byDoc = new Map<string, string>();
  for (const [ref, numbers] of docs) for (const n of numbers) byDoc.set(n, ref);
  const byDate = new Map<string, SanctionsEntry[]>();
  for (const e of unPersons) for (const d of fullDates(e)) byDate.set(d, [...(byDate.get(d) ?? []), e]);
  const unByRef = new Map(unPersons.map((e) => [e.ref, e]));

  const pairs = new Map<string, { un: SanctionsEntry; ofac: SanctionsEntry; join: PositiveQuery['join'] }>();
  const linkedOfac = new Set<string>();
  for (const o of ofacPersons) {
    const viaDoc = ofacDocuments(o.remarks ?? '').map((n) => byDoc.get(n)).find((r) => r !== undefined);
    if (viaDoc && unByRef.has(viaDoc)) {
      pairs.set(`${viaDoc}|${o.ref}`, { un: unByRef.get(viaDoc) as SanctionsEntry, ofac: o, join: 'document' });
      linkedOfac.add(o.ref);
      continue;
    }
    const ot = tokensOf(o);
    for (const d of fullDates(o)) {
      for (const u of byDate.get(d) ?? []) {
        // Any exact shared birth date keeps the OFAC person out of the negatives, joined or not.
        linkedOfac.add(o.ref);
        const nat = u.nationality.some((c) => o.nationality.includes(c));
        const rare = [...tokensOf(u)].some((t) => ot.has(t) && (df.get(t) ?? 0) <= 2);
        if (nat && rare && !pairs.has(`${u.ref}|${o.ref}`)) pairs.set(`${u.ref}|${o.ref}`, { un: u, ofac: o, join: 'birth_nationality_token' });
      }
    }
  }

  const positives: PositiveQuery[] = [];
  const joined = { document: 0, birth_nationality_token: 0 };
  const seenQuery = new Set<string>();
  for (const { un: u, ofac: o, join: how } of pairs.values()) {
    joined[how]++;
    const unKeys = new Set(u.names.map((n) => spellingKey(n.name)));
    for (const n of o.names) {
      const key = spellingKey(n.name);
      if (unKeys.has(key) || seenQuery.has(`${u.ref}|${key}`)) continue;
      seenQuery.add(`${u.ref}|${key}`);
      const birth = fullDates(o)[0];
      positives.push({ ref: u.ref, query: naturalOrder(n.name), ofac: o.ref, join: how, ...(birth ? { birth_date: birth } : {}), ...(o.nationality.length ? { nationality: o.nationality } : {}), half: halfOf(u.ref) });
    }
  }

  const script: ScriptQuery[] = [];
  for (const e of unPersons) {
    for (const n of e.names) {
      if (n.kind !== 'original_script') continue;
      const kind = /[\u0600-\u06FF]/.test(n.name) ? 'arabic' : /[\u0400-\u04FF]/.test(n.name) ? 'cyrillic' : undefined;
      if (kind) script.push({ ref: e.ref, query: n.name, script: kind, half: halfOf(e.ref) });
    }
  }

  // Negatives. Delisted: in an older snapshot, gone from the newest.
  const listedRefs = new Set(un.map((e) => e.ref));
  const listedKeys = new Set(unPersons.flatMap((e) => e.names.map((n) => spellingKey(n.name))));
  const negatives: NegativeQuery[] = [];
  const delisted = new Map<string, SanctionsEntry>();
  for (const file of readdirSync(unDir).filter((f) => /^consolidated_\d{4}-\d\d-\d\d\.xml$/.test(f)).sort()) {
    if (join(unDir, file) === newest) continue;
    for (const e of (await readUnList(listFile(join(unDir, file)))).entries) {
      if (e.schema === 'person' && !listedRefs.has(e.ref)) delisted.set(e.ref, e);
    }
  }
  for (const e of delisted.values()) {
    const birth = fullDates(e)[0];
    negatives.push({ id: e.ref, name: e.name, source: 'delisted', ...(birth ? { birth_date: birth } : {}), ...(e.nationality.length ? { nationality: e.nationality } : {}), half: halfOf(e.ref) });
  }
  // OFAC-only persons of the region (the nationalities held by UN Taliban and Al-Qaida persons), never joined
  // to a UN person and not sharing a birth date, a full name spelling, or a rare word and a
  // nationality with one (the join misses some listed persons: those would not be negatives).
  const unNameWords = unPersons.flatMap((u) => u.names.map((n) => plain(n.name)));
  const unTokens = unPersons.map(tokensOf);
  const region = new Set(unPersons.filter((e) => /^(TAi|QDi)/.test(e.ref)).flatMap((e) => e.nationality));
  for (const o of ofacPersons) {
    if (linkedOfac.has(o.ref) || !o.nationality.some((c) => region.has(c))) continue;
    if (o.names.some((n) => listedKeys.has(spellingKey(n.name)))) continue;
    const rare = [...tokensOf(o)].filter((t) => t.length >= 5 && (df.get(t) ?? 0) > 0 && (df.get(t) ?? 0) <= 2);
    const words = o.names.map((n) => new Set(plain(n.name).filter((t) => t.length >= 3)));
    if (unNameWords.some((un) => words.some((w) => un.filter((t) => w.has(t)).length >= 3))) continue;
    if (rare.some((t) => unPersons.some((u, i) => (unTokens[i] as Set<string>).has(t) && (u.nationality.length === 0 || u.nationality.some((c) => o.nationality.includes(c)))))) continue;
    const birth = fullDates(o)[0];
    negatives.push({ id: `ofac-${o.ref}`, name: naturalOrder(o.name), source: 'ofac_only', ...(birth ? { birth_date: birth } : {}), nationality: o.nationality, half: halfOf(`ofac-${o.ref}`) });
  }
  return { un, positives, script, negatives, joined };
}
