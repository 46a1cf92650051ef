// The reading thread reports progress every few megabytes and at the end, not after each chunk:
// a file of several chunks' worth still shows progress going up, ending at its size.
import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readEventFileThreaded } from '../../src/import/events-read-threaded.js';
import { gedHeader, gedRow, tempFile } from './helpers.js';

describe('progress from the reading thread', () => {
  it('goes up in steps of megabytes and ends at the file size', async () => {
    const long = 'x'.repeat(400);
    const file = tempFile('progress.csv', [gedHeader, ...Array.from({ length: 25_000 }, (_, i) => gedRow({ id: i + 1, b: `${long}${i}` }))].join('\n') + '\n');
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(10 << 20);
    const seen: Array<[number, number]> = [];
    const result = await readEventFileThreaded(file, { dataset: 'ucdp-ged', versionKey: '', onProgress: (done, total) => seen.push([done, total]) }, { async write() {}, async writeSources() {} });
    expect(result.accepted).toBe(25_000);
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.length).toBeLessThan(size / (1 << 20));
    expect(seen.every(([done, total], i) => total === size && (i === 0 || done > (seen[i - 1] as [number, number])[0]))).toBe(true);
    expect(seen.at(-1)).toEqual([size, size]);
  });
});
