// ACH (ALGORITHMS.md §8), worked out by hand.
import { describe, expect, it } from 'vitest';
import { ach, formatAch, UnknownHypothesisSetError } from '../../src/assess/index.js';
import { caseOf, evidence } from './build.js';

// g = reliability × credibility:  e1 A1 → 1 · e2 B2 → 0.64 · e3 C3 → 0.36 · e4 F6 → 0.25
// ratings         h1   h2   h3     penalties (1 for I, 2 for II) × g
//   e1 (g 1)      CC   I    II     h2 1,     h3 2
//   e2 (g 0.64)   I    C    NA     h1 0.64
//   e3 (g 0.36)   N    N    N      —
//   e4 (g 0.25)   II   C    CC     h1 0.5
// scores: h1 0.64 + 0.5 = 1.14 · h2 1 · h3 2  → ranking h2 (1), h1 (2), h3 (3); h2 least contradicted.
// diagnosticity (population sd of numeric ratings, NA left out):
//   e1 [2, −1, −2]: mean −1/3, variance (49/9 + 4/9 + 25/9)/3 = 26/9 → sd 1.6997 → 1.7
//   e2 [−1, 1]: sd 1 · e3 [0, 0, 0]: 0 · e4 [−2, 1, 2]: same spread as e1 → 1.7
// leave one out:
//   without e1: h1 1.14, h2 0, h3 0 → h2 and h3 tie first: changes
//   without e2: h1 0.5, h2 1, h3 2 → h1 first: changes
//   without e3: unchanged
//   without e4: h1 0.64, h2 1, h3 2 → h1 first: changes
function matrixCase(extraEvidence: Record<string, unknown>[] = [], extraRatings: Record<string, unknown>[] = []) {
  const rate = (e: string, ratings: string[]) => ratings.map((rating, i) => ({ evidence: e, option: `h${i + 1}`, rating }));
  return caseOf({
    evidence: [
      evidence('e1', 'h1', 'context', 'moderate A1'), evidence('e2', 'h1', 'context', 'moderate B2'),
      evidence('e3', 'h1', 'context', 'moderate C3'), evidence('e4', 'h1', 'context', 'moderate F6'), ...extraEvidence,
    ],
    hypotheses: [{
      id: 'intent', question: 'Has the party changed?',
      options: [{ id: 'h1', text: 'it has changed' }, { id: 'h2', text: 'it has not changed' }, { id: 'h3', text: 'it is split' }],
      ratings: [...rate('e1', ['CC', 'I', 'II']), ...rate('e2', ['I', 'C', 'NA']), ...rate('e3', ['N', 'N', 'N']), ...rate('e4', ['II', 'C', 'CC']), ...extraRatings],
    }],
  });
}

describe('ACH', () => {
  const r = ach(matrixCase(), 'intent');

  it('scores inconsistency weighted by reliability × credibility', () => {
    expect(r.options).toEqual([
      { id: 'h1', text: 'it has changed', inconsistency: 1.14, rank: 2 },
      { id: 'h2', text: 'it has not changed', inconsistency: 1, rank: 1 },
      { id: 'h3', text: 'it is split', inconsistency: 2, rank: 3 },
    ]);
    expect(r.least_contradicted).toEqual(['h2']);
  });

  it('states the least contradicted option in words', () => {
    expect(r.reading).toMatch(/^h2 \("it has not changed"\) is the least contradicted option, with inconsistency 1 against 1.14 for h1\./);
    expect(r.reading).toContain('The ranking changes if any one of these items is left out: e1, e2, e4.');
  });

  it('computes diagnosticity, most diagnostic first', () => {
    expect(r.matrix.map((row) => [row.evidence, row.diagnosticity])).toEqual([['e1', 1.7], ['e4', 1.7], ['e2', 1], ['e3', 0]]);
    expect(r.matrix[2]?.ratings).toEqual({ h1: 'I', h2: 'C', h3: 'NA' });
    expect(r.matrix[2]?.g).toBe(0.64);
  });

  it('reports leave-one-out sensitivity', () => {
    expect(Object.fromEntries(r.matrix.map((row) => [row.evidence, [row.changes_ranking, row.least_contradicted_without]]))).toEqual({
      e1: [true, ['h2', 'h3']], e2: [true, ['h1']], e3: [false, ['h2']], e4: [true, ['h1']],
    });
    expect(r.sensitive_to).toEqual(['e1', 'e2', 'e4']);
  });

  it('leaves out retracted and superseded items, and items recorded after the as-of date', () => {
    const c = matrixCase([
      evidence('e5', 'h1', 'context', 'strong A1', { retracted: { date: '2020-06-01', reason: 'fabricated' } }),
      evidence('e6', 'h1', 'context', 'strong A1', { recorded: '2021-01-01' }),
    ], [{ evidence: 'e5', option: 'h2', rating: 'II' }, { evidence: 'e6', option: 'h2', rating: 'II' }]);
    const now = ach(c, 'intent');
    expect(now.options.find((o) => o.id === 'h2')?.inconsistency).toBe(3);
    expect(now.excluded).toEqual([{ evidence: 'e5', reason: 'retracted on 2020-06-01: fabricated' }]);
    const before = ach(c, 'intent', { asOf: '2020-03-01' });
    expect(before.options.find((o) => o.id === 'h2')?.inconsistency).toBe(3);
    expect(before.matrix.map((m) => m.evidence)).toContain('e5');
    expect(before.matrix.map((m) => m.evidence)).not.toContain('e6');
    expect(ach(c, 'intent', { asOf: '2020-12-31' }).options.find((o) => o.id === 'h2')?.inconsistency).toBe(1);
  });

  it('says when the options tie or nothing is rated', () => {
    const tie = caseOf({
      evidence: [evidence('e1', 'a', 'context')],
      hypotheses: [{ id: 'set', question: 'q', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], ratings: [{ evidence: 'e1', option: 'a', rating: 'C' }, { evidence: 'e1', option: 'b', rating: 'C' }] }],
    });
    expect(ach(tie, 'set').reading).toMatch(/^a and b are tied as the least contradicted options/);
    const empty = caseOf({ hypotheses: [{ id: 'set', question: 'q', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }] }] });
    expect(ach(empty, 'set').reading).toMatch(/cannot tell them apart/);
  });

  it('throws a typed error for an unknown set', () => {
    expect(() => ach(matrixCase(), 'nope')).toThrow(UnknownHypothesisSetError);
    expect(() => ach(matrixCase(), 'nope')).toThrow('case "test" has no hypothesis set "nope" (sets: intent)');
  });

  it('formats the reading first, then the options and the matrix', () => {
    const text = formatAch(r);
    expect(text.indexOf('Reading')).toBeLessThan(text.indexOf('Options'));
    expect(text).toMatch(/e1\s+A1\s+1\s+CC\s+I\s+II\s+1\.7\s+YES/);
  });
});
