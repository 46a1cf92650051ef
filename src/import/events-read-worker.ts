// The reading half of a threaded import (events-read-threaded.ts), run in a worker thread:
// reads one event file and posts its rows in packed batches, their source records, progress and
// the outcome. The import's own thread writes, and compresses the source records it is handed as
// the file's bytes; when it falls behind, the reader compresses a batch's records itself and posts
// the block, so that neither thread waits while the other has work. A few batches at most wait
// between the two, so memory stays bounded however fast the reading goes.
import { parentPort, workerData, type TransferListItem } from 'node:worker_threads';
import { packRows, packSources, type RowBatch, type SourceBlock } from '../events/index.js';
import { readEventFile, type ReadOptions, type ReadResult } from './events-read.js';

export type FromReader =
  | { type: 'rows'; batch: RowBatch }
  | { type: 'records'; lines: Int32Array; sizes: Int32Array; bytes: Uint8Array<ArrayBuffer> }
  | { type: 'block'; block: SourceBlock }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: ReadResult }
  | { type: 'failed'; name: string; message: string };

/** To the reader: a batch is written, or a records buffer comes back. */
export type ToReader = 'written' | ArrayBuffer;

export interface ReaderData {
  file: string;
  options: Omit<ReadOptions, 'onProgress'>;
}

/** Batches posted and not yet written; the reader waits when this many are in flight. */
export const MAX_BATCHES_IN_FLIGHT = 4;
/**
 * Row batches waiting for the writer from which the reader compresses a batch's source records
 * itself instead of handing them on: the writer is behind, and the reader would otherwise soon
 * wait for it. Over 1M GED rows the writer was busy 97% of the time and the reader waited for it;
 * with this (and reading ahead) an import took 5–16 % less time in four sets of alternating runs
 * (docs/events.md, Figures).
 */
const COMPRESS_HERE_FROM = 3;
/** Bytes read between two progress messages. */
const PROGRESS_BYTES = 4 << 20;

const port = parentPort;
if (port) {
  const { file, options } = workerData as ReaderData;
  const post = (m: FromReader, transfer: TransferListItem[] = []) => port.postMessage(m, transfer);
  let inFlight = 0;
  let wake: (() => void) | null = null;
  // The records' buffers move to the writing thread and come back once copied, for reuse.
  const spare: ArrayBuffer[] = [];
  /** Where the records the reader compresses itself are laid out, batch after batch. */
  const layout = { buffer: Buffer.alloc(0) };
  port.on('message', (m: ToReader) => {
    if (m !== 'written') {
      spare.push(m);
      return;
    }
    inFlight--;
    wake?.();
    wake = null;
  });
  try {
    // Progress goes out every PROGRESS_BYTES and at the end, not after each quarter-megabyte chunk.
    let reported = 0;
    const onProgress = (done: number, total: number) => {
      if (done - reported < PROGRESS_BYTES && done < total) return;
      reported = done;
      post({ type: 'progress', done, total });
    };
    const result = await readEventFile(file, { ...options, onProgress }, {
      async write(rows, lines) {
        while (inFlight >= MAX_BATCHES_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
        inFlight++;
        const batch = packRows(rows, lines);
        // packRows made these arrays on plain ArrayBuffers of their own, so they can move, not copy.
        post({ type: 'rows', batch }, [batch.text.buffer, batch.lengths.buffer, batch.refs.buffer, batch.numbers.buffer, batch.lines.buffer] as ArrayBuffer[]);
      },
      async writeSources() {
        throw new Error('the reading thread hands its source records on uncompressed');
      },
    }, {
      async add(lines, records) {
        if (inFlight >= COMPRESS_HERE_FROM) {
          post({ type: 'block', block: await packSources(lines, records, layout, 'this-thread') });
          return;
        }
        // A Buffer this large owns its ArrayBuffer (only small ones share Node's pool), so it can
        // move; one that shares its memory is copied, never moved.
        const owned = records.bytes.byteLength === records.bytes.buffer.byteLength;
        const bytes = (owned ? records.bytes : Buffer.from(records.bytes)) as Buffer<ArrayBuffer>;
        post({ type: 'records', lines: Int32Array.from(lines), sizes: Int32Array.from(records.sizes), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, records.length) }, [bytes.buffer]);
        const back = spare.pop();
        records.bytes = back ? Buffer.from(back) : Buffer.allocUnsafe(bytes.length);
      },
      async finish() {},
    });
    post({ type: 'done', result });
  } catch (err) {
    post({ type: 'failed', name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) });
  }
}
