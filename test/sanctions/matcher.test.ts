import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeName } from '../../src/sanctions/normalize.js';
import { transliterate } from '../../src/sanctions/translit.js';
import { editRatio, jaroWinkler } from '../../src/sanctions/similarity.js';
import { MatchIndex } from '../../src/sanctions/match-index.js';
import { qualifiers } from '../../src/sanctions/qualifiers.js';
import { countryCode } from '../../src/util/countries.js';
import { MATCH_DEFAULTS, TUNING } from '../../src/sanctions/defaults.js';
import { readUnList } from '../../src/sanctions/readers/un.js';
import { readOfacCsv } from '../../src/sanctions/readers/ofac-csv.js';
import type { SanctionsEntry } from '../../src/sanctions/types.js';
import { OFAC_SET, haveData, unFile } from './data.js';
import { listFile, ofacCsvSet } from '../../src/import/sanctions-files.js';

const tokens = (name: string) => normalizeName(name).tokens.map((t) => t.text);

describe('normalisation', () => {
  it('folds case, width, diacritics and punctuation', () => {
    // German "sch" is written as the English "sh" (variants.ts, RENDERINGS).
    expect(tokens('  MÜLLER-Lüdenscheidt, José  ')).toEqual(['muller', 'ludensheidt', 'jose']);
    expect(tokens('Ｍｏｈａｍｍａｄ')).toEqual(['mohammad']);
    expect(tokens("Na'ib")).toEqual(['naib']);
  });

  it('drops honorifics and titles, and says which', () => {
    expect(normalizeName('Mullah Abdul Ghani Baradar')).toMatchObject({ dropped: ['mullah'] });
    // Haji is a title for some and a name for others: kept, soft.
    expect(tokens('Mawlawi Haji Dr. Amir Khan Muttaqi')).toEqual(['haji', 'amir', 'khan', 'muttaqi']);
    expect(normalizeName('Mawlawi Haji Dr. Amir Khan Muttaqi').tokens.filter((t) => t.soft).map((t) => t.text)).toEqual(['haji']);
    expect(tokens('Al-Haj Mohammad')).toEqual(['mohammad']);
    // A name made only of titles keeps them.
    expect(tokens('Sheikh')).toEqual(['sheikh']);
  });

  it('a title before "Din" does not become its -uddin (bug: "Qari Din Mohammad" read as "qariuddin mohammad")', () => {
    expect(tokens('Qari Din Mohammad Hanif')).toEqual(['din', 'mohammad', 'hanif']);
    expect(tokens('Nur ud Din')).toEqual(tokens('Nuruddin'));
  });

  it('treats the particles al-/el-, bin/ibn/bn, abd-/abu-, -uddin and -ullah consistently', () => {
    expect(tokens('Ayman al-Zawahiri')).toEqual(tokens('Ayman el Zawahiri'));
    expect(tokens('Usama ibn Ladin')).toEqual(['usama', 'bin', 'ladin']);
    expect(tokens('Usama bn Ladin')).toEqual(tokens('Usama bin Ladin'));
    for (const n of ['Abdul Rahman', 'Abdur Rahman', 'Abdurrahman', 'Abd al-Rahman']) expect(tokens(n)).toEqual(['abdrahman']);
    expect(tokens('Sirajuddin')).toEqual(tokens('Siraj ud-Din'));
    expect(tokens('Hibatullah')).toEqual(tokens('Hibat Allah'));
  });

  it('reads an article assimilated to a sun letter as the article (bug: "az-Zawahiri" was glued to the name before it)', () => {
    expect(tokens('Ayman az-Zawahiri')).toEqual(['ayman', 'zawahiri']);
    expect(tokens('Abd ar-Rahman')).toEqual(['abdrahman']);
    // The u-forms still make one compound name.
    expect(tokens('Shams ur-Rahman')).toEqual(['shamsurrahman']);
    // Not assimilated, not an article: "as" before a word that does not start with s stays a word.
    expect(tokens('Ahmad as Karim')).toEqual(['ahmad', 'as', 'karim']);
  });

  it('transliterates Arabic and Persian script to Latin consonants, and Cyrillic', () => {
    expect(transliterate('محمد').text).toBe('mhmd');
    expect(transliterate('عبدالغنی برادر')).toEqual({ text: 'abd al ghny bradr', arabic: true });
    expect(transliterate('هبة الله').text).toBe('hbt allah');
    expect(transliterate('Путин').text).toBe('putin');
    expect(normalizeName('عبدالغنی برادر').tokens.every((t) => t.arabic)).toBe(true);
  });
});

