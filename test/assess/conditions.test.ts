// Condition status (ALGORITHMS.md §4), leverage (§6) and claim verdicts (§7).
import { describe, expect, it } from 'vitest';
import { assess } from '../../src/assess/index.js';
import { byId, caseOf, claim, commitment, condition, evidence, leverage, obligation } from './build.js';

const T = '2021-01-01';

// Commitments with a known status at T:
//   k-kept 3 support → kept (moderate: one A source) · k-broken 3 contradiction → broken
//   k-partly 1 support → partly_kept · k-unverified → unverified · k-later made 2022 → not_yet_made
//   k-high: 3 + 1.6 contradiction from src-a and src-b → broken, high confidence
const commitments = [commitment('k-kept'), commitment('k-broken'), commitment('k-partly'), commitment('k-unverified'), commitment('k-later', { made: '2022-01-01' }), commitment('k-high')];
const baseEvidence = [
  evidence('e-kept', 'k-kept', 'supports', 'strong A1'),
  evidence('e-broken', 'k-broken', 'contradicts', 'strong A1'),
  evidence('e-partly', 'k-partly', 'supports', 'weak A1'),
  evidence('e-high-1', 'k-high', 'contradicts', 'strong A1'),
  evidence('e-high-2', 'k-high', 'contradicts', 'moderate B1', { source: 'src-b' }),
];

function conditionAt(requires: string[], own: Record<string, unknown>[] = [], asOf = T) {
  const c = caseOf({ commitments, conditions: [condition('cond', requires)], evidence: [...baseEvidence, ...own] });
  return byId(assess(c, asOf).conditions, 'cond');
}

describe('condition status', () => {
  it.each([
    { name: 'no part at all', requires: [], own: [], status: 'unknown', rule: 'no_parts' },
    { name: 'one part broken, another kept', requires: ['k-kept', 'k-broken'], own: [], status: 'not_met', rule: 'not_met' },
    { name: 'every part kept', requires: ['k-kept'], own: [], status: 'met', rule: 'met' },
    { name: 'kept and unverified', requires: ['k-kept', 'k-unverified'], own: [], status: 'partly_met', rule: 'partly_met' },
    { name: 'partly kept only', requires: ['k-partly'], own: [], status: 'partly_met', rule: 'partly_met' },
    { name: 'unverified and not yet made', requires: ['k-unverified', 'k-later'], own: [], status: 'unknown', rule: 'unknown' },
    { name: 'own evidence only, kept', requires: [], own: [evidence('o1', 'cond', 'supports', 'strong A1')], status: 'met', rule: 'met' },
    { name: 'own evidence only, broken', requires: [], own: [evidence('o1', 'cond', 'contradicts', 'strong A1')], status: 'not_met', rule: 'not_met' },
    { name: 'own evidence breaks a condition whose commitments are kept', requires: ['k-kept'], own: [evidence('o1', 'cond', 'contradicts', 'strong A1')], status: 'not_met', rule: 'not_met' },
    { name: 'own evidence partly kept pulls met down to partly_met', requires: ['k-kept'], own: [evidence('o1', 'cond', 'supports', 'weak A1')], status: 'partly_met', rule: 'partly_met' },
    { name: 'own context links are not a part', requires: [], own: [evidence('o1', 'cond', 'context', 'strong A1')], status: 'unknown', rule: 'no_parts' },
    { name: 'own evidence recorded after T is not a part', requires: ['k-kept'], own: [evidence('o1', 'cond', 'contradicts', 'strong A1', { recorded: '2021-02-01' })], status: 'met', rule: 'met' },
  ])('$name → $status', ({ requires, own, status, rule }) => {
    const r = conditionAt(requires, own);
    expect({ status: r.status, rule: r.rule_id }).toEqual({ status, rule });
  });

  it('judges its own evidence as an obligation without due date: never missed', () => {
    const r = conditionAt([], [evidence('o1', 'cond', 'supports', 'weak A1')]);
    expect(r.parts).toEqual([{ id: 'cond', kind: 'own_evidence', status: 'partly_kept', confidence: 'low', support: 1, contradiction: 0, rule: expect.stringMatching(/^partly_kept/) }]);
  });

  it('lists its parts with their statuses', () => {
    const r = conditionAt(['k-kept', 'k-broken', 'k-later']);
    expect(r.parts.map((x) => [x.id, x.kind, x.status])).toEqual([['k-kept', 'commitment', 'kept'], ['k-broken', 'commitment', 'broken'], ['k-later', 'commitment', 'not_yet_made']]);
    expect(r.rule).toBe('not_met: part k-broken is broken');
  });

  it('confidence: not_met takes its most confident broken part; met its least confident part', () => {
    expect(conditionAt(['k-broken', 'k-high']).confidence).toBe('high');
    const met = caseOf({
      commitments: [commitment('a'), commitment('b')],
      conditions: [condition('cond', ['a', 'b'])],
      evidence: [evidence('a1', 'a', 'supports', 'strong A1'), evidence('a2', 'a', 'supports', 'moderate B1', { source: 'src-b' }), evidence('b1', 'b', 'supports', 'strong A6')],
    });
    const r = byId(assess(met, T).conditions, 'cond');
    expect([r.status, r.parts.map((x) => x.confidence), r.confidence]).toEqual(['met', ['high', 'moderate'], 'moderate']);
    expect(conditionAt([]).confidence).toBe('low');
  });

  it('a missed obligation makes its condition not met', () => {
    const c = caseOf({ commitments: [obligation('ob', '2020-06-30')], conditions: [condition('cond', ['ob'])] });
    expect(byId(assess(c, '2020-06-30').conditions, 'cond').status).toBe('unknown');
    expect(byId(assess(c, '2020-07-01').conditions, 'cond').status).toBe('not_met');
  });
});

