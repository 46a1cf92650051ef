// The integrity rules, each worked by hand: temporal scope, set dates, derived sources,
// at_risk, prerequisites, bitemporal retractions, and the review's warnings.
import { describe, expect, it } from 'vitest';
import { assess, review, timeline } from '../../src/assess/index.js';
import { byId, caseOf, claim, commitment, condition, evidence, leverage, obligation, sources } from './build.js';

// Weights used below: strong A1 3 · moderate A1 2 · strong B2 1.92 · moderate B2 1.28 · weak A1 1.

describe('temporal scope: conduct before a pledge does not count for or against it', () => {
  const c = caseOf({
    commitments: [commitment('pledge', { made: '2020-02-29' })],
    evidence: [
      evidence('e-2019', 'pledge', 'contradicts', 'strong A1', { observed: { from: '2019-01', to: '2019-12-31' } }),
      evidence('e-day-before', 'pledge', 'contradicts', 'strong A1', { observed: { from: '2020-02-28' } }),
      evidence('e-year', 'pledge', 'contradicts', 'weak A1', { observed: { from: '2019' } }),
      evidence('e-straddle', 'pledge', 'contradicts', 'weak A1', { observed: { from: '2019-06', to: '2020-06' } }),
      evidence('e-same-day', 'pledge', 'supports', 'weak A1', { observed: { from: '2020-02-29' } }),
    ],
  });
  const m = byId(assess(c, '2020-09-01').commitments, 'pledge');

  it('counts only evidence whose observed period reaches the day the pledge was made', () => {
    expect(m.evidence.map((e) => e.id).sort()).toEqual(['e-same-day', 'e-straddle']);
    expect([m.status, m.support, m.contradiction]).toEqual(['partly_kept', 1, 1]);
  });

  it('lists the rest under "not counting", saying why', () => {
    expect(m.not_counting).toEqual([
      { id: 'e-2019', stance: 'contradicts', reason: 'observed before the commitment was made' },
      { id: 'e-day-before', stance: 'contradicts', reason: 'observed before the commitment was made' },
      { id: 'e-year', stance: 'contradicts', reason: 'observed before the commitment was made' },
    ]);
    expect(m.explanation).toContain('e-2019 (contradicts): observed before the commitment was made');
  });
});

describe('conditions have a set date', () => {
  const c = caseOf({
    case: { id: 'test', title: 'Test case', subject: 'party', period: { start: '2020-01-01' } },
    commitments: [commitment('ct', { made: '2020-02-29' })],
    conditions: [condition('cond-later', ['ct'], { set: '2021-08-30' }), condition('cond-default', ['ct'])],
    leverage: [
      leverage('lev-later', ['cond-later'], [{ date: '2020-06-01', action: 'released' }, { date: '2021-10-01', action: 'released' }]),
      leverage('lev-both', ['cond-later', 'cond-default']),
    ],
    evidence: [evidence('e-breach', 'ct', 'contradicts', 'strong A1', { observed: { from: '2020-03-01' }, recorded: '2020-04-01' })],
  });

  it('before its set date a condition is not_yet_set, and says when it will be set', () => {
    const k = byId(assess(c, '2020-09-01').conditions, 'cond-later');
    expect([k.status, k.rule_id, k.rule]).toEqual(['not_yet_set', 'not_yet_set', 'not_yet_set: set 2021-08-30; until then it gates nothing']);
    expect(k.parts).toEqual([]);
  });

  it('defaults to the case period start, so existing cases keep their results', () => {
    expect(byId(assess(c, '2020-09-01').conditions, 'cond-default').status).toBe('not_met');
  });

  it('leverage gated only by conditions not yet set is review, and says why', () => {
    const l = byId(assess(c, '2020-09-01').leverage, 'lev-later');
    expect([l.recommendation, l.rule_id]).toEqual(['review', 'not_yet_set']);
    expect(l.rule).toBe('review: no gating condition has been set yet (cond-later set 2021-08-30), so none can decide');
    expect(l.unmet).toEqual([]);
  });

  it('a condition not yet set gates nothing: the other gates decide', () => {
    const l = byId(assess(c, '2020-09-01').leverage, 'lev-both');
    expect([l.recommendation, l.unmet]).toEqual(['withhold', ['cond-default']]);
  });

  it('a decision before the set date is never flagged against it; one after is', () => {
    const l = byId(assess(c, '2022-01-01').leverage, 'lev-later');
    expect(l.recommendation).toBe('withhold');
    expect(l.flags.map((f) => f.date)).toEqual(['2021-10-01']);
  });

  it('a timeline shows the change on the set date', () => {
    const t = timeline(c, 'cond-later', { from: '2021-08-01', to: '2021-09-30' });
    expect(t.changes.map((x) => [x.date, x.from, x.to, x.events])).toEqual([['2021-08-30', 'not_yet_set', 'not_met', ['cond-later set (2021-08-30)']]]);
  });
});

