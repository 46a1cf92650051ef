// Reading one event file into the writer: CSV (streamed through the tokenizer), a UCDP API JSON
// page, or NDJSON (one event object per line, as `deeds fetch` caches API results). Every record
// ends up accepted, filtered out by country, or rejected with its line and reason.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import {
  countryFilter, CsvTokenizer, eventIdKey, EventFileError, FieldCache, fieldText, IdSet, planColumns, SourceBatches, SourceRecords,
  type ColumnPlan, type CsvRecord, type EventDataset, type EventRow, type RowReject,
} from '../events/index.js';
import type { EventWriter, ReadOutcome } from '../store/events.js';

/** Rejects kept with line and reason; past this only their number grows, so memory stays bounded. */
export const MAX_LISTED_REJECTS = 100_000;
const BATCH = 1024;
const CHUNK = 1 << 18;
/** A JSON page is parsed whole; the UCDP API sends at most 1,000 events (about 1 MB) a page. */
const MAX_JSON_BYTES = 256 << 20;
/** An NDJSON line longer than this is skipped, and reported. */
const MAX_LINE_CHARS = 1 << 20;

export interface ReadOptions {
  dataset: EventDataset;
  versionKey: string;
  /** Keep only events of these countries (ISO alpha-2 codes or the dataset's names). */
  countries?: string[];
  onProgress?: (done: number, total: number) => void;
}

export interface ReadResult extends ReadOutcome {
  rejects: RowReject[];
  /** Rows left out by the country filter. */
  skipped: number;
}

export type EventFileFormat = 'csv' | 'json' | 'ndjson';

export function formatOf(file: string): EventFileFormat {
  if (/\.json$/i.test(file)) return 'json';
  if (/\.(ndjson|jsonl)$/i.test(file)) return 'ndjson';
  return 'csv';
}

/** Where the accepted rows' source records go, a batch at a time; `add` may keep `records` only until it returns. */
export interface SourceSink {
  add(lines: number[], records: SourceRecords): Promise<void>;
  finish(): Promise<void>;
}

/**
 * `sources` takes the source records; by default they are compressed here (SourceBatches) and
 * handed to `writer.writeSources`.
 */
export async function readEventFile(file: string, options: ReadOptions, writer: EventWriter, sources?: SourceSink): Promise<ReadResult> {
  const size = await fileSize(file);
  const format = formatOf(file);
  if (format === 'csv') await refuseBinary(file);
  const rows = new RowCollector(options, sources ?? new SourceBatches((block) => writer.writeSources(block)));
  const hash = createHash('sha256');
  if (format === 'json') await readJsonPage(file, size, rows, hash, writer);
  else if (format === 'ndjson') await readNdjson(file, size, rows, hash, writer, options);
  else await readCsv(file, size, rows, hash, writer, options);
  await rows.flush(writer);
  await rows.sources.finish();
  return rows.result(hash.digest('hex'), size);
}

async function fileSize(file: string): Promise<number> {
  try {
    const s = await stat(file);
    if (!s.isFile()) throw new EventFileError(`${file} is not a file`);
    return s.size;
  } catch (err) {
    if (err instanceof EventFileError) throw err;
    throw new EventFileError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

/** Recognises what is plainly not text before reading it as CSV, for a clearer message than a bad header. */
async function refuseBinary(file: string): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer.subarray(0, bytesRead);
    if (bytesRead === 0) throw new EventFileError(`${file} is empty: a CSV file needs at least a header line`);
    if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) throw new EventFileError(`${file} is a ZIP archive, not CSV: unzip it first, or let \`deeds fetch\` do it`);
    if (head[0] === 0x1f && head[1] === 0x8b) throw new EventFileError(`${file} is gzip-compressed, not CSV: decompress it first`);
    if (head.includes(0)) throw new EventFileError(`${file} is not a CSV file: it holds binary data (a NUL byte in its first ${bytesRead} bytes)`);
  } finally {
    await handle.close();
  }
}

