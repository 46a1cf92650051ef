// The import's writer on its own, fed rows directly: how it counts, batches and stores rows
// whatever the reader hands it, including a batch that mixes dataset versions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventRow } from '../../src/events/model.js';
import { packSources } from '../../src/events/sources.js';
import { getEvent, runEventImport, type ReadOutcome } from '../../src/store/events.js';
import type { Store } from '../../src/store/open.js';
import { freshStore, storeKinds } from '../helpers/stores.js';

function event(n: number, versionKey: string, deaths = 1): EventRow {
  return {
    dataset: 'ucdp-ged', event_id: String(n), version_key: versionKey, date_start: '2021-01-01', date_end: '2021-01-02', violence_type: 1,
    event_type: null, country: 'Afghanistan', country_code: 'AF', admin1: 'Kabul province', province: 'Kabul', latitude: 34.5, longitude: 69.2,
    side_a_id: '130', side_a: 'Government of Afghanistan', side_b_id: '303', side_b: 'Taleban', deaths_best: deaths, deaths_civilians: null,
    raw: `record ${n}, ${versionKey}, ${deaths}`,
  };
}

/** Imports `rows` as one file, in reader-sized batches, with line = position + 2. */
function importRows(store: Store, rows: EventRow[]) {
  return runEventImport(store, { dataset: 'ucdp-ged', version: null, fileName: 'rows.csv', sourceUrl: null, actor: 'test' }, async (writer) => {
    for (let i = 0; i < rows.length; i += 100) {
      const batch = rows.slice(i, i + 100);
      const lines = batch.map((_, k) => i + k + 2);
      await writer.write(batch, lines);
      await writer.writeSources(await packSources(lines, batch.map((r) => r.raw)));
    }
    const outcome: ReadOutcome = { sha256: 'x', bytes: 0, columns: [], read: rows.length, accepted: rows.length, rejected: 0, first: '2021-01-01', last: '2021-01-01' };
    return outcome;
  });
}

describe.each(storeKinds)('the event writer on %s', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore(kind);
  });
  afterAll(async () => {
    await store.close();
  });

  it('counts every row of a mixed-version batch as inserted, and stores each with its own version', async () => {
    // 250 rows: every seventh from an older version, so multi-row inserts and single rows interleave.
    const rows = Array.from({ length: 250 }, (_, i) => event(i + 1, i % 7 === 0 ? '0024.0001' : '0025.0001'));
    expect(await importRows(store, rows)).toMatchObject({ inserted: 250, updated: 0, unchanged: 0 });
    expect(await getEvent(store.db, 'ucdp-ged', '8')).toMatchObject({ version_key: '0024.0001', line: 9, raw: 'record 8, 0024.0001, 1' });
    expect(await getEvent(store.db, 'ucdp-ged', '9')).toMatchObject({ version_key: '0025.0001', line: 10, raw: 'record 9, 0025.0001, 1' });
    expect(await getEvent(store.db, 'ucdp-ged', '250')).toMatchObject({ version_key: '0025.0001', line: 251, raw: 'record 250, 0025.0001, 1' });
  });

  it('the same rows again change nothing; changed rows count as updated, new ones as inserted', async () => {
    const same = Array.from({ length: 250 }, (_, i) => event(i + 1, i % 7 === 0 ? '0024.0001' : '0025.0001'));
    expect(await importRows(store, same)).toMatchObject({ importId: null, inserted: 0, updated: 0, unchanged: 250 });
    const next = [...Array.from({ length: 40 }, (_, i) => event(i + 1, '0026.0001', 9)), ...Array.from({ length: 60 }, (_, i) => event(1000 + i, '0026.0001'))];
    expect(await importRows(store, next)).toMatchObject({ inserted: 60, updated: 40, unchanged: 0 });
    expect(await getEvent(store.db, 'ucdp-ged', '7')).toMatchObject({ deaths_best: 9, version_key: '0026.0001', raw: 'record 7, 0026.0001, 9' });
  });
});
