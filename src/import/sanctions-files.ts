// Sanctions list files on disk: which reader a file needs, its digest, and reading it into a
// snapshot (or a delta) with the readers of src/sanctions.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  ofacCsvSet, ofacSetDigest, readFtm, readOfacCsv, readOfacXml, readUnList, SanctionsInputError, type ListDelta, type ListSnapshot,
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
  if (kind === 'un-sanctions') return { kind, files, sha256, fileName, result: { snapshot: await readUnList(file) } };
  if (kind === 'ofac-sdn') {
    const snapshot = /\.xml$/i.test(file) ? await readOfacXml(file) : await readOfacCsv(ofacCsvSet(file));
    return { kind, files, sha256, fileName, result: { snapshot } };
  }
  return { kind, files, sha256, fileName, result: await readFtm(file) };
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
