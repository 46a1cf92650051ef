// A streaming CSV tokenizer (RFC 4180: quoted fields, doubled quotes, quoted newlines; LF, CRLF
// or CR line ends). It is hand-written rather than csv-parse because the import must reach
// 150,000 GED rows/s and csv-parse alone managed about 30,000 on the benchmark file; the tests
// check it against csv-parse record for record (test/events/csv.test.ts).
//
// Memory stays bounded: a record longer than `maxRecordChars` is skipped without being kept, and
// reported. Nothing is dropped silently: every record reaches the sink, with a problem if it
// could not be read.

/**
 * Receives each record: its fields, the 1-based line it starts on, why it is unreadable (or null),
 * and its source text without the line end.
 */
export type RecordSink = (fields: string[], line: number, problem: string | null, raw: string) => void;

export const MAX_RECORD_CHARS = 1 << 20;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;
const REPLACEMENT = '\uFFFD';

export class CsvTokenizer {
  /** Text of a record that has not ended yet. */
  private carry = '';
  /** The line the next record starts on. */
  private line = 1;
  /** Set while skipping an over-long record: whether the scan is inside quotes, and where it began. */
  private skipping: { inQuotes: boolean; line: number } | null = null;
  /** Set once the decoder replaced an invalid byte: from then on records are checked for U+FFFD. */
  suspect = false;

  // The record being read, handed from readRecord() to consume().
  private fields: string[] = [];
  private problem: string | null = null;
  private newlines = 0;
  private contentEnd = 0;
  /** Where the next LF is in the text being consumed (-1: none left; -2: not looked up yet). */
  private nl = -2;

  constructor(private readonly maxRecordChars = MAX_RECORD_CHARS) {}

  push(text: string, sink: RecordSink): void {
    this.carry = this.consume(this.carry.length > 0 ? this.carry + text : text, false, sink);
  }

  end(sink: RecordSink): void {
    this.consume(this.carry, true, sink);
    this.carry = '';
  }

  private consume(s: string, final: boolean, sink: RecordSink): string {
    const n = s.length;
    let i = 0;
    let bad = this.suspect ? s.indexOf(REPLACEMENT) : -1;
    this.nl = -2;
    while (i < n) {
      if (this.skipping) {
        i = this.skipRecord(s, i, final, sink);
        if (this.skipping) return '';
        continue;
      }
      const c = s.charCodeAt(i);
      if (c === LF || c === CR) {
        // A blank line is no record; it only moves the line count.
        if (c === CR && i + 1 >= n && !final) return s.slice(i);
        i += c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
        this.line++;
        continue;
      }
      const end = this.readRecord(s, i, final);
      if (end < 0) {
        if (n - i <= this.maxRecordChars) return s.slice(i);
        this.skipping = { inQuotes: false, line: this.line };
        continue;
      }
      const line = this.line;
      this.line += this.newlines;
      if (end - i > this.maxRecordChars) {
        sink([], line, `the record is longer than ${this.maxRecordChars} characters; skipped`, '');
      } else {
        if (bad >= 0 && bad < i) bad = s.indexOf(REPLACEMENT, i);
        const invalid = bad >= 0 && bad < end;
        sink(this.fields, line, this.problem ?? (invalid ? 'invalid UTF-8: the record has bytes that are not UTF-8 text' : null), s.slice(i, this.contentEnd));
      }
      i = end;
    }
    if (final && this.skipping) this.finishSkip(sink);
    return '';
  }

  /** Reads one record from `i`; returns where the next begins, or -1 when the text ends first. */
  private readRecord(s: string, i: number, final: boolean): number {
    const n = s.length;
    const fields: string[] = [];
    let problem: string | null = null;
    let newlines = 0;
    let nl = this.nl;
    if (nl !== -1 && nl < i) nl = s.indexOf('\n', i);
    let end = n;
    for (;;) {
      if (i >= n) {
        if (!final) return -1;
        fields.push(''); // the record ended with a comma at the end of the text
        break;
      }
      let c = s.charCodeAt(i);
      if (c === QUOTE) {
        const open = i;
        let from = i + 1;
        let value = '';
        for (;;) {
          const q = s.indexOf('"', from);
          if (q < 0 || (q === n - 1 && !final)) {
            if (!final) return -1;
            problem = `a quoted field opened on this line is never closed (the rest of the file, ${countLines(s, open, n) + 1} lines, was read as this one record)`;
            value += s.slice(from);
            i = n;
            break;
          }
          if (s.charCodeAt(q + 1) === QUOTE) {
            value += s.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += s.slice(from, q);
          i = q + 1;
          break;
        }
        if (nl >= 0 && nl < i) {
          newlines += countLines(s, nl, i);
          nl = s.indexOf('\n', i);
        }
        fields.push(value);
        c = s.charCodeAt(i);
        if (i < n && c !== COMMA && c !== LF && c !== CR) {
          problem ??= `text follows a closing quote in field ${fields.length}`;
          const eol = nl < 0 ? n : nl;
          if (eol >= n && !final) return -1;
          i = eol;
          c = s.charCodeAt(i);
        }
      } else {
        let j = i;
        while (j < n) {
          const d = s.charCodeAt(j);
          if (d === COMMA || d === LF || d === CR) break;
          j++;
        }
        if (j >= n && !final) return -1;
        fields.push(s.slice(i, j));
        i = j;
        c = s.charCodeAt(i);
      }
      if (i >= n) break;
      if (c === COMMA) {
        i++;
        continue;
      }
      end = i;
      if (c === CR) {
        if (i + 1 >= n && !final) return -1;
        i += s.charCodeAt(i + 1) === LF ? 2 : 1;
      } else {
        i++;
      }
      newlines++;
      break;
    }
    this.nl = nl;
    this.contentEnd = end;
    this.fields = fields;
    this.problem = problem;
    this.newlines = newlines;
    return i;
  }

  /** Scans past an over-long record without keeping it, honouring quotes so that it ends where it really ends. */
  private skipRecord(s: string, i: number, final: boolean, sink: RecordSink): number {
    const state = this.skipping as { inQuotes: boolean; line: number };
    const n = s.length;
    let inQuotes = state.inQuotes;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c === QUOTE) inQuotes = !inQuotes;
      else if (c === LF) {
        this.line++;
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
    sink([], state.line, `the record is longer than ${this.maxRecordChars} characters (it ends on line ${this.line - 1}); skipped`, '');
  }
}

function countLines(s: string, from: number, to: number): number {
  let count = 0;
  for (let k = s.indexOf('\n', from); k >= 0 && k < to; k = s.indexOf('\n', k + 1)) count++;
  return count;
}

/**
 * Decodes UTF-8 chunk by chunk. Invalid bytes become U+FFFD and mark the tokenizer suspect, so
 * that the records holding them are rejected by line instead of failing the whole file.
 */
export class Utf8Chunks {
  private readonly decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  private first = true;

  constructor(private readonly tokenizer: CsvTokenizer) {}

  push(chunk: Uint8Array, sink: RecordSink): void {
    this.feed(this.decoder.decode(chunk, { stream: true }), sink);
  }

  end(sink: RecordSink): void {
    this.feed(this.decoder.decode(), sink);
    this.tokenizer.end(sink);
  }

  private feed(text: string, sink: RecordSink): void {
    if (text.length === 0) return;
    if (this.first) {
      this.first = false;
      // TextDecoder drops a UTF-8 BOM itself; a second, literal one would still be data.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (!this.tokenizer.suspect && text.includes(REPLACEMENT)) this.tokenizer.suspect = true;
    this.tokenizer.push(text, sink);
  }
}
