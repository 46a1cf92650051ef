// Source records kept in compressed batches: every record comes back exactly, whatever it holds,
// and a failure to store a batch reaches the import instead of vanishing.
import { describe, expect, it } from 'vitest';
import { packSources, SourceBatches, sourceRecord, SourceRecords, type SourceBlock } from '../../src/events/sources.js';

const records = [
  '1,"Kabul, city",2021-08-15',
  'د کابل ولایت,"quoted\nnewline",😀 astral',
  '',
  'x'.repeat(100_000),
  '\u0000 nul and \uFFFD replacement',
];
const lines = [2, 3, 5, 6, 40];

describe('source blocks', () => {
  it('give back each record exactly by its line, and nothing for a line they do not hold', async () => {
    const block = await packSources(lines, records);
    expect(block).toMatchObject({ firstLine: 2, lastLine: 40 });
    expect(block.records.length).toBeLessThan(records.join('').length / 10);
    lines.forEach((line, i) => expect(sourceRecord(block.records, line)).toBe(records[i]));
    expect(sourceRecord(block.records, 4)).toBeNull();
  });

  it('reusing a buffer for a smaller batch leaves nothing of the larger one behind', async () => {
    const into = { buffer: Buffer.alloc(0) };
    await packSources(lines, records, into);
    const small = await packSources([7], ['short'], into);
    expect(sourceRecord(small.records, 7)).toBe('short');
    expect(sourceRecord(small.records, 2)).toBeNull();
  });
});

describe.each(['thread-pool', 'this-thread'] as const)('SourceBatches compressing on the %s', (on) => {
  it('stores every batch, each one batch behind, the last at finish', async () => {
    const stored: SourceBlock[] = [];
    const batches = new SourceBatches((b) => stored.push(b), on);
    for (let i = 0; i < 5; i++) {
      await batches.add([i * 10, i * 10 + 1], [`a${i}`, `b${i}`]);
      expect(stored).toHaveLength(i);
    }
    await batches.finish();
    expect(stored.map((b) => [b.firstLine, sourceRecord(b.records, b.lastLine)])).toEqual([0, 1, 2, 3, 4].map((i) => [i * 10, `b${i}`]));
  });

  it('records given as bytes, one holder reused batch after batch, even while earlier batches are still compressing', async () => {
    const stored: SourceBlock[] = [];
    const batches = new SourceBatches((b) => stored.push(b), on);
    const records = new SourceRecords();
    const file = Buffer.from('x,"Kābul, \u0645\u0632\u0627\u0631"\ny,"two\nlines"\n');
    const lf = file.indexOf(10);
    const adds: Array<Promise<void>> = [];
    for (let i = 0; i < 6; i++) {
      records.add(file, 0, lf);
      records.addText(`{"id":${i}}`);
      records.add(file, lf + 1, file.length - 1);
      adds.push(batches.add([i * 10, i * 10 + 1, i * 10 + 2], records)); // not awaited: the buffers are still in use
      records.clear();
    }
    await Promise.all(adds);
    await batches.finish();
    expect(stored.map((b) => [0, 1, 2].map((k) => sourceRecord(b.records, b.firstLine + k)))).toEqual(
      [0, 1, 2, 3, 4, 5].map((i) => ['x,"Kābul, مزار"', `{"id":${i}}`, 'y,"two\nlines"']),
    );
  });

  it('a batch that cannot be stored fails the next add, not silently', async () => {
    const batches = new SourceBatches(() => {
      throw new Error('disk full');
    }, on);
    await batches.add([1], ['a']);
    await expect(batches.add([2], ['b'])).rejects.toThrow('disk full');
    await expect(batches.finish()).rejects.toThrow('disk full');
  });
});
