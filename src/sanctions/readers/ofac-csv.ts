// OFAC legacy CSV set: sdn.csv (one row per entry) with its siblings alt.csv (aliases),
// sdn_comments.csv (the continuation of truncated remarks) and add.csv (addresses, not used
// for screening). Finding a set's files beside each other and its digest are the import's job
// (src/import/sanctions-files.ts).
import { basename } from 'node:path';
import { SanctionsInputError } from '../errors.js';
import { nullable, readCsvRows } from './csv.js';
import { dateFromFile } from './dates.js';
import { parseRemarks } from './ofac-remarks.js';
import type { ListSource } from '../source.js';
import type { EntrySchema, ListSnapshot, SanctionsEntry } from '../types.js';

/** The files of one set, as sources (src/import/sanctions-files.ts finds them by name). */
export interface OfacCsvSet {
  sdn: ListSource;
  alt?: ListSource;
  add?: ListSource;
  comments?: ListSource;
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
    throw new SanctionsInputError(`not an OFAC sdn.csv: none of its ${snapshot.read} rows is an SDN entry (first problem, line ${snapshot.rejects[0]?.line}: ${snapshot.rejects[0]?.reason})`, set.sdn.name);
  }
  if (set.comments) {
    await readCsvRows(set.comments, (f, line) => {
      const ref = nullable(f[0]);
      if (f.length !== 2 || !byRef.has(ref)) return void snapshot.rejects.push({ line, reason: `${basename((set.comments as ListSource).name)}: row for an unknown entry or of the wrong shape` });
      remarks.set(ref, (remarks.get(ref) ?? '') + (f[1] ?? ''));
    });
  }
  if (set.alt) {
    await readCsvRows(set.alt, (f, line) => {
      const entry = byRef.get(nullable(f[0]));
      const name = nullable(f[3]);
      if (f.length !== 5 || !entry || !name) return void snapshot.rejects.push({ line, reason: `${basename((set.alt as ListSource).name)}: alias row for an unknown entry, without a name, or of the wrong shape` });
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
