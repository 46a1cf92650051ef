// Streaming CSV rows for the OFAC legacy files: no header, CRLF, a Ctrl-Z (0x1A) end-of-file
// byte, `-0-` for null. Text is UTF-8 when it decodes as such, else Latin-1 (OFAC's historic
// encoding). Broken quoting, binary data and oversized records refuse the whole file.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { SanctionsInputError } from '../errors.js';
import { textOf, type ListSource } from '../source.js';

export const CSV_MAX_RECORD = 1 << 20;

// Built from strings: a regex literal with the Ctrl-Z control character trips no-control-regex.
const CTRL_Z = String.fromCharCode(0x1a);
const ONLY_CTRL_Z = new RegExp(`^[\\s${CTRL_Z}]*$`);
const TRAILING_CTRL_Z = new RegExp(`${CTRL_Z}+\\s*$`);

type Encoding = 'utf8' | 'latin1';

/** One pass over the bytes: the encoding to use, and a refusal on NUL bytes (binary files). */
async function sniff(source: ListSource): Promise<Encoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let utf8 = true;
  let line = 1;
  for await (const bytes of source.bytes()) {
    const nul = bytes.indexOf(0);
    if (nul >= 0) {
      for (let i = 0; i < nul; i++) if (bytes[i] === 10) line++;
      throw new SanctionsInputError('binary data (a NUL byte): not a CSV file', source.name, line);
    }
    for (const b of bytes) if (b === 10) line++;
    if (utf8) {
      try {
        decoder.decode(bytes, { stream: true });
      } catch {
        utf8 = false;
      }
    }
  }
  return utf8 ? 'utf8' : 'latin1';
}

export const nullable = (value: string | undefined): string => {
  const v = (value ?? '').trim();
  return v === '-0-' ? '' : v;
};

/** Calls onRow for every record with its 1-based line number; fields are raw (not trimmed). */
export async function readCsvRows(source: ListSource, onRow: (fields: string[], line: number) => void): Promise<void> {
  const file = source.name;
  let encoding: Encoding;
  try {
    encoding = await sniff(source);
  } catch (err) {
    if (err instanceof SanctionsInputError) throw err;
    throw new SanctionsInputError(`cannot read the file: ${(err as Error).message}`, file);
  }
  const parser = Readable.from(textOf(source, encoding)).pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, max_record_size: CSV_MAX_RECORD, info: true }),
  );
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const fields = item.record;
      // The legacy files end with a lone Ctrl-Z, which the parser sees as a one-field record.
      if (fields.length === 1 && ONLY_CTRL_Z.test(fields[0] ?? '')) continue;
      if (fields.length > 0) fields[fields.length - 1] = (fields.at(-1) as string).replace(TRAILING_CTRL_Z, '');
      onRow(fields, item.info.lines);
    }
  } catch (err) {
    if (err instanceof SanctionsInputError) throw err;
    const e = err as Error & { lines?: number; code?: string };
    const reason = e.code === 'CSV_MAX_RECORD_SIZE' ? `a record is larger than ${CSV_MAX_RECORD / 1024} KB` : e.message.replace(/^Invalid [^:]*: /, '');
    throw new SanctionsInputError(`not a readable CSV file: ${reason}`, file, e.lines);
  }
}
