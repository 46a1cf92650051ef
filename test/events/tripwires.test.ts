// Tripwires on hand-made series whose firing periods are known in advance, and the calendar
// they rest on (ISO weeks, months, zero-filling).
import { describe, expect, it } from 'vitest';
import type { Actor, Leverage, Relationship, Tripwire } from '../../src/case/schema.js';
import { addDays, periodLabel, periodStart } from '../../src/util/dates.js';
import { breakdownOf, periodsOf, seriesOf } from '../../src/events/indicators.js';
import { reviewDue, riseOverBaseline, sanctionedOfficeholder, zscore, type IndicatorData } from '../../src/events/tripwires.js';

/** Weekly data: `weekValues[i]` events on the Monday of the i-th week from `firstMonday`, or per-day values. */
function weekly(firstMonday: string, weekValues: number[], perDay?: Record<string, number>): IndicatorData {
  const daily = new Map<string, number>();
  weekValues.forEach((v, i) => {
    if (v) daily.set(addDays(firstMonday, 7 * i), v);
  });
  for (const [d, v] of Object.entries(perDay ?? {})) daily.set(d, (daily.get(d) ?? 0) + v);
  const to = addDays(firstMonday, 7 * weekValues.length - 1);
  const periods = periodsOf({ from: firstMonday, to }, 'week');
  return { id: 'ind', kind: 'week', periods, values: seriesOf(daily, periods), daily, from: firstMonday, to };
}

const tw = (o: Partial<Tripwire>): Tripwire => ({ id: 'tw', kind: 'rise_over_baseline', advice: 'act', ...o }) as Tripwire;

describe('calendar', () => {
  it.each([
    ['2020-02-29', '2020-02-24', '2020-W09'],
    ['2020-09-12', '2020-09-07', '2020-W37'],
    ['2020-12-31', '2020-12-28', '2020-W53'],
    ['2021-01-03', '2020-12-28', '2020-W53'],
    ['2021-01-04', '2021-01-04', '2021-W01'],
    ['2019-12-30', '2019-12-30', '2020-W01'],
    ['2021-08-15', '2021-08-09', '2021-W32'],
  ])('%s lies in the ISO week starting %s, labelled %s', (date, monday, label) => {
    expect(periodStart(date, 'week')).toBe(monday);
    expect(periodLabel(monday, 'week')).toBe(label);
  });

  it('zero-fills every period between the first and the last day, months included', () => {
    const periods = periodsOf({ from: '2020-01-15', to: '2020-04-02' }, 'month');
    expect(periods.map((p) => [p.label, p.start, p.end])).toEqual([
      ['2020-01', '2020-01-01', '2020-01-31'], ['2020-02', '2020-02-01', '2020-02-29'], ['2020-03', '2020-03-01', '2020-03-31'], ['2020-04', '2020-04-01', '2020-04-30'],
    ]);
    expect(seriesOf(new Map([['2020-01-31', 2], ['2020-03-01', 3], ['2020-03-31', 1]]), periods)).toEqual([2, 0, 4, 0]);
  });

  it('breaks a series down by key, largest first', () => {
    const periods = periodsOf({ from: '2021-01-04', to: '2021-01-17' }, 'week');
    const rows = [
      { date: '2021-01-04', key: 'Kabul', events: 1, fatalities: 3, civilian_fatalities: 1 },
      { date: '2021-01-12', key: 'Helmand', events: 2, fatalities: 9, civilian_fatalities: 0 },
      { date: '2021-01-13', key: 'Kabul', events: 1, fatalities: 1, civilian_fatalities: 1 },
    ];
    expect(breakdownOf(rows, 'fatalities', periods)).toEqual([
      { key: 'Helmand', label: 'Helmand', values: [0, 9] },
      { key: 'Kabul', label: 'Kabul', values: [3, 1] },
    ]);
  });
});

