// Quoted fields are found by memchr and their line feeds counted from one remembered search per
// record (src/events/csv.ts): records with several quoted fields, some spanning lines and some
// not, must still give csv-parse's fields and the lines the file has, whatever the chunk size.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, type CsvRecord } from '../../src/events/csv.js';

function tokenize(text: string, chunk: number) {
  const bytes = Buffer.from(text);
  const out: Array<{ line: number; fields: string[]; problem: string | null }> = [];
  const t = new CsvTokenizer(4096);
  const sink = (r: CsvRecord) => out.push({ line: r.line, fields: r.fields(), problem: r.problem });
  for (let i = 0; i < bytes.length; i += chunk) t.push(bytes.subarray(i, i + chunk), sink);
  t.finish(sink);
  return out;
}

describe('quoted fields', () => {
  const text = [
    'a,b,c,d',
    '"no newline","two\nlines","",plain',
    '"x","","three\r\nline\nfield","q""uote"',
    '"Kābul, ""city""","مزار\nشریف",3,"long ' + 'y'.repeat(300) + '\n"',
    '1,2,3,4',
    '"\n","\n\n","a""\nb",""',
  ].join('\n') + '\n';

  it('agree with csv-parse and number the lines as the file does, whatever the chunk size', () => {
    const expected = parse(text) as string[][];
    for (const size of [1, 2, 3, 7, 16, 100, 1 << 16]) {
      const seen = tokenize(text, size);
      expect(seen.map((r) => r.fields)).toEqual(expected);
      expect(seen.map((r) => r.problem)).toEqual(expected.map(() => null));
      expect(seen.map((r) => r.line)).toEqual([1, 2, 4, 7, 10, 11]);
    }
  });

  it('are read the same when every chunk comes in one buffer that is overwritten after each push', () => {
    // CR line ends with blank lines between records: a chunk may end on a blank line's CR.
    const crText = text.replaceAll('\n', '\r').replace('"two\rlines"', '"two\r\nlines"').replace('plain\r', 'plain\r\r\r').replace('1,2,3,4\r', '1,2,3,4\r\r');
    for (const input of [text, crText]) {
      const expected = parse(input, { skip_empty_lines: true }) as string[][];
      const bytes = Buffer.from(input);
      for (let size = 1; size <= 40; size++) {
        const reused = Buffer.alloc(size);
        const out: string[][] = [];
        const t = new CsvTokenizer(4096);
        const sink = (r: CsvRecord) => out.push(r.fields());
        for (let i = 0; i < bytes.length; i += size) {
          const n = bytes.copy(reused, 0, i, i + size);
          t.push(reused.subarray(0, n), sink);
          reused.fill(0x2c); // commas: a record still pointing at this memory would change
        }
        t.finish(sink);
        expect(out).toEqual(expected);
      }
    }
  });

  it('report a quote never closed with the lines it took, after quoted fields that spanned lines', () => {
    for (const size of [1, 5, 1 << 16]) {
      const seen = tokenize('a,b\n"x\ny","open\nnever\nclosed\n', size);
      expect(seen.map((r) => [r.line, r.problem])).toEqual([[1, null], [2, 'a quoted field opened on this line is never closed (the rest of the file, 4 lines, was read as this one record)']]);
    }
  });
});
