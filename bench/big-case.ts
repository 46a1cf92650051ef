// Benchmark: a team server's large case. A generated case (labelled synthetic, no fact in it is
// real: bench/assess.ts's generator) of 100,000 evidence items and 10,000 commitments is
//   1. loaded into SQLite through the store API (a validated case in memory, as the API gets it),
//   2. exported by `deeds case export` to YAML files,
//   3. loaded from those files by `deeds case load` (reading, checking and storing),
//   4. assessed at one date: assess() against the naive recompute of bench/assess.ts (the
//      reference, same run), and the statuses of both compared,
//   5. served: GET …/dashboard at 50 connections, next to GET /api/me (the server's fixed path)
//      in the same run; on SQLite and on PostgreSQL (loaded through the store API).
// Each load and export runs in its own process; its wall time and peak RSS come from
// /usr/bin/time. Targets (issue #17): load < 10 s and peak RSS < 600 MB on SQLite, assessment
// < 1 s, dashboard p99 < 100 ms. The machine's load average is printed: on a shared machine
// the figures beside their references say more than the figures alone.
// Run: npx tsx bench/big-case.ts [seconds per HTTP run, default 10] [evidence items, default 100000] [all|serve]
// (`serve`: only the store API loads and the dashboards, skipping export, YAML load and assessment).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { assess } from '../src/assess/index.js';
import { addUser, createApiToken, grantRole } from '../src/accounts/index.js';
import { getCase, loadCase } from '../src/store/cases.js';
import { openStore } from '../src/store/open.js';
import { generate, naiveAt } from './assess.js';
import { startPostgres } from '../test/helpers/postgres-server.js';

const child = process.argv[2] === '--load-child';
const seconds = child ? 0 : Number(process.argv[2] ?? 10);
const EVIDENCE = Number((child ? process.argv[4] : process.argv[3]) ?? 100_000);
/** Ten evidence items per commitment; the generator's other counts follow the commitments. */
const SIZES = { evidence: EVIDENCE, commitments: EVIDENCE / 10 };
const AS_OF = '2022-06-30';
const onlyServe = !child && process.argv[4] === 'serve';
const self = fileURLToPath(import.meta.url);

// ── child: load the generated case through the store API ──────────────────────────────────────
if (child) {
  const c = generate(17, SIZES.commitments / 1_000, { evidence: SIZES.evidence });
  const store = await openStore(process.argv[3] as string);
  const started = performance.now();
  const summary = await loadCase(store, c, { actor: 'bench' });
  const ms = performance.now() - started;
  await store.close();
  process.stdout.write(JSON.stringify({ ms, inserted: summary.inserted }) + '\n');
  process.exit(0);
}

interface Run {
  seconds: number;
  maxRssMb: number;
  stdout: string;
}

/** A command in its own process, timed by /usr/bin/time (wall seconds and peak RSS). */
function timed(args: string[]): Run {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  const [wall, rssKb] = (run.stderr.trim().split('\n').pop() as string).split(' ').map(Number);
  return { seconds: wall as number, maxRssMb: (rssKb as number) / 1024, stdout: run.stdout };
}

const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
const mb = (n: number) => `${n.toFixed(0)} MB`;

function report(label: string, r: Run, targets = false): void {
  const t = targets ? `   targets < 10 s: ${verdict(r.seconds < 10)}, < 600 MB: ${verdict(r.maxRssMb < 600)}` : '';
  console.log(`${label.padEnd(46)} ${r.seconds.toFixed(1).padStart(6)} s, peak RSS ${mb(r.maxRssMb).padStart(7)}${t}`);
}

/** The store API load in a child, for its own peak RSS. */
function apiLoad(spec: string): Run & { inside: number } {
  const r = timed(['--import', 'tsx', self, '--load-child', spec, String(SIZES.evidence)]);
  const out = JSON.parse(r.stdout.trim().split('\n').pop() as string) as { ms: number; inserted: number };
  return { ...r, inside: out.ms / 1000 };
}

/** A reader's API token on a case, for autocannon. */
async function readerToken(spec: string): Promise<string> {
  const store = await openStore(spec);
  try {
    const user = await addUser(store, 'bench', 'load generator secret 42', { actor: 'bench' });
    await grantRole(store, 'bench', 'bench', 'viewer', 'bench');
    return (await createApiToken(store, user, 'bench', 'read')).token;
  } finally {
    await store.close();
  }
}

