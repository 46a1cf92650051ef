import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readUnList } from '../../src/sanctions/readers/un.js';
import { readOfacCsv } from '../../src/sanctions/readers/ofac-csv.js';
import { readOfacXml } from '../../src/sanctions/readers/ofac-xml.js';
import { readFtm } from '../../src/sanctions/readers/ftm.js';
import { parseDob, parseRemarks } from '../../src/sanctions/readers/ofac-remarks.js';
import { ARABIC_SCRIPT } from '../../src/sanctions/translit.js';
import type { ListSource } from '../../src/sanctions/source.js';
import { FTM_DIR, OFAC_SET, UN_DIR, haveData, ofacSnapshot, scratch, unFile } from './data.js';
import { listFile, ofacCsvSet } from '../../src/import/sanctions-files.js';

// The counts of ../shared/data/un-sc-consolidated/PROVENANCE.md.
const UN_COUNTS: Record<string, { individuals: number; entities: number; qdi: number; qde: number; generated: string }> = {
  '2018-10-29': { individuals: 703, entities: 390, qdi: 264, qde: 83, generated: '2018-10-29T19:09:49.856-04:00' },
  '2020-03-20': { individuals: 709, entities: 305, qdi: 260, qde: 89, generated: '2020-03-20T19:09:21.822-04:00' },
  '2020-12-01': { individuals: 712, entities: 294, qdi: 262, qde: 89, generated: '2020-12-01T19:08:54.997-05:00' },
  '2022-10-21': { individuals: 703, entities: 253, qdi: 255, qde: 88, generated: '2022-10-21T20:40:12.605-04:00' },
  '2023-03-27': { individuals: 701, entities: 254, qdi: 256, qde: 89, generated: '2023-03-27T19:16:01.471-04:00' },
  '2024-09-26': { individuals: 682, entities: 193, qdi: 255, qde: 89, generated: '2024-09-26T00:00:07.514Z' },
  '2026-02-27': { individuals: 730, entities: 273, qdi: 252, qde: 89, generated: '2026-02-27T00:00:09.554Z' },
};

