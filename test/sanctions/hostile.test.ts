// Hostile and broken list files are refused as a whole, with where and why, and nothing is stored.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importListFile } from '../../src/import/sanctions.js';
import { SanctionsInputError } from '../../src/sanctions/errors.js';
import { readUnList } from '../../src/sanctions/readers/un.js';
import { readOfacCsv } from '../../src/sanctions/readers/ofac-csv.js';
import { XML_LIMITS } from '../../src/sanctions/xml.js';
import { listVersions } from '../../src/store/sanctions.js';
import type { Store } from '../../src/store/open.js';
import { freshStore } from '../helpers/stores.js';
import { OFAC_SET, haveData, scratch, unFile, unXml } from './data.js';
import { listFile, ofacCsvSet } from '../../src/import/sanctions-files.js';

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const hostileXml: Array<[string, string, RegExp]> = [
  ['an entity-expansion bomb in a DOCTYPE', `${HEAD}<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>\n<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&lol3;</FIRST_NAME><REFERENCE_NUMBER>TAi.001</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`, /DOCTYPE/],
  ['an external entity', `${HEAD}<!DOCTYPE CONSOLIDATED_LIST [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&xxe;</FIRST_NAME><REFERENCE_NUMBER>TAi.001</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`, /DOCTYPE/],
  ['an external DTD', `${HEAD}<!DOCTYPE CONSOLIDATED_LIST SYSTEM "http://example.invalid/evil.dtd">\n<CONSOLIDATED_LIST/>`, /DOCTYPE/],
  ['an undefined entity without a DOCTYPE', `${HEAD}<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&xxe;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>`, /not well-formed XML/],
  ['deep nesting', `${HEAD}<CONSOLIDATED_LIST>${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</CONSOLIDATED_LIST>`, new RegExp(`nested deeper than ${XML_LIMITS.depth}`)],
  ['another encoding', '<?xml version="1.0" encoding="ISO-8859-1"?>\n<CONSOLIDATED_LIST/>', /unsupported encoding/],
  ['bytes that are not UTF-8', Buffer.concat([Buffer.from(`${HEAD}<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>`), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>')]).toString('latin1'), /not valid UTF-8|not well-formed/],
  ['no XML at all', 'just some text\n', /not well-formed XML|no XML element/],
  ['the wrong root element', `${HEAD}<sdnList/>`, /root element is <sdnList>/],
];

describe('hostile XML is refused with a clear error', () => {
  it.each(hostileXml)('%s', async (_label, content, message) => {
    const dir = scratch({ 'list.xml': _label === 'bytes that are not UTF-8' ? Buffer.from(content, 'latin1') : content });
    const err = await readUnList(listFile(join(dir, 'list.xml'))).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SanctionsInputError);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toContain(join(dir, 'list.xml'));
  });

  it.skipIf(!haveData)('a truncated real snapshot', async () => {
    const whole = readFileSync(unFile('2024-09-26'));
    const dir = scratch({ 'consolidated.xml': whole.subarray(0, Math.floor(whole.length / 2)) });
    await expect(readUnList(listFile(join(dir, 'consolidated.xml')))).rejects.toThrow(/consolidated\.xml:\d+: not well-formed XML/);
  });

  it('a file that does not exist', async () => {
    await expect(readUnList(listFile('/nonexistent/consolidated.xml'))).rejects.toThrow(/cannot read the file/);
  });
});

describe('hostile and broken CSV is refused with a clear error', () => {
  const row = (ref: string, name: string) => `${ref},"${name}","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"DOB 1970."\r\n`;
  it.each([
    ['an unclosed quote', `${row('1', 'A')}2,"B,"individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n`, /sdn\.csv(:\d+)?: not a readable CSV file/],
    ['binary data', Buffer.concat([Buffer.from(row('1', 'A')), Buffer.from([0, 1, 2, 0])]), /sdn\.csv:2: binary data/],
    ['a record larger than 1 MB', `${row('1', 'A')}2,"${'B'.repeat(1.5 * 1024 * 1024)}","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n`, /larger than 1024 KB/],
    ['a CSV of another kind', 'name,birth_date\r\nJohn Smith,1970\r\nJane Doe,1980\r\n', /not an OFAC sdn\.csv: none of its 3 rows/],
    ['an HTML error page saved as sdn.csv', '<html><body>Service unavailable</body></html>\n', /not an OFAC sdn\.csv/],
  ])('%s', async (_label, content, message) => {
    const dir = scratch({ 'sdn.csv': content });
    await expect(readOfacCsv(ofacCsvSet(join(dir, 'sdn.csv')))).rejects.toThrow(message);
  });

  it('a broken member of the set (alt.csv) refuses the whole set', async () => {
    const dir = scratch({ 'sdn.csv': row('1', 'A'), 'alt.csv': '1,2,"aka","B\r\n' });
    await expect(readOfacCsv(ofacCsvSet(join(dir, 'alt.csv')))).rejects.toThrow(/alt\.csv.*not a readable CSV file/);
  });

  it('a member without its sdn.csv', () => {
    const dir = scratch({ 'alt.csv': '1,2,"aka","B",-0- \r\n' });
    expect(() => ofacCsvSet(join(dir, 'alt.csv'))).toThrow(/no sdn\.csv is beside it/);
  });

  it('keeps a sound file and reports its bad rows by line', async () => {
    const dir = scratch({ 'sdn.csv': `${row('1', 'A')}x,"B"\r\n${row('2', 'C')}${row('2', 'D')}\x1a` });
    const s = await readOfacCsv(ofacCsvSet(join(dir, 'sdn.csv')));
    expect(s.entries.map((e) => e.ref)).toEqual(['1', '2']);
    expect(s.rejects).toEqual([
      { line: 2, reason: 'expected 12 columns (sdn.csv), found 2' },
      { line: 4, reason: 'ent_num 2 appears twice; the first is kept' },
    ]);
  });

  it('decodes a Latin-1 file (OFAC\'s historic encoding)', async () => {
    const dir = scratch({ 'sdn.csv': Buffer.from(row('1', 'MUÑOZ, José'), 'latin1') });
    const s = await readOfacCsv(ofacCsvSet(join(dir, 'sdn.csv')));
    expect(s.entries[0]?.name).toBe('MUÑOZ, José');
  });
});

describe('a refused file imports nothing', () => {
  let store: Store;
  afterEach(async () => store?.close());

  it('leaves the store without a version, whether XML, CSV or JSON lines', async () => {
    store = await freshStore('sqlite');
    const dir = scratch({
      'bomb.xml': hostileXml[0]![1],
      'half.xml': unXml([{ ref: 'TAi.001', first: 'A' }, { ref: 'TAi.002', first: 'B' }]).slice(0, 400),
      'sdn.csv': '1,"A","individual"\r\n2,"B\r\n',
      'bad.json': '{"id":"a","schema":"Person","properties":{"name":["A"]}}\n{"id":\n',
    });
    const options = { actor: 'test' };
    await expect(importListFile(store, 'un-sanctions', join(dir, 'bomb.xml'), options)).rejects.toThrow(SanctionsInputError);
    await expect(importListFile(store, 'un-sanctions', join(dir, 'half.xml'), options)).rejects.toThrow(SanctionsInputError);
    await expect(importListFile(store, 'ofac-sdn', join(dir, 'sdn.csv'), options)).rejects.toThrow(SanctionsInputError);
    await expect(importListFile(store, 'ftm', join(dir, 'bad.json'), options)).rejects.toThrow(SanctionsInputError);
    expect(await listVersions(store)).toEqual([]);
    expect(await store.db.selectFrom('sanctions_entry_bodies').select('digest').execute()).toEqual([]);
  });

  it.skipIf(!haveData)('the real OFAC set is still fine after all that', async () => {
    expect((await readOfacCsv(ofacCsvSet(OFAC_SET))).rejects).toEqual([]);
  });
});
