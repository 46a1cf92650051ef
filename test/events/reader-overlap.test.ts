// The reader overlaps its work with the writer's: it reads the next chunk of the file while it
// tokenizes the last, and when the writer falls behind it compresses a batch's source records
// itself. Neither may change what is stored, and an error with a read still under way must
// come out as the same clear error, not as a crash or an unhandled rejection.
import { describe, expect, it } from 'vitest';
import { readEventFileThreaded } from '../../src/import/events-read-threaded.js';
import { readEventFile } from '../../src/import/events-read.js';
import { EventFileError } from '../../src/events/index.js';
import { sourceRecord, type SourceBlock } from '../../src/events/sources.js';
import type { EventRow } from '../../src/events/model.js';
import { gedHeader, gedRow, tempFile } from './helpers.js';

const options = { dataset: 'ucdp-ged' as const, versionKey: '' };

/** Records of every line, from the blocks a reader stored. */
function recordsOf(blocks: SourceBlock[], lines: number[]): Array<string | null> {
  return lines.map((line) => {
    const block = blocks.find((b) => b.firstLine <= line && line <= b.lastLine);
    return block ? sourceRecord(block.records, line) : null;
  });
}

describe('a reader that reads ahead', () => {
  it('reads a file of many chunks, records across their boundaries included, as the file has it', async () => {
    // ~1.4 MB: five or six chunks of 256 KiB, with quoted fields that hold newlines and commas.
    const lines = [gedHeader];
    for (let i = 1; i <= 9000; i++) lines.push(gedRow({ id: i, best: i % 11, a: i % 5 ? 'Taleban' : '"Taleban, with\nnewline"' }));
    const text = lines.join('\n') + '\n';
    const got: EventRow[] = [];
    const blocks: SourceBlock[] = [];
    const at: number[] = [];
    const result = await readEventFile(tempFile('chunks.csv', text), options, {
      async write(rows, l) { got.push(...rows); at.push(...l); },
      async writeSources(block) { blocks.push(block); },
    });
    expect(result.accepted).toBe(9000);
    expect(result.bytes).toBe(Buffer.byteLength(text));
    expect(got.map((r) => r.event_id)).toEqual(Array.from({ length: 9000 }, (_, i) => String(i + 1)));
    expect(got[4]?.side_a).toBe('Taleban, with\nnewline');
    // Each record a quoted newline splits takes two lines of the file; the stored record is the file's own.
    expect(recordsOf(blocks, at)).toEqual(lines.slice(1));
  });

  it('fails with the same clear error when the file is refused while its next chunk is being read', async () => {
    const page = '<html><body>Not found</body></html>\n';
    const small = tempFile('page.csv', page);
    const large = tempFile('page-large.csv', page + 'y,'.repeat(400_000) + '\n');
    const writer = { async write() {}, async writeSources() {} };
    const errors = await Promise.all([small, large].map((f) => readEventFile(f, options, writer).then(() => null, (err: Error) => err)));
    expect(errors[1]).toBeInstanceOf(EventFileError);
    expect(errors[1]?.message.replace('page-large.csv', 'page.csv')).toBe(errors[0]?.message);
  });
});

describe('a reading thread whose writer falls behind', () => {
  it('compresses source records itself, and every record is stored once, as the file has it', async () => {
    const lines = [gedHeader, ...Array.from({ length: 12_000 }, (_, i) => gedRow({ id: i + 1, best: i % 9, adm1: i % 2 ? 'Nangarhar province' : 'Kābul' }))];
    const file = tempFile('slow-writer.csv', lines.join('\n') + '\n');
    const blocks: SourceBlock[] = [];
    const at: number[] = [];
    // A writer that takes 40 ms a batch: the reader soon has batches waiting, and packs records itself.
    const result = await readEventFileThreaded(file, options, {
      async write(_rows, l) {
        at.push(...l);
        await new Promise((resolve) => setTimeout(resolve, 40));
      },
      async writeSources(block) {
        expect(Buffer.isBuffer(block.records)).toBe(true);
        blocks.push(block);
      },
    });
    expect(result.accepted).toBe(12_000);
    expect(recordsOf(blocks, at)).toEqual(lines.slice(1));
    // One block a batch, none twice: the blocks' line ranges do not overlap.
    const ranges = blocks.map((b) => [b.firstLine, b.lastLine] as const).sort((x, y) => x[0] - y[0]);
    expect(ranges.length).toBeGreaterThan(2);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]?.[0]).toBeGreaterThan(ranges[i - 1]?.[1] as number);
  });
});
