// A streaming CSV tokenizer over bytes (RFC 4180: quoted fields, doubled quotes, quoted newlines;
// LF, CRLF or CR line ends; UTF-8 with or without BOM). It is hand-written rather than csv-parse
// because csv-parse alone managed about 30,000 GED rows/s on the benchmark file; the tests check
// it against csv-parse record for record (test/events/hostile.test.ts).
//
// It works on the file's bytes, not on decoded text: a record is a list of byte ranges, and a
// field becomes a string only when the reader asks for it. A GED row has 49 columns of which the
// import reads 17, and its source record is kept as the bytes it was read from, so decoding the
// whole file and cutting 49 strings a row (a third of the reading thread's time) is not needed.
//
// Memory stays bounded: a record longer than `maxRecordBytes` is skipped without being kept, and
// reported. Nothing is dropped silently: every record reaches the sink, with a problem if it
// could not be read. Records holding bytes that are not UTF-8 are reported as such.
import { isUtf8 } from 'node:buffer';
import type { FieldCache } from './field-cache.js';

/** One record, as the sink sees it. Valid only during the sink's call: the tokenizer reuses it. */
export interface CsvRecord {
  /** The 1-based line the record starts on. */
  readonly line: number;
  /** Why the record cannot be read, or null. */
  readonly problem: string | null;
  /** How many fields it has. */
  readonly count: number;
  /** Field `i` (0-based, below `count`) as text. */
  field(i: number): string;
  /** Field `i` as text, through `cache`: a value the cache holds comes back as the same string. */
  cachedField(i: number, cache: FieldCache): string;
  /** Every field as text. */
  fields(): string[];
  /** The record's bytes as the file has them, without the line end: `source[start, end)`. */
  readonly source: Buffer;
  readonly start: number;
  readonly end: number;
}

export type RecordSink = (record: CsvRecord) => void;

export const MAX_RECORD_BYTES = 1 << 20;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const EMPTY = Buffer.alloc(0);
/** The bytes that end an unquoted field: one look-up a byte instead of three comparisons. */
const ENDS_FIELD = new Uint8Array(256);
ENDS_FIELD[COMMA] = ENDS_FIELD[LF] = ENDS_FIELD[CR] = 1;

/**
 * Node's Buffer decodes through `utf8Slice`, which `toString` reaches after checks that cost a
 * third of the decoding of a short field (measured: 17 fields a row). Undocumented, so checked
 * here once; where it is missing, `toString` stands in.
 */
type SlicingBuffer = Buffer & { utf8Slice(start: number, end: number): string };
const utf8 = typeof (Buffer.prototype as Partial<SlicingBuffer>).utf8Slice === 'function'
  ? (b: Buffer, start: number, end: number) => (b as SlicingBuffer).utf8Slice(start, end)
  : (b: Buffer, start: number, end: number) => b.toString('utf8', start, end);

/** A field's text from its bytes; `escaped` when it holds doubled quotes (a quoted field's `""`). */
export function fieldText(source: Buffer, start: number, end: number, escaped: boolean): string {
  const text = utf8(source, start, end);
  return escaped ? text.replaceAll('""', '"') : text;
}

export class CsvTokenizer implements CsvRecord {
  /** Bytes of a record that has not ended yet: always a copy, never a view of a chunk. */
  private carry: Buffer = EMPTY;
  /** Where the carry and the next chunk are joined. */
  private joined: Buffer = EMPTY;
  /** The line the next record starts on. */
  private nextLine = 1;
  /** Set while skipping an over-long record: whether the scan is inside quotes, and where it began. */
  private skipping: { inQuotes: boolean; line: number } | null = null;
  /** A UTF-8 byte order mark is dropped once at the start of the file (twice, if it is doubled). */
  private atStart = true;

  // The current record: byte ranges of its fields in `source`, and whether a field holds doubled quotes.
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private escaped = new Uint8Array(64);
  private n = 0;
  private readProblem: string | null = null;
  private newlines = 0;
  private contentEnd = 0;
  /** Bytes of the text being consumed below this offset are known to be valid UTF-8. */
  private validEnd = 0;
  /** The first LF at or after `lfFrom` in the text being consumed (-1: none), so that quoted fields need not look again. */
  private lfAt = -1;
  private lfFrom = Number.MAX_SAFE_INTEGER;

  line = 0;
  problem: string | null = null;
  source: Buffer = EMPTY;
  start = 0;
  end = 0;

