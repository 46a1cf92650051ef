// The verbatim source records of an import, kept a batch at a time (up to ~1,000 accepted rows)
// and brotli-compressed. Compression runs on libuv's thread pool while the import's own thread
// goes on; quality 0, the fastest, compresses GED text about fourfold at ~345 MB/s on one core
// (quality 1: 4.5-fold at ~260 MB/s; on two cores an import's every CPU second counts).
//
// A block, before compression, is binary: the number of records n (uint32, little-endian), then n
// pairs (line, UTF-8 byte length of the record; uint32 each), then the records' UTF-8 bytes one
// after another. Records may hold any character, newlines included, so they are cut by length,
// not by a separator. The records are written straight into the block's buffer: joining them into
// one string first made a megabyte-sized string per batch that only a full garbage collection
// frees, and raised the import's peak memory by a fifth.
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

const compress = promisify(brotliCompress);
/** Quality 0; a 1 MiB window, since a block is under a megabyte anyway; the block's size as a hint. */
const BROTLI = (size: number) => ({ [constants.BROTLI_PARAM_QUALITY]: 0, [constants.BROTLI_PARAM_LGWIN]: 20, [constants.BROTLI_PARAM_SIZE_HINT]: size });

export interface SourceBlock {
  firstLine: number;
  lastLine: number;
  records: Buffer;
}

/**
 * Records gathered as bytes, one after another, with their lengths: the CSV reader copies each
 * accepted record's bytes straight from the file's chunk, so no record becomes a string.
 */
export class SourceRecords {
  bytes: Buffer = Buffer.alloc(1 << 16);
  length = 0;
  readonly sizes: number[] = [];

  get count(): number {
    return this.sizes.length;
  }

  add(source: Uint8Array, start: number, end: number): void {
    this.reserve(end - start);
    this.bytes.set(source.subarray(start, end), this.length);
    this.length += end - start;
    this.sizes.push(end - start);
  }

  addText(text: string): void {
    this.reserve(text.length * 3); // UTF-8 takes at most 3 bytes per UTF-16 unit
    const n = this.bytes.write(text, this.length, 'utf8');
    this.length += n;
    this.sizes.push(n);
  }

  /** A copy that owns its bytes. */
  copy(): SourceRecords {
    const copy = new SourceRecords();
    copy.bytes = Buffer.from(this.bytes.subarray(0, this.length));
    copy.length = this.length;
    copy.sizes.push(...this.sizes);
    return copy;
  }

  clear(): void {
    this.length = 0;
    this.sizes.length = 0;
  }

  private reserve(more: number): void {
    if (this.length + more <= this.bytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.length + more, this.bytes.length * 2));
    this.bytes.copy(grown, 0, 0, this.length);
    this.bytes = grown;
  }
}

/** A batch's records: as text, or as bytes already gathered. */
export type Records = string[] | SourceRecords;

/**
 * Lays the records out in `into` (grown when too small), the block's uncompressed form; returns
 * its length.
 */
function layout(lines: number[], records: Records, into: { buffer: Buffer }): number {
  const n = lines.length;
  const bound = 4 + 8 * n + (Array.isArray(records) ? records.reduce((sum, r) => sum + r.length * 3, 0) : records.length);
  if (into.buffer.length < bound) into.buffer = Buffer.allocUnsafe(Math.max(bound, into.buffer.length * 2));
  const block = into.buffer;
  block.writeUInt32LE(n, 0);
  let at = 4 + 8 * n;
  if (Array.isArray(records)) {
    for (let i = 0; i < n; i++) {
      const bytes = block.write(records[i] as string, at, 'utf8');
      block.writeUInt32LE(bytes, 8 + 8 * i);
      at += bytes;
    }
  } else {
    for (let i = 0; i < n; i++) block.writeUInt32LE(records.sizes[i] as number, 8 + 8 * i);
    records.bytes.copy(block, at, 0, records.length);
    at += records.length;
  }
  for (let i = 0; i < n; i++) block.writeUInt32LE(lines[i] as number, 4 + 8 * i);
  return at;
}

/** Where a batch's records are compressed: see SourceBatches. */
export type CompressOn = 'thread-pool' | 'this-thread';