async function readCsv(file: string, size: number, rows: RowCollector, hash: ReturnType<typeof createHash>, writer: EventWriter, options: ReadOptions): Promise<void> {
  const tokenizer = new CsvTokenizer();
  let done = 0;
  const sink = (record: CsvRecord) => rows.csvRecord(record);
  // Two buffers read into in turn (the tokenizer copies what it keeps): while one chunk is being
  // tokenized the next is already being read. Waiting for each read before tokenizing left the
  // reading thread idle for 0.7 s of a 6 s read of 1M GED rows, though the file was in the page
  // cache; a fresh quarter-megabyte chunk per read cost an allocation and its page faults.
  const buffers = [Buffer.allocUnsafeSlow(CHUNK), Buffer.allocUnsafeSlow(CHUNK)];
  const handle = await open(file, 'r');
  let turn = 0;
  // A failed read is reported where it is awaited; marked as handled at once, it cannot end the
  // process as an unhandled rejection while the previous chunk is being written.
  const readInto = (buffer: Buffer) => {
    const reading = handle.read(buffer, 0, CHUNK, null);
    reading.catch(() => undefined);
    return reading;
  };
  let next: Promise<{ bytesRead: number }> | null = readInto(buffers[0] as Buffer);
  try {
    for (;;) {
      const { bytesRead } = await next;
      next = null;
      if (bytesRead === 0) break;
      const bytes = (buffers[turn] as Buffer).subarray(0, bytesRead);
      turn = 1 - turn;
      // Reads never overlap: this one starts after the previous has ended, at the file's position.
      next = readInto(buffers[turn] as Buffer);
      hash.update(bytes);
      tokenizer.push(bytes, sink);
      if (rows.pending >= BATCH) await rows.flush(writer);
      done += bytesRead;
      options.onProgress?.(done, size);
    }
  } finally {
    // A read still under way (the tokenizer threw) ends before its file is closed.
    await next?.catch(() => undefined);
    await handle.close();
  }
  tokenizer.finish(sink);
  if (!rows.plan) throw new EventFileError(`${file} has no header line: the file is empty or not CSV`);
}

async function readJsonPage(file: string, size: number, rows: RowCollector, hash: ReturnType<typeof createHash>, writer: EventWriter): Promise<void> {
  if (size > MAX_JSON_BYTES) throw new EventFileError(`${file} is ${size} bytes; JSON files over ${MAX_JSON_BYTES} bytes are not read whole — use NDJSON (one event per line)`);
  const { readFile } = await import('node:fs/promises');
  const buffer = await readFile(file);
  hash.update(buffer);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(buffer));
  } catch (err) {
    throw new EventFileError(`${file} is not valid JSON: ${(err as Error).message}`);
  }
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as Record<string, unknown>)['Result']) ? (data as { Result: unknown[] }).Result : null;
  if (!list) throw new EventFileError(`${file} is neither a UCDP API page (an object with "Result") nor a JSON array of events`);
  list.forEach((item, i) => rows.objectRecord(item, i + 1));
  if (!rows.plan && list.length > 0) throw new EventFileError(`${file}: the first event is not a JSON object`);
  await rows.flush(writer);
}

async function readNdjson(file: string, size: number, rows: RowCollector, hash: ReturnType<typeof createHash>, writer: EventWriter, options: ReadOptions): Promise<void> {
  const stream = createReadStream(file, { highWaterMark: CHUNK });
  let done = 0;
  stream.on('data', (chunk) => {
    hash.update(chunk as Buffer);
    done += chunk.length;
  });
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    if (text.length > MAX_LINE_CHARS) {
      rows.rejectRecord(line, `the line is longer than ${MAX_LINE_CHARS} characters; skipped`);
      continue;
    }
    let item: unknown;
    try {
      item = JSON.parse(text);
    } catch (err) {
      rows.rejectRecord(line, `not a JSON object: ${(err as Error).message}`);
      continue;
    }
    rows.objectRecord(item, line);
    if (rows.pending >= BATCH) {
      await rows.flush(writer);
      options.onProgress?.(done, size);
    }
  }
}

/** Header → plan, record → row or reject, duplicates, the country filter and batching. */
class RowCollector {
  plan: ColumnPlan | null = null;
  private rows: EventRow[] = [];
  private lines: number[] = [];
  private readonly seen = new IdSet();
  private readonly rejects: RowReject[] = [];
  private read = 0;
  private accepted = 0;
  private first: string | null = null;
  private last: string | null = null;
  private rejected = 0;
  private skipped = 0;
  private objectKeys: string[] | null = null;
  private readonly codes: Set<string> | null;
  private readonly names: Set<string> | null;
  /** The accepted rows' source records, a batch at a time while reading goes on. */
  readonly sources: SourceSink;
  /** The source records of the rows waiting in `rows`, as the file has them. */
  private readonly records = new SourceRecords();
  /** The fields handed to the plan's converter, reused record after record. */
  private readonly fields: string[] = [];
  /** Per column the plan reads, its decoded values by their bytes (most repeat from row to row). */
  private caches: FieldCache[] = [];