describe.skipIf(!haveData)('UN consolidated list XML', () => {
  it('covers every snapshot in the data folder', () => {
    const files = readdirSync(UN_DIR).filter((f) => f.endsWith('.xml')).map((f) => f.slice('consolidated_'.length, -4));
    expect(files.sort()).toEqual(Object.keys(UN_COUNTS).sort());
  });

  it.each(Object.entries(UN_COUNTS))('%s parses to the counts of PROVENANCE.md, whatever its formatting', async (date, want) => {
    const s = await readUnList(listFile(unFile(date)));
    const refs = (prefix: string) => s.entries.filter((e) => e.ref.startsWith(prefix));
    expect(s.rejects).toEqual([]);
    expect(s.read).toBe(want.individuals + want.entities);
    expect(s.entries.filter((e) => e.schema === 'person')).toHaveLength(want.individuals);
    expect(s.entries.filter((e) => e.schema === 'entity')).toHaveLength(want.entities);
    expect([refs('TAi.').length, refs('TAe.').length, refs('QDi.').length, refs('QDe.').length]).toEqual([135, 5, want.qdi, want.qde]);
    expect(s.version).toBe(want.generated);
    expect(s.published).toBe(new Date(want.generated).toISOString());
    const ta = refs('TAi.');
    // 235 non-empty INDIVIDUAL_ALIAS elements; two of them list two spellings each ("A; B").
    expect(ta.flatMap((e) => e.names.filter((n) => n.kind === 'alias'))).toHaveLength(237);
    expect(ta.every((e) => e.names.some((n) => n.kind === 'original_script' && ARABIC_SCRIPT.test(n.name)))).toBe(true);
    expect(ta.every((e) => e.programs[0] === 'Taliban' && /^\d{4}-\d{2}-\d{2}$/.test(e.listed_on ?? ''))).toBe(true);
    // Values are trimmed, and empty alias placeholders dropped.
    expect(s.entries.every((e) => e.ref === e.ref.trim() && e.names.every((n) => n.name !== '' && n.name === n.name.trim()))).toBe(true);
  });

  it('reads names, aliases with quality, dates of birth of every kind, nationality, list type and listing date', async () => {
    const s = await readUnList(listFile(unFile('2026-02-27')));
    const byRef = new Map(s.entries.map((e) => [e.ref, e]));
    const baradar = byRef.get('TAi.024');
    expect(baradar).toMatchObject({
      name: 'ABDUL GHANI BARADAR ABDUL AHMAD TURK', schema: 'person', nationality: ['AF'], programs: ['Taliban'], listed_on: '2001-02-23',
      birth: [{ date: '1968', approx: true }],
    });
    expect(baradar?.names).toEqual(expect.arrayContaining([
      { name: 'عبدالغنی برادر عبد الاحمد ترک', kind: 'original_script' },
      { name: 'Mullah Baradar Akhund', kind: 'alias', quality: 'Good' },
    ]));
    expect(byRef.get('TAi.144')?.birth).toEqual([{ from_year: 1977, to_year: 1978, approx: true }]);
    expect(byRef.get('TAi.144')?.names).toContainEqual({ name: 'Khalifa', kind: 'alias', quality: 'Low' });
    const births = s.entries.flatMap((e) => e.birth);
    expect(births.some((b) => b.date?.length === 10 && !b.approx)).toBe(true); // EXACT full date
    expect(births.some((b) => b.date?.length === 4 && !b.approx)).toBe(true); // year only
    expect(births.some((b) => b.from_year !== undefined && b.to_year !== undefined && !b.approx)).toBe(true); // BETWEEN
  });

  it('keeps the listing day when LISTED_ON carries a zone offset (TAi.173 in 2018: "2015-03-27-04:00")', async () => {
    const s = await readUnList(listFile(unFile('2018-10-29')));
    expect(s.entries.find((e) => e.ref === 'TAi.173')?.listed_on).toBe('2015-03-27');
  });

  it('refuses a file that is not a UN list', async () => {
    const dir = scratch({ 'other.xml': '<?xml version="1.0"?><sdnList/>' });
    await expect(readUnList(listFile(join(dir, 'other.xml')))).rejects.toThrow(/not a UN consolidated list: the root element is <sdnList>/);
  });
});

describe.skipIf(!haveData)('OFAC legacy CSV set', () => {
  it.each([['2021-08-18', 9083], ['2022-08-15', 10493], ['2023-08-15', 12827], ['2024-05-03', 14965]])('sdn_%s.csv alone parses to its %i rows', async (date, rows) => {
    const s = await readOfacCsv(ofacCsvSet(ofacSnapshot(date)));
    expect(s.rejects).toEqual([]);
    expect(s.entries).toHaveLength(rows);
    expect(s.version).toBe(date);
    expect(s.entries.find((e) => e.ref === '6636')).toMatchObject({ name: 'TALIBAN', schema: 'entity', programs: ['SDGT'] });
  });

  it('reads the 2021-07 set with alt.csv and sdn_comments.csv beside sdn.csv: no header, -0- nulls, Ctrl-Z at the end, programmes joined', async () => {
    const set = ofacCsvSet(OFAC_SET);
    expect(Object.keys(set).sort()).toEqual(['add', 'alt', 'comments', 'sdn']);
    // Starting from any member finds the same set.
    expect(ofacCsvSet(join(OFAC_SET, '..', 'alt.csv')).sdn.name).toBe(set.sdn.name);
    expect(readFileSync(set.sdn.name).at(-1)).toBe(0x1a);
    const s = await readOfacCsv(set);
    expect(s.rejects).toEqual([]);
    expect(s.read).toBe(8976);
    expect(s.entries).toHaveLength(8976);
    // Every alt.csv row lands on its entry (11,910 rows), plus the quoted a.k.a.s of the remarks.
    const altNames = s.entries.flatMap((e) => e.names.filter((n) => (n.kind === 'alias' || n.kind === 'former') && n.quality !== 'weak'));
    expect(altNames.length).toBe(11910);
    // No null marker survives as a value.
    expect(s.entries.some((e) => [e.name, ...e.names.map((n) => n.name), ...e.programs].some((v) => v.includes('-0-')))).toBe(false);
    expect(s.entries.find((e) => e.ref === '4632')?.programs).toEqual(['IRAN', 'SDGT', 'IRGC', 'IFSR']);
    expect(s.entries.find((e) => e.ref === '6636')?.names.map((n) => n.name)).toContain('TALEBAN');
    const persons = s.entries.filter((e) => e.schema === 'person');
    expect(persons.filter((e) => e.birth.length > 0).length).toBeGreaterThan(4000);
    expect(persons.filter((e) => e.nationality.length > 0).length).toBeGreaterThan(2000);
  });

  it('parses the remarks: dates of birth (circa, ranges), nationality and citizenship, quoted a.k.a.s', () => {
    const facts = parseRemarks("DOB 1977; alt. DOB circa 1960; POB Kandahar, Afghanistan; nationality Afghanistan; citizen Pakistan; a.k.a. 'HAROON'; f.k.a. 'OLD NAME'.");
    expect(facts.birth).toEqual([{ date: '1977' }, { date: '1960', approx: true }]);
    expect(facts.nationality).toEqual(['AF', 'PK']);
    expect(facts.names).toEqual([{ name: 'HAROON', kind: 'weak_alias', quality: 'weak' }, { name: 'OLD NAME', kind: 'former', quality: 'weak' }]);
    expect(parseDob('1987 to 1989')).toEqual({ from_year: 1987, to_year: 1989 });
    expect(parseDob('01 Jan 1966')).toEqual({ date: '1966-01-01' });
  });
});

