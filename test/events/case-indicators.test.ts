// A case's indicators and alerts from plain data, without a store: src/events names the count
// queries it needs, the caller loads them (src/import/case-events.ts does, from the store), and the
// same inputs give the same series and alerts.
import { describe, expect, it } from 'vitest';
import { caseFromData } from '../../src/case/from-data.js';
import { alertCountQueries, caseAlerts, caseIndicators, countKey, indicatorCountQueries, type CountQuery, type DailyCounts, type EventData, type EventFacts } from '../../src/events/index.js';

const c = caseFromData({
  case: { id: 'pure', title: 'Pure', subject: 'taliban', period: { start: '2021-01-04' } },
  actors: [{ id: 'taliban', kind: 'armed_group', name: 'Taliban', dataset_ids: { ucdp: [303] } }],
  indicators: [
    { id: 'ind-weekly', dataset: 'ucdp-ged', filter: { country: 'AF', actors_any: ['taliban'] }, measure: 'events', period: 'week' },
    { id: 'ind-acled', dataset: 'acled', filter: { country: 'AF' }, measure: 'events', period: 'month' },
  ],
  tripwires: [
    { id: 'tw-rise', kind: 'rise_over_baseline', indicator: 'ind-weekly', baseline: { from: '2021-01-04', to: '2021-01-17' }, active: { from: '2021-01-18' }, factor: 2, min_value: 2 },
    { id: 'tw-acled', kind: 'zscore', indicator: 'ind-acled' },
  ],
});

const facts: EventFacts = {
  coverage: { 'ucdp-ged': { from: '2021-01-01', to: '2021-01-31' } },
  imports: [{ dataset: 'ucdp-ged', file_name: 'GEDEvent_v25_1.csv', columns: ['id', 'side_a', 'side_b', 'side_a_new_id', 'side_b_new_id'], rows_read: 100_000 }],
};

const day = (date: string, events: number): DailyCounts => ({ date, key: null, events, fatalities: 0, civilian_fatalities: 0 });

/** What a store would answer: one event a day in the first two weeks, five a day from 18 January. */
function answer(queries: CountQuery[]): EventData {
  const rows = [day('2021-01-05', 1), day('2021-01-12', 1), day('2021-01-18', 5), day('2021-01-25', 5)];
  return { ...facts, counts: new Map(queries.map((q) => [countKey(q), rows])) };
}

describe('case indicators from plain data', () => {
  const options = { asOf: '2021-01-31' };

  it('asks for the counts of the indicators with data, and counts them into series', () => {
    const queries = indicatorCountQueries(c, options, facts);
    // The ACLED indicator has no coverage: nothing to count, a note instead.
    expect(queries).toEqual([{ query: expect.objectContaining({ dataset: 'ucdp-ged', countryCode: 'AF', from: '2021-01-04', to: '2021-01-31' }), group: 'none' }]);
    const [weekly, acled] = caseIndicators(c, options, answer(queries));
    expect(weekly?.periods.map((p) => p.label)).toEqual(['2021-W01', '2021-W02', '2021-W03', '2021-W04']);
    expect(weekly?.values).toEqual([1, 1, 5, 5]);
    expect(weekly?.total).toBe(12);
    expect(acled).toMatchObject({ from: null, values: [], note: expect.stringMatching(/no acled events in the database/) });
  });

  it('refuses to make a series of counts that were not loaded, rather than a line of zeros', () => {
    expect(() => caseIndicators(c, options, { ...facts, counts: new Map() })).toThrow(/were not loaded/);
  });

  it('alerts read the indicators their tripwires name, and the sanctions changes passed in', () => {
    const queries = alertCountQueries(c, '2021-01-31', facts);
    expect(queries).toHaveLength(1);
    const result = caseAlerts(c, '2021-01-31', { matches: [], changes: [], events: answer(queries) });
    expect(result.alerts.map((a) => a.tripwire)).toEqual(['tw-rise']);
    expect(result.skipped).toEqual([{ tripwire: 'tw-acled', reason: expect.stringMatching(/no acled events in the database/) }]);
    // The same inputs, the same answer: nothing is read from anywhere else.
    expect(caseAlerts(c, '2021-01-31', { matches: [], changes: [], events: answer(queries) })).toEqual(result);
  });
});