describe('leverage recommendation', () => {
  // c-met ← k-kept; c-not ← k-broken; c-partly ← k-partly; c-unknown ← k-unverified
  const conditions = [condition('c-met', ['k-kept']), condition('c-not', ['k-broken']), condition('c-partly', ['k-partly']), condition('c-unknown', ['k-unverified'])];
  const recommendationOf = (gates: string[]) => {
    const c = caseOf({ commitments, conditions, leverage: [leverage('lev', gates)], evidence: baseEvidence });
    return byId(assess(c, T).leverage, 'lev');
  };

  it.each([
    { gates: ['c-met', 'c-not'], recommendation: 'withhold', rule: 'withhold' },
    { gates: ['c-not', 'c-partly'], recommendation: 'withhold', rule: 'withhold' },
    { gates: ['c-met'], recommendation: 'release', rule: 'release' },
    { gates: ['c-met', 'c-partly'], recommendation: 'review', rule: 'review' },
    { gates: ['c-unknown'], recommendation: 'review', rule: 'review' },
    { gates: [], recommendation: 'review', rule: 'no_gates' },
  ])('$gates → $recommendation', ({ gates, recommendation, rule }) => {
    const r = recommendationOf(gates);
    expect({ recommendation: r.recommendation, rule: r.rule_id }).toEqual({ recommendation, rule });
  });

  it('names the unmet gates', () => {
    const r = recommendationOf(['c-met', 'c-not', 'c-partly']);
    expect(r.unmet).toEqual(['c-not', 'c-partly']);
    expect(r.gated_by).toEqual([{ id: 'c-met', status: 'met' }, { id: 'c-not', status: 'not_met' }, { id: 'c-partly', status: 'partly_met' }]);
    expect(r.rule).toBe('withhold: gating condition c-not not_met');
  });
});

describe('released against conditions', () => {
  // k1 is broken from 2021-03-01 (evidence recorded then), kept before (support from 2020).
  // gate: cond ← k1. So the recommendation is release until 2021-02-28 and withhold from 2021-03-01.
  // k2 only gates lev-review: unverified → review.
  const build = (decisions: Record<string, unknown>[]) => caseOf({
    commitments: [commitment('k1'), commitment('k2')],
    conditions: [condition('cond', ['k1']), condition('cond-2', ['k2'])],
    leverage: [leverage('lev', ['cond'], decisions), leverage('lev-review', ['cond-2'], decisions)],
    evidence: [
      evidence('s', 'k1', 'supports', 'moderate A1'),
      evidence('x', 'k1', 'contradicts', 'strong A1', { recorded: '2021-03-01', observed: { from: '2020-06-01' } }),
      evidence('y', 'k1', 'contradicts', 'strong A1', { recorded: '2021-03-01', source: 'src-b' }),
    ],
  });
  const flagsOf = (decisions: Record<string, unknown>[], asOf = '2022-01-01', id = 'lev') => byId(assess(build(decisions), asOf).leverage, id).flags;

  it('flags a release on a date when the recommendation was withhold, with the unmet conditions', () => {
    expect(flagsOf([{ date: '2021-03-01', action: 'released' }])).toEqual([
      { kind: 'released_against_conditions', date: '2021-03-01', action: 'released', unmet: ['cond'], conditions: [{ id: 'cond', status: 'not_met' }] },
    ]);
  });
  it.each(['partly_released', 'renewed'])('flags %s too', (action) => {
    expect(flagsOf([{ date: '2021-06-01', action }]).map((f) => f.action)).toEqual([action]);
  });
  it.each(['withheld', 'revoked'])('does not flag %s', (action) => {
    expect(flagsOf([{ date: '2021-06-01', action }])).toEqual([]);
  });
  it('judges the release with what was known on its date: evidence recorded later does not flag it', () => {
    expect(flagsOf([{ date: '2021-02-28', action: 'released' }])).toEqual([]);
  });
  it('does not flag a release while the recommendation was review', () => {
    expect(flagsOf([{ date: '2021-06-01', action: 'released' }], '2022-01-01', 'lev-review')).toEqual([]);
  });
  it('does not report decisions after the as-of date', () => {
    expect(flagsOf([{ date: '2021-06-01', action: 'released' }], '2021-05-31')).toEqual([]);
    expect(flagsOf([{ date: '2021-06-01', action: 'released' }], '2021-06-01')).toHaveLength(1);
  });
});

