// Unzipping a download (the UCDP GED CSV comes as a ZIP archive) with yauzl, under caps that hold
// against a zip bomb. yauzl reads the archive's structure; this file decompresses the entry itself
// so that it can count what it has read and what it has produced as the bytes stream:
//
//   - entries: at most `maxEntries` in the archive (a million empty entries is a bomb too);
//   - bytes: at most `maxBytes` produced, counted on the stream, not taken from the header, which
//     an attacker writes (a header may declare 1 KB and hold 10 GB);
//   - ratio: produced bytes at most `maxRatio` × the compressed bytes read so far, checked once
//     1 MiB has come out, so a bomb stops after its first megabyte instead of its first gigabyte.
//
// Also checked: the size and CRC-32 the header declares (a truncated or corrupt archive), and no
// encryption or compression methods other than stored (0) and deflate (8).
import { createWriteStream } from 'node:fs';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import * as zlib from 'node:zlib';
import yauzl from 'yauzl';
import type { ErrorCode } from '../errors/index.js';

export class ZipError extends Error {
  override name = 'ZipError';
  readonly code = 'zip_invalid' satisfies ErrorCode;
}

export interface ZipLimits {
  /** Entries the archive may hold. */
  maxEntries: number;
  /** Bytes an entry may produce, counted as they stream. */
  maxBytes: number;
  /** Produced bytes per compressed byte read. */
  maxRatio: number;
}

/**
 * GED 25.1's CSV is about 300 MB and compresses about 7:1; ordinary CSV stays far below 100:1,
 * while deflate reaches about 1,000:1 on a run of one byte, the stuff of zip bombs.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 1000, maxBytes: 4 * 1024 ** 3, maxRatio: 100 };

/** Produced bytes below this are never refused for their ratio: tiny files compress oddly. */
const RATIO_GRACE = 1 << 20;

export interface ZipEntryInfo {
  name: string;
  /** As the header declares it. */
  size: number;
  compressedSize: number;
}

/** The entries of a ZIP archive (files only, not directories). */
export async function listZip(file: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipEntryInfo[]> {
  const zip = await openZip(file, limits);
  try {
    const entries: ZipEntryInfo[] = [];
    for (;;) {
      const entry = await nextEntry(zip, file);
      if (!entry) return entries;
      if (!entry.fileName.endsWith('/')) entries.push({ name: entry.fileName, size: entry.uncompressedSize, compressedSize: entry.compressedSize });
    }
  } finally {
    zip.close();
  }
}

/** Writes entry `name`, decompressed and checked, to `out`; returns the bytes written. */
export async function extractZipEntry(file: string, name: string, out: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<number> {
  const zip = await openZip(file, limits);
  try {
    let entry: yauzl.Entry | null;
    while ((entry = await nextEntry(zip, file)) && entry.fileName !== name);
    if (!entry) throw new ZipError(`${file} holds no entry ${name}`);
    if (entry.isEncrypted()) throw new ZipError(`${name} in ${file} is encrypted`);
    const method = entry.compressionMethod;
    if (method !== 0 && method !== 8) throw new ZipError(`${name} in ${file} uses compression method ${method}; only stored (0) and deflate (8) are supported`);
    if (entry.uncompressedSize > limits.maxBytes) throw tooLarge(file, name, limits, `declares ${entry.uncompressedSize} bytes`);
    const raw = await openRaw(zip, entry, file);
    const input = new Count();
    const output = new Cap(file, entry, limits, input);
    try {
      if (method === 8) await pipeline(raw, input, zlib.createInflateRaw(), output, createWriteStream(out));
      else await pipeline(raw, input, output, createWriteStream(out));
    } catch (err) {
      if (err instanceof ZipError) throw err;
      throw new ZipError(`cannot unzip ${name} from ${file}: ${(err as Error).message}`);
    }
    return output.bytes;
  } finally {
    zip.close();
  }
}

function tooLarge(file: string, name: string, limits: ZipLimits, what: string): ZipError {
  return new ZipError(`${name} in ${file} ${what}, over the cap of ${limits.maxBytes} bytes per entry (a zip bomb, or a file larger than deeds unzips)`);
}

function openZip(file: string, limits: ZipLimits): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    // validateEntrySizes is off because this file counts the bytes itself, with its own message.
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: false, strictFileNames: false }, (err, zip) => {
      if (err || !zip) return reject(new ZipError(`${file} is not a usable ZIP archive: ${err?.message ?? 'unreadable'}`));
      if (zip.entryCount > limits.maxEntries) {
        zip.close();
        return reject(new ZipError(`${file} holds ${zip.entryCount} entries, over the cap of ${limits.maxEntries} entries`));
      }
      resolve(zip);
    });
  });
}

function nextEntry(zip: yauzl.ZipFile, file: string): Promise<yauzl.Entry | null> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      zip.off('entry', onEntry);
      zip.off('end', onEnd);
      zip.off('error', onError);
    };
    const onEntry = (entry: yauzl.Entry) => (cleanup(), resolve(entry));
    const onEnd = () => (cleanup(), resolve(null));
    const onError = (err: Error) => (cleanup(), reject(new ZipError(`${file} is not a usable ZIP archive: ${err.message}`)));
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

function openRaw(zip: yauzl.ZipFile, entry: yauzl.Entry, file: string): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, { decompress: false }, (err, stream) => {
      if (err || !stream) return reject(new ZipError(`cannot read ${entry.fileName} from ${file}: ${err?.message ?? 'no stream'}`));
      resolve(stream);
    });
  });
}

/** Counts the compressed bytes read. */
class Count extends Transform {
  bytes = 0;

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    done(null, chunk);
  }
}

/** Counts, caps and checks the produced bytes: the caps while streaming, size and CRC-32 at the end. */
class Cap extends Transform {
  bytes = 0;
  private crc = 0;

  constructor(private readonly file: string, private readonly entry: yauzl.Entry, private readonly limits: ZipLimits, private readonly input: Count) {
    super();
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.bytes += chunk.length;
    const name = this.entry.fileName;
    if (this.bytes > this.limits.maxBytes) return done(tooLarge(this.file, name, this.limits, `produced more than ${this.limits.maxBytes} bytes`));
    if (this.bytes > RATIO_GRACE && this.bytes > this.limits.maxRatio * this.input.bytes) {
      return done(new ZipError(`${name} in ${this.file} unpacks ${this.bytes} bytes from ${this.input.bytes}, over the cap of ${this.limits.maxRatio}:1 compression ratio (a zip bomb)`));
    }
    this.crc = zlib.crc32(chunk, this.crc);
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    const { fileName, uncompressedSize, crc32 } = this.entry;
    if (this.bytes !== uncompressedSize) return done(new ZipError(`${fileName} in ${this.file}: expected ${uncompressedSize} bytes, got ${this.bytes} (truncated or corrupt archive)`));
    if (this.crc >>> 0 !== crc32 >>> 0) return done(new ZipError(`${fileName} in ${this.file}: CRC-32 mismatch (corrupt archive)`));
    done();
  }
}
