// Reading an event file in a worker thread while this thread writes (events-read-worker.ts).
// On one thread a large import spent a third of its time reading and converting CSV; with two
// cores the reading now overlaps the writing. The result is the same as readEventFile's, row for
// row (tested), and an error in either thread ends both.
import { Worker } from 'node:worker_threads';
import { EventFileError, SourceBatches, SourceRecords, unpackRows } from '../events/index.js';
import type { ReadOptions, ReadResult } from './events-read.js';
import type { FromReader, ReaderData, ToReader } from './events-read-worker.js';
import type { EventWriter } from '../store/events.js';
import { textOf } from '../util/text.js';

/** Files from this size up are read in a worker thread; below it, starting one costs more than it saves. */
export const THREADED_MIN_BYTES = 16 << 20;

export function readEventFileThreaded(file: string, options: ReadOptions, writer: EventWriter): Promise<ReadResult> {
  return startThreadedRead(file, options).into(writer);
}

/** A read under way in a worker thread, its batches waiting for a writer. */
export interface ThreadedRead {
  /** Hands the batches to `writer`, the ones read meanwhile first; resolves when the file is read. */
  into(writer: EventWriter): Promise<ReadResult>;
  /** Ends the read (when no writer will come: the import could not start). */
  stop(): void;
}

/**
 * Starts reading at once, before the import's transaction is open: starting the thread and reading
 * the first batches (about 0.15 s) then overlaps the import's own start instead of preceding its
 * first write. At most a few batches wait for the writer (the reader's back-pressure).
 */
export function startThreadedRead(file: string, options: ReadOptions): ThreadedRead {
  const { onProgress, ...rest } = options;
  const workerData: ReaderData = { file, options: rest };
  // execArgv: [] because a worker inherits its process's node flags, and some (--input-type, as
  // in `node --input-type=module -e …`) make a worker fail to start.
  const worker = import.meta.url.endsWith('.ts') ? typescriptWorker(workerData) : new Worker(new URL('./events-read-worker.js', import.meta.url), { workerData, execArgv: [] });
  let attach: (writer: EventWriter) => void = () => undefined;
  const writerReady = new Promise<EventWriter>((resolve) => (attach = resolve));
  let finish: (err: unknown, result?: ReadResult) => void = () => undefined;
  const done = new Promise<ReadResult>((resolve, reject) => {
    let settled = false;
    finish = (err: unknown, result?: ReadResult) => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      if (err) reject(err instanceof Error ? err : new Error(textOf(err)));
      else resolve(result as ReadResult);
    };
    // Messages are handled one after another, in the order the reader sent them, once there is a writer.
    let queue: Promise<unknown> = writerReady;
    let sources: SourceBatches | undefined;
    const records = new SourceRecords();
    const handle = async (m: FromReader) => {
      const writer = await writerReady;
      // Source records come as bytes, compressed here between batches, or as blocks the reader compressed.
      sources ??= new SourceBatches((block) => writer.writeSources(block), 'this-thread');
      if (m.type === 'rows') {
        const { rows, lines, texts } = unpackRows(m.batch);
        await writer.write(rows, lines, texts);
        worker.postMessage('written' satisfies ToReader);
      } else if (m.type === 'records') {
        records.bytes = Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
        records.length = m.bytes.byteLength;
        records.sizes.length = 0;
        for (const size of m.sizes) records.sizes.push(size);
        const stored = sources.add(Array.from(m.lines), records);
        // SourceBatches has copied the records by now: the buffer goes back to the reader.
        worker.postMessage(m.bytes.buffer satisfies ToReader, [m.bytes.buffer]);
        await stored;
      } else if (m.type === 'block') {
        // Compressed by the reader: the posted Buffer arrives as a plain Uint8Array.
        const { records } = m.block;
        await writer.writeSources({ ...m.block, records: Buffer.from(records.buffer, records.byteOffset, records.byteLength) });
      } else if (m.type === 'progress') {
        onProgress?.(m.done, m.total);
      } else if (m.type === 'done') {
        await sources.finish();
        finish(null, m.result);
      } else {
        finish(m.name === 'EventFileError' ? new EventFileError(m.message) : new Error(m.message));
      }
    };
    worker.on('message', (m: FromReader) => {
      queue = queue.then(() => (settled ? undefined : handle(m))).catch((err: unknown) => finish(err));
    });
    worker.on('error', (err) => finish(err));
    worker.on('exit', (code) => void queue.then(() => finish(new Error(`the thread reading ${file} stopped (exit code ${code}) before it finished`))));
  });
  // A read that fails before a writer comes is reported by into(), or dropped by stop().
  done.catch(() => undefined);
  return {
    into(writer) {
      attach(writer);
      return done;
    },
    stop() {
      finish(new Error('the import did not start'));
    },
  };
}

/**
 * Under the tests the sources are TypeScript, which a worker thread can only load once tsx's
 * loader is registered in that thread (`--import tsx` in a worker's execArgv is not honoured on
 * Node 20).
 */
function typescriptWorker(workerData: ReaderData): Worker {
  const entry = new URL('./events-read-worker.ts', import.meta.url).href;
  const code = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(code, { eval: true, workerData, execArgv: [] });
}
