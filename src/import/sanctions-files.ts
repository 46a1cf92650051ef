// Sanctions list files on disk: which reader a file needs, its digest, the files of an OFAC CSV
// set, and reading it into a snapshot (or a delta) with the readers of src/sanctions, which open
// no file themselves: they read the sources made here.
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  readFtm, readOfacCsv, readOfacXml, readUnList, SanctionsInputError, type ListDelta, type ListSnapshot, type ListSource, type OfacCsvSet,
} from '../sanctions/index.js';

export type ListKind = 'un-sanctions' | 'ofac-sdn' | 'ftm';

export interface ReadList {
  kind: ListKind;
  /** Every file read (an OFAC CSV set has several). */
  files: string[];
  sha256: string;
  /** The name recorded with the version: the file, or the set's files joined with `+`. */
  fileName: string;
  result: { snapshot: ListSnapshot } | { delta: ListDelta };
}

/** A list file as a source for the readers: its bytes in 1 MB chunks, and its modification time. */
export function listFile(file: string): ListSource {
  return {
    name: file,
    bytes: () => createReadStream(file, { highWaterMark: 1 << 20 }),
    modified: () => statSync(file).mtime,
  };
}

const ROLE = /^(sdn_comments|sdn|alt|add)(.*)\.csv$/i;

/**
 * The OFAC CSV set a file belongs to, found by name next to it (`alt_2021.csv` goes with
 * `sdn_2021.csv`). Any one file of a set imports the whole set through its sdn file, so passing
 * `sdn.csv alt.csv …` together imports it once.
 */
export function ofacCsvSet(file: string): OfacCsvSet {
  const m = ROLE.exec(basename(file));
  if (!m) return { sdn: listFile(file) };
  const suffix = m[2] as string;
  const dir = dirname(file);
  const present = new Map(readdirSync(dir).map((f) => [f.toLowerCase(), join(dir, f)]));
  const sibling = (role: string) => present.get(`${role}${suffix}.csv`.toLowerCase());
  const sdn = sibling('sdn');
  if (!sdn) throw new SanctionsInputError(`${basename(file)} belongs to an OFAC set but no sdn${suffix}.csv is beside it`, file);
  const set: OfacCsvSet = { sdn: listFile(sdn) };
  const alt = sibling('alt');
  const add = sibling('add');
  const comments = sibling('sdn_comments');
  if (alt) set.alt = listFile(alt);
  if (add) set.add = listFile(add);
  if (comments) set.comments = listFile(comments);
  return set;
}

async function sourceDigest(source: ListSource): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of source.bytes()) hash.update(chunk);
  return hash.digest('hex');
}

/** One digest for the set: a change in any member makes a new version. */
export async function ofacSetDigest(set: OfacCsvSet): Promise<{ sha256: string; files: string[] }> {
  const members = (['sdn', 'alt', 'add', 'comments'] as const).flatMap((k) => set[k] ?? []);
  const files = members.map((m) => m.name);
  if (members.length === 1) return { sha256: await sourceDigest(set.sdn), files };
  const hash = createHash('sha256');
  for (const m of members) hash.update(`${basename(m.name)}:${await sourceDigest(m)}\n`);
  return { sha256: hash.digest('hex'), files };
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  } catch (err) {
    throw new SanctionsInputError(`cannot read the file: ${(err as Error).message}`, file);
  }
  return hash.digest('hex');
}

/** The files and digest that make one version, without parsing anything. */
export async function identify(kind: ListKind, file: string): Promise<{ files: string[]; sha256: string }> {
  if (kind === 'ofac-sdn' && !/\.xml$/i.test(file)) {
    const { sha256, files } = await ofacSetDigest(ofacCsvSet(file));
    return { files, sha256 };
  }
  return { files: [file], sha256: await sha256File(file) };
}

export async function readList(kind: ListKind, file: string): Promise<ReadList> {
  const { files, sha256 } = await identify(kind, file);
  const fileName = files.map((f) => basename(f)).join('+');
  if (kind === 'un-sanctions') return { kind, files, sha256, fileName, result: { snapshot: await readUnList(listFile(file)) } };
  if (kind === 'ofac-sdn') {
    const snapshot = /\.xml$/i.test(file) ? await readOfacXml(listFile(file)) : await readOfacCsv(ofacCsvSet(file));
    return { kind, files, sha256, fileName, result: { snapshot } };
  }
  return { kind, files, sha256, fileName, result: await readFtm(listFile(file)) };
}

/** Guesses the kind of a list file from its name and first bytes (for `deeds sanctions diff FILE`). */
export async function detectKind(file: string): Promise<ListKind> {
  if (/\.csv$/i.test(file)) return 'ofac-sdn';
  let head: string;
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(4096);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      head = buffer.subarray(0, bytesRead).toString('utf8');
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new SanctionsInputError(`cannot read the file: ${(err as Error).message}`, file);
  }
  if (/<CONSOLIDATED_LIST\b/.test(head)) return 'un-sanctions';
  if (/<sdnList\b/.test(head)) return 'ofac-sdn';
  if (/^\s*\{/.test(head)) return 'ftm';
  throw new SanctionsInputError('not a list file this tool knows (UN consolidated XML, OFAC SDN CSV or XML, FtM JSON lines)', file);
}