  constructor(private readonly maxRecordBytes = MAX_RECORD_BYTES) {}

  get count(): number {
    return this.n;
  }

  field(i: number): string {
    return fieldText(this.source, this.starts[i] as number, this.ends[i] as number, this.escaped[i] === 1);
  }

  cachedField(i: number, cache: FieldCache): string {
    return cache.text(this.source, this.starts[i] as number, this.ends[i] as number, this.escaped[i] === 1);
  }

  fields(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.n; i++) out.push(this.field(i));
    return out;
  }

  /**
   * Reads the records `chunk` completes or holds. The chunk's memory may be reused for the next
   * one as soon as this returns: what is left of it is copied.
   */
  push(chunk: Uint8Array, sink: RecordSink): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.carry.length === 0) {
      this.carry = this.consume(bytes, false, sink);
      return;
    }
    // The unfinished record and the chunk are joined in a buffer kept from chunk to chunk: a new
    // one each time (Buffer.concat) cost a fresh allocation of a quarter megabyte per chunk.
    const size = this.carry.length + bytes.length;
    if (this.joined.length < size) this.joined = Buffer.allocUnsafeSlow(Math.max(size, this.joined.length * 2));
    this.carry.copy(this.joined, 0);
    bytes.copy(this.joined, this.carry.length);
    this.carry = this.consume(this.joined.subarray(0, size), false, sink);
  }

  /** Reads what is left at the end of the file. */
  finish(sink: RecordSink): void {
    this.consume(this.carry, true, sink);
    this.carry = EMPTY;
  }

  private consume(s: Buffer, final: boolean, sink: RecordSink): Buffer {
    if (this.atStart) {
      if (s.length < 6 && !final) return Buffer.from(s);
      this.atStart = false;
      for (let k = 0; k < 2 && s[0] === 0xef && s[1] === 0xbb && s[2] === 0xbf; k++) s = s.subarray(3);
    }
    const n = s.length;
    // LF never occurs inside a multi-byte character, so the text up to the last LF can be checked
    // at once; a record past it (or any record, when that check fails) is checked on its own.
    const lastLf = s.lastIndexOf(LF);
    this.validEnd = lastLf >= 0 && isUtf8(s.subarray(0, lastLf + 1)) ? lastLf + 1 : 0;
    this.lfFrom = Number.MAX_SAFE_INTEGER;
    let i = 0;
    while (i < n) {
      if (this.skipping) {
        i = this.skipRecord(s, i, final, sink);
        if (this.skipping) return EMPTY;
        continue;
      }
      const c = s[i] as number;
      if (c === LF || c === CR) {
        // A blank line is no record; it only moves the line count.
        if (c === CR && i + 1 >= n && !final) return Buffer.from(s.subarray(i));
        i += c === CR && s[i + 1] === LF ? 2 : 1;
        this.nextLine++;
        continue;
      }
      const next = this.readRecord(s, i, final);
      if (next < 0) {
        if (n - i <= this.maxRecordBytes) return Buffer.from(s.subarray(i));
        this.skipping = { inQuotes: false, line: this.nextLine };
        continue;
      }
      const line = this.nextLine;
      this.nextLine += this.newlines;
      if (next - i > this.maxRecordBytes) {
        this.emit(sink, line, `the record is longer than ${this.maxRecordBytes} bytes; skipped`, s, i, i, true);
      } else {
        const invalid = this.contentEnd > this.validEnd && !isUtf8(s.subarray(i, this.contentEnd));
        this.emit(sink, line, this.readProblem ?? (invalid ? 'invalid UTF-8: the record has bytes that are not UTF-8 text' : null), s, i, this.contentEnd, false);
      }
      i = next;
    }
    if (final && this.skipping) this.finishSkip(sink);
    return EMPTY;
  }

  private emit(sink: RecordSink, line: number, problem: string | null, s: Buffer, start: number, end: number, empty: boolean): void {
    if (empty) this.n = 0;
    this.line = line;
    this.problem = problem;
    this.source = s;
    this.start = start;
    this.end = end;
    sink(this);
  }

  private addField(start: number, end: number, escaped: boolean): void {
    if (this.n === this.starts.length) {
      const grow = <T extends Int32Array | Uint8Array>(a: T, make: (size: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts, (k) => new Int32Array(k));
      this.ends = grow(this.ends, (k) => new Int32Array(k));
      this.escaped = grow(this.escaped, (k) => new Uint8Array(k));
    }
    this.starts[this.n] = start;
    this.ends[this.n] = end;
    this.escaped[this.n] = escaped ? 1 : 0;
    this.n++;
  }

  /** Reads one record from `i`; returns where the next begins, or -1 when the text ends first. */
  private readRecord(s: Buffer, i: number, final: boolean): number {
    const n = s.length;
    this.n = 0;
    let problem: string | null = null;
    let newlines = 0;
    let end = n;
    for (;;) {
      if (i >= n) {
        if (!final) return -1;
        this.addField(n, n, false); // the record ended with a comma at the end of the text
        break;
      }
      let c = s[i] as number;
      if (c === QUOTE) {
        const open = i;
        let j = i + 1;
        let doubled = false;
        let closed = -1;
        // The closing quote is found by memchr (Buffer#indexOf): quoted fields are the long ones
        // (GED's source texts), where a loop in JavaScript cost a third of the tokenizing.
        for (;;) {
          const q = s.indexOf(QUOTE, j);
          if (q < 0) break;
          if (q + 1 >= n && !final) return -1; // a doubled quote may go on in the next chunk
          if (s[q + 1] === QUOTE) {
            doubled = true;
            j = q + 2;
            continue;
          }
          closed = q;
          break;
        }
        const lines = this.lineFeeds(s, open + 1, closed < 0 ? n : closed);
        newlines += lines;
        if (closed < 0) {
          if (!final) return -1;
          problem = `a quoted field opened on this line is never closed (the rest of the file, ${lines + 1} lines, was read as this one record)`;
          this.addField(open + 1, n, doubled);
          i = n;
        } else {
          this.addField(open + 1, closed, doubled);
          i = closed + 1;
        }
        c = i < n ? (s[i] as number) : 0;
        if (i < n && c !== COMMA && c !== LF && c !== CR) {
          problem ??= `text follows a closing quote in field ${this.n}`;
          const lf = s.indexOf(LF, i);
          const eol = lf < 0 ? n : lf;
          if (eol >= n && !final) return -1;
          i = eol;
          c = i < n ? (s[i] as number) : 0;
        }
      } else {
        let j = i;
        while (j < n && ENDS_FIELD[s[j] as number] === 0) j++;
        if (j >= n && !final) return -1;
        this.addField(i, j, false);
        i = j;
        c = i < n ? (s[i] as number) : 0;
      }
      if (i >= n) break;
      if (c === COMMA) {
        i++;
        continue;
      }
      end = i;
      if (c === CR) {
        if (i + 1 >= n && !final) return -1;
        i += s[i + 1] === LF ? 2 : 1;
      } else {
        i++;
      }
      newlines++;
      break;
    }
    this.contentEnd = end;
    this.readProblem = problem;
    this.newlines = newlines;
    return i;
  }

  /** How many LFs `s[from, to)` holds; the last search is remembered, as the next field's range follows. */
  private lineFeeds(s: Buffer, from: number, to: number): number {
    let at = this.lfAt;
    if (from < this.lfFrom || (at >= 0 && at < from)) at = s.indexOf(LF, from);
    let lines = 0;
    while (at >= 0 && at < to) {
      lines++;
      at = s.indexOf(LF, at + 1);
    }
    // Now no LF lies in [to, at): the next field, which starts at or after `to`, can use `at`.
    this.lfAt = at;
    this.lfFrom = to;
    return lines;
  }

  /** Scans past an over-long record without keeping it, honouring quotes so that it ends where it really ends. */
  private skipRecord(s: Buffer, i: number, final: boolean, sink: RecordSink): number {
    const state = this.skipping as { inQuotes: boolean; line: number };
    const n = s.length;
    let inQuotes = state.inQuotes;
    for (; i < n; i++) {
      const c = s[i];
      if (c === QUOTE) inQuotes = !inQuotes;
      else if (c === LF) {
        this.nextLine++;
        if (!inQuotes) {
          this.finishSkip(sink);
          return i + 1;
        }
      }
    }
    state.inQuotes = inQuotes;
    if (final) this.finishSkip(sink);
    return n;
  }

  private finishSkip(sink: RecordSink): void {
    const state = this.skipping;
    if (!state) return;
    this.skipping = null;
    this.emit(sink, state.line, `the record is longer than ${this.maxRecordBytes} bytes (it ends on line ${this.nextLine - 1}); skipped`, EMPTY, 0, 0, true);
  }
}
