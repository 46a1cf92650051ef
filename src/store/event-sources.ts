// The verbatim source records of an import, kept a batch at a time (up to ~1,000 accepted rows)
// and brotli-compressed. Compression runs on libuv's thread pool while the import's own thread
// goes on; quality 1 of 11 compresses GED text about fivefold at ~200 MB/s.
//
// A block, before compression, is binary: the number of records n (uint32, little-endian), then n
// pairs (line, UTF-8 byte length of the record; uint32 each), then the records' UTF-8 bytes one
// after another. Records may hold any character, newlines included, so they are cut by length,
// not by a separator. The records are written straight into the block's buffer: joining them into
// one string first made a megabyte-sized string per batch that only a full garbage collection
// frees, and raised the import's peak memory by a fifth.
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompressSync, constants } from 'node:zlib';

const compress = promisify(brotliCompress);
/** Quality 1; a 1 MiB window, since a block is under a megabyte anyway; the block's size as a hint. */
const BROTLI = (size: number) => ({ [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_LGWIN]: 20, [constants.BROTLI_PARAM_SIZE_HINT]: size });

export interface SourceBlock {
  firstLine: number;
  lastLine: number;
  records: Buffer;
}

/**
 * Lays the records out in `into` (grown when too small) and compresses them. `into` must not be
 * touched again until the returned promise settles.
 */
export async function packSources(lines: number[], records: string[], into?: { buffer: Buffer }): Promise<SourceBlock> {
  const n = records.length;
  let bound = 4 + 8 * n;
  for (const r of records) bound += r.length * 3; // UTF-8 takes at most 3 bytes per UTF-16 unit
  const holder = into ?? { buffer: Buffer.alloc(0) };
  if (holder.buffer.length < bound) holder.buffer = Buffer.allocUnsafe(Math.max(bound, holder.buffer.length * 2));
  const block = holder.buffer;
  block.writeUInt32LE(n, 0);
  let at = 4 + 8 * n;
  for (let i = 0; i < n; i++) {
    const bytes = block.write(records[i] as string, at, 'utf8');
    block.writeUInt32LE(lines[i] as number, 4 + 8 * i);
    block.writeUInt32LE(bytes, 8 + 8 * i);
    at += bytes;
  }
  const packed = await compress(block.subarray(0, at), { params: BROTLI(at) });
  return { firstLine: lines[0] as number, lastLine: lines[n - 1] as number, records: packed };
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
  private turn = 0;

  constructor(private readonly store: (block: SourceBlock) => unknown) {}

  /**
   * Starts compressing these records; resolves once the previous batch's block is stored. Both
   * promises are observed here, so a failure surfaces where the caller awaits it, and never as an
   * unhandled rejection when the caller has already failed for another reason.
   */
  add(lines: number[], records: string[]): Promise<void> {
    const previous = this.pending;
    const slot = this.turn;
    this.turn = 1 - slot;
    // The buffer's last batch was compressed two calls ago; wait for it in the rare case it is not done.
    this.pending = (this.inUse[slot] as Promise<unknown>).then(() => packSources(lines, records, this.buffers[slot]));
    this.inUse[slot] = this.pending.catch(() => undefined);
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
