// OFAC legacy CSV set: sdn.csv (one row per entry) with its siblings alt.csv (aliases),
// sdn_comments.csv (the continuation of truncated remarks) and add.csv (addresses, not used
// for screening). Any one file of a set imports the whole set through its sdn file, so passing
// `sdn.csv alt.csv …` together imports it once.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SanctionsInputError } from '../errors.js';
import { nullable, readCsvRows } from './csv.js';
import { dateFromFile } from './dates.js';
import { parseRemarks } from './ofac-remarks.js';
import type { EntrySchema, ListSnapshot, SanctionsEntry } from '../types.js';

export interface OfacCsvSet {
  sdn: string;
  alt?: string;
  add?: string;
  comments?: string;
}

const ROLE = /^(sdn_comments|sdn|alt|add)(.*)\.csv$/i;

/** The set a file belongs to, found by name next to it (`alt_2021.csv` goes with `sdn_2021.csv`). */
export function ofacCsvSet(file: string): OfacCsvSet {
  const m = ROLE.exec(basename(file));
  if (!m) return { sdn: file };
  const suffix = m[2] as string;
  const dir = dirname(file);
  const present = new Map(readdirSync(dir).map((f) => [f.toLowerCase(), join(dir, f)]));
  const sibling = (role: string) => present.get(`${role}${suffix}.csv`.toLowerCase());
  const sdn = sibling('sdn');
  if (!sdn) throw new SanctionsInputError(`${basename(file)} belongs to an OFAC set but no sdn${suffix}.csv is beside it`, file);
  const set: OfacCsvSet = { sdn };
  const alt = sibling('alt');
  const add = sibling('add');
  const comments = sibling('sdn_comments');
  if (alt) set.alt = alt;
  if (add) set.add = add;
  if (comments) set.comments = comments;
  return set;
}

async function fileDigest(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** One digest for the set: a change in any member makes a new version. */
export async function ofacSetDigest(set: OfacCsvSet): Promise<{ sha256: string; files: string[] }> {
  const members = (['sdn', 'alt', 'add', 'comments'] as const).filter((k) => set[k]).map((k) => set[k] as string);
  if (members.length === 1) return { sha256: await fileDigest(set.sdn), files: members };
  const hash = createHash('sha256');
  for (const f of members) hash.update(`${basename(f)}:${await fileDigest(f)}\n`);
  return { sha256: hash.digest('hex'), files: members };
}

const SCHEMAS: Record<string, EntrySchema> = { individual: 'person', vessel: 'vessel', aircraft: 'aircraft' };

export async function readOfacCsv(set: OfacCsvSet): Promise<ListSnapshot> {
  const snapshot: ListSnapshot = { list: 'ofac', version: '', published: '', entries: [], rejects: [], read: 0 };
  const byRef = new Map<string, SanctionsEntry>();
  const remarks = new Map<string, string>();
  await readCsvRows(set.sdn, (f, line) => {
    snapshot.read++;
    if (f.length !== 12) return void snapshot.rejects.push({ line, reason: `expected 12 columns (sdn.csv), found ${f.length}` });
    const ref = nullable(f[0]);
    const name = nullable(f[1]);
    if (!/^\d+$/.test(ref)) return void snapshot.rejects.push({ line, reason: `ent_num "${ref.slice(0, 40)}" is not a number` });
    if (!name) return void snapshot.rejects.push({ line, reason: `entry ${ref} has no name` });
    if (byRef.has(ref)) return void snapshot.rejects.push({ line, reason: `ent_num ${ref} appears twice; the first is kept` });
    const programs = nullable(f[3]).replace(/^\[|\]$/g, '').split('] [').map((p) => p.trim()).filter(Boolean);
    const entry: SanctionsEntry = { ref, schema: SCHEMAS[nullable(f[2]).toLowerCase()] ?? 'entity', name, names: [{ name, kind: 'primary' }], birth: [], nationality: [], programs };
    byRef.set(ref, entry);
    remarks.set(ref, nullable(f[11]));
  });
  if (byRef.size === 0 && snapshot.rejects.length > 0) {
    throw new SanctionsInputError(`not an OFAC sdn.csv: none of its ${snapshot.read} rows is an SDN entry (first problem, line ${snapshot.rejects[0]?.line}: ${snapshot.rejects[0]?.reason})`, set.sdn);
  }
  if (set.comments) {
    await readCsvRows(set.comments, (f, line) => {
      const ref = nullable(f[0]);
      if (f.length !== 2 || !byRef.has(ref)) return void snapshot.rejects.push({ line, reason: `${basename(set.comments as string)}: row for an unknown entry or of the wrong shape` });
      remarks.set(ref, (remarks.get(ref) ?? '') + (f[1] ?? ''));
    });
  }
  if (set.alt) {
    await readCsvRows(set.alt, (f, line) => {
      const entry = byRef.get(nullable(f[0]));
      const name = nullable(f[3]);
      if (f.length !== 5 || !entry || !name) return void snapshot.rejects.push({ line, reason: `${basename(set.alt as string)}: alias row for an unknown entry, without a name, or of the wrong shape` });
      entry.names.push({ name, kind: nullable(f[2]).toLowerCase() === 'fka' ? 'former' : 'alias' });
    });
  }
  for (const [ref, entry] of byRef) {
    const text = remarks.get(ref) ?? '';
    if (!text) continue;
    const facts = parseRemarks(text);
    entry.birth = facts.birth;
    entry.nationality = facts.nationality;
    for (const n of facts.names) if (!entry.names.some((e) => e.name === n.name)) entry.names.push(n);
    entry.remarks = text;
  }
  snapshot.entries = [...byRef.values()];
  snapshot.version = snapshot.published = dateFromFile(set.sdn);
  return snapshot;
}

export const isOfacCsvName = (file: string): boolean => ROLE.test(basename(file)) || (existsSync(file) && /\.csv$/i.test(file));