describe('derived sources count once', () => {
  const derived = [
    ...sources,
    { id: 'src-interview', kind: 'news', title: 'The coordinator restates the report', date: '2020-01-01', reliability: 'B', derived_from: ['src-b'] },
    { id: 'src-webinar', kind: 'other', title: 'The coordinator again', date: '2020-01-01', reliability: 'B', derived_from: ['src-interview'] },
  ];
  const build = (extra: Record<string, unknown>[] = []) => caseOf({
    sources: derived,
    commitments: [commitment('ct')],
    evidence: [
      evidence('e-report', 'ct', 'contradicts', 'strong B2', { source: 'src-b', reliability: null }),
      evidence('e-interview', 'ct', 'contradicts', 'moderate B2', { source: 'src-interview', reliability: null }),
      evidence('e-webinar', 'ct', 'contradicts', 'strong B2', { source: 'src-webinar', reliability: null, observed: { from: '2020-01-01', to: '2030-12-31' } }),
      ...extra,
    ],
  });

  it('a group of restatements adds only its largest weight, and confidence counts one origin', () => {
    const m = byId(assess(build(), '2021-01-01').commitments, 'ct');
    // Added up, 1.92 + 1.28 + 1.92 = 5.12 from three B sources would read "high confidence".
    expect([m.status, m.contradiction, m.confidence]).toEqual(['broken', 1.92, 'moderate']);
    expect(m.confidence_reason).toContain('1 independent source graded A or B (src-b)');
  });

  it('the explanation shows the group', () => {
    const m = byId(assess(build(), '2021-01-01').commitments, 'ct');
    const report = m.evidence.find((e) => e.id === 'e-report');
    expect(report?.group).toEqual({ origin: 'src-b', counted: true, with: ['e-interview', 'e-webinar'] });
    expect(m.explanation).toContain('(counted once with e-interview, e-webinar: one origin, src-b)');
  });

  it('an independent source still adds', () => {
    const m = byId(assess(build([evidence('e-other', 'ct', 'contradicts', 'strong A1', { source: 'src-a' })]), '2021-01-01').commitments, 'ct');
    expect([m.contradiction, m.confidence]).toEqual([4.92, 'high']);
  });

  it('with one member retracted, the group counts with the largest of the rest', () => {
    const c = build();
    const report = c.evidence.find((e) => e.id === 'e-report');
    if (report) report.retracted = { date: '2020-06-01', reason: 'misread' };
    const webinar = c.evidence.find((e) => e.id === 'e-webinar');
    if (webinar) webinar.retracted = { date: '2020-06-01', reason: 'misread' };
    const m = byId(assess(c, '2021-01-01').commitments, 'ct');
    expect([m.status, m.contradiction]).toEqual(['at_risk', 1.28]);
    expect(m.evidence.map((e) => e.id)).toEqual(['e-interview']);
  });

  it('items of one source add up as before: separate findings of one report', () => {
    const c = caseOf({
      commitments: [commitment('ct')],
      evidence: [evidence('e-1', 'ct', 'contradicts', 'strong B2', { source: 'src-b' }), evidence('e-2', 'ct', 'contradicts', 'moderate B2', { source: 'src-b' })],
    });
    expect(byId(assess(c, '2021-01-01').commitments, 'ct').contradiction).toBe(3.2);
  });
});

