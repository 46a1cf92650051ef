// Migration 010 on a database written before it: every event, with every column, reads back
// through the view `events` as it was stored, names become references kept once, the history
// of earlier values is untouched, and imports, history and indicator queries work on the
// migrated events.
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openStore } from '../../src/store/open.js';
import { dailyEventCounts, getEvent, getEventHistory } from '../../src/store/events.js';
import { importEventFile } from '../../src/import/events.js';
import type { AnyDb } from '../../src/store/migrations/helpers.js';
import { dbMigratedTo, storeKinds } from '../helpers/stores.js';
import { gedHeader, gedRow, tempFile } from '../events/helpers.js';

const anImport = {
  id: 1, dataset: 'ucdp-ged', version: '23.1', file_name: 'ged.csv', source_url: null, sha256: 'ab'.repeat(32), bytes: 100, columns: '[]',
  imported_at: '2026-11-30T00:00:00.000Z', imported_by: 'test', rows_read: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0,
  date_first: '2020-03-02', date_last: '2021-05-01',
};
const noNames = { event_type: null, country: null, country_code: null, admin1: null, province: null, side_a_id: null, side_a: null, side_b_id: null, side_b: null };
const event = (o: Record<string, unknown>) => ({
  dataset: 'ucdp-ged', version_key: '0023.0001', date_start: '2020-03-02', date_end: '2020-03-02', violence_type: 1, ...noNames,
  latitude: 34.5, longitude: 69.25, deaths_best: 1, deaths_civilians: null, raw: '', import_id: 1, line: 2, ...o,
});
const before = [
  // As a GED row is stored, its record kept in event_sources.
  event({ event_id: '1', country: 'Afghanistan', country_code: 'AF', admin1: 'Kabul province', province: 'Kabul', side_a_id: '130', side_a: 'Government of Afghanistan', side_b_id: '303', side_b: 'Taleban', deaths_best: 5, deaths_civilians: 0 }),
  // Stored before event_sources existed (its record in `raw`), with no names at all.
  event({ event_id: '2', raw: 'legacy,record', line: 3, latitude: null, longitude: null }),
  // One name in several columns, names outside ASCII, a name that differs only in case.
  event({ event_id: '3', line: 4, date_start: '2021-05-01', date_end: '2021-05-02', country: 'Afghanistan', country_code: 'AF', admin1: 'Kunar', province: 'Kunar', side_a: 'Kunar', side_b: 'Ḥizb-e Islāmī', side_b_id: 'taleban' }),
];
const earlier = { ...before[0], deaths_best: 2, version_key: '0022.0001', replaced_by_import: 1 };

describe.each(storeKinds)('migration 010 on %s', (kind) => {
  it('keeps every event and its history, and imports and indicators work on them', async () => {
    const { spec, db } = await dbMigratedTo(kind, '2026-12-03-009-screening-index-uncompressed');
    const old = db as unknown as AnyDb;
    await old.insertInto('event_imports').values(anImport).execute();
    // The id was given, so PostgreSQL's sequence must be told it is taken.
    if (kind === 'postgres') await sql`SELECT setval('event_imports_id_seq', 1)`.execute(old);
    await old.insertInto('events').values(before).execute();
    await old.insertInto('event_history').values(earlier).execute();
    const stored = await old.selectFrom('events').selectAll().orderBy('event_id').execute();
    await old.destroy();

    const store = await openStore(spec);
    try {
      // Every column of every event, as it was.
      expect(await store.db.selectFrom('events').selectAll().orderBy('event_id').execute()).toEqual(stored);
      expect((await getEvent(store.db, 'ucdp-ged', '2'))?.raw).toBe('legacy,record');
      // Each name once, whichever columns use it.
      const names = (await store.db.selectFrom('event_names').select('name').orderBy('name').execute()).map((n) => n.name);
      expect([...names].sort()).toEqual(['130', '303', 'AF', 'Afghanistan', 'Government of Afghanistan', 'Kabul', 'Kabul province', 'Kunar', 'Taleban', 'taleban', 'Ḥizb-e Islāmī'].sort());
      expect(await getEventHistory(store.db, 'ucdp-ged', '1')).toEqual([expect.objectContaining({ deaths_best: 2, side_b: 'Taleban', version_key: '0022.0001' })]);

      // Indicators find migrated events by country code, actor id and name, and province.
      const taleban = await dailyEventCounts(store.db, { dataset: 'ucdp-ged', countryCode: 'AF', actors: [{ ids: ['303'], names: ['kunar'] }] }, 'none', kind);
      expect(taleban).toEqual([{ date: '2020-03-02', key: null, events: 1, fatalities: 5, civilian_fatalities: 0 }, { date: '2021-05-01', key: null, events: 1, fatalities: 1, civilian_fatalities: 0 }]);
      const byProvince = await dailyEventCounts(store.db, { dataset: 'ucdp-ged', provinces: ['Kunar', 'Kabul'] }, 'province', kind);
      expect(byProvince.map((d) => [d.date, d.key])).toEqual([['2020-03-02', 'Kabul'], ['2021-05-01', 'Kunar']]);

      // A newer file changes event 1: its migrated values, names and all, join its history.
      const csv = tempFile('events.csv', [gedHeader, gedRow({ id: 1, best: 9 })].join('\n') + '\n');
      const summary = await importEventFile(store, csv, { actor: 'test', dataset: 'ucdp-ged', version: '24.1' });
      expect(summary).toMatchObject({ inserted: 0, updated: 1 });
      expect(await getEvent(store.db, 'ucdp-ged', '1')).toMatchObject({ deaths_best: 9, side_b: 'Taleban', province: 'Kabul', version: '24.1' });
      const history = await getEventHistory(store.db, 'ucdp-ged', '1');
      expect(history).toHaveLength(2);
      expect(history[1]).toMatchObject({ deaths_best: 5, side_a: 'Government of Afghanistan', admin1: 'Kabul province', version_key: '0023.0001', replaced_by_import: summary.import_id });
    } finally {
      await store.close();
    }
    // Opening again finds nothing left to migrate.
    const again = await openStore(spec);
    expect(await again.db.selectFrom('events').select('event_id').orderBy('event_id').execute()).toHaveLength(3);
    await again.close();
  });
});
