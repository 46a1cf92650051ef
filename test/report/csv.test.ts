// The evidence CSV: one row per item, formulas neutralised, and read back into the same items.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { evidenceCsv, neutralise, readEvidenceCsv, renderReport, unneutralise } from '../../src/report/index.js';
import { bundledCase, FORMULA, hostileCase } from './fixtures.js';

const today = new Date().toISOString().slice(0, 10);

describe('evidence CSV', () => {
  it('round-trips the bundled case: export → read gives the case evidence', async () => {
    const c = await bundledCase();
    const out = await renderReport({ case: c, asOf: today }, 'csv');
    expect(out.contentType).toMatch(/^text\/csv/);
    const back = readEvidenceCsv(String(out.body));
    expect(back.ok ? [] : back.problems).toEqual([]);
    expect(back.ok && back.value).toEqual(c.evidence);
  });

  it('neutralises spreadsheet formulas, and the reader undoes it', () => {
    const c = hostileCase();
    const csv = evidenceCsv(c, null);
    const rows = parse(csv, { bom: true }) as string[][];
    for (const cell of rows.flat()) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(csv).toContain(`"'${FORMULA.replace(/"/g, '""')}"`);
    expect(csv).toContain("''already quoted");
    const back = readEvidenceCsv(csv);
    expect(back.ok ? [] : back.problems).toEqual([]);
    expect(back.ok && back.value).toEqual(c.evidence);
    expect(back.ok && back.value.find((e) => e.id === 'ev-2')?.summary).toBe(FORMULA);
    expect(back.ok && back.value.find((e) => e.id === 'ev-1')?.['x-analyst' as keyof (typeof c.evidence)[number]]).toBe('kb');
  });

  it('leaves out what was recorded after the as-of date, and a later retraction', () => {
    const c = hostileCase();
    const back = readEvidenceCsv(evidenceCsv(c, '2021-12-31'));
    expect(back.ok && back.value.map((e) => e.id)).toEqual(['ev-1', 'ev-2', 'ev-3', 'ev-4']);
    expect(back.ok && back.value.find((e) => e.id === 'ev-4')?.retracted).toBeUndefined();
    const early = readEvidenceCsv(evidenceCsv(c, '2021-01-01'));
    expect(early.ok && early.value.map((e) => e.id)).toEqual(['ev-2']);
  });

  it('reports rows that are not evidence items', () => {
    const bad = readEvidenceCsv('id,source,observed_from,summary,credibility\r\nev-x,src,not-a-date,text,9\r\n');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems.join('\n')).toMatch(/row 2 \(ev-x\): observed.from/);
    expect(neutralise('-1')).toBe("'-1");
    expect(unneutralise(neutralise("'x"))).toBe("'x");
  });
});
