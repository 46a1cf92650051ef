// A small ZIP reader for `deeds fetch`: the UCDP GED download is one CSV inside a ZIP archive.
// No ZIP library is installed (node_modules has pako and tar-stream, neither reads ZIP), so this
// reads the central directory itself and streams an entry through node's zlib raw inflate.
// Supported: stored (0) and deflated (8) entries, ZIP64 sizes and offsets, CRC-32 checked.
// Not supported, and refused with a clear message: encryption, other compression methods,
// multi-disk archives.
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import type { ErrorCode } from '../errors/index.js';

export class ZipError extends Error {
  override name = 'ZipError';
  readonly code = 'zip_invalid' satisfies ErrorCode;
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

/** The entries of a ZIP file, from its central directory. */
export async function listZip(file: string): Promise<ZipEntry[]> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size < 22) throw new ZipError(`${file} is not a ZIP archive (${size} bytes)`);
    const tailLength = Math.min(size, 22 + MAX_COMMENT + 20);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new ZipError(`${file} is not a ZIP archive (no end-of-central-directory record)`);
    if (tail.readUInt16LE(at + 4) !== 0 || tail.readUInt16LE(at + 6) !== 0) throw new ZipError(`${file} is a multi-disk ZIP archive, which is not supported`);
    let count: number = tail.readUInt16LE(at + 10);
    let cdSize: number = tail.readUInt32LE(at + 12);
    let cdOffset: number = tail.readUInt32LE(at + 16);
    if ((count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) && at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
      const z64Offset = Number(tail.readBigUInt64LE(at - 20 + 8));
      const rec = Buffer.alloc(56);
      await handle.read(rec, 0, 56, z64Offset);
      if (rec.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipError(`${file}: broken ZIP64 end-of-central-directory record`);
      count = Number(rec.readBigUInt64LE(32));
      cdSize = Number(rec.readBigUInt64LE(40));
      cdOffset = Number(rec.readBigUInt64LE(48));
    }
    if (cdOffset + cdSize > size) throw new ZipError(`${file}: the central directory lies outside the file (truncated download?)`);
    if (cdSize > 64 << 20) throw new ZipError(`${file}: the central directory is implausibly large (${cdSize} bytes)`);
    const cd = Buffer.alloc(cdSize);
    await handle.read(cd, 0, cdSize, cdOffset);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CENTRAL) throw new ZipError(`${file}: central directory entry ${n + 1} is broken`);
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      const crc32 = cd.readUInt32LE(p + 16);
      let compressedSize: number = cd.readUInt32LE(p + 20);
      let uncompressed: number = cd.readUInt32LE(p + 24);
      const nameLength = cd.readUInt16LE(p + 28);
      const extraLength = cd.readUInt16LE(p + 30);
      const commentLength = cd.readUInt16LE(p + 32);
      let localHeaderOffset: number = cd.readUInt32LE(p + 42);
      const name = cd.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
      // ZIP64 extended information: present fields follow in this order, only for values at their maximum.
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      while (e + 4 <= extraEnd) {
        const id = cd.readUInt16LE(e);
        const len = cd.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (uncompressed === 0xffffffff) { uncompressed = Number(cd.readBigUInt64LE(q)); q += 8; }
          if (compressedSize === 0xffffffff) { compressedSize = Number(cd.readBigUInt64LE(q)); q += 8; }
          if (localHeaderOffset === 0xffffffff) { localHeaderOffset = Number(cd.readBigUInt64LE(q)); q += 8; }
        }
        e += 4 + len;
      }
      entries.push({ name, method, flags, crc32, compressedSize, size: uncompressed, localHeaderOffset });
      p = extraEnd + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Writes one entry, decompressed and CRC-checked, to `out`. */
export async function extractZipEntry(file: string, entry: ZipEntry, out: string): Promise<void> {
  if (entry.flags & 0x1) throw new ZipError(`${entry.name} in ${file} is encrypted`);
  if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`${entry.name} in ${file} uses compression method ${entry.method}; only stored (0) and deflate (8) are supported`);
  const handle = await open(file, 'r');
  let dataStart: number;
  try {
    const local = Buffer.alloc(30);
    await handle.read(local, 0, 30, entry.localHeaderOffset);
    if (local.readUInt32LE(0) !== LOCAL) throw new ZipError(`${file}: no local header for ${entry.name}`);
    dataStart = entry.localHeaderOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await handle.close();
  }
  const check = new CrcCheck(entry);
  const source: Readable = entry.compressedSize === 0
    ? Readable.from([])
    : createReadStream(file, { start: dataStart, end: dataStart + entry.compressedSize - 1, highWaterMark: 1 << 20 });
  try {
    if (entry.method === 8) await pipeline(source, zlib.createInflateRaw(), check, createWriteStream(out));
    else await pipeline(source, check, createWriteStream(out));
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError(`cannot unzip ${entry.name} from ${file}: ${(err as Error).message}`);
  }
}

class CrcCheck extends Transform {
  private crc = 0;
  private bytes = 0;

  constructor(private readonly entry: ZipEntry) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.crc = crc32(chunk, this.crc);
    this.bytes += chunk.length;
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.bytes !== this.entry.size) return done(new ZipError(`${this.entry.name}: expected ${this.entry.size} bytes, got ${this.bytes} (truncated or corrupt archive)`));
    if (this.crc >>> 0 !== this.entry.crc32 >>> 0) return done(new ZipError(`${this.entry.name}: CRC-32 mismatch (corrupt archive)`));
    done();
  }
}

let table: Uint32Array | undefined;

/** CRC-32 (IEEE), continuing from `previous`; node's zlib.crc32 when this node has it. */
export function crc32(data: Uint8Array, previous = 0): number {
  const native = (zlib as unknown as { crc32?: (d: Uint8Array, v?: number) => number }).crc32;
  if (native) return native(data, previous);
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = ~previous >>> 0;
  for (let i = 0; i < data.length; i++) crc = (table[(crc ^ (data[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return ~crc >>> 0;
}
