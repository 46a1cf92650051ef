// Benchmark of the assessment engine on a generated case (5,000 evidence items, 1,000
// commitments, 200 conditions, 100 claims; synthetic, no fact in it is real).
//   1. assess() at one date: median of several runs (target < 50 ms);
//   2. a weekly timeline of every object over four years (target < 2 s);
//   3. the same timelines by a naive reference, written below, that recomputes every status
//      from scratch at each date; its results must agree with the engine's, point by point;
//   4. peak memory (target < 300 MB).
// Run: npx tsx bench/assess.ts [runs]
import { spawnSync } from 'node:child_process';
import { availableParallelism, cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CaseFile } from '../src/case/schema.js';
import type { CaseFile as CaseFileType } from '../src/case/schema.js';
import { assess, DEFAULT_SETTINGS, timelines, type Timeline } from '../src/assess/index.js';
import { prng } from '../test/helpers/generate.js';

const SIZE = { evidence: 5_000, commitments: 1_000, conditions: 200, claims: 100, leverage: 40 };
const RANGE = { from: '2020-01-01', to: '2023-12-31', step: 'week' as const };
const AS_OF = '2022-06-30';
const runs = Number(process.argv[2] ?? 7);

// ── the generated case ───────────────────────────────────────────────────────────────────────

export function generate(seed: number): CaseFileType {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const one = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const day = (from: number, span: number) => new Date(Date.UTC(2020, 0, 1) + (from + int(span)) * 86_400_000).toISOString().slice(0, 10);
  const sources = Array.from({ length: 60 }, (_, i) => ({ id: `src-${i}`, kind: 'report', title: `source ${i}`, date: day(0, 1400), reliability: one(['A', 'B', 'C', 'D', 'E', 'F']) }));
  const commitments = Array.from({ length: SIZE.commitments }, (_, i) => {
    const obligation = rnd() < 0.4;
    return {
      id: `com-${i}`, by: 'party', source: one(sources).id, made: day(0, 700), category: 'other', kind: obligation ? 'obligation' : 'prohibition',
      due: obligation && rnd() < 0.6 ? day(300, 1000) : null, text: `commitment ${i}`,
    };
  });
  const conditions = Array.from({ length: SIZE.conditions }, (_, i) => ({
    id: `cond-${i}`, set_by: ['state'], category: 'other', text: `condition ${i}`,
    requires: [...new Set(Array.from({ length: 1 + int(5) }, () => one(commitments).id))],
  }));
  const evidence = Array.from({ length: SIZE.evidence }, (_, i) => {
    const target = rnd() < 0.9 ? one(commitments).id : one(conditions).id;
    const e: Record<string, unknown> = {
      id: `ev-${i}`, source: one(sources).id, observed: { from: day(-30, 1400) }, credibility: 1 + int(6), summary: `finding ${i}`,
      bears_on: [{ target, stance: one(['supports', 'supports', 'contradicts', 'contradicts', 'context']), strength: one(['strong', 'moderate', 'weak']) }],
    };
    if (rnd() < 0.8) e['recorded'] = day(0, 1460);
    if (rnd() < 0.2) e['reliability'] = one(['A', 'B', 'C', 'D']);
    if (i > 0 && rnd() < 0.05) e['supersedes'] = `ev-${int(i)}`;
    if (rnd() < 0.03) e['retracted'] = { date: day(400, 1060), reason: 'withdrawn' };
    return e;
  });
  const claims = Array.from({ length: SIZE.claims }, (_, i) => {
    const onCondition = rnd() < 0.3;
    const target = onCondition ? one(conditions).id : one(commitments).id;
    return { id: `claim-${i}`, by: 'official', made: day(60, 1300), source: one(sources).id, text: `claim ${i}`, asserts: { target, status: onCondition ? one(['met', 'not_met']) : one(['kept', 'broken']) } };
  });
  const leverage = Array.from({ length: SIZE.leverage }, (_, i) => ({
    id: `lev-${i}`, held_by: 'state', kind: 'aid', text: `leverage ${i}`,
    gated_by: [...new Set(Array.from({ length: 1 + int(3) }, () => one(conditions).id))],
    decisions: Array.from({ length: int(4) }, () => ({ date: day(100, 1300), action: one(['released', 'partly_released', 'withheld', 'renewed']) })),
  }));
  return CaseFile.parse({
    case: { id: 'bench', title: 'Benchmark case (generated, not real)', subject: 'party' },
    actors: [{ id: 'party', kind: 'armed_group', name: 'Party' }, { id: 'state', kind: 'state', name: 'State' }, { id: 'official', kind: 'person', name: 'Official' }],
    sources, commitments, conditions, leverage, evidence, claims,
  });
}

