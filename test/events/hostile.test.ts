// Hostile and broken input: every file either fails with a clear message (and writes nothing) or
// is imported with each bad row rejected by line and reason, and nothing lost:
// read = inserted + updated + unchanged + rejected (+ rows left out by a country filter).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { importEventFile, EventFileError, type EventImportSummary } from '../../src/import/events.js';
import { CsvTokenizer, type CsvRecord } from '../../src/events/csv.js';
import { getEvent } from '../../src/store/events.js';
import type { Store } from '../../src/store/open.js';
import { gedHeader, gedRow, sqliteStore, tempFile } from './helpers.js';

let store: Store;
beforeAll(async () => {
  store = await sqliteStore();
});
afterAll(async () => {
  await store.close();
});

async function countEvents(): Promise<number> {
  const r = await store.db.selectFrom('events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

async function importText(name: string, content: string | Uint8Array, dataset: 'ucdp-ged' | 'acled' = 'ucdp-ged'): Promise<EventImportSummary> {
  return importEventFile(store, tempFile(name, content), { actor: 'test', dataset });
}

function nothingLost(s: EventImportSummary): void {
  expect(s.read).toBe(s.inserted + s.updated + s.unchanged + s.rejected + s.skipped);
  expect(s.rejects.length).toBe(s.rejected);
}

async function refused(name: string, content: string | Uint8Array, message: RegExp): Promise<void> {
  const before = await countEvents();
  const imports = (await store.db.selectFrom('event_imports').selectAll().execute()).length;
  await expect(importText(name, content)).rejects.toThrow(message);
  await expect(importText(name, content)).rejects.toBeInstanceOf(EventFileError);
  expect(await countEvents()).toBe(before);
  expect((await store.db.selectFrom('event_imports').selectAll().execute()).length).toBe(imports);
}

let nextId = 1_000_000;
const id = () => nextId++;

describe('files that cannot be read as event data', () => {
  it('an empty file', () => refused('empty.csv', '', /is empty: a CSV file needs at least a header line/));
  it('a file of blank lines only', () => refused('blank.csv', '\n\n\r\n', /has no header line/));
  it('binary data', () => refused('image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), /binary data/));
  it('a ZIP archive', () => refused('ged.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]), /ZIP archive, not CSV/));
  it('gzip', () => refused('ged.csv', Buffer.from([0x1f, 0x8b, 8, 0, 0, 0]), /gzip-compressed/));
  it('JSON given as CSV', () => refused('ged.csv', '{"Result": [{"id": 1}]}\n', /not a UCDP GED file: it has no "id" column/));
  it('prose', () => refused('notes.csv', 'Dear colleague,\nplease find the data attached.\n', /not a UCDP GED file/));
  it('HTML (an error page saved as CSV)', () => refused('ged.csv', '<!DOCTYPE html><html><body>404 Not Found</body></html>\n', /not a UCDP GED file/));
  it('the UCDP actor list instead of events', () => refused('actors.csv', '\uFEFFActorId,NameData\n303,Taleban\n', /no "id" column \(its header starts "ActorId", "NameData"\)/));
  it('a header without a date column', () => refused('nodate.csv', 'id,best\n1,2\n', /no date \("date_start", "start_date" or "date"\) column/));
  it('a header without deaths', () => refused('nodeaths.csv', 'id,date_start\n1,2020-01-01\n', /no deaths \("best", or deaths_a/));
  it('a header naming a column twice', () => refused('twice.csv', 'id,date_start,best,best\n1,2020-01-01,1,1\n', /names column "best" twice/));
  it('an ACLED file without event_date', () => expect(importText('acled.csv', 'event_id_cnty,fatalities\nAFG1,2\n', 'acled')).rejects.toThrow(/not a ACLED file: it has no "event_date" column/));
  it('a JSON file that is not a UCDP page', () => refused('page.json', '{"hello": 1}', /neither a UCDP API page/));
  it('a JSON file that is not JSON', () => refused('page.json', '{"Result": [', /not valid JSON/));
  it('a missing file', async () => {
    await expect(importEventFile(store, '/nonexistent/ged.csv', { actor: 't', dataset: 'ucdp-ged' })).rejects.toThrow(/cannot read \/nonexistent\/ged.csv: no such file/);
  });
});

describe('rows that are rejected one by one, with line and reason', () => {
  it('wrong types: each bad row named by line, good rows kept', async () => {
    const rows = [
      gedRow({ id: id() }),
      gedRow({ id: id(), date: '2020-02-30' }),
      gedRow({ id: id(), best: 'many' }),
      gedRow({ id: id(), type: 4 }),
      gedRow({ id: id(), best: -3 }),
      gedRow({ id: id(), civ: '1.5' }),
      gedRow({ id: '' }),
      gedRow({ id: id(), date: '2020-03-05', end: '2020-03-01' }),
      gedRow({ id: id() }),
    ];
    const s = await importText('types.csv', [gedHeader, ...rows].join('\n') + '\n');
    nothingLost(s);
    expect(s.inserted).toBe(2);
    expect(s.rejects.map((r) => [r.line, r.reason])).toEqual([
      [3, 'date_start is not a date: "2020-02-30"'],
      [4, 'best is not a number of deaths: "many"'],
      [5, 'type_of_violence must be 1, 2 or 3, not "4"'],
      [6, 'best is not a number of deaths: "-3"'],
      [7, 'deaths_civilians is not a number of deaths: "1.5"'],
      [8, 'id is empty'],
      [9, 'date_end 2020-03-01 is before date_start 2020-03-05'],
    ]);
  });

  it('rows with too few or too many fields', async () => {
    const s = await importText('fields.csv', `${gedHeader}\n${gedRow({ id: id() })},extra\n1,2020-01-01\n${gedRow({ id: id() })}\n`);
    nothingLost(s);
    expect(s.inserted).toBe(1);
    expect(s.rejects).toEqual([
      expect.objectContaining({ line: 2, reason: 'has 15 fields, the header has 14' }),
      expect.objectContaining({ line: 3, reason: 'has 2 fields, the header has 14' }),
    ]);
  });

  it('extra columns in the header are accepted and kept verbatim in raw', async () => {
    const a = id();
    const s = await importText('extra.csv', `${gedHeader},my_note\n${gedRow({ id: a })},"hello, world"\n`);
    nothingLost(s);
    expect(s.inserted).toBe(1);
    const row = await getEvent(store.db, 'ucdp-ged', String(a));
    expect(row?.raw).toBe(`${gedRow({ id: a })},"hello, world"`);
  });

  it('quoted newlines, quotes and commas inside fields; line numbers stay right', async () => {
    const a = id();
    const b = id();
    const text = `${gedHeader}\n${gedRow({ id: a, a: '"Government of\nAfghanistan, ""Republic"""' })}\n${gedRow({ id: b, best: 'x' })}\n`;
    const s = await importText('quoted.csv', text);
    nothingLost(s);
    expect(s.inserted).toBe(1);
    expect(s.rejects).toEqual([expect.objectContaining({ line: 4, reason: 'best is not a number of deaths: "x"' })]);
    const row = await store.db.selectFrom('events').selectAll().where('event_id', '=', String(a)).executeTakeFirstOrThrow();
    expect(row.side_a).toBe('Government of\nAfghanistan, "Republic"');
    expect(row.line).toBe(2);
  });

  it('an unclosed quote is reported where it opens, not silently swallowed', async () => {
    const s = await importText('unclosed.csv', `${gedHeader}\n${gedRow({ id: id() })}\n${gedRow({ id: id(), a: '"never closed' })}\n${gedRow({ id: id() })}\n`);
    nothingLost(s);
    expect(s.inserted).toBe(1);
    expect(s.rejects).toEqual([expect.objectContaining({ line: 3, reason: expect.stringMatching(/a quoted field opened on this line is never closed/) })]);
  });

  it('a 10 MB line is skipped and reported; the rows around it are kept', async () => {
    const huge = `${id()},2020-01-01,2020-01-01,1,Afghanistan,"${'x'.repeat(10 * 1024 * 1024)}",34,69,130,a,303,b,0,1`;
    const s = await importText('huge.csv', `${gedHeader}\n${gedRow({ id: id() })}\n${huge}\n${gedRow({ id: id() })}\n`);
    nothingLost(s);
    expect(s.inserted).toBe(2);
    expect(s.rejects).toEqual([expect.objectContaining({ line: 3, reason: expect.stringMatching(/longer than 1048576 bytes.*skipped/) })]);
  });

  it('invalid UTF-8 rejects only the rows that hold it', async () => {
    const good1 = Buffer.from(`${gedHeader}\n${gedRow({ id: id() })}\n`);
    const bad = Buffer.concat([Buffer.from(`${id()},2020-01-01,2020-01-01,1,Afghanistan,Kab`), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(`ul,34,69,130,a,303,b,0,1\n`)]);
    const good2 = Buffer.from(`${gedRow({ id: id() })}\n`);
    const s = await importText('latin.csv', Buffer.concat([good1, bad, good2]));
    nothingLost(s);
    expect(s.inserted).toBe(2);
    expect(s.rejects).toEqual([expect.objectContaining({ line: 3, reason: 'invalid UTF-8: the record has bytes that are not UTF-8 text' })]);
  });

  it('a UTF-8 byte-order mark does not spoil the first column name', async () => {
    const s = await importText('bom.csv', `\uFEFF${gedHeader}\r\n${gedRow({ id: id() })}\r\n`);
    nothingLost(s);
    expect(s.inserted).toBe(1);
  });

  it('a header only: nothing to import, no error', async () => {
    const s = await importText('header.csv', `${gedHeader}\n`);
    expect(s).toMatchObject({ read: 0, inserted: 0, rejected: 0 });
  });

  it('the same event twice in one file: the second is rejected', async () => {
    const a = id();
    const s = await importText('dup.csv', `${gedHeader}\n${gedRow({ id: a })}\n${gedRow({ id: a, best: 9 })}\n`);
    nothingLost(s);
    expect(s.rejects).toEqual([expect.objectContaining({ line: 3, reason: `event id ${a} occurs earlier in this file` })]);
  });

  it('a UCDP API JSON page: every event of "Result", a bad one rejected by its position', async () => {
    const a = id();
    const b = id();
    const ev = (n: number, best: unknown) => ({ id: n, date_start: '2021-09-09T00:00:00', date_end: '2021-09-09T00:00:00', type_of_violence: 1, country: 'Afghanistan', adm_1: 'Panjsher province', side_a_new_id: 130, side_a: 'Government of Afghanistan', best });
    const s = await importText('page.json', JSON.stringify({ TotalCount: 3, NextPageUrl: '', Result: [ev(a, 3), ev(b, 'three'), ev(id(), 1)] }));
    nothingLost(s);
    expect(s.inserted).toBe(2);
    expect(s.rejects).toEqual([expect.objectContaining({ line: 2, reason: 'best is not a number of deaths: "three"' })]);
    const row = await getEvent(store.db, 'ucdp-ged', String(a));
    expect(row).toMatchObject({ date_start: '2021-09-09', province: 'Panjshir', side_a_id: '130', deaths_best: 3 });
    expect(JSON.parse(row?.raw ?? '')).toMatchObject({ id: a, best: 3 });
  });

  it('NDJSON: a broken line is rejected, the others kept', async () => {
    const a = id();
    const b = id();
    const ev = (n: number) => JSON.stringify({ id: n, date_start: '2020-01-01', date_end: '2020-01-01', type_of_violence: 1, country: 'Afghanistan', best: 2 });
    const s = await importText('api.ndjson', `${ev(a)}\n{not json\n${ev(b)}\n[1,2]\n`);
    nothingLost(s);
    expect(s.inserted).toBe(2);
    expect(s.rejects.map((r) => r.line)).toEqual([2, 4]);
  });
});

describe('the CSV tokenizer', () => {
  interface Seen {
    fields: string[];
    line: number;
    problem: string | null;
    source: string;
  }

  /** Feeds bytes in chunks of every size, so that no boundary case is missed. */
  function tokenize(input: string | Buffer, chunk: number): Seen[] {
    const bytes = typeof input === 'string' ? Buffer.from(input) : input;
    const out: Seen[] = [];
    const t = new CsvTokenizer(64);
    const sink = (r: CsvRecord) => out.push({ fields: r.fields(), line: r.line, problem: r.problem, source: r.source.toString('utf8', r.start, r.end) });
    for (let i = 0; i < bytes.length; i += chunk) t.push(bytes.subarray(i, i + chunk), sink);
    t.finish(sink);
    return out;
  }

  const tricky = [
    'a,b,c\r\n1,"x,y",3\r\n',
    'a,b\n"multi\nline","with ""quotes"""\n,\n"",""\n',
    'a,b\r"cr only",2\r3,4',
    'a\n\n\nb\n',
    'x,y\n1,2\n3,"4\r\n5"\n',
    'x,y\n"",a\n""""\n"a""",\n',
    'name\nKābul\n"مزار ""شریف"""\n',
  ];

  it.each(tricky)('agrees with csv-parse on %j, whatever the chunk size', (text) => {
    const expected = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
    for (const size of [1, 2, 3, 5, 7, 64]) {
      const seen = tokenize(text, size);
      expect(seen.map((r) => r.problem)).toEqual(expected.map(() => null));
      expect(seen.map((r) => r.fields)).toEqual(expected);
    }
  });

  it('numbers lines as the file does, quoted newlines included, and gives each record its source text', () => {
    const text = 'a,b\r\n\r\n"1\n2",x\r\n3,"y"\n\n4,z';
    for (const size of [1, 4, 64]) {
      expect(tokenize(text, size).map((r) => [r.line, r.source])).toEqual([[1, 'a,b'], [3, '"1\n2",x'], [5, '3,"y"'], [7, '4,z']]);
    }
  });

  it('decodes UTF-8 split across chunks and drops a byte-order mark', () => {
    const bytes = Buffer.from('\uFEFFname\nKābul\nمزار شریف\n');
    for (const size of [1, 2, 5]) expect(tokenize(bytes, size).map((r) => r.fields[0])).toEqual(['name', 'Kābul', 'مزار شریف']);
  });

  it('reports invalid UTF-8, an unclosed quote, text after a closing quote and an over-long record, by line', () => {
    const bytes = Buffer.concat([
      Buffer.from('a,b\nok,1\nK'), Buffer.from([0xff, 0xc3]), Buffer.from('bul,2\n"x"y,3\n' + `${'z'.repeat(100)},4\n` + 'ok,5\n"open,6\n7\n'),
    ]);
    for (const size of [1, 3, 1000]) {
      const seen = tokenize(bytes, size);
      expect(seen.map((r) => [r.line, r.problem?.replace(/ \(.*|; skipped/, '') ?? r.fields.join('|')])).toEqual([
        [1, 'a|b'], [2, 'ok|1'],
        [3, 'invalid UTF-8: the record has bytes that are not UTF-8 text'],
        [4, 'text follows a closing quote in field 1'],
        [5, 'the record is longer than 64 bytes'],
        [6, 'ok|5'],
        [7, 'a quoted field opened on this line is never closed'],
      ]);
    }
  });
});
