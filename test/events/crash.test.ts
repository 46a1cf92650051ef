// A killed import (SIGKILL halfway through the file, inside its transaction) leaves the database
// exactly as it was, and the same import then succeeds.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/store/audit/log.js';
import { importEventFile } from '../../src/import/events.js';
import { listEventImports } from '../../src/store/events.js';
import { openStore, type Store } from '../../src/store/open.js';
import { freshDbSpec, storeKinds } from '../helpers/stores.js';
import { killHalfway } from '../helpers/kill-halfway.js';
import { gedHeader, gedRow, tempDir } from './helpers.js';

const child = fileURLToPath(new URL('./import-child.ts', import.meta.url));

async function snapshot(store: Store) {
  const events = await store.db.selectFrom('events').select(['event_id', 'deaths_best', 'import_id']).orderBy('event_id').execute();
  const sources = await store.db.selectFrom('event_sources').select(['import_id', 'first_line', 'last_line']).orderBy('import_id').orderBy('first_line').execute();
  return { events, imports: await listEventImports(store.db), history: await store.db.selectFrom('event_history').selectAll().execute(), sources, indexes: await eventIndexes(store) };
}

/** The indexes of event_rows (where events are stored), as the database defines them: a large import drops one and builds it again. */
async function eventIndexes(store: Store): Promise<string[]> {
  const query = store.dialect === 'sqlite'
    ? sql<{ def: string }>`SELECT sql AS def FROM sqlite_master WHERE type = 'index' AND tbl_name = 'event_rows' AND sql IS NOT NULL ORDER BY name`
    : sql<{ def: string }>`SELECT indexdef AS def FROM pg_indexes WHERE tablename = 'event_rows' ORDER BY indexname`;
  return (await query.execute(store.db)).rows.map((r) => r.def);
}

describe.each(storeKinds)('an event import killed halfway on %s', (kind) => {
  it.each([['on its own thread', 'one'], ['reading in a worker thread', 'threads']])('%s: leaves the database as it was, and the next import succeeds', async (_, mode) => {
    const dir = tempDir();
    const small = join(dir, 'GEDEvent_v24_1.csv');
    writeFileSync(small, [gedHeader, gedRow({ id: 1, best: 3 }), gedRow({ id: 2 })].join('\n') + '\n');
    // 60,000 rows (about 6 MB, several read chunks); events 1 and 2 change, so a finished import updates them.
    const big = join(dir, 'GEDEvent_v25_1.csv');
    const rows = [gedHeader];
    for (let i = 1; i <= 60_000; i++) rows.push(gedRow({ id: i, best: i === 1 ? 4 : 1, date: `20${10 + (i % 12)}-0${1 + (i % 9)}-1${i % 10}` }));
    writeFileSync(big, rows.join('\n') + '\n');

    const spec = await freshDbSpec(kind);
    const before = await openStore(spec);
    await importEventFile(before, small, { actor: 'test:setup', dataset: 'ucdp-ged' });
    const was = await snapshot(before);
    await before.close();

    expect(await killHalfway(child, [spec, big, mode as string])).toBe('SIGKILL');

    const after = await openStore(spec);
    try {
      expect(await snapshot(after)).toEqual(was);
      expect(await verifyAudit(after.db)).toMatchObject({ ok: true, entries: 1 });
      const s = await importEventFile(after, big, { actor: 'test:retry', dataset: 'ucdp-ged' });
      expect(s).toMatchObject({ read: 60_000, inserted: 59_998, updated: 2, unchanged: 0, rejected: 0 });
      expect(await eventIndexes(after)).toEqual(was.indexes);
      expect(was.indexes.some((d) => d.includes('events_by_country_date'))).toBe(true);
      expect(await verifyAudit(after.db)).toMatchObject({ ok: true, entries: 2 });
    } finally {
      await after.close();
    }
  });
});
