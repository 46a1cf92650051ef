// Properties over many seeded random cases. A failure names its seed, so that it can be
// replayed with randomCase(seed).
import { describe, expect, it } from 'vitest';
import { CaseFile } from '../../src/case/schema.js';
import type { CaseFile as CaseFileType } from '../../src/case/schema.js';
import { assess, timelines, type Assessment } from '../../src/assess/index.js';
import { picker, randomCase, randomEvidence, shuffle } from './random-case.js';

const CASES = 150;
const seeds = Array.from({ length: CASES }, (_, i) => 1000 + i);
const asOfDates = (seed: number) => {
  const p = picker(seed * 7 + 1);
  return [p.date(0, 1460), p.day(200, 1200), '2023-12-31'];
};
const reparse = (data: unknown): CaseFileType => CaseFile.parse(data);
const clone = (c: CaseFileType) => structuredClone(c);
const statusesOf = (a: Assessment) => ({
  commitments: new Map(a.commitments.map((x) => [x.id, x.status])),
  conditions: new Map(a.conditions.map((x) => [x.id, x.status])),
});

describe('monotonicity', () => {
  it.each(seeds)('adding a supporting item never turns kept into anything else (seed %i)', (seed) => {
    const c = randomCase(seed);
    const p = picker(seed + 1);
    for (const asOf of asOfDates(seed)) {
      const before = statusesOf(assess(c, asOf));
      for (const [id, status] of before.commitments) {
        if (status !== 'kept') continue;
        const more = clone(c);
        more.evidence.push({
          ...randomEvidence(p, 'ev-added', ['src-0', 'src-1', 'src-2', 'src-3'], [id]),
          recorded: '2019-06-01', observed: { from: '2019-01-01' }, bears_on: [{ target: id, stance: 'supports', strength: p.one(['strong', 'moderate', 'weak'] as const) }],
        } as CaseFileType['evidence'][number]);
        const after = statusesOf(assess(reparse(more), asOf));
        expect(after.commitments.get(id), `seed ${seed}, ${id} at ${asOf}`).toBe('kept');
        // support for a commitment keeps every condition that was met, met
        for (const [cond, s] of before.conditions) if (s === 'met') expect(after.conditions.get(cond), `seed ${seed}, ${cond}`).toBe('met');
      }
    }
  });

  it.each(seeds)('adding a contradicting item never turns broken into anything else (seed %i)', (seed) => {
    const c = randomCase(seed);
    const p = picker(seed + 2);
    for (const asOf of asOfDates(seed)) {
      const before = statusesOf(assess(c, asOf));
      for (const [id, status] of before.commitments) {
        if (status !== 'broken') continue;
        const more = clone(c);
        more.evidence.push({
          ...randomEvidence(p, 'ev-added', ['src-0', 'src-1', 'src-2', 'src-3'], [id]),
          recorded: '2019-06-01', observed: { from: '2019-01-01' }, bears_on: [{ target: id, stance: 'contradicts', strength: p.one(['strong', 'moderate', 'weak'] as const) }],
        } as CaseFileType['evidence'][number]);
        const after = statusesOf(assess(reparse(more), asOf));
        expect(after.commitments.get(id), `seed ${seed}, ${id} at ${asOf}`).toBe('broken');
        for (const [cond, s] of before.conditions) if (s === 'not_met') expect(after.conditions.get(cond), `seed ${seed}, ${cond}`).toBe('not_met');
      }
    }
  });
});

describe('replay', () => {
  it.each(seeds)('an assessment at T is unchanged by anything recorded after T (seed %i)', (seed) => {
    const c = randomCase(seed);
    const p = picker(seed + 3);
    const asOf = p.day(100, 1100);
    const T = Date.parse(asOf);
    const dayAfter = Math.floor((T - Date.UTC(2020, 0, 1)) / 86_400_000) + 1;
    const later = clone(c);
    const targets = [...c.commitments, ...c.conditions].map((x) => x.id);
    for (let i = 0; i < 8; i++) {
      const e = randomEvidence(p, `ev-later-${i}`, ['src-0', 'src-1', 'src-2', 'src-3'], targets, 0, { from: dayAfter, span: 400 });
      e.recorded = p.day(dayAfter, 400);
      if (p.chance(0.5)) e.supersedes = p.one(c.evidence).id;
      later.evidence.push(e as CaseFileType['evidence'][number]);
    }
    for (const e of later.evidence) if (!e.retracted && p.chance(0.3)) e.retracted = { date: p.day(dayAfter, 300), reason: 'later retraction' };
    for (const l of later.leverage) l.decisions.push({ date: p.day(dayAfter, 300), action: 'released' });
    expect(JSON.stringify(assess(reparse(later), asOf)), `seed ${seed} at ${asOf}`).toBe(JSON.stringify(assess(c, asOf)));
  });
});

