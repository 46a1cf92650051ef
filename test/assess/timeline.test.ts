// Timelines: points, the exact dates of changes and their causes, ranges and errors.
import { describe, expect, it } from 'vitest';
import { InvalidDateError, InvalidRangeError, timeline, timelines, UnknownObjectError, formatTimeline } from '../../src/assess/index.js';
import { caseOf, claim, commitment, condition, evidence, leverage, obligation } from './build.js';

// k: supported from 2021-02-01 (weight 2 → kept), contradicted from 2021-03-10 (weight 3 →
// broken), that contradiction retracted on 2021-05-01 (→ kept again).
// ob: obligation due 2021-04-15 with no evidence: missed from 2021-04-16.
const c = caseOf({
  commitments: [commitment('k', { made: '2021-01-15' }), obligation('ob', '2021-04-15', { made: '2021' })],
  conditions: [condition('cond', ['k', 'ob'])],
  leverage: [leverage('lev', ['cond'], [{ date: '2021-03-20', action: 'released' }, { date: '2021-02-10', action: 'renewed' }])],
  claims: [claim('cl', 'k', 'kept', '2021-02-15')],
  evidence: [
    evidence('e-sup', 'k', 'supports', 'moderate A1', { recorded: '2021-02-01' }),
    evidence('e-con', 'k', 'contradicts', 'strong A1', { recorded: '2021-03-10T09:30:00Z', retracted: { date: '2021-05-01', reason: 'wrong party' } }),
    evidence('e-ctx', 'k', 'context', 'strong A1', { recorded: '2021-02-20' }),
  ],
});

describe('timeline', () => {
  it('reports each change on the day it happens, with the items that entered or left', () => {
    const t = timeline(c, 'k', { from: '2021-01-01', to: '2021-06-30', step: 'month' });
    expect(t.changes.map((x) => [x.date, x.from, x.to, x.entered.map((e) => e.id), x.left.map((e) => e.id), x.events])).toEqual([
      ['2021-01-15', 'not_yet_made', 'unverified', [], [], ['k made (2021-01-15)']],
      ['2021-02-01', 'unverified', 'kept', ['e-sup'], [], []],
      // recorded at 09:30 on 2021-03-10: it counts from the next midnight
      ['2021-03-11', 'kept', 'broken', ['e-con'], [], []],
      ['2021-05-01', 'broken', 'kept', [], ['e-con'], []],
    ]);
    expect(t.changes[2]?.rule).toBe('broken: contradiction 3 ≥ 1.5 and greater than support 2');
  });

  it('samples points monthly from the start, and ends on the end date', () => {
    const t = timeline(c, 'k', { from: '2021-01-31', to: '2021-05-15', step: 'month' });
    expect(t.points.map((p) => [p.date, p.status, p.support, p.contradiction])).toEqual([
      ['2021-01-31', 'unverified', 0, 0],
      ['2021-02-28', 'kept', 2, 0],
      ['2021-03-31', 'broken', 2, 3],
      ['2021-04-30', 'broken', 2, 3],
      ['2021-05-15', 'kept', 2, 0],
    ]);
  });

  it('samples weekly', () => {
    const t = timeline(c, 'k', { from: '2021-03-01', to: '2021-03-29', step: 'week' });
    expect(t.points.map((p) => `${p.date} ${p.status}`)).toEqual(['2021-03-01 kept', '2021-03-08 kept', '2021-03-15 broken', '2021-03-22 broken', '2021-03-29 broken']);
  });

  it('an obligation is missed from the day after its due date', () => {
    const t = timeline(c, 'ob', { from: '2021-04-01', to: '2021-04-30' });
    expect(t.changes.map((x) => [x.date, x.to, x.events])).toEqual([['2021-04-16', 'broken', ['ob due date 2021-04-15 passed']]]);
  });

  it('follows conditions, leverage and claims through their parts', () => {
    const range = { from: '2021-01-01', to: '2021-06-30' };
    expect(timeline(c, 'cond', range).changes.map((x) => [x.date, x.to])).toEqual([
      ['2021-02-01', 'partly_met'], ['2021-03-11', 'not_met'],
    ]);
    const lev = timeline(c, 'lev', range);
    expect(lev.changes.map((x) => [x.date, x.to])).toEqual([['2021-03-11', 'withhold']]);
    expect(lev.decisions).toEqual([
      { date: '2021-02-10', action: 'renewed', recommendation: 'review', against_conditions: false },
      { date: '2021-03-20', action: 'released', recommendation: 'withhold', against_conditions: true },
    ]);
    expect(timeline(c, 'cl', range).changes.map((x) => [x.date, x.from, x.to])).toEqual([
      ['2021-02-15', 'not_yet_made', 'supported'], ['2021-03-11', 'supported', 'contradicted'], ['2021-05-01', 'contradicted', 'supported'],
    ]);
  });

  it('defaults: from when the object was made, to the last event, monthly', () => {
    const t = timeline(c, 'k');
    expect([t.from, t.to, t.step]).toEqual(['2021-01-15', '2021-05-01', 'month']);
  });

  it('a default start after the end given shrinks to the end', () => {
    const t = timeline(c, 'cl', { to: '2021-01-01' });
    expect([t.from, t.to, t.points]).toEqual(['2021-01-01', '2021-01-01', [{ date: '2021-01-01', status: 'not_yet_made', confidence: null }]]);
  });

  it('runs many timelines over one preparation', () => {
    const all = timelines(c, undefined, { from: '2021-01-01', to: '2021-12-31', step: 'week' });
    expect(all.map((t) => `${t.object.kind}:${t.object.id}`)).toEqual(['commitment:k', 'commitment:ob', 'condition:cond', 'leverage:lev', 'claim:cl']);
  });

  it('throws typed errors for unknown ids, bad dates and reversed ranges', () => {
    expect(() => timeline(c, 'nope')).toThrow(UnknownObjectError);
    expect(() => timeline(c, 'e-sup')).toThrow('"e-sup" in case "test" is an evidence item; a timeline is for a commitment, condition, leverage or claim');
    expect(() => timeline(c, 'k', { from: '2021-13-01' })).toThrow(InvalidDateError);
    expect(() => timeline(c, 'k', { from: '2021-06-01', to: '2021-01-01' })).toThrow(InvalidRangeError);
    expect(() => timeline(caseOf({ conditions: [condition('empty', [])] }), 'empty')).toThrow(/give a start and an end date/);
    expect(() => timeline(c, 'k', { step: 'day' as never })).toThrow('unknown step "day": use week or month');
  });

  it('formats changes before points', () => {
    const text = formatTimeline(timeline(c, 'k', { from: '2021-01-01', to: '2021-06-30' }));
    expect(text.indexOf('Changes of status')).toBeLessThan(text.indexOf('Points'));
    expect(text).toContain('2021-03-11  kept → broken (moderate confidence): broken: contradiction 3 ≥ 1.5 and greater than support 2');
    expect(text).toContain('    + e-con → k A1 contradicts strong 3');
  });
});