// ── the naive reference: every status from scratch at every date ─────────────────────────────

function key(date: string): number {
  if (date.length === 4) return Date.UTC(Number(date), 0, 1);
  if (date.length === 7) return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, 1);
  return Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
}

type Status = { status: string; confidence: string | null };

/** Statuses of every commitment, condition, leverage and claim at T, computed from nothing. */
function naiveAt(c: CaseFileType, T: number): Map<string, Status> {
  const s = DEFAULT_SETTINGS;
  const t = s.thresholds;
  const sourceOf = new Map(c.sources.map((x) => [x.id, x]));
  const recorded = (e: CaseFileType['evidence'][number]) => key(e.recorded ?? sourceOf.get(e.source)?.date ?? e.observed.from);
  // superseded at T: some later version, directly or down the chain, was recorded by T
  const next = new Map<string, CaseFileType['evidence']>();
  for (const e of c.evidence) if (e.supersedes) next.set(e.supersedes, [...(next.get(e.supersedes) ?? []), e]);
  const superseded = (id: string): boolean => (next.get(id) ?? []).some((n) => recorded(n) <= T || superseded(n.id));
  const sums = new Map<string, { S: number; C: number; sAB: Set<string>; cAB: Set<string> }>();
  for (const e of c.evidence) {
    if (recorded(e) > T || key(e.observed.from) > T || (e.retracted && key(e.retracted.date) <= T) || superseded(e.id)) continue;
    const rel = e.reliability ?? sourceOf.get(e.source)?.reliability ?? 'F';
    for (const b of e.bears_on) {
      if (b.stance === 'context') continue;
      const w = s.strength[b.strength] * s.reliability[rel] * s.credibility[String(e.credibility) as '1'];
      const sum = sums.get(b.target) ?? { S: 0, C: 0, sAB: new Set<string>(), cAB: new Set<string>() };
      const ab = rel === 'A' || rel === 'B';
      if (b.stance === 'supports') { sum.S += w; if (ab && w > 0) sum.sAB.add(e.source); } else { sum.C += w; if (ab && w > 0) sum.cAB.add(e.source); }
      sums.set(b.target, sum);
    }
  }
  const eps = 1e-9;
  const confidence = (mass: number, sources: number) => (mass >= t.high_mass - eps && sources >= t.high_sources ? 'high' : mass >= t.moderate_mass - eps ? 'moderate' : 'low');
  const judge = (id: string, made: number | null, due: number | null): Status => {
    if (made !== null && made > T) return { status: 'not_yet_made', confidence: null };
    const { S, C, sAB, cAB } = sums.get(id) ?? { S: 0, C: 0, sAB: new Set<string>(), cAB: new Set<string>() };
    if (C >= t.broken - eps && C > S + eps) return { status: 'broken', confidence: confidence(C, cAB.size) };
    if (due !== null && due < T && S < t.kept - eps) return { status: 'broken', confidence: confidence(C, cAB.size) };
    if (S >= t.kept - eps && C < t.kept_ratio * S - eps) return { status: 'kept', confidence: confidence(S, sAB.size) };
    return { status: S + C > eps ? 'partly_kept' : 'unverified', confidence: confidence(S + C, new Set([...sAB, ...cAB]).size) };
  };
  const out = new Map<string, Status>();
  for (const k of c.commitments) out.set(k.id, judge(k.id, key(k.made), k.kind === 'obligation' && k.due ? key(k.due) : null));
  const rank = { low: 0, moderate: 1, high: 2 } as Record<string, number>;
  const pick = (xs: Status[], best: boolean) => xs.map((x) => x.confidence ?? 'low').reduce((a, b) => ((rank[b] ?? 0) > (rank[a] ?? 0) === best ? b : a));
  for (const k of c.conditions) {
    const parts = [...new Set(k.requires)].map((id) => out.get(id) as Status);
    if (sums.has(k.id)) parts.push(judge(k.id, null, null)); // some of its own evidence counts
    const broken = parts.filter((x) => x.status === 'broken');
    const some = parts.filter((x) => x.status === 'kept' || x.status === 'partly_kept');
    out.set(k.id, parts.length === 0 ? { status: 'unknown', confidence: 'low' }
      : broken.length > 0 ? { status: 'not_met', confidence: pick(broken, true) }
        : parts.every((x) => x.status === 'kept') ? { status: 'met', confidence: pick(parts, false) }
          : some.length > 0 ? { status: 'partly_met', confidence: pick(some, true) } : { status: 'unknown', confidence: 'low' });
  }
  for (const l of c.leverage) {
    const gates = l.gated_by.map((g) => out.get(g) as Status);
    out.set(l.id, gates.some((g) => g.status === 'not_met') ? { status: 'withhold', confidence: pick(gates.filter((g) => g.status === 'not_met'), true) }
      : gates.length > 0 && gates.every((g) => g.status === 'met') ? { status: 'release', confidence: pick(gates, false) } : { status: 'review', confidence: null });
  }
  const positive = new Set(['kept', 'met']);
  const negative = new Set(['broken', 'not_met']);
  for (const k of c.claims) {
    if (key(k.made) > T) { out.set(k.id, { status: 'not_yet_made', confidence: null }); continue; }
    const target = (out.get(k.asserts.target) as Status).status;
    const asserted = positive.has(k.asserts.status);
    const verdict = positive.has(target) ? (asserted ? 'supported' : 'contradicted') : negative.has(target) ? (asserted ? 'contradicted' : 'supported')
      : target === 'partly_kept' || target === 'partly_met' ? 'disputed' : 'unsupported';
    out.set(k.id, { status: verdict, confidence: null });
  }
  return out;
}

