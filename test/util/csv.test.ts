// The one CSV writer: RFC 4180 quoting, formulas neutralised in a way a reader can undo, and the
// evidence table and the indicator series writing cells the same way.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, neutralise, unneutralise } from '../../src/util/csv.js';
import { csvCell as eventsCsvCell } from '../../src/events/index.js';
import { neutralise as reportNeutralise } from '../../src/report/index.js';

const hostile = ['=HYPERLINK("http://x","y")', '+1', '-1', '@SUM(A1)', '\tTAB', '\rCR', "'quoted", "''two", 'plain', '', 'a,b', 'say "hi"', 'two\nlines', '=1,"2"\r\n'];

describe('the CSV writer', () => {
  it('prefixes formula starts and apostrophes with an apostrophe, and nothing else', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell("'x")).toBe("''x");
    expect(csvCell('Kabul')).toBe('Kabul');
    expect(csvCell('2021-08-15')).toBe('2021-08-15');
  });

  it('quotes cells with commas, quotes or line breaks so a CSV reader gets them back whole', () => {
    const line = hostile.map(csvCell).join(',');
    const [row] = parse(line, { relax_quotes: false }) as string[][];
    expect(row?.map(unneutralise)).toEqual(hostile);
  });

  it('never lets a cell start a formula once read back', () => {
    for (const value of hostile) expect(neutralise(value)).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('is the writer of both the evidence table and the indicator series', () => {
    expect(eventsCsvCell).toBe(csvCell);
    expect(reportNeutralise).toBe(neutralise);
  });
});
