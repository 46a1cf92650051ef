// The reading half of a threaded import (events-read-threaded.ts), run in a worker thread:
// reads one event file and posts its rows in packed batches, their compressed source records,
// progress and the outcome. The import's own thread does the writing. A few batches at most wait
// between the two, so memory stays bounded however fast the reading goes.
import { parentPort, workerData, type TransferListItem } from 'node:worker_threads';
import { packRows, type RowBatch, type SourceBlock } from '../events/index.js';
import { readEventFile, type ReadOptions, type ReadResult } from './events-read.js';

export type FromReader =
  | { type: 'rows'; batch: RowBatch }
  | { type: 'sources'; block: SourceBlock }
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: ReadResult }
  | { type: 'failed'; name: string; message: string };

export interface ReaderData {
  file: string;
  options: Omit<ReadOptions, 'onProgress'>;
}

/** Batches posted and not yet written; the reader waits when this many are in flight. */
export const MAX_BATCHES_IN_FLIGHT = 4;

const port = parentPort;
if (port) {
  const { file, options } = workerData as ReaderData;
  const post = (m: FromReader, transfer: TransferListItem[] = []) => port.postMessage(m, transfer);
  let inFlight = 0;
  let wake: (() => void) | null = null;
  port.on('message', () => {
    inFlight--;
    wake?.();
    wake = null;
  });
  try {
    const result = await readEventFile(file, { ...options, onProgress: (done, total) => post({ type: 'progress', done, total }) }, {
      async write(rows, lines) {
        while (inFlight >= MAX_BATCHES_IN_FLIGHT) await new Promise<void>((resolve) => (wake = resolve));
        inFlight++;
        const batch = packRows(rows, lines);
        // packRows made these arrays on plain ArrayBuffers of their own, so they can move, not copy.
        post({ type: 'rows', batch }, [batch.lengths.buffer, batch.numbers.buffer, batch.lines.buffer] as ArrayBuffer[]);
      },
      async writeSources(block) {
        post({ type: 'sources', block });
      },
    });
    post({ type: 'done', result });
  } catch (err) {
    post({ type: 'failed', name: err instanceof Error ? err.name : 'Error', message: err instanceof Error ? err.message : String(err) });
  }
}
