// Import idempotence, version history, and case indicators and alerts, on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseFromData } from '../../src/case/from-data.js';
import { verifyAudit } from '../../src/store/audit/log.js';
import { caseAlertsFromStore, caseIndicatorsFromStore } from '../../src/import/case-events.js';
import { importEventFile } from '../../src/import/events.js';
import { getCase, loadCase } from '../../src/store/cases.js';
import { getEvent, getEventHistory, listEventImports } from '../../src/store/events.js';
import type { Store } from '../../src/store/open.js';
import { freshStore, storeKinds } from '../helpers/stores.js';
import { ged, gedHeader, gedRow, haveEventData, tempFile } from './helpers.js';

const file = (rows: string[]) => tempFile('events.csv', [gedHeader, ...rows].join('\n') + '\n');

describe.each(storeKinds)('event import on %s', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore(kind);
  });
  afterAll(async () => {
    await store.close();
  });

  const v23 = [gedRow({ id: 1, best: 5 }), gedRow({ id: 2 }), gedRow({ id: 3, adm1: 'Hilmand province' })];

  it('inserts a new file and records where each row came from', async () => {
    const s = await importEventFile(store, file(v23), { actor: 'test:a', dataset: 'ucdp-ged', version: '23.1' });
    expect(s).toMatchObject({ read: 3, inserted: 3, updated: 0, unchanged: 0, rejected: 0 });
    const e = await getEvent(store.db, 'ucdp-ged', '3');
    expect(e).toMatchObject({ province: 'Helmand', line: 4, version: '23.1', file_name: 'events.csv', sha256: s.sha256 });
  });

  it('is idempotent: the same rows again add nothing, not even an import record', async () => {
    const s = await importEventFile(store, file(v23), { actor: 'test:a', dataset: 'ucdp-ged', version: '23.1' });
    expect(s).toMatchObject({ read: 3, inserted: 0, updated: 0, unchanged: 3, import_id: null });
    expect(await listEventImports(store.db)).toHaveLength(1);
  });

  it('a newer version updates a changed row and keeps the old values in history', async () => {
    const s = await importEventFile(store, file([gedRow({ id: 1, best: 7 }), gedRow({ id: 2 }), gedRow({ id: 3, adm1: 'Hilmand province' }), gedRow({ id: 4 }), 'bad,row']), { actor: 'test:b', dataset: 'ucdp-ged', version: '24.1' });
    expect(s).toMatchObject({ read: 5, inserted: 1, updated: 1, unchanged: 2, rejected: 1 });
    expect(s.rejects).toEqual([expect.objectContaining({ line: 6, reason: 'has 2 fields, the header has 14' })]);
    expect(await getEvent(store.db, 'ucdp-ged', '1')).toMatchObject({ deaths_best: 7, version: '24.1' });
    const history = await getEventHistory(store.db, 'ucdp-ged', '1');
    const imports = await listEventImports(store.db);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ deaths_best: 5, version_key: '0023.0001', import_id: imports[0]?.id, replaced_by_import: imports[1]?.id });
    expect(await getEventHistory(store.db, 'ucdp-ged', '2')).toEqual([]);
    expect(imports[1]).toMatchObject({ version: '24.1', rows_read: 5, inserted: 1, updated: 1, unchanged: 2, rejected: 1, imported_by: 'test:b' });
  });

  it('keeps every version of a record verbatim: the current one and the one history replaced', async () => {
    expect((await getEvent(store.db, 'ucdp-ged', '1'))?.raw).toBe(gedRow({ id: 1, best: 7 }));
    expect((await getEvent(store.db, 'ucdp-ged', '3'))?.raw).toBe(gedRow({ id: 3, adm1: 'Hilmand province' }));
    const [old] = await getEventHistory(store.db, 'ucdp-ged', '1');
    expect(old?.raw).toBe(gedRow({ id: 1, best: 5 }));
    // Records are kept per import in compressed batches, not once more per event.
    expect(await store.db.selectFrom('events').select('raw').where('raw', '!=', '').execute()).toEqual([]);
    await expect(store.db.deleteFrom('event_sources').execute()).rejects.toThrow(/append-only/);
    await expect(store.db.updateTable('event_sources').set({ last_line: 0 }).execute()).rejects.toThrow(/append-only/);
  });

  it('an event stored before source batches existed keeps its own raw record', async () => {
    const [first] = await listEventImports(store.db);
    // Stored as event_rows keeps events (migration 010): names as references to event_names.
    const ref = async (name: string) => (await store.db.selectFrom('event_names').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
    await store.db.insertInto('event_rows').values({
      dataset: 'ucdp-ged', event_id: 'legacy-1', version_key: '0023.0001', date_start: '2020-01-01', date_end: '2020-01-01', violence_type: 1,
      event_type_ref: null, country_ref: await ref('Afghanistan'), country_code_ref: await ref('AF'), admin1_ref: null, province_ref: null, latitude: null, longitude: null,
      side_a_id_ref: null, side_a_ref: null, side_b_id_ref: null, side_b_ref: null, deaths_best: 1, deaths_civilians: null, raw: 'legacy,record', import_id: first?.id as number, line: 99,
    }).execute();
    expect(await getEvent(store.db, 'ucdp-ged', 'legacy-1')).toMatchObject({ country: 'Afghanistan', country_code: 'AF', side_a: null });
    expect((await getEvent(store.db, 'ucdp-ged', 'legacy-1'))?.raw).toBe('legacy,record');
  });

  it('an older version never overwrites a newer one', async () => {
    const s = await importEventFile(store, file([gedRow({ id: 1, best: 99 })]), { actor: 'test:c', dataset: 'ucdp-ged', version: '22.1' });
    expect(s).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    expect(await getEvent(store.db, 'ucdp-ged', '1')).toMatchObject({ deaths_best: 7 });
  });

  it('history cannot be rewritten, and every import is in the audit chain', async () => {
    await expect(store.db.deleteFrom('event_history').execute()).rejects.toThrow(/append-only/);
    const audit = await verifyAudit(store.db);
    expect(audit).toMatchObject({ ok: true, entries: 2 });
  });
});

