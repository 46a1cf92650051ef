// Commitment status (ALGORITHMS.md §3) and confidence (§5): every rule and its boundaries.
// Weights used (strength × reliability × credibility, defaults):
//   strong A1 3 · moderate A1 2 · weak A1 1 · strong A6 1.5 · strong B3 1.44 · strong B2 1.92
//   weak A2 0.8 · weak C1 0.6 · moderate B1 1.6
import { describe, expect, it } from 'vitest';
import { caseOf, commitment, commitmentAt, evidence, obligation } from './build.js';

const T = '2021-01-01';
type Row = { name: string; commitment?: Record<string, unknown>; items: [string, 'supports' | 'contradicts' | 'context', string, Record<string, unknown>?][]; status: string; rule: string; support: number; contradiction: number };

const rows: Row[] = [
  { name: 'no evidence', items: [], status: 'unverified', rule: 'unverified', support: 0, contradiction: 0 },
  { name: 'context links only', items: [['e1', 'context', 'strong A1']], status: 'unverified', rule: 'unverified', support: 0, contradiction: 0 },
  { name: 'C exactly 1.5, S 0', items: [['e1', 'contradicts', 'strong A6']], status: 'broken', rule: 'broken', support: 0, contradiction: 1.5 },
  { name: 'C 1.44 just under 1.5, no support: at risk', items: [['e1', 'contradicts', 'strong B3']], status: 'at_risk', rule: 'at_risk', support: 0, contradiction: 1.44 },
  { name: 'C equal to S (1.5 each)', items: [['e1', 'contradicts', 'strong A6'], ['e2', 'supports', 'strong A6']], status: 'partly_kept', rule: 'partly_kept', support: 1.5, contradiction: 1.5 },
  { name: 'C 2 just above S 1.92', items: [['e1', 'contradicts', 'moderate A1'], ['e2', 'supports', 'strong B2']], status: 'broken', rule: 'broken', support: 1.92, contradiction: 2 },
  { name: 'S exactly 1.5, C 0', items: [['e1', 'supports', 'strong A6']], status: 'kept', rule: 'kept', support: 1.5, contradiction: 0 },
  { name: 'S 1.44 just under 1.5', items: [['e1', 'supports', 'strong B3']], status: 'partly_kept', rule: 'partly_kept', support: 1.44, contradiction: 0 },
  { name: 'C exactly 0.5 × S (2 and 1)', items: [['e1', 'supports', 'moderate A1'], ['e2', 'contradicts', 'weak A1']], status: 'partly_kept', rule: 'partly_kept', support: 2, contradiction: 1 },
  { name: 'C 0.8 under 0.5 × S 2', items: [['e1', 'supports', 'moderate A1'], ['e2', 'contradicts', 'weak A2']], status: 'kept', rule: 'kept', support: 2, contradiction: 0.8 },
  { name: 'C ≥ 1.5 but S larger: not broken, not kept', items: [['e1', 'supports', 'strong A1'], ['e2', 'contradicts', 'moderate A1']], status: 'partly_kept', rule: 'partly_kept', support: 3, contradiction: 2 },
  { name: 'obligation due before T, no evidence: missed', commitment: { kind: 'obligation', due: '2020-12-31' }, items: [], status: 'broken', rule: 'missed', support: 0, contradiction: 0 },
  { name: 'obligation due on T itself: not missed', commitment: { kind: 'obligation', due: T }, items: [], status: 'unverified', rule: 'unverified', support: 0, contradiction: 0 },
  { name: 'obligation due after T: not missed', commitment: { kind: 'obligation', due: '2021-01-02' }, items: [], status: 'unverified', rule: 'unverified', support: 0, contradiction: 0 },
  { name: 'obligation past due with S 1.44 < 1.5: missed', commitment: { kind: 'obligation', due: '2020-06-01' }, items: [['e1', 'supports', 'strong B3']], status: 'broken', rule: 'missed', support: 1.44, contradiction: 0 },
  { name: 'obligation past due with S exactly 1.5: kept', commitment: { kind: 'obligation', due: '2020-06-01' }, items: [['e1', 'supports', 'strong A6']], status: 'kept', rule: 'kept', support: 1.5, contradiction: 0 },
  { name: 'broken by contradiction wins over missed', commitment: { kind: 'obligation', due: '2020-06-01' }, items: [['e1', 'contradicts', 'moderate A1']], status: 'broken', rule: 'broken', support: 0, contradiction: 2 },
  { name: 'obligation without due date is never missed', commitment: { kind: 'obligation', due: null }, items: [], status: 'unverified', rule: 'unverified', support: 0, contradiction: 0 },
  { name: 'a prohibition ignores a due date', commitment: { kind: 'prohibition', due: '2020-06-01' }, items: [], status: 'unverified', rule: 'unverified', support: 0, contradiction: 0 },
  { name: 'made after T: not yet made', commitment: { made: '2021-01-02' }, items: [['e1', 'contradicts', 'strong A1']], status: 'not_yet_made', rule: 'not_yet_made', support: 0, contradiction: 3 },
  { name: 'made on T itself: made', commitment: { made: T }, items: [['e1', 'contradicts', 'strong A1']], status: 'broken', rule: 'broken', support: 0, contradiction: 3 },
  { name: 'partial made date 2021 = 2021-01-01: made on T', commitment: { made: '2021' }, items: [], status: 'unverified', rule: 'unverified', support: 0, contradiction: 0 },
];