describe.skipIf(!haveData)('OFAC SDN XML', () => {
  it('reads entries, strong and weak aliases, dates of birth, nationality and the publish date', async () => {
    const dir = scratch({
      'sdn.xml': `<?xml version="1.0" standalone="yes"?>
<sdnList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="http://tempuri.org/sdnList.xsd">
  <publshInformation><Publish_Date>05/03/2024</Publish_Date><Record_Count>2</Record_Count></publshInformation>
  <sdnEntry><uid>6636</uid><lastName>TALIBAN</lastName><sdnType>Entity</sdnType><programList><program>SDGT</program></programList>
    <akaList><aka><uid>1</uid><type>a.k.a.</type><category>strong</category><lastName>TALEBAN</lastName></aka></akaList></sdnEntry>
  <sdnEntry><uid>7021</uid><lastName>BARADAR</lastName><firstName>Abdul Ghani</firstName><sdnType>Individual</sdnType>
    <programList><program>SDGT</program><program>TALIBAN</program></programList>
    <akaList><aka><uid>2</uid><type>a.k.a.</type><category>weak</category><lastName>BARADAR</lastName><firstName>Mullah</firstName></aka>
      <aka><uid>3</uid><type>f.k.a.</type><category>strong</category><lastName>AKHUND</lastName><firstName>Baradar</firstName></aka></akaList>
    <nationalityList><nationality><uid>4</uid><country>Afghanistan</country></nationality></nationalityList>
    <dateOfBirthList><dateOfBirthItem><uid>5</uid><dateOfBirth>circa 1968</dateOfBirth></dateOfBirthItem></dateOfBirthList></sdnEntry>
</sdnList>`,
    });
    const s = await readOfacXml(listFile(join(dir, 'sdn.xml')));
    expect(s).toMatchObject({ list: 'ofac', version: '05/03/2024', published: '2024-05-03', read: 2, rejects: [] });
    expect(s.entries[1]).toEqual({
      ref: '7021', schema: 'person', name: 'BARADAR, Abdul Ghani',
      names: [{ name: 'BARADAR, Abdul Ghani', kind: 'primary' }, { name: 'BARADAR, Mullah', kind: 'weak_alias', quality: 'weak' }, { name: 'AKHUND, Baradar', kind: 'former', quality: 'strong' }],
      birth: [{ date: '1968', approx: true }], nationality: ['AF'], programs: ['SDGT', 'TALIBAN'],
    });
  });
});