// ── measuring ─────────────────────────────────────────────────────────────────────────────────

function timed<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
}

// Garbage is collected between runs, outside the timed part, so that no run pays for the
// garbage of the one before it.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Wall-clock times of n runs after a warm-up, sorted, and their median. */
function medianOf(n: number, fn: () => unknown): { median: number; all: number[] } {
  fn(); // warm-up: the first run pays for compilation
  const all = Array.from({ length: n }, () => {
    collectGarbage();
    return timed(fn).ms;
  }).sort((a, b) => a - b);
  return { median: all[Math.floor(all.length / 2)] as number, all };
}

const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Share of the processors' time spent busy during one second (by other programs: this one sleeps). */
function busyShare(): number {
  const total = () => cpus().reduce((sum, c) => ({ idle: sum.idle + c.times.idle, all: sum.all + Object.values(c.times).reduce((a, b) => a + b, 0) }), { idle: 0, all: 0 });
  const before = total();
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1000);
  const after = total();
  const all = after.all - before.all;
  return all > 0 ? 1 - (after.idle - before.idle) / all : 0;
}

/** Peak resident memory of a fresh process: after generating the case, then after assess() and timelines(). */
function measureMemory(): void {
  const c = generate(42);
  const baseline = process.resourceUsage().maxRSS;
  assess(c, AS_OF);
  timelines(c, undefined, RANGE);
  process.stdout.write(JSON.stringify({ baselineMb: Math.round(baseline / 1024), peakMb: Math.round(process.resourceUsage().maxRSS / 1024) }) + '\n');
}

