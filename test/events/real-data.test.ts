// The real UCDP files in ../shared/data/ucdp-ged (see PROVENANCE.md there), read in place: counts,
// dates, deaths, actors and provinces as the files have them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importEventFile } from '../../src/import/events.js';
import { afghanProvinces, normaliseProvince } from '../../src/events/provinces.js';
import { getEvent } from '../../src/store/events.js';
import type { Store } from '../../src/store/open.js';
import { boundaries, ged, haveEventData, sqliteStore } from './helpers.js';

describe.skipIf(!haveEventData)('GED 23.1 sample: all 49 columns of the official file', () => {
  let store: Store;
  beforeAll(async () => {
    store = await sqliteStore();
  });
  afterAll(async () => {
    await store.close();
  });

  it('imports every row, with provenance', async () => {
    const s = await importEventFile(store, ged.sample, { actor: 'test', dataset: 'ucdp-ged', version: '23.1' });
    expect(s).toMatchObject({ read: 1000, inserted: 1000, updated: 0, unchanged: 0, rejected: 0, skipped: 0, version: '23.1' });
    expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [imp] = await store.db.selectFrom('event_imports').selectAll().execute();
    expect(imp).toMatchObject({ dataset: 'ucdp-ged', version: '23.1', file_name: 'ged231_sample1000_uncertainUCDP.csv', sha256: s.sha256, rows_read: 1000, inserted: 1000 });
    expect(JSON.parse(imp?.columns ?? '[]')).toHaveLength(49);
    expect(imp?.imported_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('has the file’s dates, deaths, types and countries', async () => {
    const agg = await store.db.selectFrom('events')
      .select((eb) => [eb.fn.min('date_start').as('first'), eb.fn.max('date_start').as('last'), eb.fn.sum<number>('deaths_best').as('deaths'), eb.fn.countAll().as('n')])
      .executeTakeFirstOrThrow();
    expect(agg).toMatchObject({ first: '1989-01-07', last: '2022-12-19', n: 1000 });
    expect(Number(agg.deaths)).toBe(9561);
    const types = await store.db.selectFrom('events').select(['violence_type', (eb) => eb.fn.countAll().as('n')]).groupBy('violence_type').orderBy('violence_type').execute();
    expect(types.map((t) => [t.violence_type, Number(t.n)])).toEqual([[1, 707], [2, 133], [3, 160]]);
    const af = await store.db.selectFrom('events').where('country_code', '=', 'AF')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.sum<number>('deaths_best').as('best'), eb.fn.sum<number>('deaths_civilians').as('civ')])
      .executeTakeFirstOrThrow();
    expect([Number(af.n), Number(af.best), Number(af.civ)]).toEqual([135, 915, 78]);
  });

  it('keeps one event exactly, with its line and raw record', async () => {
    const e = await getEvent(store.db, 'ucdp-ged', '300380');
    expect(e).toMatchObject({
      date_start: '2013-01-03', date_end: '2013-01-03', violence_type: 1, country: 'Syria', country_code: 'SY',
      admin1: 'Idlib governorate', province: 'Idlib', latitude: 35.763369, longitude: 36.558974,
      side_a_id: '118', side_a: 'Government of Syria', side_b_id: '4456', side_b: 'Syrian insurgents',
      deaths_best: 2, deaths_civilians: 0, line: 2, version: '23.1',
    });
    expect(e?.raw.startsWith('300380,"SYR-2013-1-11973-99",2013,')).toBe(true);
  });

  it('has the actors: Taleban 303 on 119 Afghan events; Government of Afghanistan 130 after the takeover', async () => {
    const taleban = await store.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n'))
      .where('country_code', '=', 'AF').where((eb) => eb.or([eb('side_a_id', '=', '303'), eb('side_b_id', '=', '303')])).executeTakeFirstOrThrow();
    expect(Number(taleban.n)).toBe(119);
    const after = await store.db.selectFrom('events').select(['event_id', 'date_start', 'side_b', 'province'])
      .where('side_a_id', '=', '130').where('date_start', '>=', '2021-08-15').orderBy('date_start').execute();
    expect(after).toEqual([
      { event_id: '414226', date_start: '2021-09-09', side_b: 'NRF', province: 'Panjshir' },
      { event_id: '438647', date_start: '2022-05-26', side_b: 'NRF', province: 'Panjshir' },
      { event_id: '447368', date_start: '2022-09-12', side_b: 'NRF', province: 'Panjshir' },
    ]);
  });

  it('normalises the Afghan provinces: Hilmand → Helmand, Paktya → Paktia', async () => {
    const rows = await store.db.selectFrom('events').select(['province', (eb) => eb.fn.countAll().as('n')])
      .where('country_code', '=', 'AF').groupBy('province').orderBy('province').execute();
    const byName = new Map(rows.map((r) => [r.province, Number(r.n)]));
    expect(byName.get('Kandahar')).toBe(15);
    expect(byName.get('Helmand')).toBe(13);
    expect(byName.get('Nangarhar')).toBe(11);
    expect(byName.get('Paktia')).toBe(5);
    for (const p of byName.keys()) if (p !== null) expect(Object.keys(afghanProvinces)).toContain(p);
  });

  it('re-importing the same file changes nothing', async () => {
    const s = await importEventFile(store, ged.sample, { actor: 'test', dataset: 'ucdp-ged', version: '23.1' });
    expect(s).toMatchObject({ read: 1000, inserted: 0, updated: 0, unchanged: 1000, import_id: null });
    expect(await store.db.selectFrom('event_imports').selectAll().execute()).toHaveLength(1);
  });

  it('a country filter keeps only that country and counts the rest as skipped', async () => {
    const other = await sqliteStore();
    try {
      const s = await importEventFile(other, ged.sample, { actor: 'test', dataset: 'ucdp-ged', countries: ['AF'] });
      expect(s).toMatchObject({ read: 1000, inserted: 135, skipped: 865, rejected: 0 });
    } finally {
      await other.close();
    }
  });
});

describe.skipIf(!haveEventData)('reduced GED files', () => {
  it('UCDP-AEC: start_date, side names, adm1 names, deaths summed from the four parts', async () => {
    const store = await sqliteStore();
    try {
      const s = await importEventFile(store, ged.aec, { actor: 'test', dataset: 'ucdp-ged' });
      expect(s).toMatchObject({ read: 1024, inserted: 1024, rejected: 0, version: null });
      const agg = await store.db.selectFrom('events')
        .select((eb) => [eb.fn.min('date_start').as('first'), eb.fn.max('date_start').as('last'), eb.fn.sum<number>('deaths_best').as('deaths')])
        .executeTakeFirstOrThrow();
      expect(agg).toMatchObject({ first: '2001-09-23', last: '2022-09-09' });
      expect(Number(agg.deaths)).toBe(7726);
      const first = await getEvent(store.db, 'ucdp-ged', '193178');
      expect(first).toMatchObject({ date_start: '2001-09-23', date_end: '2001-09-25', side_a: 'Government of Afghanistan', side_b: 'UIFSA', admin1: 'Sari Pul province', province: 'Sar-e Pol', latitude: null });
      // Every one of its 34 provinces is one of the 34 canonical names.
      const provinces = await store.db.selectFrom('events').select('province').distinct().where('province', 'is not', null).execute();
      expect(provinces).toHaveLength(34);
      expect(provinces.map((p) => p.province).sort()).toEqual(Object.keys(afghanProvinces).sort());
    } finally {
      await store.close();
    }
  });

  it('LiLinduo sample: date, best and civilian_deaths columns', async () => {
    const store = await sqliteStore();
    try {
      const s = await importEventFile(store, ged.lilinduo, { actor: 'test', dataset: 'ucdp-ged' });
      expect(s).toMatchObject({ read: 1009, inserted: 1009, rejected: 0 });
      const agg = await store.db.selectFrom('events')
        .select((eb) => [eb.fn.min('date_start').as('first'), eb.fn.max('date_start').as('last'), eb.fn.sum<number>('deaths_best').as('best'), eb.fn.sum<number>('deaths_civilians').as('civ')])
        .executeTakeFirstOrThrow();
      expect(agg).toMatchObject({ first: '1989-01-10', last: '2022-08-07' });
      expect([Number(agg.best), Number(agg.civ)]).toEqual([10714, 933]);
    } finally {
      await store.close();
    }
  });

  it('the UCDP actor list is refused as an event file, with the reason', async () => {
    const store = await sqliteStore();
    try {
      await expect(importEventFile(store, ged.actors, { actor: 'test', dataset: 'ucdp-ged' })).rejects.toThrow(/not a UCDP GED file: it has no "id" column \(its header starts "ActorId"/);
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(!haveEventData)('province normalisation joins the boundary files', () => {
  const geo = (file: string) => JSON.parse(readFileSync(join(boundaries, file), 'utf8')) as { features: Array<{ properties: Record<string, string> }> };

  it('geoBoundaries ADM1 names map onto the 34 canonical names (its "Ghanzi" typo included)', () => {
    const names = geo('geoBoundaries-AFG-ADM1.geojson').features.map((f) => normaliseProvince(f.properties['shapeName'] as string, 'AF'));
    expect(new Set(names).size).toBe(34);
    expect([...names].sort()).toEqual(Object.keys(afghanProvinces).sort());
  });

  it('Natural Earth gn_name ("Wilayat-e Kabul", "Faryab Province") maps onto the same names', () => {
    // Its `name` says Parwan and Uruzgan for Panjshir and Daykundi (PROVENANCE.md); gn_name is right.
    const names = geo('naturalearth_afg_provinces.geojson').features.map((f) => normaliseProvince(f.properties['gn_name'] as string, 'AF'));
    expect([...new Set(names)].sort()).toEqual(Object.keys(afghanProvinces).sort());
  });

  it.each([
    ['Hilmand province', 'Helmand'], ['Hirat province', 'Herat'], ['Sari Pul province', 'Sar-e Pol'], ['Sar-e-Pul', 'Sar-e Pol'],
    ['Panjsher province', 'Panjshir'], ['Maidan Wardak', 'Wardak'], ['Jawzjan province', 'Jowzjan'], ['Nimroz province', 'Nimruz'],
    ['Paktya province', 'Paktia'], ['Daikundi', 'Daykundi'], ['Ghanzi', 'Ghazni'], ['  kabul  PROVINCE ', 'Kabul'],
  ])('%s → %s', (input, canonical) => {
    expect(normaliseProvince(input, 'AF')).toBe(canonical);
  });

  it('other countries keep their spelling minus the unit word', () => {
    expect(normaliseProvince('Idlib governorate', 'SY')).toBe('Idlib');
    expect(normaliseProvince('Borno state', 'NG')).toBe('Borno');
  });
});