/** The GED sample and a case whose Taliban includes UCDP's "Government of Afghanistan" (130) from 15 August 2021. */
function eventsCase() {
  return caseFromData({
    case: { id: 'events', title: 'Events', subject: 'taliban', period: { start: '2019-01-01' } },
    actors: [
      { id: 'taliban', kind: 'armed_group', name: 'Taliban', aliases: ['Taleban'], dataset_ids: { ucdp: [303] }, 'x-dataset_ids_periods': { ucdp: [{ ids: [130], from: '2021-08-15' }] } },
      { id: 'afghan-republic', kind: 'government', name: 'Government of the Islamic Republic of Afghanistan', 'x-dataset_ids_periods': { ucdp: [{ ids: [130], to: '2021-08-14' }] } },
      { id: 'minister', kind: 'person', name: 'A Minister', sanctions_refs: ['TAi.001'] },
    ],
    relationships: [{ id: 'office', from: 'minister', to: 'taliban', type: 'holds_office', since: '2021-09-07' }],
    indicators: [
      { id: 'ind-taliban', dataset: 'ucdp-ged', filter: { country: 'AF', actors_any: ['taliban'] }, measure: 'events', period: 'month' },
      { id: 'ind-republic', dataset: 'ucdp-ged', filter: { country: 'Afghanistan', actors_any: ['afghan-republic'] }, measure: 'events', period: 'month' },
      { id: 'ind-deaths-week', dataset: 'ucdp-ged', filter: { country: 'AF', violence_types: [1], admin1: ['Hilmand province'] }, measure: 'fatalities', period: 'week' },
      { id: 'ind-acled', dataset: 'acled', filter: { country: 'AF' }, measure: 'events', period: 'month' },
    ],
    tripwires: [
      { id: 'tw-rise', kind: 'rise_over_baseline', indicator: 'ind-taliban', baseline: { from: '2019-01-01', to: '2019-12-31' }, active: { from: '2020-01-01' }, factor: 2, min_value: 2, advice: 'slow the talks' },
      { id: 'tw-acled', kind: 'zscore', indicator: 'ind-acled' },
      { id: 'tw-office', kind: 'sanctioned_officeholder' },
    ],
  });
}

