// The one date module: explicit formats only, the same answer in every time zone, ambiguous
// numeric dates refused; checked on the date strings the real lists and datasets hold.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { DateTextError, instantMs, numericDate, parseEventDate, parseLooseDate, parseTimestamp, periodLabel, periodStart, endOfCaseDate } from '../../src/util/dates.js';
import { DATA_DIR, hasData } from '../helpers/data.js';

const zone = process.env['TZ'];
afterEach(() => {
  if (zone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = zone;
});

describe('parseTimestamp', () => {
  it('reads a timestamp without a zone as UTC, whatever the machine’s zone (Date.parse took local time)', () => {
    for (const tz of ['UTC', 'America/New_York', 'Asia/Kabul', 'Pacific/Kiritimati']) {
      process.env['TZ'] = tz;
      expect(parseTimestamp('2024-05-28T15:51:35')).toBe('2024-05-28T15:51:35.000Z');
      expect(parseTimestamp('2018-10-29T19:09:49.856-04:00')).toBe('2018-10-29T23:09:49.856Z');
    }
  });

  it('refuses day/month numbers, which Date.parse read in US order', () => {
    for (const text of ['03/04/2021', '3.4.2021', '03-04-2021', '13/04/2021']) {
      expect(() => parseTimestamp(text)).toThrow(DateTextError);
    }
    expect(() => parseTimestamp('03/04/2021')).toThrow('"03/04/2021" is ambiguous: day and month could be either way round; write it as ISO 8601 (2021-04-03)');
  });

  it('is undefined for free text that Date.parse took as a date', () => {
    for (const text of ['Tuesday', 'March 4', 'Mon, 04 Mar 2021 10:00:00 GMT', '2021-02-30', '2021-02-28T24:00:00', '', 'June 2021 (approx.)']) {
      expect(parseTimestamp(text)).toBeUndefined();
    }
  });

  it.skipIf(!hasData('un-sc-consolidated/consolidated_2026-02-27.xml'))('reads every real UN dateGenerated as its instant in UTC', () => {
    const dir = join(DATA_DIR, 'un-sc-consolidated');
    const seen: Array<[string, string | undefined]> = [];
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.xml')).sort()) {
      const m = /dateGenerated="([^"]+)"/.exec(readFileSync(join(dir, f), 'utf8').slice(0, 2000));
      if (m) seen.push([m[1] as string, parseTimestamp(m[1] as string)]);
    }
    expect(seen.length).toBeGreaterThanOrEqual(6);
    for (const [text, iso] of seen) expect(iso).toBe(new Date(text).toISOString()); // zoned ISO: the one form JS reads unambiguously
    expect(seen).toContainEqual(['2020-12-01T19:08:54.997-05:00', '2020-12-02T00:08:54.997Z']);
  });

  it.skipIf(!hasData('opensanctions-ftm-samples/yente_t1_entities.ftm.json'))('reads the real FtM last_change values as UTC', () => {
    const text = readFileSync(join(DATA_DIR, 'opensanctions-ftm-samples/yente_t1_entities.ftm.json'), 'utf8');
    const values = [...new Set([...text.matchAll(/"last_change": *"([^"]+)"/g)].map((m) => m[1] as string))];
    expect(values.length).toBeGreaterThan(0);
    for (const v of values) expect(parseTimestamp(v)).toBe(`${v}.000Z`);
  });
});

describe('numericDate: the order the source documents', () => {
  it('reads OFAC’s MM/DD/YYYY and a day-first source each its own way, checked against the calendar', () => {
    expect(numericDate('03/04/2021', 'mdy')).toBe('2021-03-04');
    expect(numericDate('03/04/2021', 'dmy')).toBe('2021-04-03');
    expect(numericDate('02/30/2021', 'mdy')).toBeUndefined();
    expect(numericDate('13/04/2021', 'mdy')).toBeUndefined();
  });
});

