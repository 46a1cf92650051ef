// Issue 16: screening OFAC's spellings of UN-listed persons against the UN list, built from the
// real lists at run time (bench/_screening-set.ts). Reports, for one half of the set (the test
// half by default; tune only on `--half dev`): right UN entry first at ≥ 0.70 and ≥ 0.85,
// non-listed names scoring ≥ 0.85 (name alone, and with birth date and nationality), Arabic and
// Cyrillic script queries against Latin-only names, precision and recall by threshold, and
// queries/s on one core, each beside the token-set-ratio reference measured in the same run.
// Run: npx tsx bench/screen-lists.ts [--half dev|test] [--misses N] [--no-reference]
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MatchIndex } from '../src/sanctions/match-index.js';
import { TUNING } from '../src/sanctions/defaults.js';
import type { SanctionsEntry } from '../src/sanctions/types.js';
import { buildScreeningSet, type Half } from './_screening-set.js';
import { TokenSetIndex } from './_token-set-ratio.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const DATA = process.env['DEEDS_DATA_DIR'] ?? join(root, '..', 'shared', 'data');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const half = (arg('--half') ?? 'test') as Half;
const showMisses = Number(arg('--misses') ?? 0);
const withReference = !process.argv.includes('--no-reference');

if (!existsSync(join(DATA, 'un-sc-consolidated', 'consolidated_2026-02-27.xml'))) {
  console.log(`bench/screen-lists: skipped — data not found under ${DATA} (set DEEDS_DATA_DIR)`);
  process.exit(0);
}

// Tuning experiments (on the dev half only): BENCH_TUNING='{"extraCandidateToken":0.2}'.
if (process.env['BENCH_TUNING']) Object.assign(TUNING, JSON.parse(process.env['BENCH_TUNING']) as Partial<typeof TUNING>);
const set = await buildScreeningSet(DATA);
const positives = set.positives.filter((p) => p.half === half);
const script = set.script.filter((p) => p.half === half);
const negatives = set.negatives.filter((n) => n.half === half);
const latinOnly: SanctionsEntry[] = set.un.map((e) => ({ ...e, names: e.names.filter((n) => n.kind !== 'original_script') }));
const index = new MatchIndex([{ list: 'un', entries: set.un }]);
const latinIndex = new MatchIndex([{ list: 'un', entries: latinOnly }]);
const person = { schemas: ['person' as const], threshold: 0, limit: 1 };

interface Outcome { right: boolean; score: number; top?: string }
const deeds = (ix: MatchIndex, q: { name: string; birth_date?: string; nationality?: string[] }, ref?: string): Outcome => {
  const top = ix.search(q, person)[0];
  return { right: !!top && top.ref === ref, score: top?.score ?? 0, ...(top ? { top: `${top.ref} "${top.matched_name}"` } : {}) };
};
const refNames = (entries: SanctionsEntry[]) => new TokenSetIndex(entries.filter((e) => e.schema === 'person').flatMap((e) => e.names.map((n) => ({ ref: e.ref, name: n.name }))));
const reference = refNames(set.un);
const referenceLatin = refNames(latinOnly);
const naive = (ix: TokenSetIndex, q: string, ref?: string): Outcome => {
  const top = ix.top(q);
  return { right: !!top && top.ref === ref, score: top?.score ?? 0 };
};

const pct = (a: number, b: number): string => (b === 0 ? '–' : `${((100 * a) / b).toFixed(1)} %`);
const firstAt = (o: Outcome[], t: number): number => o.filter((x) => x.right && x.score >= t).length;
const over = (o: Outcome[], t: number): number => o.filter((x) => x.score >= t).length;

const pos = positives.map((p) => deeds(index, { name: p.query }, p.ref));
const scr = script.map((p) => deeds(latinIndex, { name: p.query }, p.ref));
const neg = negatives.map((n) => deeds(index, { name: n.name }));
const negFacts = negatives.map((n) => deeds(index, { name: n.name, ...(n.birth_date ? { birth_date: n.birth_date } : {}), ...(n.nationality ? { nationality: n.nationality } : {}) }));
const posFacts = positives.map((p) => deeds(index, { name: p.query, ...(p.birth_date ? { birth_date: p.birth_date } : {}), ...(p.nationality ? { nationality: p.nationality } : {}) }, p.ref));

// Speed: the positive and negative queries, repeatedly, for about two seconds, after a warm-up.
// One thread, so one core; divided by the CPU time the process got, not the wall clock, so that a
// machine shared with other jobs does not halve the figure.
const speedQueries = [...positives.map((p) => p.query), ...negatives.map((n) => n.name)];
const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1e6;
};
for (const q of speedQueries) index.search({ name: q }, { schemas: ['person'] });
let done = 0;
const t0 = performance.now();
const c0 = process.cpuUsage();
while (performance.now() - t0 < 2000) {
  for (const q of speedQueries) index.search({ name: q }, { schemas: ['person'] });
  done += speedQueries.length;
}
const qps = done / cpuSeconds(c0);

