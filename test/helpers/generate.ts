// Deterministic synthetic cases for load, crash and speed tests. Labelled synthetic: no fact in
// them is real.
import type { CaseFile } from '../../src/case/schema.js';
import { CaseFile as CaseFileSchema } from '../../src/case/schema.js';

export interface GenerateOptions {
  id?: string;
  evidence: number;
  commitments: number;
  conditions?: number;
  claims?: number;
  seed?: number;
}

/** Mulberry32: small, fast, and the same numbers on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const day = (base: string, offset: number) => new Date(Date.parse(base) + offset * 86_400_000).toISOString().slice(0, 10);

export function generateCase(options: GenerateOptions): CaseFile {
  const rnd = prng(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const conditions = options.conditions ?? Math.ceil(options.commitments / 5);
  const claims = options.claims ?? Math.ceil(options.commitments / 10);
  const sources = Array.from({ length: 50 }, (_, i) => ({
    id: `src-${i}`, kind: pick(['report', 'news', 'statement'] as const), title: `Synthetic source ${i}`, date: day('2020-01-01', i * 20), reliability: pick(['A', 'B', 'C', 'D', 'F'] as const),
  }));
  const commitments = Array.from({ length: options.commitments }, (_, i) => ({
    id: `com-${i}`, by: 'party', source: pick(sources).id, made: day('2020-01-01', Math.floor(rnd() * 600)),
    category: pick(['counterterrorism', 'violence', 'women', 'governance'] as const), kind: pick(['prohibition', 'obligation'] as const),
    due: rnd() < 0.3 ? day('2021-01-01', Math.floor(rnd() * 700)) : null, text: `Synthetic commitment ${i}`,
  }));
  const evidence = Array.from({ length: options.evidence }, (_, i) => ({
    id: `ev-${i}`, source: pick(sources).id, observed: { from: day('2020-01-01', Math.floor(rnd() * 1400)) }, recorded: day('2020-02-01', Math.floor(rnd() * 1400)),
    credibility: pick([1, 2, 3, 4, 5, 6] as const), summary: `Synthetic finding ${i}`,
    bears_on: [{ target: pick(commitments).id, stance: pick(['supports', 'contradicts', 'context'] as const), strength: pick(['strong', 'moderate', 'weak'] as const) }],
  }));
  return CaseFileSchema.parse({
    case: { id: options.id ?? 'synthetic', title: 'Synthetic case (generated, not real)', subject: 'party' },
    actors: [{ id: 'party', kind: 'armed_group', name: 'Party' }, { id: 'state', kind: 'state', name: 'State' }, { id: 'official', kind: 'person', name: 'Official' }],
    sources,
    commitments,
    conditions: Array.from({ length: conditions }, (_, i) => ({
      id: `cond-${i}`, set_by: ['state'], category: 'governance', text: `Synthetic condition ${i}`,
      requires: Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => pick(commitments).id).filter((v, j, a) => a.indexOf(v) === j),
    })),
    leverage: [{ id: 'lev-0', held_by: 'state', kind: 'aid', text: 'Synthetic aid', gated_by: conditions > 0 ? ['cond-0'] : [], decisions: [{ date: '2021-01-01', action: 'released' }] }],
    claims: Array.from({ length: claims }, (_, i) => ({
      id: `claim-${i}`, by: 'official', made: day('2020-03-01', Math.floor(rnd() * 1000)), source: pick(sources).id, text: `Synthetic claim ${i}`,
      asserts: { target: pick(commitments).id, status: pick(['kept', 'broken'] as const) },
    })),
    evidence,
  });
}
