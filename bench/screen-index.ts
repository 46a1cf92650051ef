// Issue 17, item 2: the persistent screening index at a million names. Generates a collection in
// OpenSanctions FollowTheMoney shape (LABELLED SYNTHETIC: real given and family names from the UN
// and OFAC lists in the data directory, recombined at random with a fixed seed, with real
// nationalities and made-up birth dates), indexes it with the real UN list, and reports, each step
// in a fresh process (bench/_screen-index-worker.ts): the persistent index's build time and peak
// RSS, the first query of a fresh process that reads it from the database, queries/s on one core,
// an incremental update after 1 % of the entries change; and, as the reference in the same run,
// the in-memory matcher built from the lists in the process (what every `deeds screen` did
// before), with a check that both return the same results.
// Run: npx tsx bench/screen-index.ts [--names 1000000] [--keep]
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import { readUnList } from '../src/sanctions/readers/un.js';
import { readOfacCsv } from '../src/sanctions/readers/ofac-csv.js';
import { buildScreeningSet, naturalOrder } from './_screening-set.js';
import { listFile, ofacCsvSet } from '../src/import/sanctions-files.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const DATA = process.env['DEEDS_DATA_DIR'] ?? join(root, '..', 'shared', 'data');
const UN = join(DATA, 'un-sc-consolidated', 'consolidated_2026-02-27.xml');
const OFAC = join(DATA, 'ofac-sdn', 'watchman-bench-2021-07', 'sdn.csv');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const TARGET_NAMES = Number(arg('--names') ?? 1_000_000);

if (!existsSync(UN) || !existsSync(OFAC)) {
  console.log(`bench/screen-index: skipped — data not found under ${DATA} (set DEEDS_DATA_DIR)`);
  process.exit(0);
}

// Real given and family names: UN persons' Latin names (first and last word), OFAC persons
// ("SURNAME, Given Names").
const words = (s: string): string[] => s.split(/[\s,]+/).filter((w) => /^\p{L}[\p{L}'-]{1,}$/u.test(w));
const given = new Set<string>();
const family = new Set<string>();
const nationalities = new Set<string>();
for (const e of (await readUnList(listFile(UN))).entries) {
  if (e.schema !== 'person') continue;
  e.nationality.forEach((n) => nationalities.add(n));
  for (const n of e.names) {
    if (n.kind === 'original_script') continue;
    const w = words(n.name);
    if (w.length < 2) continue;
    given.add(cap(w[0] as string));
    family.add(cap(w[w.length - 1] as string));
  }
}
for (const e of (await readOfacCsv(ofacCsvSet(OFAC))).entries) {
  if (e.schema !== 'person') continue;
  e.nationality.forEach((n) => nationalities.add(n));
  const [surname, rest] = e.name.split(',');
  if (!surname || !rest) continue;
  words(surname).forEach((w) => family.add(cap(w)));
  words(rest).forEach((w) => given.add(cap(w)));
}
function cap(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();
}
const G = [...given].sort();
const F = [...family].sort();
const C = [...nationalities].sort();

// A fixed-seed generator, so that every run indexes the same collection.
let seed = 0x9e3779b9;
const rand = (): number => {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const DATASETS = ['eu_fsf', 'gb_hmt_sanctions', 'us_ofac_sdn', 'ch_seco_sanctions', 'ca_dfatd_sema_sanctions', 'au_dfat_sanctions'];

interface Person {
  id: string;
  caption: string;
  schema: 'Person';
  properties: { name: string[]; alias?: string[]; birthDate?: string[]; nationality?: string[] };
  datasets: string[];
  last_seen: string;
}

function person(i: number, variant = 0): Person {
  const first = pick(G);
  const middle = rand() < 0.35 ? ` ${pick(G)}` : '';
  const last = pick(F);
  const name = `${first}${middle} ${last}${variant ? ` ${pick(F)}` : ''}`;
  const alias = rand() < 0.6 ? [`${pick(G)} ${last}`] : [];
  const p: Person = {
    id: `synthetic-${i}`,
    caption: name,
    schema: 'Person',
    properties: { name: [name], ...(alias.length ? { alias } : {}) },
    datasets: [pick(DATASETS)],
    last_seen: '2026-01-01T00:00:00',
  };
  if (rand() < 0.7) p.properties.birthDate = [`${1940 + Math.floor(rand() * 60)}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`];
  if (rand() < 0.7) p.properties.nationality = [pick(C).toLowerCase()];
  return p;
}

const dir = mkdtempSync(join(tmpdir(), 'deeds-screen-index-'));
const db = join(dir, 'deeds.db');
const v1 = join(dir, 'synthetic-1.ftm.json');
const v2 = join(dir, 'synthetic-2.ftm.json');

/** Writes the collection; version 2 changes 1 % of the entries, drops 0.1 % and adds 0.1 %. */
async function writeCollection(file: string, version: 1 | 2): Promise<{ entities: number; names: number }> {
  seed = 0x9e3779b9;
  const out = createWriteStream(file);
  let names = 0;
  let entities = 0;
  for (let i = 0; names < TARGET_NAMES; i++) {
    let p = person(i);
    names += 1 + (p.properties.alias?.length ?? 0);
    if (version === 2 && i % 1000 === 0) continue;
    if (version === 2 && i % 100 === 1) p = { ...p, caption: `${p.caption} ${F[i % F.length]}`, properties: { ...p.properties, name: [`${p.caption} ${F[i % F.length]}`] } };
    entities++;
    if (!out.write(`${JSON.stringify(p)}\n`)) await once(out, 'drain');
  }
  if (version === 2) {
    for (let i = 0; i < Math.round(entities / 1000); i++) {
      out.write(`${JSON.stringify(person(10_000_000 + i))}\n`);
      entities++;
    }
  }
  out.end();
  await once(out, 'finish');
  return { entities, names };
}

const t0 = performance.now();
const c1 = await writeCollection(v1, 1);
await writeCollection(v2, 2);
const generateMs = performance.now() - t0;

// Queries: the development half of the held-out set (real OFAC spellings of UN persons and real
// non-listed names; the test half is not used here) and spellings of generated names.
const set = await buildScreeningSet(DATA);
seed = 12345;
const queries = [
  ...set.positives.filter((p) => p.half === 'dev').map((p) => p.query),
  ...set.negatives.filter((n) => n.half === 'dev').map((n) => naturalOrder(n.name)),
  ...Array.from({ length: 500 }, () => `${pick(G)} ${pick(F)}`),
];
const queriesFile = join(dir, 'queries.json');
writeFileSync(queriesFile, JSON.stringify(queries));

function step(mode: string, ftm: string, version: string): Record<string, number | string> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'bench', '_screen-index-worker.ts'), mode, db, ftm, UN, queriesFile, version], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (run.status !== 0) throw new Error(`${mode} failed: ${run.stderr}`);
  const line = run.stdout.trim().split('\n').pop() ?? '{}';
  return JSON.parse(line) as Record<string, number | string>;
}