describe('at_risk', () => {
  const c = caseOf({
    commitments: [commitment('k')],
    conditions: [condition('cond', ['k'])],
    claims: [claim('cl-kept', 'k', 'kept', '2020-06-01'), claim('cl-met', 'cond', 'met', '2020-06-01')],
    evidence: [evidence('e-weak', 'k', 'contradicts', 'moderate B2')],
  });
  const a = assess(c, '2021-01-01');

  it('only contrary evidence below the broken threshold: at_risk, not partly_kept', () => {
    const m = byId(a.commitments, 'k');
    expect([m.status, m.rule]).toEqual(['at_risk', 'at_risk: contradiction 1.28 > 0 with no support, below the broken threshold 1.5']);
  });

  it('a claim that asserts kept against at_risk is disputed', () => {
    expect(byId(a.claims, 'cl-kept').verdict_now).toBe('disputed');
  });

  it('an at-risk part makes a condition neither met nor partly met, and is named', () => {
    const k = byId(a.conditions, 'cond');
    expect([k.status, k.rule_id]).toEqual(['unknown', 'at_risk']);
    expect(k.rule).toContain('part k is at risk');
    expect(byId(a.claims, 'cl-met').verdict_now).toBe('unsupported');
  });

  it('partly_kept needs some support', () => {
    const more = caseOf({ commitments: [commitment('k')], evidence: [evidence('e-weak', 'k', 'contradicts', 'moderate B2'), evidence('e-some', 'k', 'supports', 'weak A1')] });
    expect(byId(assess(more, '2021-01-01').commitments, 'k').status).toBe('partly_kept');
  });
});

describe('prerequisites: a deadline missed for want of the other side is blocked', () => {
  const c = caseOf({
    commitments: [
      obligation('prisoners', '2020-03-10', { made: '2020-02-29' }),
      obligation('talks', '2020-03-10', { made: '2020-02-29', depends_on: ['prisoners'] }),
      obligation('talks-alone', '2020-03-10', { made: '2020-02-29' }),
    ],
    claims: [claim('cl-talks-broken', 'talks', 'broken', '2020-04-01')],
    evidence: [
      evidence('e-released', 'prisoners', 'supports', 'strong A1', { observed: { from: '2020-09-01' }, recorded: '2020-09-02' }),
      evidence('e-talks-open', 'talks', 'supports', 'strong A1', { observed: { from: '2020-09-12' }, recorded: '2020-09-12' }),
    ],
  });

  it('is blocked, naming the prerequisite, where the same obligation alone is missed', () => {
    const a = assess(c, '2020-03-15');
    const talks = byId(a.commitments, 'talks');
    expect([talks.status, talks.rule_id, talks.blocked_by]).toEqual(['blocked', 'blocked', ['prisoners']]);
    expect(talks.rule).toBe('blocked: obligation due 2020-03-10, before 2020-03-15, support 0 < 1.5, and its prerequisite prisoners (unverified) was not kept when it fell due');
    expect(byId(a.commitments, 'talks-alone').rule_id).toBe('missed');
    expect(byId(assess(c, '2020-04-02').claims, 'cl-talks-broken').verdict_now).toBe('disputed');
  });

  it('blocked, then kept once the talks opened', () => {
    const t = timeline(c, 'talks', { from: '2020-03-01', to: '2020-12-31' });
    expect(t.changes.map((x) => [x.date, x.to])).toEqual([['2020-03-11', 'blocked'], ['2020-09-12', 'kept']]);
  });

  it('contradicting evidence still makes it broken', () => {
    const more = structuredClone(c);
    more.evidence.push({ ...c.evidence[0]!, id: 'e-refused', bears_on: [{ target: 'talks', stance: 'contradicts', strength: 'strong' }], observed: { from: '2020-03-12' }, recorded: '2020-03-12' });
    expect(byId(assess(more, '2020-03-15').commitments, 'talks').status).toBe('broken');
  });
});

