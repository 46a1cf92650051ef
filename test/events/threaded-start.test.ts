// A large file's reading thread starts before the import's transaction: the batches it reads
// meanwhile wait for the writer, an import that cannot start stops the thread, and a file that
// fails before the writer comes fails the import that takes it, not the process.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startThreadedRead } from '../../src/import/events-read-threaded.js';
import { importEventFile } from '../../src/import/events.js';
import { openStore, type Store } from '../../src/store/open.js';
import type { EventRow } from '../../src/events/model.js';
import { freshDbSpec } from '../helpers/stores.js';
import { gedHeader, gedRow, tempFile } from './helpers.js';

const rows = (n: number) => tempFile('threaded-start.csv', [gedHeader, ...Array.from({ length: n }, (_, i) => gedRow({ id: i + 1 }))].join('\n') + '\n');
const options = { dataset: 'ucdp-ged' as const, versionKey: '' };

describe('a reading thread started before its writer', () => {
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });

  it('hands every row, the ones read while it waited first, to the writer that comes later', async () => {
    const reading = startThreadedRead(rows(20_000), options);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const got: EventRow[] = [];
    const lines: number[] = [];
    const result = await reading.into({ async write(r, l) { got.push(...r); lines.push(...l); }, async writeSources() {} });
    expect(result.accepted).toBe(20_000);
    expect(got.map((r) => r.event_id)).toEqual(Array.from({ length: 20_000 }, (_, i) => String(i + 1)));
    expect(lines.at(-1)).toBe(20_001);
  });

  it('fails the import that takes a file the thread could not read, and nothing else', async () => {
    const reading = startThreadedRead('/nonexistent/events.csv', options);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(reading.into({ async write() {}, async writeSources() {} })).rejects.toThrow(/nonexistent/);
  });

  it('is stopped when the import cannot start (the database is busy), and the next import works', async () => {
    const spec = await freshDbSpec('sqlite');
    store = await openStore(spec, { busyTimeoutMs: 100 });
    const holder = new Database(spec);
    holder.exec('BEGIN IMMEDIATE');
    const file = rows(2_000);
    await expect(importEventFile(store, file, { actor: 'test', dataset: 'ucdp-ged', threads: true })).rejects.toThrow(/busy|locked/i);
    holder.exec('ROLLBACK');
    holder.close();
    const summary = await importEventFile(store, file, { actor: 'test', dataset: 'ucdp-ged', threads: true });
    expect(summary).toMatchObject({ read: 2_000, inserted: 2_000 });
  });
});
