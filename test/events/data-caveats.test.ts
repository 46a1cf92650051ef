// Indicators say what the imported files cannot support: a sample is named as one wherever its
// series appear, and a filter on columns the files lack gives a reason instead of a zero line.
// Real headers and the real demo file (../shared/data/ucdp-ged, read in place).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCase } from '../../src/case/read.js';
import type { CaseFile, Indicator } from '../../src/case/schema.js';
import { caseAlertsFromStore, caseIndicatorsFromStore } from '../../src/import/case-events.js';
import { indicatorJson } from '../../src/events/case-views.js';
import { dataCaveats, type ImportedFile } from '../../src/events/data-caveats.js';
import { importEventFile } from '../../src/import/events.js';
import type { Store } from '../../src/store/open.js';
import { buildBriefing } from '../../src/report/model.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { ged, haveEventData, sqliteStore } from './helpers.js';

const header = (file: string) => (readFileSync(file, 'utf8').split('\n')[0] ?? '').replace(/^\uFEFF/, '').split(',').map((c) => c.replace(/"/g, ''));
const file = (path: string, rows: number): ImportedFile => ({ dataset: 'ucdp-ged', file_name: path.split('/').at(-1) ?? path, columns: header(path), rows_read: rows });
const ind = (o: Partial<Indicator>): Indicator => ({ id: 'i', dataset: 'ucdp-ged', measure: 'events', period: 'week', ...o } as Indicator);

describe.skipIf(!haveEventData)('data caveats from real file headers', () => {
  it('an actor filter over the demo extract (no side_a/side_b) gives a reason, not a series', () => {
    const c = dataCaveats(ind({ filter: { country: 'AF', actors_any: ['taliban'] } }), [file(ged.lilinduo, 1009)]);
    expect(c.blocking).toMatch(/selects by actor \(actors_any\), but no imported ucdp-ged file has such a column \(ged_sample_lilinduo_afghanistan\.csv \(11 columns, 1,009 rows\)\)/);
    expect(c.blocking).toMatch(/no series is drawn/);
  });

  it('the same extract without an actor filter is drawn, and named as a sample', () => {
    const c = dataCaveats(ind({ filter: { country: 'AF', violence_types: [1, 3] } }), [file(ged.lilinduo, 1009)]);
    expect(c.blocking).toBeNull();
    expect(c.notes).toHaveLength(1);
    expect(c.notes[0]).toMatch(/^the ucdp-ged events come from a sample, not the full release/);
    expect(c.notes[0]).toMatch(/its name says it is a sample/);
  });

  it('a full-column file is a sample by its name only; with actor columns the actor filter works', () => {
    const full = file(ged.sample, 1000);
    expect(full.columns).toContain('side_a');
    const c = dataCaveats(ind({ filter: { actors_any: ['taliban'] } }), [full]);
    expect(c.blocking).toBeNull();
    expect(c.notes.join(' ')).toMatch(/ged231_sample1000_uncertainUCDP\.csv \(49 columns, 1,000 rows\): its name says it is a sample/);
  });

  it('a release-shaped file under a plain name has no caveat; a reduced one is caught by its columns', () => {
    const release = { ...file(ged.sample, 1000), file_name: 'GEDEvent_v25_1.csv' };
    expect(dataCaveats(ind({ filter: { actors_any: ['taliban'] } }), [release])).toEqual({ blocking: null, notes: [] });
    const renamed = { ...file(ged.lilinduo, 1009), file_name: 'afghanistan.csv' };
    expect(dataCaveats(ind({}), [renamed]).notes[0]).toMatch(/it lacks columns of the GED release \(relid, side_a, side_b, where_prec, date_prec\)/);
  });

  it('mixed imports: only some files carry the column, and that is said', () => {
    const c = dataCaveats(ind({ filter: { actors_any: ['taliban'] } }), [{ ...file(ged.sample, 1000), file_name: 'GEDEvent_v25_1.csv' }, file(ged.lilinduo, 1009)]);
    expect(c.blocking).toBeNull();
    expect(c.notes[0]).toBe('only 1 of 2 imported ucdp-ged files have a column for actor (actors_any): events from ged_sample_lilinduo_afghanistan.csv are never counted here');
  });

  it('other datasets and hostile headers: no imports of the dataset means no caveat, junk columns are not columns', () => {
    expect(dataCaveats(ind({ dataset: 'acled', filter: { actors_any: ['x'] } }), [file(ged.lilinduo, 1009)])).toEqual({ blocking: null, notes: [] });
    const junk: ImportedFile = { dataset: 'ucdp-ged', file_name: 'x.csv', columns: ['side_a_x', '<script>', ''], rows_read: 2 };
    expect(dataCaveats(ind({ filter: { actors_any: ['t'] } }), [junk]).blocking).toMatch(/no imported ucdp-ged file has such a column/);
  });
});

describe.skipIf(!haveEventData)('the bundled case over the demo extract', () => {
  let store: Store;
  let c: CaseFile;
  beforeAll(async () => {
    store = await sqliteStore();
    const parsed = await readCase('cases/afghanistan-doha');
    if (!parsed.ok) throw new Error('the bundled case does not validate');
    c = parsed.value;
    await importEventFile(store, ged.lilinduo, { actor: 'test', dataset: 'ucdp-ged', version: null });
  });
  afterAll(async () => {
    await store.close();
  });

  it('draws no Taliban series (the file has no actors), names the others as samples, and skips the tripwire with the reason', async () => {
    const series = await caseIndicatorsFromStore(store, c, { asOf: '2023-01-01' });
    const byId = new Map(series.map((s) => [s.id, s]));
    expect(byId.get('ind-taliban-violence')).toMatchObject({ periods: [], values: [], from: null });
    expect(byId.get('ind-taliban-violence')?.note).toMatch(/selects by actor/);
    for (const id of ['ind-af-violence', 'ind-civilian-deaths']) {
      expect(byId.get(id)?.periods.length, id).toBeGreaterThan(0);
      expect(byId.get(id)?.caveats?.[0], id).toMatch(/come from a sample/);
    }
    // The API and `deeds indicators --json` carry the caveats as they carry the note.
    expect(indicatorJson(byId.get('ind-af-violence')!)['caveats']).toEqual(byId.get('ind-af-violence')?.caveats);
    expect(indicatorJson(byId.get('ind-taliban-violence')!)).not.toHaveProperty('caveats');
    const alerts = await caseAlertsFromStore(store, c, '2021-06-30', { matches: [] });
    expect(alerts.skipped.find((s) => s.tripwire === 'tw-violence-during-talks')?.reason).toMatch(/selects by actor/);
  });

  it('says so in the briefing, next to each series', async () => {
    const series = await caseIndicatorsFromStore(store, c, { asOf: '2023-01-01' });
    const md = renderMarkdown(buildBriefing({ case: c, asOf: '2023-01-01', indicators: series }));
    const section = md.slice(md.indexOf('## Indicators'));
    expect(section).toMatch(/ind-af-violence[^\n]*\*\*Caveat:\*\* the ucdp-ged events come from a sample/);
    expect(section).toMatch(/ind-taliban-violence[^\n]*selects by actor/);
  });
});