function memoryInChild(): { baselineMb: number; peakMb: number } {
  const run = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--memory'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the memory measurement failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as { baselineMb: number; peakMb: number };
}

function main(): void {
  const generated = timed(() => generate(42));
  const c = generated.value;
  const busy = busyShare();
  console.log(`machine: ${availableParallelism()} processors, ${Math.round(busy * 100)}% busy in the second before the runs` +
    `${busy >= 0.25 ? ' (other programs compete for the processors and inflate the times below)' : ''}`);
  console.log(`case: ${c.evidence.length} evidence items, ${c.commitments.length} commitments, ${c.conditions.length} conditions, ` +
    `${c.leverage.length} leverage, ${c.claims.length} claims (generated and parsed in ${ms(generated.ms)})`);

  const assessRuns = medianOf(runs * 5, () => assess(c, AS_OF));
  console.log(`assess() at ${AS_OF}: median ${ms(assessRuns.median)} over ${assessRuns.all.length} runs (min ${ms(assessRuns.all[0] as number)}, max ${ms(assessRuns.all[assessRuns.all.length - 1] as number)})   target < 50 ms: ${assessRuns.median < 50 ? 'met' : 'MISSED'}`);

  let engine: Timeline[] = [];
  const timelineRuns = medianOf(runs, () => { engine = timelines(c, undefined, RANGE); });
  const points = engine.reduce((n, t) => n + t.points.length, 0);
  console.log(`timelines(), weekly ${RANGE.from} to ${RANGE.to}, every object (${engine.length} objects, ${points} points): median ${ms(timelineRuns.median)} over ${runs} runs   target < 2 s: ${timelineRuns.median < 2000 ? 'met' : 'MISSED'}`);

  const memory = memoryInChild();
  console.log(`peak memory of one assess() and every timeline, in a fresh process: ${memory.peakMb} MB (resident set; the process with tsx and the ` +
    `generated case alone: ${memory.baselineMb} MB)   target < 300 MB: ${memory.peakMb < 300 ? 'met' : 'MISSED'}`);
  console.log(`peak memory of this process after ${assessRuns.all.length + 1} assessments and ${runs + 1} rounds of timelines (garbage collected between runs): ${mb(process.resourceUsage().maxRSS * 1024)}`);

  const dates = engine[0]?.points.map((p) => p.date) ?? [];
  let naive: Map<string, Status>[] = [];
  const naiveRuns = medianOf(Math.max(1, Math.floor(runs / 3)), () => { naive = dates.map((d) => naiveAt(c, Date.parse(`${d}T00:00:00Z`))); });
  console.log(`naive reference, all statuses from scratch at each of ${dates.length} dates: median ${ms(naiveRuns.median)} over ${naiveRuns.all.length} runs`);
  console.log(`ratio naive / engine: ${(naiveRuns.median / timelineRuns.median).toFixed(1)}×`);

  const perDate = timed(() => dates.map((d) => assess(c, d)));
  console.log(`for comparison, assess() called at each of the ${dates.length} dates: ${ms(perDate.ms)} (${(perDate.ms / timelineRuns.median).toFixed(1)}× the timelines)`);

  let agree = 0;
  const disagreements: string[] = [];
  for (const t of engine) {
    t.points.forEach((p, i) => {
      const expected = naive[i]?.get(t.object.id);
      if (expected && expected.status === p.status && expected.confidence === p.confidence) agree++;
      else if (disagreements.length < 5) disagreements.push(`${t.object.id} at ${p.date}: engine ${p.status}/${p.confidence}, naive ${expected?.status}/${expected?.confidence}`);
    });
  }
  console.log(`engine and naive reference agree on ${agree} of ${points} points (status and confidence)`);
  if (disagreements.length > 0) {
    console.log(disagreements.join('\n'));
    process.exit(1);
  }
}

// Measure only when run, not when imported (e.g. by a profiling script).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv[2] === '--memory') measureMemory();
  else main();
}