describe.skipIf(!haveData)('OpenSanctions FtM JSON lines', () => {
  it('reads an entity export: persons and organisations become entries, addresses do not', async () => {
    const r = await readFtm(listFile(join(FTM_DIR, 'yente_t1_entities.ftm.json')));
    if (!('snapshot' in r)) throw new Error('expected a snapshot');
    expect(r.snapshot.read).toBe(7);
    expect(r.snapshot.entries.map((e) => e.schema).sort()).toEqual(['entity', 'entity', 'person', 'person', 'person', 'person']);
    expect(r.snapshot.list).toBe('opensanctions');
    const kuzmenko = r.snapshot.entries.find((e) => e.name === 'Vitaly Yurievich KUZMENKO');
    expect(kuzmenko?.names.some((n) => /КУЗЬМЕНКО/.test(n.name))).toBe(true);
    expect(kuzmenko?.programs).toContain('eu_fsf');
    expect(kuzmenko?.datasets).toEqual(['eu_fsf']);
  });

  it('reads delta files: ADD and MOD as upserts, DEL as deletes, versioned by file name', async () => {
    const dir = join(FTM_DIR, 't2-deltas');
    const read = async (name: string) => {
      const r = await readFtm(listFile(join(dir, readdirSync(dir).find((f) => f.startsWith(name)) as string)));
      if (!('delta' in r)) throw new Error('expected a delta');
      return r.delta;
    };
    const first = await read('20240527194702');
    expect(first).toMatchObject({ version: '20240527194702-wnk', published: '2024-05-27T19:47:02.000Z', deletes: [] });
    expect(first.upserts.map((e) => e.name)).toContain('AL-QAIDA IN IRAQ');
    // Each entity keeps the lists it comes from.
    expect(first.upserts.find((e) => e.name === 'AL-QAIDA IN IRAQ')?.datasets).toEqual(expect.arrayContaining(['un_sc_sanctions', 'us_ofac_sdn', 'eu_fsf', 'gb_hmt_sanctions']));
    expect((await read('20240528074703')).deletes).toEqual(['NK-500Poltergeist']);
  });

  it('refuses a file that is not JSON lines, and one that mixes entities and ops', async () => {
    const dir = scratch({ 'a.json': '{"id": "x", "schema": "Person"}\nnot json\n', 'b.json': '{"id":"x","schema":"Person","properties":{"name":["X"]}}\n{"op":"DEL","entity":{"id":"x"}}\n' });
    await expect(readFtm(listFile(join(dir, 'a.json')))).rejects.toThrow(/a\.json:2: not JSON lines/);
    await expect(readFtm(listFile(join(dir, 'b.json')))).rejects.toThrow(/mixed/);
  });
});

describe('readers read the sources they are given, not files', () => {
  /** Bytes one at a time (splitting every multi-byte character), readable more than once. */
  const source = (name: string, bytes: Buffer, modified: string): ListSource => ({
    name,
    async *bytes() {
      for (const b of bytes) yield Uint8Array.of(b);
    },
    modified: () => new Date(modified),
  });

  it('FtM JSON lines: UTF-8 split anywhere, and the source date for a list that carries none', async () => {
    const line = JSON.stringify({ id: 'x1', schema: 'Person', caption: 'Jürgen Müller-Ølstad', properties: { name: ['Jürgen Müller-Ølstad'] } });
    const r = await readFtm(source('memory.json', Buffer.from(`${line}\n`, 'utf8'), '2024-05-06T10:00:00Z'));
    if (!('snapshot' in r)) throw new Error('expected a snapshot');
    expect(r.snapshot.entries.map((e) => e.name)).toEqual(['Jürgen Müller-Ølstad']);
    expect(r.snapshot.version).toBe('2024-05-06');
  });

  it('OFAC CSV: a Latin-1 sdn file read twice (encoding, then rows) from the same source', async () => {
    const row = '1,"MÜLLER, Jürgen",individual,"[SDGT]",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\r\n\u001a';
    const s = await readOfacCsv({ sdn: source('sdn.csv', Buffer.from(row, 'latin1'), '2021-07-01T00:00:00Z') });
    expect(s.rejects).toEqual([]);
    expect(s.entries.map((e) => [e.ref, e.name, e.programs])).toEqual([['1', 'MÜLLER, Jürgen', ['SDGT']]]);
    expect(s.version).toBe('2021-07-01');
  });
});
