// The reading thread's shortcuts for values that repeat (decoded fields found by their bytes, ids
// as bits, texts packed once a batch) must give exactly the rows a plain reading gives: the
// reference here is csv-parse's fields converted by the same column plan, with no cache at all.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fieldText } from '../../src/events/csv.js';
import { planColumns } from '../../src/events/columns.js';
import { FieldCache } from '../../src/events/field-cache.js';
import { IdSet } from '../../src/events/id-set.js';
import { batchTextFields, type EventRow } from '../../src/events/model.js';
import { packRows, unpackRows } from '../../src/events/row-batch.js';
import { readEventFile } from '../../src/import/events-read.js';
import { importEventFile } from '../../src/import/events.js';
import { freshStore } from '../helpers/stores.js';
import { gedHeader, gedRow, tempFile } from './helpers.js';

const cell = (v: string) => (/[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

/** Reads `file` as the import does, keeping every row and line the writer is given. */
async function readAll(file: string) {
  const rows: EventRow[] = [];
  const lines: number[] = [];
  const result = await readEventFile(file, { dataset: 'ucdp-ged', versionKey: '0023.0001' }, {
    async write(batch, at) {
      rows.push(...batch);
      lines.push(...at);
    },
    async writeSources() {},
  });
  return { rows, lines, result };
}

/** What a reading without any cache gives: csv-parse's fields through the same column plan. */
function reference(text: string): Array<EventRow | string> {
  const [header, ...records] = parse(text, { relax_column_count: true }) as string[][];
  const plan = planColumns('ucdp-ged', header as string[], '0023.0001');
  return records.map((f) => plan.convert(f, ''));
}

describe('values that repeat from row to row', () => {
  it('read through the field caches give the rows a plain reading gives, whatever repeats and whatever changes', async () => {
    const provinces = ['Nangarhar province', 'Nangarhār', 'Kabul, "the city"', 'مزار شریف', 'two\nlines', ' Kabul province ', '', 'x'.repeat(80), 'Kabul province'];
    const sides = ['Taleban', 'Talibán "quoted", with comma', 'IS', 'Government of Afghanistan', 'طالبان', 'a\r\nb'];
    const lines = [gedHeader];
    // 12,000 rows: past a cache's trial, with more distinct side ids (5,000) than it has slots,
    // so values are replaced in their slots and come back again.
    for (let i = 1; i <= 12_000; i++) {
      const date = `20${10 + (i % 9)}-0${1 + (i % 9)}-${10 + (i % 19)}`;
      lines.push([String(i), date, date, String(1 + (i % 3)), i % 5 ? 'Afghanistan' : 'Pakistan', provinces[i % provinces.length] as string, '34.5', String(60 + (i % 7)),
        String(i % 5000), sides[i % sides.length] as string, String(i % 7), sides[(i * 7) % sides.length] as string, String(i % 4), String(i % 11)].map(cell).join(','));
    }
    lines.push(['12', '2020-01-01', '2020-01-01', '1', 'Afghanistan', 'Kabul', '1', '2', '1', 'a', '2', 'b', '0', '1'].join(','));
    const text = lines.join('\n') + '\n';
    const { rows, result } = await readAll(tempFile('repeats.csv', text));
    const expected = reference(text);
    expect(rows).toEqual(expected.filter((r) => typeof r !== 'string').slice(0, 12_000));
    expect(result).toMatchObject({ read: 12_001, accepted: 12_000, rejected: 1 });
    // Its line counts the quoted newlines before it.
    const line = text.slice(0, text.lastIndexOf('\n12,')).split('\n').length + 1;
    expect(result.rejects).toEqual([{ line, reason: 'event id 12 occurs earlier in this file' }]);
    // And through the packing for the writing thread, unchanged.
    const { rows: back } = unpackRows(packRows(rows, rows.map((_, i) => i + 2)));
    expect(back).toEqual(rows);
  });
});

describe('FieldCache', () => {
  const decodeAll = (values: Array<[string, boolean]>, cache: FieldCache) =>
    values.map(([v, escaped]) => {
      const bytes = Buffer.from(`,${v},`);
      return cache.text(bytes, 1, bytes.length - 1, escaped);
    });

  it('keeps a quoted field with doubled quotes apart from the same bytes unquoted', () => {
    const cache = new FieldCache(fieldText);
    const values: Array<[string, boolean]> = [['a""b', true], ['a""b', false], ['a""b', true], ['a""b', false]];
    expect(decodeAll(values, cache)).toEqual(['a"b', 'a""b', 'a"b', 'a""b']);
  });

  it('gives each value back exactly, non-ASCII, long and evicted ones included', () => {
    const cache = new FieldCache(fieldText);
    const values: Array<[string, boolean]> = [];
    for (let round = 0; round < 3; round++) for (let i = 0; i < 3000; i++) values.push([`${i % 2 ? 'Kābul' : 'مزار'} ${i}${i % 10 === 0 ? 'y'.repeat(70) : ''}`, false]);
    expect(decodeAll(values, cache)).toEqual(values.map(([v]) => v));
  });

  it('hands a repeated value back as the same string', () => {
    const cache = new FieldCache(fieldText);
    const [a, b] = decodeAll([['Government of Afghanistan', false], ['Government of Afghanistan', false]], cache);
    expect(b).toBe(a);
  });

  it('stops looking up a column whose values do not repeat, and still decodes it', () => {
    const cache = new FieldCache(fieldText);
    const values: Array<[string, boolean]> = Array.from({ length: 10_000 }, (_, i) => [String(i), false]);
    expect(decodeAll(values, cache)).toEqual(values.map(([v]) => v));
    expect(cache.active).toBe(false);
  });
});

describe('IdSet', () => {
  it('finds a repeated id, small, past the bits, or not a number', () => {
    const ids = new IdSet();
    const list: Array<string | number> = [0, 1, 31, 32, 1_000_000, 2 ** 26 - 1, 2 ** 26, 2 ** 40, 'ACLED-1', ''];
    expect(list.map((id) => ids.add(id))).toEqual(list.map(() => true));
    expect(list.map((id) => ids.add(id))).toEqual(list.map(() => false));
    expect([2, 33, 2 ** 26 + 1, 'ACLED-2'].map((id) => ids.add(id))).toEqual([true, true, true, true]);
  });
});

describe('packed row batches', () => {
  it('carry repeated, empty, null and non-ASCII texts unchanged', () => {
    const base: EventRow = {
      dataset: 'acled', event_id: '1', version_key: 'v', date_start: '2021-01-01', date_end: '2021-01-01', violence_type: null, event_type: 'Battles',
      country: 'Afghanistan', country_code: 'AF', admin1: null, province: null, latitude: null, longitude: 1.5, side_a_id: null, side_a: 'Talibán 😀',
      side_b_id: null, side_b: '', deaths_best: 3, deaths_civilians: null, raw: '',
    };
    const rows: EventRow[] = [base, { ...base, event_id: '2', side_a: 'مزار', side_b: 'Talibán 😀', admin1: '' }, { ...base, event_id: '3' }];
    const batch = packRows(rows, [2, 3, 4]);
    const unpacked = unpackRows(batch);
    expect({ rows: unpacked.rows, lines: unpacked.lines }).toEqual({ rows, lines: [2, 3, 4] });
    // The texts the rows share give every row's text fields back (the writer resolves names from them).
    const { texts, refs } = unpacked.texts;
    const shared = rows.map((_, i) => batchTextFields.map((_f, k) => {
      const ref = refs[i * batchTextFields.length + k] as number;
      return ref < 0 ? null : texts[ref];
    }));
    expect(shared).toEqual(rows.map((r) => batchTextFields.map((f) => r[f])));
    // Each distinct text once: three ids, the six other texts of the first row, then 'مزار'.
    expect(batch.lengths.length).toBe(3 + 6 + 1);
  });
});

describe('event ids', () => {
  it('"7" and "007" are two ids, not a repeat (ids are kept as numbers only when that loses nothing)', async () => {
    const file = tempFile('ids.csv', [gedHeader, gedRow({ id: '7' }), gedRow({ id: '007' }), gedRow({ id: '7' })].join('\n') + '\n');
    const got: EventRow[] = [];
    const result = await readEventFile(file, { dataset: 'ucdp-ged', versionKey: '' }, { async write(rows) { got.push(...rows); }, async writeSources() {} });
    expect(got.map((r) => r.event_id)).toEqual(['7', '007']);
    expect(result.rejects).toEqual([{ line: 4, reason: 'event id 7 occurs earlier in this file' }]);
  });

  it('an import counts "007" as a new event when "7" is stored', async () => {
    const store = await freshStore('sqlite');
    try {
      const one = (id: string) => tempFile('ids.csv', [gedHeader, gedRow({ id })].join('\n') + '\n');
      await importEventFile(store, one('7'), { actor: 'test', dataset: 'ucdp-ged', threads: false });
      expect(await importEventFile(store, one('007'), { actor: 'test', dataset: 'ucdp-ged', threads: false })).toMatchObject({ inserted: 1, updated: 0 });
    } finally {
      await store.close();
    }
  });
});