describe('order', () => {
  it.each(seeds)('results do not depend on the order of items in the file (seed %i)', (seed) => {
    const c = randomCase(seed);
    const rnd = picker(seed + 4).rnd;
    const shuffled = clone(c);
    shuffled.evidence = shuffle(c.evidence, rnd).map((e) => ({ ...e, bears_on: shuffle(e.bears_on, rnd) }));
    shuffled.sources = shuffle(c.sources, rnd);
    shuffled.commitments = shuffle(c.commitments, rnd);
    shuffled.conditions = shuffle(c.conditions, rnd);
    shuffled.claims = shuffle(c.claims, rnd);
    shuffled.leverage = shuffle(c.leverage, rnd).map((l) => ({ ...l, decisions: shuffle(l.decisions, rnd) }));
    const byIds = (a: Assessment) => JSON.stringify({
      ...a,
      commitments: [...a.commitments].sort((x, y) => (x.id < y.id ? -1 : 1)),
      conditions: [...a.conditions].sort((x, y) => (x.id < y.id ? -1 : 1)),
      leverage: [...a.leverage].sort((x, y) => (x.id < y.id ? -1 : 1)),
      claims: [...a.claims].sort((x, y) => (x.id < y.id ? -1 : 1)),
    });
    for (const asOf of asOfDates(seed)) expect(byIds(assess(shuffled, asOf)), `seed ${seed} at ${asOf}`).toBe(byIds(assess(c, asOf)));
  });
});

describe('timelines', () => {
  it.each(seeds.slice(0, 60))('timeline points and changes agree with assess at those dates (seed %i)', (seed) => {
    const c = randomCase(seed);
    const p = picker(seed + 5);
    const from = p.day(0, 600);
    const to = p.day(700, 760);
    const step = p.one(['week', 'month'] as const);
    const memo = new Map<string, Assessment>();
    const at = (date: string) => {
      let a = memo.get(date);
      if (!a) memo.set(date, (a = assess(c, date)));
      return a;
    };
    const statusAt = (a: Assessment, kind: string, id: string) => {
      if (kind === 'commitment') {
        const x = a.commitments.find((k) => k.id === id);
        return { status: x?.status, confidence: x?.confidence, support: x?.support, contradiction: x?.contradiction };
      }
      if (kind === 'condition') {
        const x = a.conditions.find((k) => k.id === id);
        return { status: x?.status, confidence: x?.confidence };
      }
      if (kind === 'leverage') {
        const x = a.leverage.find((k) => k.id === id);
        return { status: x?.recommendation, confidence: x?.confidence };
      }
      const x = a.claims.find((k) => k.id === id);
      return { status: x?.verdict_now ?? 'not_yet_made', confidence: null };
    };
    for (const t of timelines(c, undefined, { from, to, step })) {
      for (const point of t.points) {
        const { date, ...state } = point;
        expect(state, `seed ${seed}: ${t.object.id} at ${date}`).toEqual(statusAt(at(date), t.object.kind, t.object.id));
      }
      for (const change of t.changes) {
        const dayBefore = new Date(Date.parse(change.date) - 86_400_000).toISOString().slice(0, 10);
        expect(statusAt(at(change.date), t.object.kind, t.object.id).status, `seed ${seed}: ${t.object.id} changed on ${change.date}`).toBe(change.to);
        expect(statusAt(at(dayBefore), t.object.kind, t.object.id).status, `seed ${seed}: ${t.object.id} before ${change.date}`).toBe(change.from);
      }
    }
  });
});

