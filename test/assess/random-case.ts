// Seeded random cases for the property tests: small, but with every feature the rules care
// about (partial dates and datetimes, missing `recorded`, grade overrides, corrections,
// retractions recorded late, obligations with due dates and prerequisites, conditions with set
// dates, sources derived from others, observation periods, condition evidence, decisions, claims).
import { CaseFile } from '../../src/case/schema.js';
import type { CaseFile as CaseFileType } from '../../src/case/schema.js';
import { prng } from '../helpers/generate.js';


export interface Pick {
  rnd: () => number;
  int: (n: number) => number;
  one: <T>(xs: readonly T[]) => T;
  chance: (p: number) => boolean;
  /** A date in 2020–2023, at any precision the case format allows. */
  date: (fromDay?: number, span?: number) => string;
  day: (fromDay?: number, span?: number) => string;
}

const DAY = 86_400_000;
const BASE = Date.UTC(2020, 0, 1);

export function picker(seed: number): Pick {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const one = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const day = (fromDay = 0, span = 1460) => new Date(BASE + (fromDay + int(span)) * DAY).toISOString().slice(0, 10);
  const date = (fromDay = 0, span = 1460) => {
    const d = day(fromDay, span);
    const r = rnd();
    if (r < 0.08) return d.slice(0, 4);
    if (r < 0.2) return d.slice(0, 7);
    if (r < 0.35) return `${d}T${String(int(24)).padStart(2, '0')}:${String(int(60)).padStart(2, '0')}:00Z`;
    return d;
  };
  return { rnd, int, one, chance: (p) => rnd() < p, date, day };
}

export interface RandomCaseOptions {
  commitments?: number;
  conditions?: number;
  evidence?: number;
  claims?: number;
}

