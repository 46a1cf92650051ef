// deeds import / indicators / alerts as a user runs them, in-process through main(argv) (test/helpers/cli-main.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { deedsMain as deeds } from '../helpers/cli-main.js';
import { ged, gedHeader, gedRow, haveEventData, tempDir, tempFile } from './helpers.js';

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

const caseData = {
  case: { id: 'cli-events', title: 'CLI events', subject: 'taliban', period: { start: '2020-01-01', end: '2020-03-31' } },
  actors: [
    { id: 'taliban', kind: 'armed_group', name: 'Taliban', aliases: ['Taleban'], dataset_ids: { ucdp: [303] } },
    { id: 'minister', kind: 'person', name: 'A Minister', sanctions_refs: ['TAi.001'] },
    { id: 'us', kind: 'state', name: 'United States' },
  ],
  relationships: [{ id: 'office', from: 'minister', to: 'taliban', type: 'holds_office', since: '2020-01-01' }],
  conditions: [{ id: 'cond', set_by: ['us'], category: 'violence', text: 'less violence', requires: [] }],
  leverage: [{ id: 'lev', held_by: 'us', kind: 'talks', text: 'talks', gated_by: ['cond'], review: '2020-03-20' }],
  indicators: [{ id: 'ind-violence', dataset: 'ucdp-ged', filter: { country: 'AF', actors_any: ['taliban'] }, measure: 'events', period: 'week' }],
  tripwires: [
    { id: 'tw-rise', kind: 'rise_over_baseline', indicator: 'ind-violence', baseline: { from: '2020-01-06', to: '2020-01-19' }, active: { from: '2020-01-20' }, factor: 2, min_value: 3, advice: 'slow the talks' },
    { id: 'tw-review', kind: 'review_due', leverage: 'lev', within_days: 30, advice: 'review the talks' },
    { id: 'tw-office', kind: 'sanctioned_officeholder' },
  ],
};

/** Taleban events on 6, 13 and 27 January, 4 in the week of 3 February, 1 on 12 February; one event of other actors. */
function eventsFile(): string {
  const rows = [gedHeader];
  let id = 1;
  for (const d of ['2020-01-06', '2020-01-13', '2020-01-27']) rows.push(gedRow({ id: id++, date: d }));
  for (const d of ['2020-02-03', '2020-02-04', '2020-02-05', '2020-02-06']) rows.push(gedRow({ id: id++, date: d, adm1: d === '2020-02-06' ? '"=HYPERLINK(""http://x"",""y"")"' : 'Hilmand province' }));
  rows.push(gedRow({ id: id++, date: '2020-02-12' }));
  rows.push(gedRow({ id, date: '2020-02-13', b_id: 1, b: 'Civilians', a_id: 999, a: 'Someone else' }));
  return tempFile('GEDEvent_v25_1.csv', rows.join('\n') + '\n');
}

