// A small hand-written case (synthetic: inspired by the Doha agreement, no fact in it is real)
// whose statuses are worked out by hand below, then checked against the engine.
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../src/case/schema.js';
import { assess, formatAssessment, timeline } from '../../src/assess/index.js';

const golden = CaseFile.parse({
  case: { id: 'golden', title: 'Golden case (synthetic)', subject: 'party', period: { start: '2020-02-29' } },
  actors: [
    { id: 'party', kind: 'armed_group', name: 'Party' },
    { id: 'state', kind: 'state', name: 'State' },
    { id: 'envoy', kind: 'person', name: 'Envoy' },
  ],
  sources: [
    { id: 'monitor', kind: 'report', title: 'Monitoring team report', date: '2021-06-01', reliability: 'A' },
    { id: 'ngo', kind: 'report', title: 'NGO report', date: '2021-03-01', reliability: 'B' },
    { id: 'press', kind: 'news', title: 'Press article', date: '2020-03-01', reliability: 'C' },
    { id: 'statement', kind: 'statement', title: 'The party\'s statement', date: '2020-03-01' }, // reliability F (default)
  ],
  commitments: [
    { id: 'ct-soil', by: 'party', source: 'statement', made: '2020-02-29', category: 'counterterrorism', kind: 'prohibition', text: 'no use of its soil against others' },
    { id: 'talks', by: 'party', source: 'statement', made: '2020-02-29', category: 'political_process', kind: 'obligation', due: '2020-03-10', text: 'start negotiations by 10 March' },
    { id: 'violence', by: 'party', source: 'statement', made: '2020-02-29', category: 'violence', kind: 'prohibition', text: 'no attacks on cities' },
    { id: 'girls-school', by: 'party', source: 'statement', made: '2021-08-17', category: 'women', kind: 'obligation', due: '2022-03-23', text: 'reopen secondary schools for girls' },
    { id: 'amnesty', by: 'party', source: 'statement', made: '2021-08-17', category: 'human_rights', kind: 'prohibition', text: 'no reprisals against former officials' },
  ],
  conditions: [
    { id: 'cond-aq', set_by: ['state'], category: 'counterterrorism', text: 'break with terrorist groups', requires: ['ct-soil'] },
    { id: 'cond-talks', set_by: ['state'], category: 'political_process', text: 'negotiations under way', requires: ['talks'] },
    { id: 'cond-rights', set_by: ['state'], category: 'human_rights', text: 'rights of women and former officials respected', requires: ['girls-school', 'amnesty'] },
  ],
  leverage: [
    { id: 'lev-assets', held_by: 'state', kind: 'asset_release', text: 'frozen reserves', gated_by: ['cond-aq'], decisions: [{ date: '2020-09-03', action: 'released' }] },
    { id: 'lev-talks-pace', held_by: 'state', kind: 'talks', text: 'pace of talks', gated_by: ['cond-talks'], decisions: [{ date: '2020-06-01', action: 'renewed' }, { date: '2021-01-10', action: 'renewed' }] },
    { id: 'lev-recognition', held_by: 'state', kind: 'recognition', text: 'recognition', gated_by: ['cond-aq', 'cond-rights'] },
    { id: 'lev-exemption', held_by: 'state', kind: 'travel_exemption', text: 'travel exemption', gated_by: ['cond-rights'], review: '2021-12-20' },
  ],
  evidence: [
    // ct-soil ─ weights: 3×1×0.8 = 2.4 · 2×0.8×0.8 = 1.28 · 3×0.8(B, item's own)×0.8 = 1.92 · 2×0.5×0.5 = 0.5
    { id: 'ev-aq-ties', source: 'monitor', observed: { from: '2020-05-01' }, credibility: 2, summary: 'ties persist', bears_on: [{ target: 'ct-soil', stance: 'contradicts', strength: 'strong' }] },
    { id: 'ev-aq-ngo', source: 'ngo', observed: { from: '2020-09' }, credibility: 2, summary: 'camps', bears_on: [{ target: 'ct-soil', stance: 'contradicts', strength: 'moderate' }] },
    { id: 'ev-aq-press', source: 'press', observed: { from: '2020-02' }, recorded: '2020-03-01', reliability: 'B', credibility: 2, summary: 'meeting reported', bears_on: [{ target: 'ct-soil', stance: 'contradicts', strength: 'strong' }] },
    { id: 'ev-denial', source: 'statement', observed: { from: '2020-03-01' }, credibility: 6, summary: 'denial', bears_on: [{ target: 'ct-soil', stance: 'supports', strength: 'moderate' }] },
    // talks ─ 3×0.8×1 = 2.4, recorded 2020-09-12
    { id: 'ev-talks', source: 'ngo', observed: { from: '2020-09-12' }, recorded: '2020-09-12', credibility: 1, summary: 'talks opened', bears_on: [{ target: 'talks', stance: 'supports', strength: 'strong' }] },
    // violence ─ 2×1×1 = 2 · 1×0.8×0.6 = 0.48 (corrected after T to 3×0.8×0.6 = 1.44) · 3×0.6×0.8 = 1.44 retracted before T
    { id: 'ev-violence-1', source: 'monitor', observed: { from: '2021-01' }, credibility: 1, summary: 'attacks', bears_on: [{ target: 'violence', stance: 'contradicts', strength: 'moderate' }] },
    { id: 'ev-violence-2', source: 'ngo', observed: { from: '2021-01' }, credibility: 3, summary: 'fewer attacks', bears_on: [{ target: 'violence', stance: 'supports', strength: 'weak' }] },
    { id: 'ev-violence-2b', source: 'ngo', observed: { from: '2021-01' }, recorded: '2021-10-01', credibility: 3, summary: 'fewer attacks, corrected', supersedes: 'ev-violence-2', bears_on: [{ target: 'violence', stance: 'supports', strength: 'strong' }] },
    { id: 'ev-violence-3', source: 'press', observed: { from: '2020-11' }, recorded: '2020-12-01', credibility: 2, summary: 'attack claimed', retracted: { date: '2021-02-01', reason: 'another group' }, bears_on: [{ target: 'violence', stance: 'contradicts', strength: 'strong' }] },
    // girls-school ─ context only
    { id: 'ev-pledge', source: 'statement', observed: { from: '2021-08-17' }, recorded: '2021-08-17', credibility: 6, summary: 'pledge repeated', bears_on: [{ target: 'girls-school', stance: 'context' }] },
    // amnesty ─ 2×0.8×0.8 = 1.28 contradicts · 2×0.5×0.6 = 0.6 supports
    { id: 'ev-reprisals', source: 'ngo', observed: { from: '2021-08-20' }, recorded: '2021-08-31', credibility: 2, summary: 'reprisals', bears_on: [{ target: 'amnesty', stance: 'contradicts', strength: 'moderate' }] },
    { id: 'ev-amnesty-said', source: 'statement', observed: { from: '2021-08-17' }, recorded: '2021-08-18', credibility: 3, summary: 'amnesty announced', bears_on: [{ target: 'amnesty', stance: 'supports', strength: 'moderate' }] },
    // cond-rights' own evidence ─ 1×1×0.8 = 0.8
    { id: 'ev-rights', source: 'monitor', observed: { from: '2021-05' }, credibility: 2, summary: 'restrictions', bears_on: [{ target: 'cond-rights', stance: 'contradicts', strength: 'weak' }] },
  ],
  claims: [
    { id: 'claim-break', by: 'envoy', made: '2020-03-02', source: 'statement', text: 'they broke with the groups', asserts: { target: 'ct-soil', status: 'kept' } },
    { id: 'claim-talks', by: 'envoy', made: '2020-09-15', source: 'statement', text: 'talks are on', asserts: { target: 'talks', status: 'kept' } },
    { id: 'claim-rights', by: 'envoy', made: '2021-08-20', source: 'statement', text: 'rights respected', asserts: { target: 'cond-rights', status: 'met' } },
    { id: 'claim-future', by: 'envoy', made: '2021-12-01', source: 'statement', text: 'later claim', asserts: { target: 'violence', status: 'broken' } },
  ],
});