export function randomCase(seed: number, options: RandomCaseOptions = {}): CaseFileType {
  const p = picker(seed);
  const nCommitments = options.commitments ?? 6;
  const nConditions = options.conditions ?? 3;
  const nEvidence = options.evidence ?? 30;
  const nClaims = options.claims ?? 4;
  const sources = (['A', 'B', 'C', 'F'] as const).map((reliability, i) => ({ id: `src-${i}`, kind: 'report', title: `source ${i}`, date: p.date(0, 400), reliability }));
  const commitments = Array.from({ length: nCommitments }, (_, i) => {
    const obligation = p.chance(0.5);
    return {
      id: `k-${i}`, by: 'party', source: 'src-0', made: p.date(0, 700), category: 'other', kind: obligation ? 'obligation' : 'prohibition',
      due: obligation && p.chance(0.7) ? p.date(300, 1000) : null, text: `commitment ${i}`,
    };
  });
  const conditions = Array.from({ length: nConditions }, (_, i) => ({
    id: `cond-${i}`, set_by: ['state'], category: 'other', text: `condition ${i}`,
    requires: [...new Set(Array.from({ length: p.int(4) }, () => p.one(commitments).id))],
  }));
  const targets = [...commitments.map((k) => k.id), ...conditions.map((k) => k.id)];
  const evidence = Array.from({ length: nEvidence }, (_, i) => randomEvidence(p, `ev-${i}`, sources.map((s) => s.id), targets, i));
  for (const [i, e] of evidence.entries()) {
    if (i > 0 && p.chance(0.15)) e.supersedes = `ev-${p.int(i)}`;
  }
  const statusFor = (target: string) => (target.startsWith('k-') ? p.one(['kept', 'broken']) : p.one(['met', 'not_met']));
  const claims = Array.from({ length: nClaims }, (_, i) => {
    const target = p.one(targets);
    return { id: `claim-${i}`, by: 'official', made: p.date(100, 1200), source: 'src-1', text: `claim ${i}`, asserts: { target, status: statusFor(target) } };
  });
  const leverage = Array.from({ length: 2 }, (_, i) => ({
    id: `lev-${i}`, held_by: 'state', kind: 'aid', text: `leverage ${i}`,
    gated_by: [...new Set(Array.from({ length: p.int(3) }, () => p.one(conditions).id))],
    decisions: Array.from({ length: p.int(4) }, () => ({ date: p.date(100, 1300), action: p.one(['released', 'partly_released', 'withheld', 'renewed', 'revoked']) })),
  }));
  // The integrity rules' features, drawn from their own generator so that the rest of each
  // seeded case stays as it was before they existed.
  const q = picker(seed * 31 + 7);
  const derived = sources as { id: string; derived_from?: string[] }[];
  if (q.chance(0.5)) derived[3]!.derived_from = ['src-1'];
  if (q.chance(0.3)) derived[2]!.derived_from = ['src-3'];
  if (q.chance(0.2)) derived[1]!.derived_from = ['src-0'];
  for (const k of conditions as { set?: string }[]) if (q.chance(0.4)) k.set = q.date(0, 1200);
  for (const k of commitments as { id: string; due: string | null; depends_on?: string[] }[]) {
    if (k.due && q.chance(0.5)) k.depends_on = [q.one(commitments.filter((o) => o.id !== k.id)).id];
  }
  for (const e of evidence) {
    if (e.retracted && q.chance(0.6)) e.retracted.recorded = q.date(0, 1460);
    if (q.chance(0.3)) e.observed = { from: e.observed.from, to: q.date(0, 1460) };
  }
  const rated = evidence.filter(() => p.chance(0.3));
  const hypotheses = [{
    id: 'hyp', question: 'which?', options: [{ id: 'opt-a', text: 'a' }, { id: 'opt-b', text: 'b' }, { id: 'opt-c', text: 'c' }],
    ratings: rated.flatMap((e) => ['opt-a', 'opt-b', 'opt-c'].filter(() => p.chance(0.8)).map((option) => ({ evidence: e.id, option, rating: p.one(['CC', 'C', 'N', 'I', 'II', 'NA']) }))),
  }];
  return CaseFile.parse({
    case: { id: `random-${seed}`, title: 'random case', subject: 'party', period: { start: '2020-01-01', end: '2023-12-31' } },
    actors: [{ id: 'party', kind: 'armed_group', name: 'Party' }, { id: 'state', kind: 'state', name: 'State' }, { id: 'official', kind: 'person', name: 'Official' }],
    sources, commitments, conditions, leverage, evidence, claims, hypotheses,
  });
}

export interface RandomEvidence {
  id: string;
  source: string;
  observed: { from: string; to?: string };
  recorded?: string;
  credibility: number;
  reliability?: string;
  summary: string;
  bears_on: { target: string; stance: string; strength: string }[];
  supersedes?: string;
  retracted?: { date: string; reason: string; recorded?: string };
}

export function randomEvidence(p: Pick, id: string, sources: readonly string[], targets: readonly string[], _index = 0, window = { from: 0, span: 1460 }): RandomEvidence {
  const e: RandomEvidence = {
    id, source: p.one(sources), observed: { from: p.date(window.from - 60, window.span) }, credibility: 1 + p.int(6), summary: `evidence ${id}`,
    bears_on: Array.from({ length: 1 + p.int(2) }, () => ({
      target: p.one(targets), stance: p.one(['supports', 'supports', 'contradicts', 'contradicts', 'context']), strength: p.one(['strong', 'moderate', 'weak']),
    })),
  };
  if (p.chance(0.85)) e.recorded = p.date(window.from, window.span);
  if (p.chance(0.3)) e.reliability = p.one(['A', 'B', 'C', 'D', 'E', 'F']);
  if (p.chance(0.1)) e.retracted = { date: p.date(window.from + 100, window.span), reason: 'withdrawn' };
  return e;
}

/** Fisher–Yates with the given generator. */
export function shuffle<T>(xs: readonly T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