describe('deeds import, indicators, alerts', () => {
  const dir = tempDir();
  const db = join(dir, 'deeds.db');
  let caseDir: string;

  beforeAll(async () => {
    caseDir = tempDir();
    writeFileSync(join(caseDir, 'case.yaml'), stringify(caseData));
    const loaded = await deeds(['case', 'load', caseDir, '--db', db]);
    expect(loaded.stderr).toBe('');
    expect(loaded.code).toBe(0);
  });

  it('import --json: the contract shape; again: unchanged', async () => {
    const file = eventsFile();
    const r = await deeds(['import', 'ucdp-ged', file, '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ kind: 'ucdp-ged', files: [file], read: 9, inserted: 9, updated: 0, unchanged: 0, rejected: 0, rejects: [] });
    const again = await deeds(['import', 'ucdp-ged', file, '--db', db, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ read: 9, inserted: 0, unchanged: 9 });
  });

  it('import reports rejected rows with file, line and reason', async () => {
    const file = tempFile('bad.csv', `${gedHeader}\n${gedRow({ id: 100, date: '2020-13-01' })}\n${gedRow({ id: 101 })}\n`);
    const r = await deeds(['import', 'ucdp-ged', file, '--db', join(tempDir(), 'x.db')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('read 2, inserted 1, updated 0, unchanged 0, rejected 1');
    expect(r.stdout).toContain(`rejected ${file}:2: date_start is not a date: "2020-13-01"`);
  });

  it.skipIf(!haveEventData)('import of a file that is not event data: exit 1, one clear line, no stack', async () => {
    const r = await deeds(['import', 'ucdp-ged', ged.actors, '--db', join(tempDir(), 'x.db')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^deeds: not a UCDP GED file: it has no "id" column/);
    noStack(r.stderr);
    const empty = await deeds(['import', 'acled', tempFile('empty.csv', ''), '--db', join(tempDir(), 'x.db')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/is empty: a CSV file needs at least a header line/);
  });

  it('indicators --json: zero-filled ISO weeks over the case period', async () => {
    const r = await deeds(['indicators', 'cli-events', '--db', db, '--json', '--as-of', '2020-12-31']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.case).toBe('cli-events');
    const [s] = out.indicators;
    expect(s).toMatchObject({ id: 'ind-violence', dataset: 'ucdp-ged', measure: 'events', period: 'week', from: '2020-01-06', to: '2020-02-16' });
    // The case period starts 2020-01-01, but the events cover 2020-01-06…2020-02-13 only.
    expect(s.periods).toEqual(['2020-W02', '2020-W03', '2020-W04', '2020-W05', '2020-W06', '2020-W07']);
    expect(s.values).toEqual([1, 1, 0, 1, 4, 1]);
    expect(s.total).toBe(8);
  });

  it('indicators --csv: one row per period, formula-looking cells neutralised', async () => {
    const r = await deeds(['indicators', 'cli-events', '--db', db, '--csv', '--by', 'province', '--as-of', '2020-12-31']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.filter((x) => x['breakdown'] === 'total').map((x) => [x['period'], x['value']])).toEqual([
      ['2020-W02', '1'], ['2020-W03', '1'], ['2020-W04', '0'], ['2020-W05', '1'], ['2020-W06', '4'], ['2020-W07', '1'],
    ]);
    const keys = new Set(rows.filter((x) => x['breakdown'] === 'province').map((x) => x['key']));
    expect(keys).toEqual(new Set(['Kabul', 'Helmand', `'=HYPERLINK("http://x","y")`]));
    expect(r.stdout).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it('indicators and alerts --json together refuse --csv; a bad date is a usage error', async () => {
    expect((await deeds(['indicators', 'cli-events', '--db', db, '--json', '--csv'])).code).toBe(2);
    const r = await deeds(['alerts', 'cli-events', '--db', db, '--as-of', 'yesterday']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--as-of: "yesterday" is not an ISO date');
  });

  it('alerts --json: exactly the contract keys, with the firing periods', async () => {
    const r = await deeds(['alerts', 'cli-events', '--db', db, '--as-of', '2020-03-01', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).slice(0, 3)).toEqual(['case', 'as_of', 'alerts']);
    expect(out).toMatchObject({ case: 'cli-events', as_of: '2020-03-01' });
    const byId = Object.fromEntries(out.alerts.map((a: { tripwire: string }) => [a.tripwire, a]));
    // Baseline 2 events in 14 days = 1 a week; factor 2 → 2 a week, and min_value 3: only W06 (4).
    expect(byId['tw-rise']).toMatchObject({ tripwire: 'tw-rise', kind: 'rise_over_baseline', periods: ['2020-W06'], first: '2020-W06', advice: 'slow the talks' });
    // Review on 2020-03-20 is 19 days after the as-of date; the talks are not recommended for release.
    expect(byId['tw-review']).toMatchObject({ tripwire: 'tw-review', kind: 'review_due', periods: [], first: '2020-03-20', advice: 'review the talks' });
    expect(byId['tw-office']).toMatchObject({ tripwire: 'tw-office', kind: 'sanctioned_officeholder', periods: [], first: '2020-01-01', advice: null });
    for (const a of out.alerts) expect(Object.keys(a).slice(0, 5)).toEqual(['tripwire', 'kind', 'periods', 'first', 'advice']);
  });

  it('alerts in words; an unknown case is a clear error', async () => {
    const r = await deeds(['alerts', 'cli-events', '--db', db, '--as-of', '2020-01-25']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('tw-office (sanctioned_officeholder) fires');
    expect(r.stdout).not.toContain('tw-rise');
    const missing = await deeds(['alerts', 'nope', '--db', db]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe('deeds: no case "nope" in the database; load it with `deeds case load PATH`\n');
  });

  it('--help lists the commands', async () => {
    for (const c of ['indicators', 'alerts', 'fetch']) {
      const r = await deeds([c, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: deeds ${c}`);
    }
  });
});