describe('rise_over_baseline', () => {
  // Baseline week 2020-02-24 (W09): 7 events, 1 a day. Then W10 10, W11 14, W12 20, W13 3.
  const data = weekly('2020-02-24', [7, 10, 14, 20, 3]);
  const base = { indicator: 'ind', baseline: { from: '2020-02-24', to: '2020-03-01' }, active: { from: '2020-03-02' }, factor: 2 };

  it('fires for every active period at or above factor × baseline, and reports the first', () => {
    const r = riseOverBaseline(tw(base), data, '2020-04-30');
    expect(r).toMatchObject({ alert: { tripwire: 'tw', kind: 'rise_over_baseline', periods: ['2020-W11', '2020-W12'], first: '2020-W11', advice: 'act', baseline: 7, factor: 2 } });
  });

  it('min_value holds back periods below it', () => {
    expect(riseOverBaseline(tw({ ...base, min_value: 15 }), data, '2020-04-30')).toMatchObject({ alert: { periods: ['2020-W12'] } });
  });

  it('periods after the as-of date do not count', () => {
    expect(riseOverBaseline(tw(base), data, '2020-03-15')).toMatchObject({ alert: { periods: ['2020-W11'] } });
    expect(riseOverBaseline(tw(base), data, '2020-03-08')).toBeNull();
  });

  it('active.to ends the window', () => {
    expect(riseOverBaseline(tw({ ...base, active: { from: '2020-03-02', to: '2020-03-15' } }), data, '2020-04-30')).toMatchObject({ alert: { periods: ['2020-W11'] } });
  });

  it('a baseline that straddles two ISO weeks is measured by the day (Doha RiV week, 22–28 Feb 2020)', () => {
    // Sat 22 and Sun 23 Feb (in W08): 4 events each; Mon 24–Fri 28 (W09): none. Baseline 8 in 7
    // days → 8 a week, threshold 16: W10 15 does not fire, W11 16 and W12 17 do.
    const d = weekly('2020-02-17', [0, 0, 15, 16, 17], { '2020-02-22': 4, '2020-02-23': 4 });
    const r = riseOverBaseline(tw({ ...base, baseline: { from: '2020-02-22', to: '2020-02-28' }, active: { from: '2020-03-02' } }), d, '2020-04-30');
    expect(r).toMatchObject({ alert: { periods: ['2020-W11', '2020-W12'], baseline: 8 } });
  });

  it('no firing period: no alert', () => {
    expect(riseOverBaseline(tw({ ...base, factor: 5 }), data, '2020-04-30')).toBeNull();
  });

  it('a baseline outside the data is skipped with the reason, not treated as zero', () => {
    expect(riseOverBaseline(tw({ ...base, baseline: { from: '2019-01-01', to: '2019-01-31' } }), data, '2020-04-30'))
      .toEqual({ skipped: { tripwire: 'tw', reason: expect.stringMatching(/baseline 2019-01-01…2019-01-31 is not inside the data/) } });
  });

  it('a zero baseline does not make every empty week fire', () => {
    const d = weekly('2020-02-24', [0, 0, 3, 0]);
    expect(riseOverBaseline(tw(base), d, '2020-04-30')).toMatchObject({ alert: { periods: ['2020-W11'] } });
  });
});

describe('zscore', () => {
  // Eight weeks alternating 4 and 6 (mean 5, sample sd 1.069): 20 fires, 5 after it does not.
  const values = [4, 6, 4, 6, 4, 6, 4, 6, 20, 5, 30];
  const data = weekly('2021-01-04', values);

  it('fires where value > mean + k·sd of the trailing window (defaults k 2, window 8)', () => {
    const r = zscore(tw({ kind: 'zscore', indicator: 'ind' }), data, '2021-12-31');
    expect(r).toMatchObject({ alert: { periods: ['2021-W09', '2021-W11'], first: '2021-W09', k: 2, window: 8 } });
    const first = (r as unknown as { alert: { values: Array<{ mean: number; sd: number }> } }).alert.values[0];
    expect(first).toMatchObject({ mean: 5, sd: 1.069 });
  });

  it('k and window can be set; active narrows the periods', () => {
    // k 10: W09's 20 is above 5 + 10 × 1.069; W11's 30 is below 6.875 + 10 × 5.4.
    expect(zscore(tw({ kind: 'zscore', indicator: 'ind', k: 10 }), data, '2021-12-31')).toMatchObject({ alert: { periods: ['2021-W09'] } });
    expect(zscore(tw({ kind: 'zscore', indicator: 'ind', active: { from: '2021-03-08' } }), data, '2021-12-31')).toMatchObject({ alert: { periods: ['2021-W11'] } });
    expect(zscore(tw({ kind: 'zscore', indicator: 'ind', window: 2 }), weekly('2021-01-04', [1, 1, 1, 5]), '2021-12-31')).toMatchObject({ alert: { periods: ['2021-W04'] } });
  });

  it('a flat series does not fire; before a full window nothing can fire', () => {
    expect(zscore(tw({ kind: 'zscore', indicator: 'ind' }), weekly('2021-01-04', [3, 3, 3, 3, 3, 3, 3, 3, 3]), '2021-12-31')).toBeNull();
    expect(zscore(tw({ kind: 'zscore', indicator: 'ind' }), weekly('2021-01-04', [0, 0, 0, 50]), '2021-12-31')).toBeNull();
  });
});