async function serveAndMeasure(label: string, spec: string): Promise<void> {
  const token = await readerToken(spec);
  const server = spawn(process.execPath, ['bin/deeds', 'serve', '--db', spec, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /at (http:\/\/\S+)\//.exec(out);
        if (m?.[1]) resolve(m[1]);
      });
      server.once('exit', (code) => reject(new Error(`deeds serve exited with ${code}`)));
    });
    const headers = { authorization: `Bearer ${token}` };
    const dashboard = `${base}/api/cases/bench/dashboard?as_of=${AS_OF}`;
    // The first request reads and prepares the case (src/server/case-cache.ts); later ones are served from it.
    const started = performance.now();
    const first = await fetch(dashboard, { headers });
    const body = await first.text();
    if (!first.ok) throw new Error(`dashboard: ${first.status} ${body.slice(0, 300)}`);
    console.log(`${`${label}: first dashboard (reads, prepares)`.padEnd(46)} ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s, ${(body.length / 1024).toFixed(0)} KB`);
    for (const [name, url] of [['dashboard', dashboard], ['reference: /api/me', `${base}/api/me`]] as const) {
      const r = await autocannon({ url, connections: 50, duration: seconds, headers });
      const target = name === 'dashboard' ? `   target p99 < 100 ms: ${verdict(r.latency.p99 < 100)}` : '';
      console.log(`${`${label}: ${name}, 50 connections`.padEnd(46)} ${r.requests.average.toFixed(0).padStart(6)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, errors ${r.errors + r.timeouts}, non-2xx ${r.non2xx}${target}`);
    }
  } finally {
    server.kill('SIGTERM');
    await exited;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'deeds-big-case-'));
try {
  console.log(`bench/big-case: generated case (synthetic), ${SIZES.evidence} evidence items, ${SIZES.commitments} commitments; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const bare = timed(['-e', '0']);
  report('reference: bare node', bare);

  // 1. the store API
  const apiDb = join(dir, 'api.db');
  const api = apiLoad(apiDb);
  report('SQLite: load through the store API', api, true);
  console.log(`${'  of which loadCase() itself'.padEnd(46)} ${api.inside.toFixed(1).padStart(6)} s (the rest: generating the case)`);

  if (!onlyServe) await fromYamlAndAssess(apiDb);
  // 5. the dashboard on SQLite, then on PostgreSQL
  await serveAndMeasure('SQLite', apiDb);
  const server = await startPostgres();
  try {
    const client = new pg.Client({ connectionString: server.url });
    await client.connect();
    await client.query('CREATE DATABASE big_case');
    await client.end();
    const url = new URL(server.url);
    url.pathname = '/big_case';
    const pgLoad = apiLoad(url.toString());
    report('PostgreSQL: load through the store API', pgLoad);
    console.log(`${'  of which loadCase() itself'.padEnd(46)} ${pgLoad.inside.toFixed(1).padStart(6)} s`);
    await serveAndMeasure('PostgreSQL', url.toString());
  } finally {
    await server.stop();
  }
} finally {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}

/** Steps 2–4: export, load from the YAML files, assess. */
async function fromYamlAndAssess(apiDb: string): Promise<void> {
  const out = join(dir, 'export');
  const exported = timed(['bin/deeds', 'case', 'export', 'bench', '--out', out, '--db', apiDb]);
  const bytes = readdirSync(out).reduce((n, f) => n + statSync(join(out, f)).size, 0);
  report(`SQLite: deeds case export (${readdirSync(out).length} files, ${(bytes / 1048576).toFixed(0)} MB)`, exported);
  const cliDb = join(dir, 'cli.db');
  const cli = timed(['bin/deeds', 'case', 'load', out, '--db', cliDb, '--json']);
  report('SQLite: deeds case load (YAML files)', cli, true);
  const validate = timed(['bin/deeds', 'case', 'validate', out]);
  report('  of which reading and checking (case validate)', validate);

  // 4. assessment, against the naive recompute at the same date
  const store = await openStore(cliDb);
  const c = await getCase(store, 'bench');
  await store.close();
  if (!c) throw new Error('the loaded case is missing');
  const times: number[] = [];
  let result = assess(c, AS_OF);
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    result = assess(c, AS_OF);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const assessMs = times[2] as number;
  const naiveStarted = performance.now();
  const naive = naiveAt(c, Date.parse(`${AS_OF}T00:00:00Z`));
  const naiveMs = performance.now() - naiveStarted;
  const differ = result.commitments.filter((k) => naive.get(k.id)?.status !== k.status).length;
  console.log(`${'assess() at one date (median of 5)'.padEnd(46)} ${(assessMs / 1000).toFixed(2).padStart(6)} s   target < 1 s: ${verdict(assessMs < 1000)}; naive recompute (reference) ${(naiveMs / 1000).toFixed(2)} s; commitment statuses that differ: ${differ} of ${result.commitments.length}`);
}