describe('parseEventDate', () => {
  it.each([
    ['2021-08-15', '2021-08-15'], ['2021-08-15 00:00:00.000', '2021-08-15'], ['2021-08-15T10:00:00', '2021-08-15'],
    ['15 August 2021', '2021-08-15'], ['15-August-2021', '2021-08-15'], ['5 Sept 2021', '2021-09-05'],
    ['2020-02-30', null], ['30 February 2021', null], ['08/15/2021', null], ['15/08/2021', null], ['August 2021', null], ['', null],
  ])('%j → %j', (text, iso) => {
    expect(parseEventDate(text)).toBe(iso);
  });

  it.skipIf(!hasData('ucdp-ged/ged231_sample1000_uncertainUCDP.csv'))('reads every date of the real GED sample', () => {
    const rows = parse(readFileSync(join(DATA_DIR, 'ucdp-ged/ged231_sample1000_uncertainUCDP.csv')), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows.length).toBe(1000);
    for (const r of rows) {
      expect(parseEventDate(r['date_start'] as string)).toBe(r['date_start']);
      expect(parseEventDate(r['date_end'] as string)).toBe(r['date_end']);
    }
  });
});

describe('parseLooseDate: dates of birth as the lists write them', () => {
  it.each([
    ['12 Mar 1965', '1965-03-12'], ['01 Jan 1966.', '1966-01-01'], ['Mar 1965', '1965-03'], ['1965', '1965'], ['1965.', '1965'],
    ['1965-03-12', '1965-03-12'], ['1965-03', '1965-03'], ['12 March 1965', '1965-03-12'],
    ['31 Feb 1965', undefined], ['1965-13', undefined], ['1965-02-30', undefined], ['03/04/1965', undefined], ['Foo 1965', undefined], ['circa 1965', undefined],
  ])('%j → %j', (text, iso) => {
    expect(parseLooseDate(text)).toBe(iso);
  });

  it.skipIf(!hasData('ofac-sdn/jackdwyer-gitscrape/sdn_2024-05-03.csv'))('reads every single date of birth in a real OFAC SDN list', () => {
    const rows = parse(readFileSync(join(DATA_DIR, 'ofac-sdn/jackdwyer-gitscrape/sdn_2024-05-03.csv'), 'latin1'), { relax_column_count: true }) as string[][];
    const dobs: string[] = [];
    for (const row of rows) {
      for (const phrase of (row[11] ?? '').split(/;\s*/)) {
        const m = /^(?:alt\. )?DOB (.+)$/.exec(phrase.trim());
        // Ranges (`1960 to 1962`) and `circa` are the remarks reader's to split; each part is a single date.
        if (m) dobs.push(...(m[1] as string).replace(/^circa /, '').split(' to '));
      }
    }
    expect(dobs.length).toBeGreaterThan(5000);
    const unread = dobs.filter((d) => parseLooseDate(d) === undefined);
    // "circa 1960-1962" is the one range written with a dash.
    expect([...new Set(unread)].every((d) => /^\d{4}-\d{4}$/.test(d))).toBe(true);
    expect(unread.length).toBeLessThan(10);
  });
});

describe('instantMs: the engine’s and reports’ instants', () => {
  it('reads case instants with and without zones, and refuses days and times that do not exist', () => {
    expect(instantMs('2021-08-15')).toBe(Date.UTC(2021, 7, 15));
    expect(instantMs('2021-08-15T10:00Z')).toBe(Date.UTC(2021, 7, 15, 10));
    expect(instantMs('2021-08-15T10:00:30.5+04:30')).toBe(Date.UTC(2021, 7, 15, 5, 30, 30, 500));
    expect(instantMs('2021-08-15T10:00')).toBe(Date.UTC(2021, 7, 15, 10));
    for (const bad of ['2021-02-29', '2021-08-15T25:00Z', '15 Aug 2021', '2021/08/15', '1629021600000']) expect(instantMs(bad)).toBeNaN();
  });
});

describe('calendar arithmetic', () => {
  it('ISO weeks and partial case dates', () => {
    expect(periodStart('2021-01-03', 'week')).toBe('2020-12-28');
    expect(periodLabel('2020-12-28', 'week')).toBe('2020-W53');
    expect(endOfCaseDate('2020-02')).toBe('2020-02-29');
    expect(endOfCaseDate('2021')).toBe('2021-12-31');
  });
});
