// changes(): what moved between two dates, worked by hand.
import { describe, expect, it } from 'vitest';
import { changes, InvalidRangeError } from '../../src/assess/index.js';
import { caseOf, claim, commitment, condition, evidence, leverage } from './build.js';

const c = caseOf({
  commitments: [commitment('k', { made: '2020-02-01' }), commitment('quiet', { made: '2020-02-01' })],
  conditions: [condition('cond', ['k'])],
  leverage: [leverage('lev', ['cond'], [{ date: '2021-03-01', action: 'released' }, { date: '2020-06-01', action: 'withheld' }])],
  claims: [claim('cl', 'k', 'kept', '2021-02-01')],
  evidence: [
    evidence('e-support', 'k', 'supports', 'moderate A1', { recorded: '2020-03-01' }),
    evidence('e-breach', 'k', 'contradicts', 'strong A1', { recorded: '2021-01-15' }),
    evidence('e-quiet', 'quiet', 'context', 'weak A1', { recorded: '2021-01-20' }),
    evidence('e-later', 'quiet', 'supports', 'weak A1', { recorded: '2021-06-01' }),
  ],
});

describe('changes between two dates', () => {
  const r = changes(c, '2020-12-31', '2021-04-01');

  it('lists only the objects whose status or confidence moved, before and after', () => {
    expect(r.objects).toEqual([
      { id: 'k', kind: 'commitment', before: { status: 'kept', confidence: 'moderate' }, after: { status: 'broken', confidence: 'moderate' } },
      { id: 'cond', kind: 'condition', before: { status: 'met', confidence: 'moderate' }, after: { status: 'not_met', confidence: 'moderate' } },
      { id: 'lev', kind: 'leverage', before: { status: 'release', confidence: 'moderate' }, after: { status: 'withhold', confidence: 'moderate' } },
      { id: 'cl', kind: 'claim', before: { status: 'not_yet_made', confidence: null }, after: { status: 'contradicted', confidence: null } },
    ]);
  });

  it('names the evidence recorded in the period, oldest first, and nothing recorded after it', () => {
    expect(r.evidence_added).toEqual(['e-breach', 'e-quiet']);
  });

  it('lists the decisions in the period with the recommendation then', () => {
    expect(r.decisions).toEqual([{ leverage: 'lev', date: '2021-03-01', action: 'released', recommendation: 'withhold', against_conditions: true }]);
  });

  it('has the contract shape and refuses a range that runs backwards', () => {
    expect(Object.keys(r)).toEqual(['case', 'from', 'to', 'objects', 'evidence_added', 'decisions']);
    expect(() => changes(c, '2021-04-01', '2020-12-31')).toThrow(InvalidRangeError);
    expect(changes(c, '2021-04-01', '2021-04-01').objects).toEqual([]);
  });
});
