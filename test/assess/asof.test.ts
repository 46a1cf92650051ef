// What counts as of T (ALGORITHMS.md §2), with partial dates, retractions and corrections.
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/index.js';
import { byId, caseOf, commitment, evidence } from './build.js';

/** One commitment, one contradicting item (weight 3) with the given fields; the support/contradiction at `asOf`. */
function contradictionAt(extra: Record<string, unknown>, asOf: string, more: Record<string, unknown>[] = []): number {
  const c = caseOf({ commitments: [commitment('c1', { made: '2019' })], evidence: [evidence('e1', 'c1', 'contradicts', 'strong A1', extra), ...more] });
  return byId(assess(c, asOf).commitments, 'c1').contradiction;
}

describe('as of T', () => {
  it.each([
    { name: 'recorded before T counts', extra: { recorded: '2021-05-31' }, asOf: '2021-06-01', counts: true },
    { name: 'recorded on T counts', extra: { recorded: '2021-06-01' }, asOf: '2021-06-01', counts: true },
    { name: 'recorded after T does not count', extra: { recorded: '2021-06-02' }, asOf: '2021-06-01', counts: false },
    { name: 'observed after T does not count even if recorded', extra: { recorded: '2021-01-01', observed: { from: '2021-07-01' } }, asOf: '2021-06-01', counts: false },
    { name: 'observed on T counts', extra: { observed: { from: '2021-06-01', to: '2021-12-31' } }, asOf: '2021-06-01', counts: true },
    { name: 'recorded defaults to the source date (2020-01-01)', extra: { recorded: undefined }, asOf: '2020-01-01', counts: true },
    { name: 'recorded defaults to the source date, after T', extra: { recorded: undefined, source: 'src-late' }, asOf: '2021-06-01', counts: false },
    { name: 'retracted on T does not count', extra: { retracted: { date: '2021-06-01', reason: 'wrong place' } }, asOf: '2021-06-01', counts: false },
    { name: 'retracted the day after T still counts', extra: { retracted: { date: '2021-06-02', reason: 'wrong place' } }, asOf: '2021-06-01', counts: true },
    { name: 'partial date: recorded 2021 counts on 2021-01-01', extra: { recorded: '2021' }, asOf: '2021-01-01', counts: true },
    { name: 'partial date: recorded 2021 does not count on 2020-12-31', extra: { recorded: '2021' }, asOf: '2020-12-31', counts: false },
    { name: 'partial date: recorded 2021-02 does not count on 2021-01-31', extra: { recorded: '2021-02' }, asOf: '2021-01-31', counts: false },
    { name: 'partial as-of 2021-02 is 2021-02-01: recorded 2021-02-01 counts', extra: { recorded: '2021-02-01' }, asOf: '2021-02', counts: true },
    { name: 'partial as-of 2021-02: recorded 2021-02-02 does not count', extra: { recorded: '2021-02-02' }, asOf: '2021-02', counts: false },
    { name: 'a date is its midnight: recorded 10:00 that day does not count on the day', extra: { recorded: '2021-06-01T10:00:00Z' }, asOf: '2021-06-01', counts: false },
    { name: 'datetime as-of after the recording time counts', extra: { recorded: '2021-06-01T10:00:00Z' }, asOf: '2021-06-01T10:00:00Z', counts: true },
    { name: 'time zones are honoured', extra: { recorded: '2021-06-01T01:00:00+02:00' }, asOf: '2021-06-01', counts: true },
  ])('$name', ({ extra, asOf, counts }) => {
    const withLateSource = { ...extra } as Record<string, unknown>;
    const c = caseOf({
      sources: [
        { id: 'src-a', kind: 'report', title: 'A', date: '2020-01-01', reliability: 'A' },
        { id: 'src-late', kind: 'report', title: 'late', date: '2021-07-01', reliability: 'A' },
      ],
      commitments: [commitment('c1', { made: '2019' })],
      evidence: [evidence('e1', 'c1', 'contradicts', 'strong A1', withLateSource)],
    });
    expect(byId(assess(c, asOf).commitments, 'c1').contradiction).toBe(counts ? 3 : 0);
  });

  describe('corrections (supersedes)', () => {
    const correction = (recorded: string, extra: Record<string, unknown> = {}) =>
      evidence('e2', 'c1', 'contradicts', 'moderate A1', { recorded, supersedes: 'e1', ...extra });

    it('a correction recorded after T leaves the old version counting at T', () => {
      expect(contradictionAt({}, '2021-06-01', [correction('2021-06-02')])).toBe(3);
    });
    it('a correction recorded by T replaces the old version', () => {
      expect(contradictionAt({}, '2021-06-02', [correction('2021-06-02')])).toBe(2);
    });
    it('a correction recorded by T but observed later: the old version is replaced and the new one waits', () => {
      expect(contradictionAt({}, '2021-06-02', [correction('2021-06-02', { observed: { from: '2021-07-01' } })])).toBe(0);
    });
    it('a chain: the newest version recorded by T counts, never two versions', () => {
      const v3 = evidence('e3', 'c1', 'contradicts', 'weak A1', { recorded: '2021-03-01', supersedes: 'e2' });
      expect(contradictionAt({}, '2021-02-01', [correction('2021-02-01'), v3])).toBe(2);
      expect(contradictionAt({}, '2021-03-01', [correction('2021-02-01'), v3])).toBe(1);
      // v2 recorded late: by 2021-03-01 only v1 and v3 are known; v3 is the newest, v1 is out
      expect(contradictionAt({}, '2021-03-01', [correction('2021-09-01'), v3])).toBe(1);
    });
  });

  describe('items known but not counting are explained; later items are not revealed', () => {
    const c = caseOf({
      commitments: [commitment('c1', { made: '2019' })],
      evidence: [
        evidence('e-retracted', 'c1', 'contradicts', 'strong A1', { retracted: { date: '2021-01-01', reason: 'misattributed' } }),
        evidence('e-old', 'c1', 'supports', 'strong A1'),
        evidence('e-new', 'c1', 'supports', 'moderate A1', { recorded: '2021-02-01', supersedes: 'e-old' }),
        evidence('e-future-obs', 'c1', 'supports', 'weak A1', { observed: { from: '2022-01-01' } }),
        evidence('e-later', 'c1', 'contradicts', 'weak A1', { recorded: '2021-09-01' }),
      ],
    });
    const r = byId(assess(c, '2021-06-01').commitments, 'c1');
    it('lists the reasons', () => {
      expect(r.not_counting).toEqual([
        { id: 'e-future-obs', stance: 'supports', reason: 'observed from 2022-01-01, after the date' },
        { id: 'e-old', stance: 'supports', reason: 'superseded by e-new' },
        { id: 'e-retracted', stance: 'contradicts', reason: 'retracted on 2021-01-01: misattributed' },
      ]);
      expect(r.evidence.map((e) => e.id)).toEqual(['e-new']);
    });
    it('does not mention an item recorded after T', () => {
      expect(JSON.stringify(assess(c, '2021-06-01'))).not.toContain('e-later');
    });
  });

  it('refuses an as-of date that is not a date', () => {
    expect(() => assess(caseOf(), '2021-02-30')).toThrow(/"2021-02-30" is not a date/);
    expect(() => assess(caseOf(), 'yesterday')).toThrow(expect.objectContaining({ code: 'invalid_date' }));
  });
});
