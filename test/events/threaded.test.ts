// Reading in a worker thread (large files) must give exactly what reading on the import's own
// thread gives: the same summary, rejects, rows and source records; and its errors must arrive
// as clearly as the in-thread reader's.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importEventFile, EventFileError, type EventImportSummary } from '../../src/import/events.js';
import { packRows, unpackRows } from '../../src/events/row-batch.js';
import type { EventRow } from '../../src/events/model.js';
import { getEvent } from '../../src/store/events.js';
import type { Store } from '../../src/store/open.js';
import { freshStore } from '../helpers/stores.js';
import { ged, gedHeader, gedRow, haveEventData, sqliteStore, tempDir, tempFile } from './helpers.js';

async function importBothWays(file: string, dataset: 'ucdp-ged' | 'acled' = 'ucdp-ged') {
  const stores: Store[] = [await sqliteStore(), await sqliteStore()];
  try {
    const [inThread, threaded] = (await Promise.all(stores.map((s, i) => importEventFile(s, file, { actor: 'test', dataset, threads: i === 1 })))) as [EventImportSummary, EventImportSummary];
    const tables = await Promise.all(stores.map(async (s) => ({
      events: await s.db.selectFrom('events').selectAll().orderBy('event_id').execute(),
      sources: (await s.db.selectFrom('event_sources').select(['first_line', 'last_line']).orderBy('first_line').execute()),
      raws: await Promise.all((await s.db.selectFrom('events').select('event_id').orderBy('event_id').limit(50).execute()).map(async (e) => (await getEvent(s.db, dataset, e.event_id))?.raw)),
    })));
    return { inThread, threaded, tables };
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
}

describe('an import read in a worker thread', () => {
  it('stores the same rows, counts, rejects and source records as one read on its own thread', async () => {
    const rows = [gedHeader];
    // 6,000 rows: six batches, more than the reader may have in flight, so it must wait for the writer.
    for (let i = 1; i <= 6000; i++) rows.push(gedRow({ id: i, best: i % 7, date: `2021-0${1 + (i % 9)}-1${i % 10}`, adm1: i % 2 ? 'Nangarhar province' : 'Panjsher', a: i % 3 ? 'Taleban' : 'Talibán "quoted", with comma' }));
    rows.splice(100, 0, 'bad,row');
    rows.push(gedRow({ id: 5, best: 1 }));
    const file = tempFile('mixed.csv', rows.map((r) => (r.includes('"quoted"') ? r.replace('Talibán "quoted", with comma', '"Talibán ""quoted"", with comma"') : r)).join('\n') + '\n');
    const { inThread, threaded, tables } = await importBothWays(file);
    expect(threaded).toEqual({ ...inThread, import_id: threaded.import_id });
    expect(inThread).toMatchObject({ read: 6002, inserted: 6000, rejected: 2 });
    expect(tables[1]?.events.map(({ import_id: _, ...e }) => e)).toEqual(tables[0]?.events.map(({ import_id: _, ...e }) => e));
    expect(tables[1]?.sources).toEqual(tables[0]?.sources);
    expect(tables[1]?.raws).toEqual(tables[0]?.raws);
    expect(tables[0]?.raws.every((r) => typeof r === 'string' && r.length > 0)).toBe(true);
  });

  it.skipIf(!haveEventData)('reads the real GED sample (49 columns) exactly as on one thread', async () => {
    const { inThread, threaded, tables } = await importBothWays(ged.sample);
    expect(threaded).toEqual({ ...inThread, import_id: threaded.import_id });
    expect(tables[1]?.events.map(({ import_id: _, ...e }) => e)).toEqual(tables[0]?.events.map(({ import_id: _, ...e }) => e));
    expect(tables[1]?.raws).toEqual(tables[0]?.raws);
  });

  it('refuses a file that is not event data with the same error, and writes nothing', async () => {
    const store = await sqliteStore();
    try {
      const file = tempFile('page.csv', '<html><body>Not found</body></html>\n');
      const errors: Array<Error | null> = [];
      for (const threads of [false, true]) errors.push(await importEventFile(store, file, { actor: 'test', dataset: 'ucdp-ged', threads }).then(() => null, (err: Error) => err));
      expect(errors[1]).toBeInstanceOf(EventFileError);
      expect(errors[1]?.message).toBe(errors[0]?.message);
      expect(await store.db.selectFrom('event_imports').selectAll().execute()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it('into PostgreSQL by COPY: the same rows and source records as one read on its own thread into SQLite', async () => {
    const rows = [gedHeader, ...Array.from({ length: 2500 }, (_, i) => gedRow({ id: i + 1, best: i % 5, adm1: i % 2 ? 'Nangarhar province' : 'Kābul', a: i % 3 ? 'Taleban' : 'Tab\there' }))];
    const file = tempFile('events.csv', rows.join('\n') + '\n');
    const stores: Store[] = [await sqliteStore(), await freshStore('postgres')];
    try {
      const [inThread, threaded] = (await Promise.all(stores.map((s, i) => importEventFile(s, file, { actor: 'test', dataset: 'ucdp-ged', threads: i === 1 })))) as [EventImportSummary, EventImportSummary];
      expect(threaded).toEqual({ ...inThread, import_id: threaded.import_id });
      const [a, b] = await Promise.all(stores.map(async (s) => {
        const events = (await s.db.selectFrom('events').selectAll().execute()).map(({ import_id: _, ...e }) => e).sort((x, y) => Number(x.event_id) - Number(y.event_id));
        const raws = await Promise.all(['1', '1024', '1025', '2500'].map(async (id) => (await getEvent(s.db, 'ucdp-ged', id))?.raw));
        return { events, raws };
      }));
      expect(b?.events).toEqual(a?.events);
      expect(b?.raws).toEqual(a?.raws);
      expect(a?.raws).toEqual([rows[1], rows[1024], rows[1025], rows[2500]]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('reports progress from the reading thread', async () => {
    const store = await sqliteStore();
    try {
      const file = tempFile('events.csv', [gedHeader, ...Array.from({ length: 2000 }, (_, i) => gedRow({ id: i + 1 }))].join('\n') + '\n');
      const seen: Array<[number, number]> = [];
      await importEventFile(store, file, { actor: 'test', dataset: 'ucdp-ged', threads: true, onProgress: (done, total) => seen.push([done, total]) });
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.at(-1)?.[0]).toBe(seen.at(-1)?.[1]);
    } finally {
      await store.close();
    }
  });
});

describe('the built import, reading in a worker thread', () => {
  it('works from a process started with flags a worker thread does not accept (the worker must not inherit them)', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const entry = join(root, 'dist', 'import', 'events.js');
    if (!existsSync(entry)) throw new Error('dist/ is missing: run `npm run build` (make test does) before this test');
    const file = tempFile('events.csv', [gedHeader, ...Array.from({ length: 1500 }, (_, i) => gedRow({ id: i + 1 }))].join('\n') + '\n');
    const db = join(tempDir(), 'deeds.db');
    const script = [
      `const { importEventFile } = await import(${JSON.stringify(pathToFileURL(entry).href)});`,
      `const { openStore } = await import(${JSON.stringify(pathToFileURL(join(root, 'dist', 'store', 'open.js')).href)});`,
      `const store = await openStore(${JSON.stringify(db)});`,
      `const s = await importEventFile(store, ${JSON.stringify(file)}, { actor: 'test', dataset: 'ucdp-ged', threads: true });`,
      'await store.close();',
      'console.log(JSON.stringify({ read: s.read, inserted: s.inserted }));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ read: 1500, inserted: 1500 });
  });
});

describe('row batches', () => {
  it('carry every field across, telling null from empty text', () => {
    const row = (n: number, o: Partial<EventRow> = {}): EventRow => ({
      dataset: 'acled', event_id: `AFG${n}`, version_key: '', date_start: '2021-08-15', date_end: '2021-08-15', violence_type: null,
      event_type: 'Battles', country: 'Afghanistan', country_code: 'AF', admin1: 'Kābul', province: 'Kabul', latitude: -0.5, longitude: 69.25,
      side_a_id: null, side_a: 'Taliban 🏳', side_b_id: null, side_b: '', deaths_best: 0, deaths_civilians: null, raw: 'ignored', ...o,
    });
    const rows = [row(1), row(2, { country: null, latitude: null, deaths_civilians: 4, side_b: null }), row(3, { event_type: '' })];
    const { rows: back, lines } = unpackRows(packRows(rows, [2, 3, 9]));
    expect(back).toEqual(rows.map((r) => ({ ...r, raw: '' })));
    expect(lines).toEqual([2, 3, 9]);
    const plain = [row(4, { admin1: 'Kabul', side_a: 'Taliban' }), row(5, { admin1: 'Herat', side_a: 'IS' })];
    expect(unpackRows(packRows(plain, [1, 2])).rows).toEqual(plain.map((r) => ({ ...r, raw: '' })));
  });
});