describe('integrity rules cannot leak the future', () => {
  const confidenceRank = { low: 0, moderate: 1, high: 2 } as const;

  it.each(seeds)('a retraction recorded at R never changes any assessment at T < R (seed %i)', (seed) => {
    const c = randomCase(seed);
    const p = picker(seed + 11);
    const item = p.one(c.evidence.filter((e) => !e.retracted));
    if (!item) return;
    const recordedDay = p.int(1300) + 100;
    const recorded = p.day(recordedDay, 1);
    const retracted = clone(c);
    const target = retracted.evidence.find((e) => e.id === item.id);
    if (!target) return;
    // Effective long before it was recorded: the backdated retraction the rule is about.
    target.retracted = { date: p.day(0, recordedDay), reason: 'backdated', recorded };
    for (const asOf of [p.day(0, recordedDay), p.day(0, recordedDay), p.day(recordedDay - 1, 1)]) {
      if (asOf >= recorded) continue;
      expect(JSON.stringify(assess(reparse(retracted), asOf)), `seed ${seed} at ${asOf}, retraction recorded ${recorded}`).toBe(JSON.stringify(assess(c, asOf)));
    }
  });

  it.each(seeds)('restating an item through a derived source never raises a confidence or changes a status (seed %i)', (seed) => {
    const c = randomCase(seed);
    const p = picker(seed + 12);
    const superseded = new Set(c.evidence.map((e) => e.supersedes).filter((x): x is string => !!x));
    const candidates = c.evidence.filter((e) => !e.retracted && !superseded.has(e.id) && e.bears_on.some((b) => b.stance !== 'context'));
    if (candidates.length === 0) return;
    const original = p.one(candidates);
    const source = c.sources.find((s) => s.id === original.source);
    if (!source) return;
    const more = clone(c);
    more.sources.push({ ...source, id: 'src-restated', title: 'an interview restating it', derived_from: [source.id] });
    more.evidence.push({ ...original, id: 'ev-restated', source: 'src-restated', recorded: original.recorded ?? source.date, reliability: original.reliability ?? source.reliability, supersedes: null, retracted: null });
    for (const asOf of asOfDates(seed)) {
      const before = assess(c, asOf);
      const after = assess(reparse(more), asOf);
      for (const k of after.commitments) {
        const was = before.commitments.find((x) => x.id === k.id);
        expect(k.status, `seed ${seed}: ${k.id} at ${asOf}`).toBe(was?.status);
        expect(confidenceRank[k.confidence ?? 'low'], `seed ${seed}: ${k.id} at ${asOf}`).toBeLessThanOrEqual(confidenceRank[was?.confidence ?? 'low']);
      }
      for (const k of after.conditions) {
        const was = before.conditions.find((x) => x.id === k.id);
        expect(k.status, `seed ${seed}: ${k.id} at ${asOf}`).toBe(was?.status);
        expect(confidenceRank[k.confidence], `seed ${seed}: ${k.id} at ${asOf}`).toBeLessThanOrEqual(confidenceRank[was?.confidence ?? 'low']);
      }
    }
  });

  it.each(seeds)('adding evidence observed before a commitment was made never changes any status (seed %i)', (seed) => {
    const c = randomCase(seed);
    const p = picker(seed + 13);
    const more = clone(c);
    for (let i = 0; i < 5; i++) {
      const k = p.one(c.commitments);
      const madeDay = Math.floor((Date.parse(k.made.length === 4 ? `${k.made}-01-01` : k.made.length === 7 ? `${k.made}-01` : k.made) - Date.UTC(2020, 0, 1)) / 86_400_000);
      // Observed in whole days ending the day before `made` at the latest.
      const to = p.day(-400, Math.max(1, madeDay + 400 - 1));
      more.evidence.push({
        ...randomEvidence(p, `ev-before-${i}`, ['src-0', 'src-1', 'src-2', 'src-3'], [k.id]),
        observed: { from: p.day(-800, 400), to }, bears_on: [{ target: k.id, stance: p.one(['supports', 'contradicts'] as const), strength: 'strong' }],
      } as CaseFileType['evidence'][number]);
    }
    const statuses = (a: Assessment) => JSON.stringify([a.commitments.map((x) => [x.id, x.status, x.confidence, x.support, x.contradiction]), a.conditions.map((x) => [x.id, x.status, x.confidence]), a.leverage.map((x) => [x.id, x.recommendation, x.flags]), a.claims.map((x) => [x.id, x.verdict_when_made, x.verdict_now])]);
    for (const asOf of asOfDates(seed)) expect(statuses(assess(reparse(more), asOf)), `seed ${seed} at ${asOf}`).toBe(statuses(assess(c, asOf)));
  });

  it.each(seeds)('a knowledge date equal to the as-of date gives the ordinary assessment (seed %i)', (seed) => {
    // Prerequisites are the one exception, by design: by default a prerequisite is judged at the
    // due date with what was known then; under a fixed knowledge date, with what was known at it.
    const c = clone(randomCase(seed));
    for (const k of c.commitments) delete k.depends_on;
    for (const asOf of asOfDates(seed).filter((d) => d.length === 10)) {
      const { known_at: knownAt, ...fixed } = assess(c, asOf, { knownAt: asOf });
      expect(knownAt).toBe(asOf);
      expect(JSON.stringify(fixed), `seed ${seed} at ${asOf}`).toBe(JSON.stringify(assess(c, asOf)));
    }
  });

  it.each(seeds.slice(0, 40))('a timeline at a fixed knowledge date agrees with assess at that knowledge date (seed %i)', (seed) => {
    const c = randomCase(seed);
    const p = picker(seed + 14);
    const knownAt = p.day(200, 1200);
    const from = p.day(0, 600);
    const to = p.day(700, 760);
    for (const t of timelines(c, [...c.commitments, ...c.conditions].map((x) => x.id), { from, to, step: 'month', knownAt })) {
      for (const point of t.points) {
        const a = assess(c, point.date, { knownAt });
        const x = [...a.commitments, ...a.conditions].find((o) => o.id === t.object.id);
        expect([point.status, point.confidence], `seed ${seed}: ${t.object.id} at ${point.date} known ${knownAt}`).toEqual([x?.status, x?.confidence]);
      }
    }
  });
});