describe('review_due', () => {
  const lev = { id: 'lev', held_by: 'us', kind: 'asset_release', text: 'x', gated_by: [], review: '2021-12-20' } as unknown as Leverage;
  const t = tw({ kind: 'review_due', leverage: 'lev', within_days: 30 });

  it('fires when the review lies within the days after T and the recommendation is not release', () => {
    expect(reviewDue(t, lev, '2021-12-01', 'withhold')).toMatchObject({ alert: { kind: 'review_due', periods: [], first: '2021-12-20', days_until: 19, recommendation: 'withhold' } });
    expect(reviewDue(t, lev, '2021-11-20', 'review')).toMatchObject({ alert: { days_until: 30 } });
  });

  it('does not fire for release, too early, or after the review', () => {
    expect(reviewDue(t, lev, '2021-12-01', 'release')).toBeNull();
    expect(reviewDue(t, lev, '2021-11-19', 'withhold')).toBeNull();
    expect(reviewDue(t, lev, '2021-12-21', 'withhold')).toBeNull();
  });

  it('a missing leverage is reported', () => {
    expect(reviewDue(t, undefined, '2021-12-01', null)).toEqual({ skipped: { tripwire: 'tw', reason: 'no leverage "lev" in the case' } });
  });
});

describe('sanctioned_officeholder', () => {
  const actors = [
    { id: 'taliban', kind: 'armed_group', name: 'Taliban' },
    { id: 'minister', kind: 'person', name: 'A Minister' },
    { id: 'clerk', kind: 'person', name: 'A Clerk' },
  ] as Actor[];
  const relationships = [
    { id: 'office-1', from: 'minister', to: 'taliban', type: 'holds_office', role: 'Minister', since: '2021-09-07' },
    { id: 'office-2', from: 'clerk', to: 'taliban', type: 'holds_office', since: '2021-09-07', until: '2021-12-31' },
  ] as Relationship[];
  const t = tw({ kind: 'sanctioned_officeholder' });
  const matches = [{ actor: 'minister', list: 'un', ref: 'TAi.001' }, { actor: 'clerk', list: 'un', ref: 'TAi.002' }];

  it('fires for each office held at T by a person with a confirmed match', () => {
    const r = sanctionedOfficeholder(t, { subject: 'taliban', actors, relationships, matches }, '2021-10-01');
    expect(r).toMatchObject({ alert: { first: '2021-09-07', officeholders: [
      { person: 'minister', role: 'Minister', matches: [{ list: 'un', ref: 'TAi.001' }] },
      { person: 'clerk', matches: [{ list: 'un', ref: 'TAi.002' }] },
    ] } });
  });

  it('only offices active at T count, and only persons with a match', () => {
    expect(sanctionedOfficeholder(t, { subject: 'taliban', actors, relationships, matches }, '2022-02-01')).toMatchObject({ alert: { officeholders: [{ person: 'minister' }] } });
    expect(sanctionedOfficeholder(t, { subject: 'taliban', actors, relationships, matches }, '2021-09-06')).toBeNull();
    expect(sanctionedOfficeholder(t, { subject: 'taliban', actors, relationships, matches: [] }, '2021-10-01')).toBeNull();
  });
});
