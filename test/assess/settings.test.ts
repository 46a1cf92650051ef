// Weights (ALGORITHMS.md §1) and the case's `assessment:` block.
import { describe, expect, it } from 'vitest';
import { assess, DEFAULT_SETTINGS, resolveSettings } from '../../src/assess/index.js';
import { byId, caseOf, commitment, evidence } from './build.js';

describe('default settings', () => {
  it('are the contract values', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      strength: { strong: 3, moderate: 2, weak: 1 },
      reliability: { A: 1.0, B: 0.8, C: 0.6, D: 0.4, E: 0.2, F: 0.5 },
      credibility: { 1: 1.0, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.5 },
      thresholds: { broken: 1.5, kept: 1.5, kept_ratio: 0.5, high_mass: 4.0, high_sources: 2, moderate_mass: 1.5 },
      review: { stale_months: 18, backdated_days: 30 },
    });
  });
  it('cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS.thresholds)).toBe(true);
  });
});

describe('evidence weight = strength × reliability × credibility', () => {
  it.each([
    ['strong A1', 3], ['moderate A1', 2], ['weak A1', 1], ['strong B2', 1.92], ['moderate C3', 0.72], ['weak D4', 0.16],
    ['strong E5', 0.12], ['moderate F6', 0.5], ['strong F1', 1.5], ['weak A6', 0.5],
  ] as const)('%s weighs %d', (grade, weight) => {
    const c = caseOf({ commitments: [commitment('c1')], evidence: [evidence('e1', 'c1', 'supports', grade)] });
    expect(byId(assess(c, '2021').commitments, 'c1').evidence[0]?.weight).toBe(weight);
  });

  it("an item's reliability overrides its source's; without one the source's grade applies, and F when the source has none", () => {
    const c = caseOf({
      commitments: [commitment('c1')],
      evidence: [
        evidence('own', 'c1', 'supports', 'moderate D1', { source: 'src-a' }),
        evidence('from-source', 'c1', 'supports', 'moderate A1', { source: 'src-b', reliability: null }),
        evidence('ungraded', 'c1', 'supports', 'moderate A1', { source: 'src-f', reliability: undefined }),
        { id: 'default-credibility', source: 'src-a', observed: { from: '2020' }, summary: 'x', bears_on: [{ target: 'c1', stance: 'supports' }] },
      ],
    });
    const grades = Object.fromEntries(byId(assess(c, '2021').commitments, 'c1').evidence.map((e) => [e.id, [e.grade, e.strength, e.weight]]));
    expect(grades).toEqual({ 'own': ['D1', 'moderate', 0.8], 'from-source': ['B1', 'moderate', 1.6], 'ungraded': ['F1', 'moderate', 1], 'default-credibility': ['A6', 'moderate', 1] });
  });
});

describe('the assessment: block', () => {
  const c = caseOf({
    assessment: { strength: { strong: 4 }, reliability: { C: 0.7 }, credibility: { 6: 0.3 }, thresholds: { kept: 2, broken: 3, high_sources: 1 } },
    commitments: [commitment('c1'), commitment('c2'), commitment('c3')],
    evidence: [
      evidence('e1', 'c1', 'supports', 'moderate A1'), // 2: kept at kept = 2
      evidence('e2', 'c2', 'contradicts', 'moderate A1'), // 2: not broken at broken = 3
      evidence('e3', 'c3', 'contradicts', 'strong C6'), // 4 × 0.7 × 0.3 = 0.84
    ],
  });

  it('overrides only the keys it gives', () => {
    expect(resolveSettings(c)).toEqual({
      strength: { strong: 4, moderate: 2, weak: 1 },
      reliability: { A: 1.0, B: 0.8, C: 0.7, D: 0.4, E: 0.2, F: 0.5 },
      credibility: { 1: 1.0, 2: 0.8, 3: 0.6, 4: 0.4, 5: 0.2, 6: 0.3 },
      thresholds: { broken: 3, kept: 2, kept_ratio: 0.5, high_mass: 4.0, high_sources: 1, moderate_mass: 1.5 },
      review: { stale_months: 18, backdated_days: 30 },
    });
  });

  it('is applied and stated in the result', () => {
    const a = assess(c, '2021');
    expect(byId(a.commitments, 'c1').status).toBe('kept');
    expect(byId(a.commitments, 'c2').status).toBe('at_risk'); // contrary evidence only, below broken = 3
    expect(byId(a.commitments, 'c3').contradiction).toBe(0.84);
    expect(a.settings.thresholds.kept).toBe(2);
    expect(a.settings_from_case).toEqual(['strength.strong', 'reliability.C', 'credibility.6', 'thresholds.broken', 'thresholds.kept', 'thresholds.high_sources']);
    expect(byId(a.commitments, 'c1').explanation).toContain('kept ≥ 2 with contradiction < 0.5 × support');
    expect(byId(a.commitments, 'c1').explanation).toContain('case settings: strength.strong, reliability.C');
  });

  it('a case without the block uses the defaults', () => {
    expect(resolveSettings(caseOf())).toEqual(DEFAULT_SETTINGS);
    expect(assess(caseOf(), '2021').settings_from_case).toEqual([]);
  });
});