describe('commitment status rules', () => {
  it.each(rows)('$name → $status ($rule)', (row) => {
    const c = caseOf({
      commitments: [commitment('c1', row.commitment ?? {})],
      evidence: row.items.map(([id, stance, grade, extra]) => evidence(id, 'c1', stance, grade, extra ?? {})),
    });
    const r = commitmentAt(c, 'c1', T);
    expect({ status: r.status, rule: r.rule_id, support: r.support, contradiction: r.contradiction })
      .toEqual({ status: row.status, rule: row.rule, support: row.support, contradiction: row.contradiction });
  });

  it('states the deciding rule in words with the numbers', () => {
    const c = caseOf({
      commitments: [commitment('c1'), obligation('c2', '2020-06-01'), commitment('c3'), commitment('c4')],
      evidence: [
        evidence('e1', 'c1', 'contradicts', 'strong A1'), evidence('e2', 'c1', 'contradicts', 'moderate B1'), evidence('e3', 'c1', 'supports', 'weak A2'),
        evidence('e4', 'c3', 'supports', 'moderate A1'), evidence('e5', 'c3', 'contradicts', 'weak A2'),
        evidence('e6', 'c4', 'supports', 'weak A1'),
      ],
    });
    expect(commitmentAt(c, 'c1', T).rule).toBe('broken: contradiction 4.6 ≥ 1.5 and greater than support 0.8');
    expect(commitmentAt(c, 'c2', T).rule).toBe('broken (missed): obligation due 2020-06-01, before 2021-01-01, and support 0 < 1.5');
    expect(commitmentAt(c, 'c3', T).rule).toBe('kept: support 2 ≥ 1.5 and contradiction 0.8 < 0.5 × support (1)');
    expect(commitmentAt(c, 'c4', T).rule).toBe('partly_kept: support 1 and contradiction 0; not broken (contradiction 0 < 1.5) and not kept (support 1 < 1.5)');
  });
});