async function compressBlock(lines: number[], block: Buffer, on: CompressOn = 'thread-pool'): Promise<SourceBlock> {
  // Output chunks of 128 KiB, about a compressed block: with zlib's default 16 KiB the reading
  // thread handled a dozen callbacks a block.
  const options = { chunkSize: 1 << 17, params: BROTLI(block.length) };
  const packed = on === 'this-thread' ? brotliCompressSync(block, options) : await compress(block, options);
  return { firstLine: lines[0] as number, lastLine: lines[lines.length - 1] as number, records: packed };
}

/**
 * Lays the records out in `into` (grown when too small) and compresses them, on libuv's thread
 * pool or on this thread. `into` must not be touched again until the returned promise settles.
 */
export async function packSources(lines: number[], records: Records, into?: { buffer: Buffer }, on: CompressOn = 'thread-pool'): Promise<SourceBlock> {
  const holder = into ?? { buffer: Buffer.alloc(0) };
  const length = layout(lines, records, holder);
  return compressBlock(lines, holder.buffer.subarray(0, length), on);
}

/** The record of `line` in a block, or null when the block does not hold it. */
export function sourceRecord(packed: Uint8Array, line: number): string | null {
  const block = brotliDecompressSync(packed);
  const n = block.readUInt32LE(0);
  let at = 4 + 8 * n;
  for (let i = 0; i < n; i++) {
    const bytes = block.readUInt32LE(8 + 8 * i);
    if (block.readUInt32LE(4 + 8 * i) === line) return block.toString('utf8', at, at + bytes);
    at += bytes;
  }
  return null;
}

/**
 * Compresses each batch's records while the import goes on, and stores a batch's block when the
 * next batch arrives (or at `finish`), by which time it is nearly always ready: the import's
 * thread never sits idle waiting for compression.
 */
export class SourceBatches {
  private pending: Promise<SourceBlock> | null = null;
  // Two buffers, used in turn: one is being compressed while the other is filled. A new buffer
  // per batch would be memory outside V8's heap that only its garbage collector gives back, and
  // it piles up (+60 MB of peak memory over a million GED rows).
  private readonly buffers = [{ buffer: Buffer.alloc(0) }, { buffer: Buffer.alloc(0) }];
  private readonly inUse: Array<Promise<unknown>> = [Promise.resolve(), Promise.resolve()];
  private readonly free = [true, true];
  private readonly generations = [0, 0];
  private turn = 0;

  /**
   * `on`: on libuv's thread pool (the default) while this thread reads the file; or on this
   * thread, when another thread reads and this one only writes (src/import/events-read-threaded.ts).
   * There the writing thread waits for the reader now and then anyway, and compressing in those
   * gaps left the pool's threads off the two cores the reader and the writer need, and saved the
   * asynchronous calls' own cost: a 1M-row import took 7.3-7.7 s instead of 8.8-8.9 s.
   */
  constructor(private readonly store: (block: SourceBlock) => unknown, private readonly on: CompressOn = 'thread-pool') {}

  /**
   * Starts compressing these records; resolves once the previous batch's block is stored. Both
   * promises are observed here, so a failure surfaces where the caller awaits it, and never as an
   * unhandled rejection when the caller has already failed for another reason.
   */
  add(lines: number[], records: Records): Promise<void> {
    const previous = this.pending;
    const slot = this.turn;
    this.turn = 1 - slot;
    // The records are laid out at once when the buffer is free (nearly always: its last batch was
    // compressed two calls ago), so that the caller may reuse `records` as soon as this returns.
    const holder = this.buffers[slot] as { buffer: Buffer };
    if (this.free[slot]) {
      const length = layout(lines, records, holder);
      this.pending = compressBlock(lines, holder.buffer.subarray(0, length), this.on);
    } else {
      const kept = Array.isArray(records) ? records : records.copy();
      this.pending = (this.inUse[slot] as Promise<unknown>).then(() => {
        const length = layout(lines, kept, holder);
        return compressBlock(lines, holder.buffer.subarray(0, length), this.on);
      });
    }
    this.free[slot] = false;
    // Only the latest compression of this buffer frees it (an earlier one may settle after this was queued).
    const generation = ++(this.generations[slot] as number);
    this.inUse[slot] = this.pending.catch(() => undefined).then(() => {
      if (this.generations[slot] === generation) this.free[slot] = true;
    });
    const stored = previous ? previous.then(async (block) => void (await this.store(block))) : Promise.resolve();
    stored.catch(() => undefined);
    return stored;
  }

  async finish(): Promise<void> {
    const last = this.pending;
    this.pending = null;
    if (last) await this.store(await last);
  }
}