  constructor(private readonly options: ReadOptions, sources: SourceSink) {
    this.sources = sources;
    const filters = (options.countries ?? []).map(countryFilter);
    this.codes = filters.length ? new Set(filters.flatMap((f) => ('code' in f ? [f.code] : []))) : null;
    this.names = filters.length ? new Set(filters.flatMap((f) => ('name' in f ? [f.name.toLowerCase()] : []))) : null;
  }

  get pending(): number {
    return this.rows.length;
  }

  csvRecord(record: CsvRecord): void {
    if (!this.plan) {
      if (record.problem) throw new EventFileError(`line ${record.line}, the header, cannot be read: ${record.problem}`);
      this.plan = planColumns(this.options.dataset, record.fields(), this.options.versionKey);
      this.caches = this.plan.columns.map(() => new FieldCache(fieldText));
      return;
    }
    this.read++;
    if (record.problem) return this.reject(record.line, record.problem);
    // Only the columns the plan reads are decoded; the others keep whatever an earlier record left.
    const fields = this.fields;
    const count = record.count;
    fields.length = count;
    const columns = this.plan.columns;
    const caches = this.caches;
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k] as number;
      if (c < count) fields[c] = record.cachedField(c, caches[k] as FieldCache);
    }
    if (this.accept(this.plan.convert(fields, ''), record.line)) this.records.add(record.source, record.start, record.end);
  }

  objectRecord(item: unknown, line: number): void {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      this.read++;
      this.reject(line, 'not a JSON object');
      return;
    }
    const record = item as Record<string, unknown>;
    if (!this.objectKeys) {
      this.objectKeys = Object.keys(record);
      this.plan = planColumns(this.options.dataset, this.objectKeys, this.options.versionKey);
    }
    this.read++;
    const unknown = Object.keys(record).filter((k) => !(this.objectKeys as string[]).includes(k));
    if (unknown.length) {
      this.reject(line, `has keys the first event lacks: ${unknown.slice(0, 5).join(', ')}`);
      return;
    }
    const fields = this.objectKeys.map((k) => jsonText(record[k]));
    if (this.accept((this.plan as ColumnPlan).convert(fields, ''), line)) this.records.addText(JSON.stringify(record));
  }

  /** Whether the row is kept; its source record is then the caller's to add. */
  private accept(row: EventRow | string, line: number): boolean {
    if (typeof row === 'string') {
      this.reject(line, row);
      return false;
    }
    if (!this.seen.add(eventIdKey(row.event_id))) {
      this.reject(line, `event id ${row.event_id} occurs earlier in this file`);
      return false;
    }
    if (this.codes && this.names && !(this.codes.has(row.country_code ?? '') || this.names.has((row.country ?? '').toLowerCase()))) {
      this.skipped++;
      return false;
    }
    this.accepted++;
    if (this.first === null || row.date_start < this.first) this.first = row.date_start;
    if (this.last === null || row.date_start > this.last) this.last = row.date_start;
    this.rows.push(row);
    this.lines.push(line);
    return true;
  }

  /** A record that could not even be parsed: it counts as read, and as rejected. */
  rejectRecord(line: number, reason: string): void {
    this.read++;
    this.reject(line, reason);
  }

  reject(line: number, reason: string): void {
    this.rejected++;
    if (this.rejects.length < MAX_LISTED_REJECTS) this.rejects.push({ line, reason });
  }

  async flush(writer: EventWriter): Promise<void> {
    if (this.rows.length === 0) return;
    const rows = this.rows;
    const lines = this.lines;
    this.rows = [];
    this.lines = [];
    const stored = this.sources.add(lines, this.records);
    this.records.clear();
    await writer.write(rows, lines);
    await stored;
  }

  result(sha256: string, bytes: number): ReadResult {
    const rejects = [...this.rejects];
    if (this.rejected > rejects.length) {
      const last = rejects[rejects.length - 1]?.line ?? 0;
      rejects.push({ line: last, reason: `… and ${this.rejected - rejects.length} more rejected rows after line ${last}, not listed one by one` });
    }
    return { sha256, bytes, columns: this.plan?.header ?? [], read: this.read, accepted: this.accepted, rejected: this.rejected, skipped: this.skipped, rejects, first: this.first, last: this.last };
  }
}

function jsonText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

