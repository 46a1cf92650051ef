// Benchmark: the HTTP API under load on loopback, on SQLite and on PostgreSQL. A real
// `deeds serve` (built, in its own process) serves the bundled case; autocannon drives the
// dashboard and the assessment endpoints at 50 and 200 connections. As a reference measured in
// the same run, GET /api/me shows the cost of the server's fixed path (routing, token check, JSON).
//
// The mixed run puts readers and writers on the server at once: readers on the dashboard, writers
// adding evidence and renaming actors (each writer its own actors, so every edit must survive).
// Afterwards every acknowledged write is looked for in the database: "lost" counts those missing.
// A user comparing two dates is timed on the changes route, request by request.
// Run: npx tsx bench/api.ts [seconds per run, default 20] [sqlite|postgres|both, default both]
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import autocannon from 'autocannon';
import pg from 'pg';
import { readCase } from '../src/case/read.js';
import type { CaseFile } from '../src/case/schema.js';
import { openStore } from '../src/store/open.js';
import { getCase, loadCase } from '../src/store/cases.js';
import { addUser, createApiToken, grantRole } from '../src/accounts/index.js';
import { startPostgres, type PostgresServer } from '../test/helpers/postgres-server.js';

const seconds = Number(process.argv[2] ?? 20);
const which = process.argv[3] ?? 'both';
const CASE = 'afghanistan-doha';
const WRITERS = 8;
const READERS = 50;

const parsed = await readCase(`cases/${CASE}`);
if (!parsed.ok) throw new Error('the bundled case does not validate');
const bundled = parsed.value;

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

interface Server {
  base: string;
  spec: string;
  reader: string;
  writer: string;
  stop(): Promise<void>;
}

/** A fresh database with the bundled case, a viewer's token for readers and an analyst's for writers. */
async function prepare(spec: string): Promise<{ reader: string; writer: string }> {
  const store = await openStore(spec);
  try {
    await loadCase(store, bundled, { actor: 'bench' });
    const viewer = await addUser(store, 'bench', 'load generator secret 42', { actor: 'bench' });
    await grantRole(store, 'bench', CASE, 'viewer', 'bench');
    const analyst = await addUser(store, 'bench-writer', 'load generator secret 43', { actor: 'bench' });
    await grantRole(store, 'bench-writer', CASE, 'analyst', 'bench');
    return { reader: (await createApiToken(store, viewer, 'bench', 'read')).token, writer: (await createApiToken(store, analyst, 'bench')).token };
  } finally {
    await store.close();
  }
}