describe('claim verdicts', () => {
  const targets = [
    ['k-kept', 'kept', 'supported', 'contradicted'],
    ['k-broken', 'broken', 'contradicted', 'supported'],
    ['k-partly', 'partly_kept', 'disputed', 'disputed'],
    ['k-unverified', 'unverified', 'unsupported', 'unsupported'],
    ['k-later', 'not_yet_made', 'unsupported', 'unsupported'],
  ] as const;
  const c = caseOf({
    commitments, evidence: baseEvidence,
    conditions: [condition('c-met', ['k-kept']), condition('c-not', ['k-broken']), condition('c-partly', ['k-partly']), condition('c-unknown', [])],
    claims: [
      ...targets.flatMap(([target]) => [claim(`pos-${target}`, target, 'kept', '2020-06-01'), claim(`neg-${target}`, target, 'broken', '2020-06-01')]),
      ...['c-met', 'c-not', 'c-partly', 'c-unknown'].flatMap((target) => [claim(`pos-${target}`, target, 'met', '2020-06-01'), claim(`neg-${target}`, target, 'not_met', '2020-06-01')]),
    ],
  });
  const a = assess(c, T);

  it.each(targets)('%s (%s): asserted kept → %s, asserted broken → %s', (target, _status, ifKept, ifBroken) => {
    expect(byId(a.claims, `pos-${target}`).verdict_now).toBe(ifKept);
    expect(byId(a.claims, `neg-${target}`).verdict_now).toBe(ifBroken);
  });

  it.each([
    ['c-met', 'supported', 'contradicted'],
    ['c-not', 'contradicted', 'supported'],
    ['c-partly', 'disputed', 'disputed'],
    ['c-unknown', 'unsupported', 'unsupported'],
  ])('condition %s: asserted met → %s, asserted not_met → %s', (target, ifMet, ifNotMet) => {
    expect(byId(a.claims, `pos-${target}`).verdict_now).toBe(ifMet);
    expect(byId(a.claims, `neg-${target}`).verdict_now).toBe(ifNotMet);
  });

  describe('when made and now', () => {
    // e-known (recorded 2020-02-01, weight 3) breaks k before the claim of 2020-03-01;
    // e-late (recorded 2020-09-01) is known only afterwards.
    const replay = caseOf({
      commitments: [commitment('k'), commitment('k2')],
      conditions: [condition('cond', ['k'])],
      evidence: [
        evidence('e-known', 'k', 'contradicts', 'strong A1', { recorded: '2020-02-01' }),
        evidence('e-known-small', 'k', 'contradicts', 'weak C2', { recorded: '2020-02-01', source: 'src-c' }),
        evidence('e-support', 'k', 'supports', 'weak A1', { recorded: '2020-02-01' }),
        evidence('e-late', 'k2', 'contradicts', 'strong A1', { recorded: '2020-09-01' }),
      ],
      claims: [
        claim('cl-contradicted', 'k', 'kept', '2020-03-01'),
        claim('cl-later-contradicted', 'k2', 'kept', '2020-03-01'),
        claim('cl-condition', 'cond', 'met', '2020-03-01'),
        claim('cl-future', 'k', 'kept', '2021-06-01'),
      ],
    });
    const r = assess(replay, T);

    it('flags a claim contradicted by what was known when it was made, with those items', () => {
      const x = byId(r.claims, 'cl-contradicted');
      expect([x.verdict_when_made, x.verdict_now, x.contradicted_when_made]).toEqual(['contradicted', 'contradicted', true]);
      expect(x.known_when_made.map((e) => [e.id, e.grade, e.weight])).toEqual([['e-known', 'A1', 3], ['e-known-small', 'C2', 0.48]]);
    });
    it('a claim contradicted only by evidence recorded later is not contradicted when made', () => {
      const x = byId(r.claims, 'cl-later-contradicted');
      expect([x.verdict_when_made, x.verdict_now, x.contradicted_when_made]).toEqual(['unsupported', 'contradicted', false]);
    });
    it('a claim about a condition lists the evidence of its deciding parts', () => {
      const x = byId(r.claims, 'cl-condition');
      expect([x.verdict_when_made, x.contradicted_when_made]).toEqual(['contradicted', true]);
      expect(x.known_when_made.map((e) => `${e.id}→${e.target}`)).toEqual(['e-known→k', 'e-known-small→k']);
    });
    it('a claim made after the as-of date is not yet made', () => {
      expect(byId(r.claims, 'cl-future')).toMatchObject({ status: 'not_yet_made', verdict_when_made: null, verdict_now: null, contradicted_when_made: false });
    });
  });
});