describe('bitemporal retractions', () => {
  const retracted = (r: Record<string, string>) => caseOf({
    commitments: [commitment('k')],
    evidence: [evidence('e', 'k', 'contradicts', 'strong A1', { recorded: '2020-06-01', retracted: { reason: 'misattributed', ...r } })],
  });

  it('a retraction recorded today "from 2020" does not change what 2021 knew', () => {
    const c = retracted({ date: '2020-01-01', recorded: '2026-12-01' });
    expect(byId(assess(c, '2021-06-01').commitments, 'k').status).toBe('broken');
    expect(byId(assess(c, '2026-12-02').commitments, 'k').status).toBe('unverified');
  });

  it('--known-at asks what is known now about 2021', () => {
    const c = retracted({ date: '2020-01-01', recorded: '2026-12-01' });
    const a = assess(c, '2021-06-01', { knownAt: '2026-12-02' });
    expect(a.known_at).toBe('2026-12-02');
    expect(byId(a.commitments, 'k').status).toBe('unverified');
    expect(byId(a.commitments, 'k').not_counting).toEqual([{ id: 'e', stance: 'contradicts', reason: 'retracted on 2020-01-01: misattributed' }]);
    // Known earlier than the retraction was recorded: the item still counts.
    expect(byId(assess(c, '2021-06-01', { knownAt: '2026-11-30' }).commitments, 'k').status).toBe('broken');
  });

  it('a knowledge date before an item was recorded hides it altogether', () => {
    const c = retracted({ date: '2030-01-01' });
    const k = byId(assess(c, '2022-01-01', { knownAt: '2020-05-01' }).commitments, 'k');
    expect([k.status, k.evidence, k.not_counting]).toEqual(['unverified', [], []]);
  });

  it('without `recorded`, a retraction is known from its date, as before', () => {
    const c = retracted({ date: '2021-01-01' });
    expect(byId(assess(c, '2020-12-31').commitments, 'k').status).toBe('broken');
    expect(byId(assess(c, '2021-01-01').commitments, 'k').status).toBe('unverified');
  });

  it('claims "when made" keep what was known when they were made, whatever the knowledge date', () => {
    const c = caseOf({
      commitments: [commitment('k')],
      claims: [claim('cl', 'k', 'kept', '2021-01-01')],
      evidence: [evidence('e', 'k', 'contradicts', 'strong A1', { recorded: '2020-06-01', retracted: { date: '2020-01-01', reason: 'wrong', recorded: '2026-12-01' } })],
    });
    const cl = byId(assess(c, '2021-06-01', { knownAt: '2026-12-02' }).claims, 'cl');
    expect([cl.verdict_when_made, cl.contradicted_when_made, cl.verdict_now]).toEqual(['contradicted', true, 'unsupported']);
  });
});