async function serve(spec: string): Promise<Server> {
  const tokens = await prepare(spec);
  const server = spawn(process.execPath, ['bin/deeds', 'serve', '--db', spec, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = out.match(/at (http:\/\/\S+)\//);
      if (m?.[1]) resolve(m[1]);
    });
    server.once('exit', (code) => reject(new Error(`deeds serve exited with ${code}`)));
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  return { base, spec, ...tokens, stop: () => (server.kill('SIGTERM'), exited) };
}

async function load(s: Server, path: string, connections: number): Promise<Figures> {
  const r = await autocannon({ url: s.base + path, connections, duration: seconds, headers: { authorization: `Bearer ${s.reader}` } });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

const targets = [
  ['dashboard', `/api/cases/${CASE}/dashboard?as_of=2021-09-01`],
  ['assessment', `/api/cases/${CASE}/assessment?as_of=2021-09-01`],
  ['reference: /api/me', '/api/me'],
] as const;

function line(name: string, connections: number | string, f: Figures, verdict = ''): string {
  return `${name.padEnd(22)} ${String(connections).padStart(3)} connections: ${f.rps.toFixed(0).padStart(6)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, errors ${f.errors}, non-2xx ${f.non2xx}${verdict}`;
}

async function readOnly(s: Server): Promise<void> {
  for (const connections of [50, 200]) {
    for (const [name, path] of targets) {
      const f = await load(s, path, connections);
      const verdict = connections === 50 && !name.startsWith('reference') ? `  target p99 < 50 ms: ${f.p99 < 50 ? 'met' : 'MISSED'}`
        : connections === 200 && !name.startsWith('reference') ? `  target zero errors: ${f.errors + f.non2xx === 0 ? 'met' : 'MISSED'}` : '';
      console.log(line(name, connections, f, verdict));
    }
  }
}

/**
 * One user comparing two dates: sequential requests to the changes route (each a new pair of
 * dates, so no cached answer serves it), beside /api/me in the same run. Target: under 100 ms.
 */
async function changesLatency(s: Server): Promise<void> {
  const headers = { authorization: `Bearer ${s.reader}` };
  const timeOne = async (path: string): Promise<number> => {
    const started = performance.now();
    const res = await fetch(s.base + path, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${path}: ${res.status}`);
    return performance.now() - started;
  };
  const changes: number[] = [];
  const me: number[] = [];
  for (let i = 0; i < 24; i++) {
    const from = `2020-${String((i % 12) + 1).padStart(2, '0')}-01`;
    const to = `${2021 + (i % 4)}-0${(i % 9) + 1}-15`;
    changes.push(await timeOne(`/api/cases/${CASE}/changes?from=${from}&to=${to}`));
    me.push(await timeOne('/api/me'));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const m = median(changes.slice(4));
  console.log(`changes route, one user, new dates each time: median ${m.toFixed(1)} ms, max ${Math.max(...changes.slice(4)).toFixed(1)} ms (reference /api/me ${median(me.slice(4)).toFixed(1)} ms)  target < 100 ms: ${m < 100 ? 'met' : 'MISSED'}`);
}

function percentile(sorted: number[], p: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Readers on the dashboard and WRITERS writers at once; then every acknowledged write is looked for. */
async function mixed(s: Server, c: CaseFile): Promise<void> {
  const source = c.sources[0]?.id;
  const target = c.commitments[0]?.id;
  const actors = c.actors.map((a) => a.id);
  if (!source || !target || actors.length < WRITERS) throw new Error('the bundled case lacks what the writers need');
  const headers = { authorization: `Bearer ${s.writer}`, 'content-type': 'application/json' };
  const acknowledgedEvidence: string[] = [];
  /** The last acknowledged name of each actor: what the database must hold afterwards. */
  const lastName = new Map<string, string>();
  const latencies: number[] = [];
  const failures = new Map<number, number>();
  let stop = false;
  const run = randomBytes(3).toString('hex');

  const writer = async (w: number) => {
    const mine = actors.filter((_, i) => i % WRITERS === w);
    for (let n = 0; !stop; n++) {
      const started = performance.now();
      let res: Response;
      let done: () => void;
      if (n % 2 === 0) {
        const id = `ev-bench-${run}-${w}-${n}`;
        res = await fetch(`${s.base}/api/cases/${CASE}/evidence`, { method: 'POST', headers, body: JSON.stringify({ id, source, observed: { from: '2021-01-01' }, summary: `bench write ${n}`, bears_on: [{ target, stance: 'context' }] }) });
        done = () => acknowledgedEvidence.push(id);
      } else {
        const actorId = mine[n % mine.length] as string;
        const actor = c.actors.find((a) => a.id === actorId);
        const name = `${actor?.name} (${run} ${w}.${n})`;
        res = await fetch(`${s.base}/api/cases/${CASE}/objects/actors/${actorId}`, { method: 'PUT', headers, body: JSON.stringify({ ...actor, name }) });
        done = () => lastName.set(actorId, name);
      }
      await res.arrayBuffer();
      latencies.push(performance.now() - started);
      if (res.ok) done();
      else failures.set(res.status, (failures.get(res.status) ?? 0) + 1);
    }
  };

  const readers = autocannon({ url: `${s.base}/api/cases/${CASE}/dashboard?as_of=2021-09-01`, connections: READERS, duration: seconds, headers: { authorization: `Bearer ${s.reader}` } });
  const writing = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
  const r = await readers;
  stop = true;
  await writing;

  const store = await openStore(s.spec);
  let lost = 0;
  try {
    const stored = await getCase(store, CASE);
    const evidence = new Set(stored?.evidence.map((e) => e.id));
    lost += acknowledgedEvidence.filter((id) => !evidence.has(id)).length;
    for (const [id, name] of lastName) if (stored?.actors.find((a) => a.id === id)?.name !== name) lost++;
  } finally {
    await store.close();
  }
  latencies.sort((a, b) => a - b);
  const writes = latencies.length;
  const errors = [...failures.values()].reduce((a, b) => a + b, 0);
  console.log(line('mixed: dashboard reads', READERS, { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx }));
  console.log(`${'mixed: writes'.padEnd(22)} ${String(WRITERS).padStart(3)} writers:     ${(writes / seconds).toFixed(0).padStart(6)} req/s, p50 ${percentile(latencies, 50).toFixed(0)} ms, p99 ${percentile(latencies, 99).toFixed(0)} ms, errors ${errors}${failures.size ? ` (${[...failures].map(([code, n]) => `${n}× ${code}`).join(', ')})` : ''}, acknowledged ${writes - errors}, lost ${lost}  target 0 errors, 0 lost: ${errors === 0 && lost === 0 ? 'met' : 'MISSED'}`);
}

async function freshPostgresDb(server: PostgresServer): Promise<string> {
  const admin = new URL(server.url);
  const name = `deeds_bench_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  admin.pathname = `/${name}`;
  return admin.toString();
}

console.log(`machine: ${cpus().length} processors, load average ${loadavg()[0]?.toFixed(2)} (other programs compete with the server and the load generator)`);
console.log(`server: deeds serve, bundled case; ${seconds} s per run, load generator in this process; mixed: ${READERS} reader connections + ${WRITERS} writers`);

if (which === 'both' || which === 'sqlite') {
  const s = await serve(join(mkdtempSync(join(tmpdir(), 'deeds-bench-api-')), 'bench.db'));
  try {
    console.log('\n— SQLite');
    await changesLatency(s);
    await readOnly(s);
    await mixed(s, bundled);
  } finally {
    await s.stop();
  }
}
if (which === 'both' || which === 'postgres') {
  const pgServer = await startPostgres();
  try {
    const s = await serve(await freshPostgresDb(pgServer));
    try {
      console.log('\n— PostgreSQL (embedded, same machine)');
      await changesLatency(s);
      await readOnly(s);
      await mixed(s, bundled);
    } finally {
      await s.stop();
    }
  } finally {
    await pgServer.stop();
  }
}
