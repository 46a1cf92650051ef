// Benchmark: load a generated case (10,000 evidence items, 1,000 commitments) into SQLite and
// PostgreSQL. Each run is a fresh database in a fresh child process, so peak memory is the run's own.
// Run: npx tsx bench/load.ts [runs]
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore } from '../src/store/open.js';
import { loadCase } from '../src/store/cases.js';
import { generateCase } from '../test/helpers/generate.js';
import { startPostgres } from '../test/helpers/postgres-server.js';

const SIZE = { evidence: 10_000, commitments: 1_000 };

if (process.argv[2] === '--child') {
  const spec = process.argv[3] as string;
  const c = generateCase({ id: 'bench', ...SIZE, conditions: 200, claims: 100 });
  const store = await openStore(spec);
  const started = performance.now();
  const summary = await loadCase(store, c, { actor: 'bench' });
  const ms = performance.now() - started;
  await store.close();
  process.stdout.write(JSON.stringify({ ms, inserted: summary.inserted, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
  process.exit(0);
}

const runs = Number(process.argv[2] ?? 5);
const self = fileURLToPath(import.meta.url);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function once(spec: string): { ms: number; inserted: number; maxRssMb: number } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', spec], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`bench child failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop() as string);
}

async function freshPgDb(adminUrl: string, i: number): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`CREATE DATABASE bench_${i}`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/bench_${i}`;
  return url.toString();
}

function report(label: string, results: Array<{ ms: number; inserted: number; maxRssMb: number }>) {
  const objects = results[0]?.inserted ?? 0;
  const ms = median(results.map((r) => r.ms));
  console.log(`${label.padEnd(10)} load of ${objects} objects: median ${ms.toFixed(0)} ms (${(objects / (ms / 1000)).toFixed(0)} objects/s), ` +
    `runs ${results.map((r) => r.ms.toFixed(0)).join('/')} ms; peak RSS median ${median(results.map((r) => r.maxRssMb)).toFixed(0)} MB`);
}

console.log(`bench/load: generated case, ${SIZE.evidence} evidence items, ${SIZE.commitments} commitments, ${runs} runs each`);
const sqlite = Array.from({ length: runs }, () => once(join(mkdtempSync(join(tmpdir(), 'deeds-bench-')), 'bench.db')));
report('SQLite', sqlite);
const server = await startPostgres();
try {
  const postgres = [];
  for (let i = 0; i < runs; i++) postgres.push(once(await freshPgDb(server.url, i)));
  report('PostgreSQL', postgres);
} finally {
  await server.stop();
}