const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');
const loadBefore = load();
try {
  const build = step('build', v1, '1');
  const first = step('first', v1, '1');
  const memory = step('memory', v1, '1');
  const update = step('update', v2, '2');
  const firstAfter = step('first', v2, '2');
  const n = (x: number | string | undefined): string => Number(x ?? 0).toLocaleString('en');
  console.log(`bench/screen-index: SYNTHETIC collection of ${n(c1.names)} names (${n(c1.entities)} FtM Person entities; real given and family names from the UN and OFAC lists recombined, ${n(G.length)} given × ${n(F.length)} family, generated in ${(generateMs / 1000).toFixed(1)} s) + the UN list 2026-02-27; index: ${n(build['names'])} names, ${n(build['entries'])} entries; ${queries.length} queries (development half + generated spellings); SQLite`);
  console.log('measure                                             persistent index     in-memory matcher (reference)  target');
  const row = (label: string, p: string, m: string, target = ''): void => console.log(`${label.padEnd(52)}${p.padStart(17)}  ${m.padStart(30)}  ${target}`);
  row('build (read lists + index + store), wall', `${(Number(build['readMs']) / 1000 + Number(build['indexMs']) / 1000).toFixed(1)} s`, `${((Number(memory['readMs']) + Number(memory['buildMs'])) / 1000).toFixed(1)} s (every process)`, '< 60 s');
  const s = (ms: number | string | undefined): string => (Number(ms ?? 0) / 1000).toFixed(1);
  row('… CPU time of the whole build', `${s(build['cpuMs'])} s`, `${s(Number(memory['readCpuMs']) + Number(memory['buildCpuMs']))} s`);
  row('… reading the lists, wall / CPU', `${s(build['readMs'])} / ${s(build['readCpuMs'])} s`, `${s(memory['readMs'])} / ${s(memory['readCpuMs'])} s`);
  row('… index (+ serialise + store), wall / CPU', `${s(build['indexMs'])} / ${s(Number(build['cpuMs']) - Number(build['readCpuMs']))} s`, `${s(memory['buildMs'])} / ${s(memory['buildCpuMs'])} s (no store)`);
  row('… waits (voluntary context switches) / preemptions', `${n(build['waits'])} / ${n(build['preempted'])}`, '–');
  row('peak RSS of the process', `${n(build['peakMb'])} MB`, `${n(memory['peakMb'])} MB`, '< 2 GB');
  row('first query of a fresh process (from opening the store)', `${n(first['firstQueryMs'])} ms`, `${n(memory['firstQueryMs'])} ms`, '< 1 s');
  row('… CPU time of it', `${n(first['firstCpuMs'])} ms`, '–');
  row('… of which reading the index from the database', `${n(first['loadMs'])} ms (${n(first['indexMb'])} MB, entries ${n(first['entriesMb'])} MB)`, '–');
  row('… process start to first answer (node + tsx included)', `${n(first['processUptimeMs'])} ms`, '–');
  row('queries/s, one core (per CPU second)', n(first['qps']), n(memory['qps']), '≥ 1,000');
  row('peak RSS of a screening process', `${n(first['peakMb'])} MB`, `${n(memory['peakMb'])} MB`);
  row('same top-5 results as the in-memory matcher', `${memory['same']} of ${memory['compared']}`, '–');
  row('update: 1 % changed, 0.1 % gone, 0.1 % new (wall)', `${((Number(update['readMs']) + Number(update['indexMs'])) / 1000).toFixed(1)} s`, `${((Number(memory['readMs']) + Number(memory['buildMs'])) / 1000).toFixed(1)} s (full rebuild)`);
  row('… CPU time', `${s(update['cpuMs'])} s`, `${s(Number(memory['readCpuMs']) + Number(memory['buildCpuMs']))} s`);
  row('… entries normalised again', `${n(update['analysed'])} of ${n(update['entries'])}`, 'all');
  row('… peak RSS', `${n(update['peakMb'])} MB`, '–');
  row('first query after the update, fresh process', `${n(firstAfter['firstQueryMs'])} ms`, '–');
  console.log(`load average (1, 5, 15 min): ${loadBefore} at the start, ${load()} at the end (${new Date().toISOString()})`);
} finally {
  if (process.argv.includes('--keep')) console.log(`kept ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
