// Benchmark of the assessment engine on a generated case (5,000 evidence items, 1,000
// commitments, 200 conditions, 100 claims; synthetic, no fact in it is real). The case uses
// every integrity rule: derived sources, set dates, prerequisites, observation periods that end
// before a pledge, and retractions recorded after the date they apply from.
//   1. assess() at one date: median of several runs (target < 50 ms); review() (target < 200 ms);
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
import { assess, DEFAULT_SETTINGS, review, timelines, type Timeline } from '../src/assess/index.js';
import { prng } from '../test/helpers/generate.js';

const BASE_SIZE = { evidence: 5_000, commitments: 1_000, conditions: 200, claims: 100, leverage: 40 };
const scaled = (k: number) => ({ evidence: BASE_SIZE.evidence * k, commitments: BASE_SIZE.commitments * k, conditions: BASE_SIZE.conditions * k, claims: BASE_SIZE.claims * k, leverage: BASE_SIZE.leverage * k });
const RANGE = { from: '2020-01-01', to: '2023-12-31', step: 'week' as const };
const AS_OF = '2022-06-30';
const runs = Number(process.argv[2] ?? 7);

// ── the generated case ───────────────────────────────────────────────────────────────────────

/** `scale` multiplies every count (10 gives 50,000 evidence items and 10,000 commitments); `sizes` sets some counts outright. */
export function generate(seed: number, scale = 1, sizes: Partial<typeof BASE_SIZE> = {}): CaseFileType {
  const SIZE = { ...scaled(scale), ...sizes };
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const one = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const day = (from: number, span: number) => new Date(Date.UTC(2020, 0, 1) + (from + int(span)) * 86_400_000).toISOString().slice(0, 10);
  const sources: Record<string, unknown>[] = Array.from({ length: 60 }, (_, i) => ({ id: `src-${i}`, kind: 'report', title: `source ${i}`, date: day(0, 1400), reliability: one(['A', 'B', 'C', 'D', 'E', 'F']) }));
  // A fifth of the sources restate another (interviews about a report, copies of it).
  for (const [i, src] of sources.entries()) if (i > 0 && rnd() < 0.2) src['derived_from'] = [`src-${int(i)}`];
  const commitments = Array.from({ length: SIZE.commitments }, (_, i) => {
    const obligation = rnd() < 0.4;
    return {
      id: `com-${i}`, by: 'party', source: (one(sources) as { id: string }).id, made: day(0, 700), category: 'other', kind: obligation ? 'obligation' : 'prohibition',
      due: obligation && rnd() < 0.6 ? day(300, 1000) : null, text: `commitment ${i}`,
      ...(obligation && i > 0 && rnd() < 0.3 ? { depends_on: [`com-${int(i)}`] } : {}),
    };
  });
  const conditions = Array.from({ length: SIZE.conditions }, (_, i) => ({
    id: `cond-${i}`, set_by: ['state'], category: 'other', text: `condition ${i}`,
    requires: [...new Set(Array.from({ length: 1 + int(5) }, () => one(commitments).id))],
    ...(rnd() < 0.3 ? { set: day(0, 1000) } : {}),
  }));
  const evidence = Array.from({ length: SIZE.evidence }, (_, i) => {
    const target = rnd() < 0.9 ? one(commitments).id : one(conditions).id;
    const e: Record<string, unknown> = {
      id: `ev-${i}`, source: (one(sources) as { id: string }).id, observed: rnd() < 0.3 ? { from: day(-60, 700), to: day(0, 1400) } : { from: day(-30, 1400) }, credibility: 1 + int(6), summary: `finding ${i}`,
      bears_on: [{ target, stance: one(['supports', 'supports', 'contradicts', 'contradicts', 'context']), strength: one(['strong', 'moderate', 'weak']) }],
    };
    if (rnd() < 0.8) e['recorded'] = day(0, 1460);
    if (rnd() < 0.2) e['reliability'] = one(['A', 'B', 'C', 'D']);
    if (i > 0 && rnd() < 0.05) e['supersedes'] = `ev-${int(i)}`;
    if (rnd() < 0.03) e['retracted'] = rnd() < 0.5 ? { date: day(400, 1060), reason: 'withdrawn' } : { date: day(0, 700), reason: 'withdrawn later', recorded: day(700, 760) };
    return e;
  });
  const claims = Array.from({ length: SIZE.claims }, (_, i) => {
    const onCondition = rnd() < 0.3;
    const target = onCondition ? one(conditions).id : one(commitments).id;
    return { id: `claim-${i}`, by: 'official', made: day(60, 1300), source: (one(sources) as { id: string }).id, text: `claim ${i}`, asserts: { target, status: onCondition ? one(['met', 'not_met']) : one(['kept', 'broken']) } };
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

/** The first instant after the observed period, written out again from the contract. */
function periodEnd(date: string): number {
  const start = key(date);
  const d = new Date(start);
  if (date.length === 4) return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
  if (date.length === 7) return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return date.length === 10 ? start + 86_400_000 : start + 1;
}

/** Blockers are judged at the due date with what was known then: the same for every T. */
const statusesAtDue = new Map<number, Map<string, Status>>();

/** Statuses of every commitment, condition, leverage and claim at T, computed from nothing. */
export function naiveAt(c: CaseFileType, T: number): Map<string, Status> {
  const s = DEFAULT_SETTINGS;
  const t = s.thresholds;
  const sourceOf = new Map(c.sources.map((x) => [x.id, x]));
  // origin: follow derived_from to the smallest id of the joined sources
  const joined = new Map<string, Set<string>>();
  const link = (a: string, b: string) => {
    const set = new Set([...(joined.get(a) ?? [a]), ...(joined.get(b) ?? [b])]);
    for (const id of set) joined.set(id, set);
  };
  for (const src of c.sources) for (const d of src.derived_from ?? []) link(src.id, d);
  const originOf = (id: string) => [...(joined.get(id) ?? [id])].sort()[0] as string;
  const recorded = (e: CaseFileType['evidence'][number]) => key(e.recorded ?? sourceOf.get(e.source)?.date ?? e.observed.from);
  const next = new Map<string, CaseFileType['evidence']>();
  for (const e of c.evidence) if (e.supersedes) next.set(e.supersedes, [...(next.get(e.supersedes) ?? []), e]);
  const superseded = (id: string): boolean => (next.get(id) ?? []).some((n) => recorded(n) <= T || superseded(n.id));
  const made = new Map(c.commitments.map((k) => [k.id, key(k.made)]));
  // target → stance → origin → source → total; and the A/B origins per stance
  type Sum = { by: Map<string, Map<string, Map<string, number>>>; ab: Map<string, Set<string>>; links: number };
  const sums = new Map<string, Sum>();
  for (const e of c.evidence) {
    const retracted = e.retracted && key(e.retracted.date) <= T && key(e.retracted.recorded ?? e.retracted.date) <= T;
    if (recorded(e) > T || key(e.observed.from) > T || retracted || superseded(e.id)) continue;
    const rel = e.reliability ?? sourceOf.get(e.source)?.reliability ?? 'F';
    for (const b of e.bears_on) {
      if (b.stance === 'context') continue;
      const pledged = made.get(b.target);
      if (pledged !== undefined && periodEnd(e.observed.to ?? e.observed.from) <= pledged) continue;
      const w = Math.round(s.strength[b.strength] * s.reliability[rel] * s.credibility[String(e.credibility) as '1'] * 1e6);
      const sum = sums.get(b.target) ?? { by: new Map(), ab: new Map(), links: 0 };
      sum.links++;
      const byOrigin = sum.by.get(b.stance) ?? new Map<string, Map<string, number>>();
      const bySource = byOrigin.get(originOf(e.source)) ?? new Map<string, number>();
      bySource.set(e.source, (bySource.get(e.source) ?? 0) + w);
      byOrigin.set(originOf(e.source), bySource);
      sum.by.set(b.stance, byOrigin);
      if ((rel === 'A' || rel === 'B') && w > 0) sum.ab.set(b.stance, new Set([...(sum.ab.get(b.stance) ?? []), originOf(e.source)]));
      sums.set(b.target, sum);
    }
  }
  const mass = (sum: Sum | undefined, stance: string) => [...(sum?.by.get(stance)?.values() ?? [])].reduce((n, bySource) => n + Math.max(...bySource.values()), 0) / 1e6;
  const eps = 1e-9;
  const confidence = (m: number, sources: number) => (m >= t.high_mass - eps && sources >= t.high_sources ? 'high' : m >= t.moderate_mass - eps ? 'moderate' : 'low');
  const info = new Map(c.commitments.map((k) => [k.id, k]));
  const judge = (id: string, madeAt: number | null, due: number | null): Status => {
    if (madeAt !== null && madeAt > T) return { status: 'not_yet_made', confidence: null };
    const sum = sums.get(id);
    const S = mass(sum, 'supports');
    const C = mass(sum, 'contradicts');
    const sAB = sum?.ab.get('supports') ?? new Set<string>();
    const cAB = sum?.ab.get('contradicts') ?? new Set<string>();
    const both = new Set([...sAB, ...cAB]).size;
    if (C >= t.broken - eps && C > S + eps) return { status: 'broken', confidence: confidence(C, cAB.size) };
    if (due !== null && due < T && S < t.kept - eps) {
      const blocked = (info.get(id)?.depends_on ?? []).some((dep) => {
        let then = statusesAtDue.get(due);
        if (!then) statusesAtDue.set(due, (then = naiveAt(c, due)));
        return then.get(dep)?.status !== 'kept';
      });
      return blocked ? { status: 'blocked', confidence: confidence(S + C, both) } : { status: 'broken', confidence: confidence(C, cAB.size) };
    }
    if (S >= t.kept - eps && C < t.kept_ratio * S - eps) return { status: 'kept', confidence: confidence(S, sAB.size) };
    if (S > eps) return { status: 'partly_kept', confidence: confidence(S + C, both) };
    if (C > eps) return { status: 'at_risk', confidence: confidence(C, cAB.size) };
    return { status: 'unverified', confidence: confidence(0, 0) };
  };
  const out = new Map<string, Status>();
  for (const k of c.commitments) out.set(k.id, judge(k.id, key(k.made), k.kind === 'obligation' && k.due ? key(k.due) : null));
  const rank = { low: 0, moderate: 1, high: 2 } as Record<string, number>;
  const pick = (xs: Status[], best: boolean) => xs.map((x) => x.confidence ?? 'low').reduce((a, b) => ((rank[b] ?? 0) > (rank[a] ?? 0) === best ? b : a));
  const periodStart = c.case.period ? key(c.case.period.start) : -Infinity;
  for (const k of c.conditions) {
    if ((k.set ? key(k.set) : periodStart) > T) { out.set(k.id, { status: 'not_yet_set', confidence: 'low' }); continue; }
    const parts = [...new Set(k.requires)].map((id) => out.get(id) as Status);
    if (sums.has(k.id)) parts.push(judge(k.id, null, null)); // some of its own evidence counts
    const broken = parts.filter((x) => x.status === 'broken');
    const some = parts.filter((x) => x.status === 'kept' || x.status === 'partly_kept');
    out.set(k.id, parts.length === 0 ? { status: 'unknown', confidence: 'low' }
      : broken.length > 0 ? { status: 'not_met', confidence: pick(broken, true) }
        : parts.some((x) => x.status === 'at_risk') ? { status: 'unknown', confidence: 'low' }
          : parts.every((x) => x.status === 'kept') ? { status: 'met', confidence: pick(parts, false) }
            : some.length > 0 ? { status: 'partly_met', confidence: pick(some, true) } : { status: 'unknown', confidence: 'low' });
  }
  for (const l of c.leverage) {
    const gates = [...new Set(l.gated_by)].map((g) => out.get(g) as Status).filter((g) => g.status !== 'not_yet_set');
    out.set(l.id, gates.some((g) => g.status === 'not_met') ? { status: 'withhold', confidence: pick(gates.filter((g) => g.status === 'not_met'), true) }
      : gates.length > 0 && gates.every((g) => g.status === 'met') ? { status: 'release', confidence: pick(gates, false) } : { status: 'review', confidence: null });
  }
  const positive = new Set(['kept', 'met']);
  const negative = new Set(['broken', 'not_met']);
  for (const k of c.claims) {
    if (key(k.made) > T) { out.set(k.id, { status: 'not_yet_made', confidence: null }); continue; }
    const target = (out.get(k.asserts.target) as Status).status;
    const asserted = positive.has(k.asserts.status);
    const verdict = target === 'blocked' ? (asserted ? 'contradicted' : 'disputed')
      : positive.has(target) ? (asserted ? 'supported' : 'contradicted') : negative.has(target) ? (asserted ? 'contradicted' : 'supported')
        : target === 'partly_kept' || target === 'partly_met' || target === 'at_risk' ? 'disputed' : 'unsupported';
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
  let warnings = 0;
  const reviewRuns = medianOf(runs * 2, () => { warnings = review(c, AS_OF).warnings.length; });
  console.log(`review() at ${AS_OF} (assessment included, ${warnings} warnings): median ${ms(reviewRuns.median)} over ${reviewRuns.all.length} runs   target < 200 ms: ${reviewRuns.median < 200 ? 'met' : 'MISSED'}`);

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