describe('confidence', () => {
  const confidenceOf = (items: Parameters<typeof evidence>[], asOf = T) => {
    const c = caseOf({ commitments: [commitment('c1')], evidence: items.map((args) => evidence(...args)) });
    return commitmentAt(c, 'c1', asOf).confidence;
  };

  it.each([
    { name: 'mass 4.0 from one A source: moderate', items: [['e1', 'c1', 'contradicts', 'strong A1'], ['e2', 'c1', 'contradicts', 'weak A1']], expected: 'moderate' },
    { name: 'mass 4.0 from two A/B sources: high', items: [['e1', 'c1', 'contradicts', 'strong A1'], ['e2', 'c1', 'contradicts', 'weak A1', { source: 'src-b' }]], expected: 'high' },
    { name: 'mass 3.8 from two A/B sources: moderate', items: [['e1', 'c1', 'contradicts', 'strong A1'], ['e2', 'c1', 'contradicts', 'weak B1', { source: 'src-b' }]], expected: 'moderate' },
    { name: 'second source graded C does not count', items: [['e1', 'c1', 'contradicts', 'strong A1'], ['e2', 'c1', 'contradicts', 'moderate C1', { source: 'src-c' }]], expected: 'moderate' },
    { name: 'an item graded A overrides its C source', items: [['e1', 'c1', 'contradicts', 'strong A1'], ['e2', 'c1', 'contradicts', 'moderate A1', { source: 'src-c' }]], expected: 'high' },
    { name: 'a B source on the other side does not count for broken', items: [['e1', 'c1', 'contradicts', 'strong A1'], ['e2', 'c1', 'contradicts', 'moderate A1'], ['e3', 'c1', 'supports', 'weak B1', { source: 'src-b' }]], expected: 'moderate' },
    { name: 'partly_kept counts both sides: 4.0 from A and B sources', items: [['e1', 'c1', 'contradicts', 'moderate A1'], ['e2', 'c1', 'supports', 'moderate B1', { source: 'src-b' }], ['e3', 'c1', 'supports', 'weak D1']], expected: 'high' },
    { name: 'mass exactly 1.5: moderate', items: [['e1', 'c1', 'supports', 'strong A6']], expected: 'moderate' },
    { name: 'mass 1.44: low', items: [['e1', 'c1', 'contradicts', 'strong B3']], expected: 'low' },
    { name: 'no evidence: low', items: [], expected: 'low' },
  ] as { name: string; items: Parameters<typeof evidence>[]; expected: string }[])('$name', ({ items, expected }) => {
    expect(confidenceOf(items)).toBe(expected);
  });

  it('is null while the commitment is not yet made', () => {
    const c = caseOf({ commitments: [commitment('c1', { made: '2022-01-01' })] });
    expect(commitmentAt(c, 'c1', T).confidence).toBeNull();
  });

  it('says why in words', () => {
    const c = caseOf({ commitments: [commitment('c1')], evidence: [evidence('e1', 'c1', 'contradicts', 'strong A1'), evidence('e2', 'c1', 'contradicts', 'weak B1', { source: 'src-b' }), evidence('e3', 'c1', 'contradicts', 'weak A5')] });
    expect(commitmentAt(c, 'c1', T).confidence_reason).toBe('high confidence: contradiction 4 ≥ 4 with 2 independent sources graded A or B (src-a, src-b)');
  });
});

describe('explanation', () => {
  const c = caseOf({
    commitments: [commitment('c1')],
    evidence: [
      evidence('e-small', 'c1', 'supports', 'weak A2', { source: 'src-b', reliability: null }),
      evidence('e-big', 'c1', 'contradicts', 'strong A2'),
      evidence('e-tie-b', 'c1', 'contradicts', 'moderate A1'),
      evidence('e-tie-a', 'c1', 'contradicts', 'moderate A1'),
      evidence('e-ctx', 'c1', 'context', 'strong A1'),
    ],
  });
  const r = commitmentAt(c, 'c1', T);

  it('lists every counting item largest first, ties by id, context last with weight 0', () => {
    expect(r.evidence).toEqual([
      { id: 'e-big', source: 'src-a', stance: 'contradicts', strength: 'strong', grade: 'A2', weight: 2.4 },
      { id: 'e-tie-a', source: 'src-a', stance: 'contradicts', strength: 'moderate', grade: 'A1', weight: 2 },
      { id: 'e-tie-b', source: 'src-a', stance: 'contradicts', strength: 'moderate', grade: 'A1', weight: 2 },
      // no reliability of its own: the source's B applies
      { id: 'e-small', source: 'src-b', stance: 'supports', strength: 'weak', grade: 'B2', weight: 0.64 },
      { id: 'e-ctx', source: 'src-a', stance: 'context', strength: 'strong', grade: 'A1', weight: 0 },
    ]);
  });

  it('states the rule, the confidence, the items and the thresholds in force', () => {
    const lines = r.explanation.split('\n');
    expect(lines[0]).toBe('c1 on 2021-01-01: broken: contradiction 6.4 ≥ 1.5 and greater than support 0.64.');
    expect(lines[1]).toMatch(/^Moderate confidence: contradiction 6.4 ≥ 1.5, 1 independent source graded A or B \(src-a\)/);
    expect(lines[2]).toBe('Evidence counting on 2021-01-01, largest first: e-big A2 contradicts strong 2.4; e-tie-a A1 contradicts moderate 2; ' +
      'e-tie-b A1 contradicts moderate 2; e-small B2 supports weak 0.64; e-ctx A1 context strong 0 (context).');
    expect(lines[lines.length - 1]).toBe('Thresholds: broken ≥ 1.5 and > support; kept ≥ 1.5 with contradiction < 0.5 × support; high confidence ≥ 4 with ≥ 2 A/B sources; moderate ≥ 1.5 (defaults).');
  });
});
