// PostgreSQL's COPY path of event imports, on the real PostgreSQL server of the test setup: the
// same rows, counts and history as the multi-row upsert it replaces, text that COPY's format must
// escape, and imports of the same file racing each other.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/store/audit/log.js';
import { importEventFile, type EventImportOptions } from '../../src/import/events.js';
import { getEvent, getEventHistory, listEventImports } from '../../src/store/events.js';
import type { Store } from '../../src/store/open.js';
import { freshDbSpec, freshStore } from '../helpers/stores.js';
import { openStore } from '../../src/store/open.js';
import { gedHeader, gedRow, tempFile } from './helpers.js';

const file = (rows: string[]) => tempFile('events.csv', [gedHeader, ...rows].join('\n') + '\n');
const opts = (path: 'copy' | 'insert', version = '23.1'): EventImportOptions => ({ actor: 'test', dataset: 'ucdp-ged', version, postgresPath: path });

/** Names COPY's text format must escape: tab, backslash, newline, carriage return, and a literal \N. */
const hostile = ['Tab\there', 'Back\\slash', 'New\nline', 'Carriage\rreturn', '\\N', 'Ünïcödé – ملا', ''];
const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
const hostileRows = hostile.map((name, i) => gedRow({ id: 100 + i, a: quoted(name), b: quoted(`${name} side b`) }));

async function dump(store: Store) {
  const events = await store.db.selectFrom('events').selectAll().orderBy('event_id').execute();
  const history = await store.db.selectFrom('event_history').selectAll().orderBy('event_id').orderBy('replaced_by_import').execute();
  const strip = <T extends Record<string, unknown>>(r: T) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== 'import_id' && k !== 'replaced_by_import' && k !== 'id'));
  return { events: events.map(strip), history: history.map(strip) };
}

describe('PostgreSQL COPY import', () => {
  let viaCopy: Store;
  let viaInsert: Store;
  beforeAll(async () => {
    [viaCopy, viaInsert] = await Promise.all([freshStore('postgres'), freshStore('postgres')]);
  });
  afterAll(async () => {
    await Promise.all([viaCopy.close(), viaInsert.close()]);
  });

  it('stores exactly what the upsert path stores, hostile text included, through a new version and a re-import', async () => {
    const v23 = file([gedRow({ id: 1, best: 5 }), gedRow({ id: 2 }), gedRow({ id: 3, adm1: 'Hilmand province' }), ...hostileRows]);
    const v24 = file([gedRow({ id: 1, best: 7 }), gedRow({ id: 2 }), gedRow({ id: 4 }), ...hostileRows.slice(0, 3)]);
    const results: Record<string, unknown[]> = { copy: [], insert: [] };
    for (const [store, path] of [[viaCopy, 'copy'], [viaInsert, 'insert']] as const) {
      for (const [f, version] of [[v23, '23.1'], [v24, '24.1'], [v24, '24.1'], [v23, '23.1']] as const) {
        const s = await importEventFile(store, f, opts(path, version));
        (results[path] as unknown[]).push({ inserted: s.inserted, updated: s.updated, unchanged: s.unchanged, rejected: s.rejected, recorded: s.import_id !== null });
      }
    }
    expect(results['copy']).toEqual([
      { inserted: 10, updated: 0, unchanged: 0, rejected: 0, recorded: true },
      // 24.1 changes event 1 and adds 4; the other rows are the same.
      { inserted: 1, updated: 1, unchanged: 4, rejected: 0, recorded: true },
      { inserted: 0, updated: 0, unchanged: 6, rejected: 0, recorded: false },
      // An older version never overwrites a newer one.
      { inserted: 0, updated: 0, unchanged: 10, rejected: 0, recorded: false },
    ]);
    expect(results['copy']).toEqual(results['insert']);
    const [a, b] = await Promise.all([dump(viaCopy), dump(viaInsert)]);
    expect(a).toEqual(b);
    for (const [i, name] of hostile.entries()) {
      if (name !== '') expect(await getEvent(viaCopy.db, 'ucdp-ged', String(100 + i))).toMatchObject({ side_a: name });
    }
    expect((await getEventHistory(viaCopy.db, 'ucdp-ged', '1')).map((h) => h.deaths_best)).toEqual([5]);
    expect((await listEventImports(viaCopy.db)).length).toBe(2);
    expect((await verifyAudit(viaCopy.db)).ok).toBe(true);
  });

  it('two imports of the same file at once: one inserts, the other finds nothing to change', async () => {
    const spec = await freshDbSpec('postgres');
    const [one, two] = await Promise.all([openStore(spec), openStore(spec)]);
    try {
      const rows = Array.from({ length: 3000 }, (_, i) => gedRow({ id: i + 1, best: i % 7 }));
      const f = file(rows);
      const results = await Promise.all([importEventFile(one, f, opts('copy')), importEventFile(two, f, opts('copy'))]);
      const inserted = results.map((r) => r.inserted).sort();
      expect(inserted).toEqual([0, 3000]);
      expect(results.map((r) => r.import_id === null).sort()).toEqual([false, true]);
      const { n } = await one.db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      expect(Number(n)).toBe(3000);
      expect((await one.db.selectFrom('event_history').selectAll().execute()).length).toBe(0);
      expect((await listEventImports(one.db)).length).toBe(1);
      expect((await verifyAudit(one.db)).ok).toBe(true);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('two versions racing: the newer wins whichever commits first, and history keeps the older values once', async () => {
    const spec = await freshDbSpec('postgres');
    const [one, two] = await Promise.all([openStore(spec), openStore(spec)]);
    try {
      const old = file(Array.from({ length: 2000 }, (_, i) => gedRow({ id: i + 1, best: 1 })));
      const newer = file(Array.from({ length: 2000 }, (_, i) => gedRow({ id: i + 1, best: 2 })));
      await Promise.all([importEventFile(one, old, opts('copy', '23.1')), importEventFile(two, newer, opts('copy', '24.1'))]);
      const best = await one.db.selectFrom('events').select('deaths_best').distinct().execute();
      expect(best).toEqual([{ deaths_best: 2 }]);
      const history = await one.db.selectFrom('event_history').select(['event_id', 'deaths_best']).execute();
      // Either the old file went first (then every event has its old values in history once), or
      // the newer did (then the old file changed nothing and history is empty).
      expect([0, 2000]).toContain(history.length);
      expect(history.every((h) => h.deaths_best === 1)).toBe(true);
      expect(new Set(history.map((h) => h.event_id)).size).toBe(history.length);
      expect((await verifyAudit(one.db)).ok).toBe(true);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });

  it('a failed import leaves nothing, not even its staging table, and the connection is usable after', async () => {
    const before = await dump(viaCopy);
    // A row the database refuses halfway: PostgreSQL's text holds no NUL character.
    const refused = file([gedRow({ id: 901 }), gedRow({ id: 902, a: 'Nul\u0000here' })]);
    await expect(importEventFile(viaCopy, refused, opts('copy'))).rejects.toThrow();
    expect(await dump(viaCopy)).toEqual(before);
    const tables = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_tables WHERE tablename = 'events_incoming'`.execute(viaCopy.db);
    expect(Number(tables.rows[0]?.n)).toBe(0);
    const ok = await importEventFile(viaCopy, file([gedRow({ id: 903 })]), opts('copy'));
    expect(ok.inserted).toBe(1);
  });
});