describe.skipIf(!haveEventData).each(storeKinds)('case indicators and alerts on %s', (kind) => {
  let store: Store;
  beforeAll(async () => {
    store = await freshStore(kind);
    await loadCase(store, eventsCase(), { actor: 'test' });
    await importEventFile(store, ged.sample, { actor: 'test', dataset: 'ucdp-ged', version: '23.1' });
  });
  afterAll(async () => {
    await store.close();
  });

  it('maps actors by dataset id, name and date range (130 is the Taliban from 2021-08-15)', async () => {
    const c = await getCase(store, 'events');
    expect(c?.actors[0]).toHaveProperty('x-dataset_ids_periods');
    const [taliban, republic] = await caseIndicatorsFromStore(store, c as NonNullable<typeof c>, { asOf: '2022-12-31' });
    const at = (s: typeof taliban, label: string) => s?.values[s.periods.findIndex((p) => p.label === label)];
    expect(taliban?.periods[0]?.label).toBe('2019-01');
    expect(taliban?.periods.at(-1)?.label).toBe('2022-12');
    // 2021-09-09 (414226), 2022-05-26 and 2022-09-12: Government of Afghanistan vs NRF, now the Taliban's.
    expect([at(taliban, '2021-09'), at(taliban, '2022-05'), at(taliban, '2022-09')]).toEqual([1, 1, 1]);
    expect([at(republic, '2021-09'), at(republic, '2022-05')]).toEqual([0, 0]);
    // Taleban (303) events 2019–2022: 12 + 10 + 12 (2021 before the takeover) + 0, plus the three.
    expect(taliban?.total).toBe(12 + 10 + 12 + 3);
    // Government of Afghanistan (130) events from 2019 to 14 August 2021 in the sample: 32.
    expect(republic?.total).toBe(32);
  });

  it('a dataset actor name in actors_any matches either side, ignoring case', async () => {
    const c = { ...eventsCase(), indicators: [{ id: 'ind-nrf', dataset: 'ucdp-ged' as const, filter: { actors_any: ['nrf'] }, measure: 'events' as const, period: 'month' as const }] };
    const [nrf] = await caseIndicatorsFromStore(store, c, { asOf: '2022-12-31' });
    expect(nrf?.total).toBe(3);
  });

  it('filters by violence type and province (normalised), zero-filled ISO weeks', async () => {
    const c = eventsCase();
    const series = await caseIndicatorsFromStore(store, c, { asOf: '2022-12-31', by: ['province', 'violence_type'] });
    const deaths = series[2];
    expect(deaths?.periods[0]?.label).toBe('2019-W01');
    expect(deaths?.periods[0]?.start).toBe('2018-12-31');
    expect(deaths?.values.length).toBe(deaths?.periods.length);
    expect(deaths?.breakdowns?.province?.map((b) => b.key)).toEqual(deaths?.total ? ['Helmand'] : []);
    expect(deaths?.breakdowns?.violence_type?.every((b) => b.key === '1')).toBe(true);
    const acled = series[3];
    expect(acled).toMatchObject({ periods: [], values: [], note: expect.stringMatching(/no acled events in the database/) });
  });

  it('alerts: rise over baseline, a skipped tripwire without data, the sanctioned officeholder', async () => {
    const c = eventsCase();
    const r = await caseAlertsFromStore(store, c, '2021-12-31', { matches: [{ actor: 'minister', list: 'un', ref: 'TAi.001' }] });
    expect(r.case).toBe('events');
    expect(r.as_of).toBe('2021-12-31');
    const rise = r.alerts.find((a) => a.tripwire === 'tw-rise');
    expect(rise).toMatchObject({ kind: 'rise_over_baseline', advice: 'slow the talks' });
    expect(rise?.periods.every((p) => p >= '2020-01' && p <= '2021-12')).toBe(true);
    expect(rise?.first).toBe(rise?.periods[0]);
    expect(r.alerts.find((a) => a.tripwire === 'tw-office')).toMatchObject({ kind: 'sanctioned_officeholder', first: '2021-09-07' });
    expect(r.skipped).toEqual([{ tripwire: 'tw-acled', reason: expect.stringMatching(/no acled events/) }]);
  });
});