describe('deeds review', () => {
  const c = caseOf({
    sources: [...sources, { id: 'src-interview', kind: 'news', title: 'restating', date: '2020-01-01', reliability: 'B', derived_from: ['src-a'] },
      { id: 'src-own', kind: 'statement', title: 'Official statement', publisher: 'Official', date: '2020-01-01', reliability: 'B' }],
    commitments: [commitment('one-origin'), commitment('restated'), commitment('low'), commitment('old'), commitment('pledge', { made: '2021-01-01' }), commitment('claimed')],
    claims: [claim('cl-own', 'claimed', 'kept', '2021-02-01')],
    evidence: [
      evidence('e-one', 'one-origin', 'contradicts', 'strong A1', { observed: { from: '2021-06-01' }, recorded: '2021-06-01' }),
      evidence('e-r1', 'restated', 'contradicts', 'strong A1', { observed: { from: '2021-06-01' } }),
      evidence('e-r2', 'restated', 'contradicts', 'strong B1', { source: 'src-interview', reliability: null, observed: { from: '2021-06-01' } }),
      evidence('e-low', 'low', 'contradicts', 'strong D4', { observed: { from: '2021-06-01' } }),
      evidence('e-old', 'old', 'contradicts', 'strong C1', { observed: { from: '2020-01-01', to: '2020-02-01' } }),
      evidence('e-pre', 'pledge', 'contradicts', 'strong A1', { observed: { from: '2020-03-01', to: '2020-04-01' } }),
      evidence('e-own', 'claimed', 'supports', 'strong B1', { source: 'src-own', reliability: null, observed: { from: '2021-01-15' } }),
      evidence('e-backdated', 'low', 'context', 'weak A1', { retracted: { date: '2020-02-01', reason: 'wrong', recorded: '2021-06-01' } }),
      evidence('e-early', 'low', 'context', 'weak A1', { recorded: '2020-01-01', observed: { from: '2020-03-01' } }),
    ],
  });
  const r = review(c, '2022-01-01');
  const kinds = (object: string) => r.warnings.filter((w) => w.object === object).map((w) => w.kind).sort();

  it('has the contract shape', () => {
    expect(Object.keys(r)).toEqual(['case', 'as_of', 'warnings']);
    expect(r.warnings.every((w) => Object.keys(w).join() === 'kind,object,detail')).toBe(true);
  });

  it('flags each kind on the object it is about', () => {
    expect(kinds('one-origin')).toEqual(['single_source']);
    expect(kinds('restated')).toContain('derived_sources');
    expect(kinds('restated')).toContain('single_source');
    expect(kinds('low')).toEqual(['low_grade_only']);
    expect(kinds('old')).toContain('stale');
    expect(kinds('pledge')).toEqual(['pre_commitment_evidence']);
    expect(kinds('cl-own')).toEqual(['claim_self_sourced']);
    expect(kinds('e-backdated')).toEqual(['backdated_retraction']);
    expect(kinds('e-early')).toEqual(['recorded_before_observed']);
  });

  it('says why in words', () => {
    const w = r.warnings.find((x) => x.kind === 'backdated_retraction');
    expect(w?.detail).toBe('retracted from 2020-02-01 but recorded 2021-06-01, 486 days later; assessments before 2021-06-01 still count it, as was known then');
  });

  it('thresholds come from the assessment: settings', () => {
    const lenient = structuredClone(c);
    lenient.assessment = { review: { stale_months: 60, backdated_days: 1000 } };
    const r2 = review(lenient, '2022-01-01');
    expect(r2.warnings.some((w) => w.kind === 'stale' || w.kind === 'backdated_retraction')).toBe(false);
  });

  it('does not see what was recorded after the date', () => {
    expect(review(c, '2021-05-01').warnings.some((w) => w.object === 'e-backdated' || w.object === 'one-origin')).toBe(false);
  });
});

describe('origins are named after the original', () => {
  it('names the report, not an interview whose id sorts first, whatever the file order', async () => {
    const { originsOf } = await import('../../src/assess/origins.js');
    const report = { id: 'un-mt-11', kind: 'report' as const, title: 'report', date: '2020-05-27', reliability: 'A' as const };
    const bbc = { id: 'bbc-2020-10-29', kind: 'news' as const, title: 'interview', date: '2020-10-29', reliability: 'B' as const, derived_from: ['un-mt-11'] };
    const webinar = { id: 'aa-webinar', kind: 'other' as const, title: 'webinar', date: '2020-10-22', reliability: 'B' as const, derived_from: ['bbc-2020-10-29'] };
    for (const order of [[report, bbc, webinar], [webinar, bbc, report]]) {
      const origins = originsOf(order);
      expect([origins.get('un-mt-11'), origins.get('bbc-2020-10-29'), origins.get('aa-webinar')]).toEqual(['un-mt-11', 'un-mt-11', 'un-mt-11']);
    }
  });
});