let refPos: Outcome[] = [];
let refScr: Outcome[] = [];
let refNeg: Outcome[] = [];
let refQps = 0;
if (withReference) {
  const r0 = process.cpuUsage();
  refPos = positives.map((p) => naive(reference, p.query, p.ref));
  refScr = script.map((p) => naive(referenceLatin, p.query, p.ref));
  refNeg = negatives.map((n) => naive(reference, n.name));
  refQps = (positives.length + script.length + negatives.length) / cpuSeconds(r0);
}
const ref = (x: string): string => (withReference ? x : '–');

console.log(`bench/screen-lists: ${half} half — ${positives.length} OFAC spellings of ${new Set(positives.map((p) => p.ref)).size} UN persons (joined by document ${positives.filter((p) => p.join === 'document').length}, by birth date + nationality + rare token ${positives.filter((p) => p.join !== 'document').length}), ${script.length} script queries (${script.filter((s) => s.script === 'cyrillic').length} Cyrillic), ${negatives.length} non-listed names (${negatives.filter((n) => n.source === 'delisted').length} delisted, ${negatives.filter((n) => n.source === 'ofac_only').length} OFAC-only)`);
console.log(`index: UN 2026-02-27, ${index.size.entries} entries, ${index.size.names} names; reference: token-set ratio, linear scan over UN person names`);
console.log(`measure                                        deeds      reference  target`);
const row = (label: string, d: string, r: string, target = ''): void => console.log(`${label.padEnd(46)} ${d.padStart(9)}  ${r.padStart(9)}  ${target}`);
row('right UN entry first, score ≥ 0.70', pct(firstAt(pos, 0.7), pos.length), ref(pct(firstAt(refPos, 0.7), refPos.length)), '≥ 85 %');
row('right UN entry first, score ≥ 0.85', pct(firstAt(pos, 0.85), pos.length), ref(pct(firstAt(refPos, 0.85), refPos.length)));
row('… with birth date and nationality, ≥ 0.70', pct(firstAt(posFacts, 0.7), posFacts.length), '–');
row('non-listed names scoring ≥ 0.85', pct(over(neg, 0.85), neg.length), ref(pct(over(refNeg, 0.85), refNeg.length)), '≤ 2 %');
row('non-listed names scoring ≥ 0.70', pct(over(neg, 0.7), neg.length), ref(pct(over(refNeg, 0.7), refNeg.length)));
row('… with birth date and nationality, ≥ 0.85', pct(over(negFacts, 0.85), negFacts.length), '–');
row('script vs Latin-only, right first ≥ 0.70', pct(firstAt(scr, 0.7), scr.length), ref(pct(firstAt(refScr, 0.7), refScr.length)), '≥ 90 %');
row('queries/s, one core (per CPU second)', qps.toFixed(0), ref(refQps.toFixed(1)), '≥ 2,000');

console.log('calibration (name alone): an alert is a query whose best match scores ≥ t; it is right when that match is the listed person');
console.log('  t      precision  recall   non-listed alerted');
for (let k = 60; k <= 95; k += 5) {
  const t = k / 100;
  const tp = firstAt(pos, t);
  const alerts = over(pos, t) + over(neg, t);
  console.log(`  ${t.toFixed(2)}  ${pct(tp, alerts).padStart(9)}  ${pct(tp, pos.length).padStart(7)}  ${pct(over(neg, t), neg.length).padStart(9)}`);
}

if (showMisses > 0) {
  console.log(`misses at 0.70 (first ${showMisses}):`);
  positives.forEach((p, i) => {
    const o = pos[i] as Outcome;
    if (!(o.right && o.score >= 0.7) && showMisses > 0) console.log(`  ${p.ref} "${p.query}" → ${o.top ?? 'nothing'} ${o.score.toFixed(3)} | right: ${index.search({ name: p.query }, { schemas: ['person'], threshold: 0, limit: 50 }).find((m) => m.ref === p.ref)?.score ?? 'not reached'} | ${set.un.find((e) => e.ref === p.ref)?.names.map((n) => n.name).join(' / ')}`);
  });
  console.log('script misses:');
  script.forEach((p, i) => {
    const o = scr[i] as Outcome;
    if (!(o.right && o.score >= 0.7)) console.log(`  ${p.ref} "${p.query}" → ${o.top ?? 'nothing'} ${o.score.toFixed(3)} | ${latinOnly.find((e) => e.ref === p.ref)?.names.map((n) => n.name).join(' / ')}`);
  });
  console.log('non-listed ≥ 0.85:');
  negatives.forEach((n, i) => {
    const o = neg[i] as Outcome;
    if (o.score >= 0.85) console.log(`  ${n.source} ${n.id} "${n.name}" → ${o.top} ${o.score.toFixed(3)}`);
  });
}