// As of 2021-09-01:
// ct-soil       C = 2.4 + 1.28 + 1.92 = 5.6 ≥ 1.5 and > S 0.5 → broken; mass 5.6 ≥ 4 with A/B sources
//               monitor, ngo, press (graded B on the item) → high.
// talks         due 2020-03-10 passed, but S = 2.4 ≥ 1.5 → not missed; C 0 < 1.2 → kept; 2.4 < 4 → moderate.
// violence      ev-violence-3 retracted 2021-02-01; ev-violence-2b recorded after T, so ev-violence-2 still
//               counts: C = 2 ≥ 1.5 and > S 0.48 → broken; 2 ≥ 1.5 → moderate.
// girls-school  context only, due 2022 → unverified, low.
// amnesty       S 0.6, C 1.28 < 1.5; S < 1.5 → partly_kept; S + C = 1.88 ≥ 1.5 → moderate.
// cond-aq       ct-soil broken → not_met, high.
// cond-talks    talks kept → met, moderate.
// cond-rights   parts girls-school unverified, amnesty partly_kept, own evidence (C 0.8 with no support →
//               at_risk) → an at-risk part makes it neither met nor partly met → unknown, low.
// lev-assets    cond-aq not_met → withhold. Released 2020-09-03: then ct-soil had C 1.92 (ev-aq-press,
//               recorded 2020-03-01) > S 0.5 → broken → withhold → flagged, unmet [cond-aq].
// lev-talks-pace cond-talks met → release. Renewed 2020-06-01: talks missed (due passed, S 0) → cond-talks
//               not_met → withhold → flagged. Renewed 2021-01-10: talks kept → release → not flagged.
// lev-recognition cond-aq not_met → withhold (high).
// lev-exemption cond-rights unknown → review.
// claim-break   2020-03-02: ct-soil C 1.92 > S 0.5 → broken; asserted kept → contradicted when made,
//               known then: ev-aq-press (B2, 1.92). Now broken → contradicted.
// claim-talks   2020-09-15: S 2.4 → kept → supported; now supported.
// claim-rights  2021-08-20: amnesty S 0.6 (ev-reprisals not yet recorded) → partly_kept; own evidence
//               at_risk → unknown → unsupported. Now unknown → unsupported.
// claim-future  made after T → not yet made.
describe('golden case as of 2021-09-01', () => {
  const a = assess(golden, '2021-09-01');

  it('commitments', () => {
    expect(a.commitments.map((k) => [k.id, k.status, k.confidence, k.support, k.contradiction, k.rule_id])).toEqual([
      ['ct-soil', 'broken', 'high', 0.5, 5.6, 'broken'],
      ['talks', 'kept', 'moderate', 2.4, 0, 'kept'],
      ['violence', 'broken', 'moderate', 0.48, 2, 'broken'],
      ['girls-school', 'unverified', 'low', 0, 0, 'unverified'],
      ['amnesty', 'partly_kept', 'moderate', 0.6, 1.28, 'partly_kept'],
    ]);
    expect(a.commitments[0]?.evidence.map((e) => `${e.id} ${e.grade} ${e.stance} ${e.weight}`)).toEqual([
      'ev-aq-ties A2 contradicts 2.4', 'ev-aq-press B2 contradicts 1.92', 'ev-aq-ngo B2 contradicts 1.28', 'ev-denial F6 supports 0.5',
    ]);
    expect(a.commitments[2]?.not_counting).toEqual([{ id: 'ev-violence-3', stance: 'contradicts', reason: 'retracted on 2021-02-01: another group' }]);
    expect(a.commitments[3]?.evidence).toEqual([{ id: 'ev-pledge', source: 'statement', stance: 'context', strength: 'moderate', grade: 'F6', weight: 0 }]);
  });

  it('conditions', () => {
    expect(a.conditions.map((k) => [k.id, k.status, k.confidence, k.parts.map((x) => `${x.id}:${x.status}`)])).toEqual([
      ['cond-aq', 'not_met', 'high', ['ct-soil:broken']],
      ['cond-talks', 'met', 'moderate', ['talks:kept']],
      ['cond-rights', 'unknown', 'low', ['girls-school:unverified', 'amnesty:partly_kept', 'cond-rights:at_risk']],
    ]);
  });

  it('leverage', () => {
    expect(a.leverage.map((l) => [l.id, l.recommendation, l.confidence, l.flags])).toEqual([
      ['lev-assets', 'withhold', 'high', [{ kind: 'released_against_conditions', date: '2020-09-03', action: 'released', unmet: ['cond-aq'], conditions: [{ id: 'cond-aq', status: 'not_met' }] }]],
      ['lev-talks-pace', 'release', 'moderate', [{ kind: 'released_against_conditions', date: '2020-06-01', action: 'renewed', unmet: ['cond-talks'], conditions: [{ id: 'cond-talks', status: 'not_met' }] }]],
      ['lev-recognition', 'withhold', 'high', []],
      ['lev-exemption', 'review', null, []],
    ]);
  });

  it('claims', () => {
    expect(a.claims.map((k) => [k.id, k.status, k.verdict_when_made, k.verdict_now, k.contradicted_when_made, k.known_when_made.map((e) => `${e.id} ${e.grade} ${e.weight}`)])).toEqual([
      ['claim-break', 'made', 'contradicted', 'contradicted', true, ['ev-aq-press B2 1.92']],
      ['claim-talks', 'made', 'supported', 'supported', false, ['ev-talks B1 2.4']],
      ['claim-rights', 'made', 'unsupported', 'unsupported', false, ['ev-rights A2 0.8']],
      ['claim-future', 'not_yet_made', null, null, false, []],
    ]);
  });

  it('summary', () => {
    expect(a.summary).toEqual({
      commitments: { broken: 2, blocked: 0, kept: 1, partly_kept: 1, at_risk: 0, unverified: 1, not_yet_made: 0 },
      conditions: { not_met: 1, met: 1, partly_met: 0, unknown: 1, not_yet_set: 0 },
      leverage: { withhold: 2, release: 1, review: 1 },
      claims_now: { contradicted: 1, supported: 1, disputed: 0, unsupported: 1, not_yet_made: 1 },
      released_against_conditions: 2,
      contradicted_when_made: 1,
    });
  });

  it('the human output puts the headline findings first', () => {
    const text = formatAssessment(a);
    const order = ['Headline findings', 'Broken commitments (2)', '  ct-soil: high confidence', '  violence: moderate confidence', 'Unmet conditions (1)',
      'Released against conditions (2)', 'Claims contradicted when made (1)', 'claim-break: envoy asserted ct-soil kept on 2020-03-02, when it was broken; known then: ev-aq-press B2 1.92',
      'Commitments (5', 'Conditions (3', 'Leverage (4', 'Claims (4)', 'Settings'];
    const positions = order.map((s) => text.indexOf(s));
    expect(positions.every((p) => p >= 0), `missing: ${order.filter((_, i) => positions[i] === -1).join(' | ')}`).toBe(true);
    expect([...positions].sort((x, y) => x - y)).toEqual(positions);
  });

  it('the talks timeline: missed after the due date, kept once talks opened', () => {
    const t = timeline(golden, 'talks', { from: '2020-02-01', to: '2020-12-31', step: 'month' });
    expect(t.changes.map((x) => [x.date, x.from, x.to])).toEqual([
      ['2020-02-29', 'not_yet_made', 'unverified'], ['2020-03-11', 'unverified', 'broken'], ['2020-09-12', 'broken', 'kept'],
    ]);
  });
});