describe('similarity', () => {
  it('Jaro-Winkler and the edit ratio behave as documented', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('', 'abc')).toBe(0);
    expect(editRatio('kitten', 'sitting')).toBeCloseTo(1 - 3 / 7, 6);
  });
});

describe.skipIf(!haveData)('matching against the real UN and OFAC lists', () => {
  let index: MatchIndex;
  let un: SanctionsEntry[];
  beforeAll(async () => {
    un = (await readUnList(listFile(unFile('2026-02-27')))).entries;
    const ofac = (await readOfacCsv(ofacCsvSet(OFAC_SET))).entries;
    index = new MatchIndex([{ list: 'un', entries: un }, { list: 'ofac', entries: ofac }]);
  }, 60_000);

  const best = (name: string, list = 'un') => index.search({ name }, { limit: 10 }).find((m) => m.list === list);

  it.each([
    ['Abdul Ghani Baradar', 'TAi.024'],
    ['Mullah Abdul Ghani Baradar', 'TAi.024'],
    ['Baradar, Abdul Ghani', 'TAi.024'],
    ['عبدالغنی برادر', 'TAi.024'],
    ['Sirajuddin Haqqani', 'TAi.144'],
    ['Siraj Haqani', 'TAi.144'],
    ['سراج الدين حقاني', 'TAi.144'],
    ['Amir Khan Muttaqi', 'TAi.026'],
    ['Amir Khan Mottaki', 'TAi.026'],
    ['امیر خان متقی', 'TAi.026'],
    ['Khairullah Khairkhwa', 'TAi.093'],
    ['Qari Din Mohammad Hanif', 'TAi.043'],
    ['Mohammad Hassan Akhund', 'TAi.002'],
    ['Jalaluddin Haqqani', 'TAi.040'],
    ['Ayman al-Zawahiri', 'QDi.006'],
    ['Aiman el Zawahry', 'QDi.006'],
    ['أيمن الظواهري', 'QDi.006'],
    ['Айман аз-Завахири', 'QDi.006'],
  ])('"%s" finds %s first among UN entries, as a candidate', (name, ref) => {
    const found = index.search({ name }, { limit: 10 });
    const un = found.filter((m) => m.list === 'un');
    expect(un[0]?.ref).toBe(ref);
    expect(un[0]?.score).toBeGreaterThanOrEqual(MATCH_DEFAULTS.candidate);
    // Anything above it is the same person on the OFAC list.
    for (const m of found.filter((x) => x.score > (un[0]?.score ?? 0))) expect(m.list).toBe('ofac');
  });

  it('finds the same person on the OFAC list across spellings', () => {
    expect(best('Sirajuddin Haqqani', 'ofac')?.ref).toBe('10743');
    expect(best('Gulbuddin Hekmatyar', 'ofac')?.ref).toBe('7471');
    expect(best('Hekmatyar Gulbuddin', 'ofac')?.score).toBe(1);
  });

  it('ignores token order', () => {
    expect(index.compare('Baradar Abdul Ghani', 'Abdul Ghani Baradar').score).toBe(1);
  });

  it('finds nothing for ordinary names', () => {
    expect(index.search({ name: 'John Smith' })).toEqual([]);
    expect(index.search({ name: 'Elizabeth Walker' })).toEqual([]);
  });

  it('explains every result: the name pair, the aligned tokens, the titles ignored and the qualifiers', () => {
    const [m] = index.search({ name: 'Mullah Baradar' }, { limit: 1 });
    expect(m).toMatchObject({ list: 'un', ref: 'TAi.024', matched_name: 'Mullah Baradar Akhund', matched_kind: 'alias' });
    expect(m?.explanation).toMatch(/^"Mullah Baradar" ~ alias "Mullah Baradar Akhund" \(Good\); aligned baradar; listed tokens unmatched: akhund; titles ignored: mullah; name score 0\.\d\d; no qualifier applied$/);
    expect(m?.strong).toBe((m?.score ?? 0) >= MATCH_DEFAULTS.strong);
  });

  it('applies the qualifiers: nationality −0.2, birth year −0.15, birth date −0.25, only when both sides know', () => {
    const q = (facts: { birth_date?: string; nationality?: string[] }) => index.search({ name: 'Abdul Ghani Baradar', ...facts }, { limit: 1, threshold: 0 })[0];
    expect(q({})?.score).toBe(1);
    expect(q({ birth_date: '1968-05-03', nationality: ['AF'] })?.score).toBe(1);
    // Listed "c. 1968": one year either side is allowed.
    expect(q({ birth_date: '1969' })?.score).toBe(1);
    const off = q({ birth_date: '1990', nationality: ['PK'] });
    expect(off?.score).toBeCloseTo(0.65, 6);
    expect(off?.qualifiers.map((x) => x.kind)).toEqual(['nationality_mismatch', 'birth_year_disjoint']);
    expect(off?.explanation).toMatch(/−0\.2 nationality mismatch \(nationality PK vs listed AF\); −0\.15 birth year disjoint \(born 1990 vs listed c\. 1968\)/);
    // Below the default threshold, it is not reported at all.
    expect(index.search({ name: 'Abdul Ghani Baradar', birth_date: '1990', nationality: ['PK'] }).some((m) => m.ref === 'TAi.024')).toBe(false);
  });

  it('a full birth date disjoint from a full listed date costs 0.25; within the same year only 0.25, not both', () => {
    const entry: SanctionsEntry = { ref: 'X', schema: 'person', name: 'X', names: [], birth: [{ date: '1970-01-01' }], nationality: ['AF'], programs: [] };
    expect(qualifiers({ birth_date: '1970-06-01' }, entry)).toEqual([expect.objectContaining({ kind: 'birth_date_disjoint', penalty: 0.25 })]);
    expect(qualifiers({ birth_date: '1970' }, entry)).toEqual([]);
    expect(qualifiers({ birth_date: '1971' }, entry)).toEqual([expect.objectContaining({ kind: 'birth_year_disjoint', penalty: 0.15 })]);
    expect(qualifiers({ birth_date: '1971-02-02' }, entry)).toEqual([expect.objectContaining({ kind: 'birth_date_disjoint', penalty: 0.25 })]);
    expect(qualifiers({ nationality: ['AF'] }, { ...entry, nationality: [] })).toEqual([]);
    expect(qualifiers({ birth_date: '1971' }, { ...entry, birth: [{ from_year: 1969, to_year: 1972 }] })).toEqual([]);
  });

  it('does not compare a query with every name: blocking reaches few names and scores at most candidatesPerQuery', () => {
    const total = index.size.names;
    for (const name of ['Sirajuddin Haqqani', 'Mohammad Hassan Akhund', 'عبدالغنی برادر', 'John Smith']) {
      index.search({ name });
      expect(index.lastSearch.scored).toBeLessThanOrEqual(TUNING.candidatesPerQuery);
      expect(index.lastSearch.reached).toBeLessThan(total / 5);
    }
  });

  it('persons are screened against listed persons only when asked', () => {
    expect(index.search({ name: 'Taliban' }, { schemas: ['person'] }).every((m) => m.schema === 'person')).toBe(true);
    expect(index.search({ name: 'Taliban' }, { limit: 5 }).some((m) => m.list === 'ofac' && m.ref === '6636')).toBe(true);
  });

  it('maps country names as lists write them', () => {
    expect(countryCode('Iran (Islamic Republic of)')).toBe('IR');
    expect(countryCode('Afghanistan')).toBe('AF');
    expect(countryCode('af')).toBe('AF');
    expect(countryCode('Atlantis')).toBeNull();
  });
});
