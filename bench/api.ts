// Benchmark: the HTTP API under load on loopback. A real `deeds serve` (built, in its own
// process) serves the bundled case from a fresh SQLite file; autocannon drives the dashboard
// and the assessment endpoints at 50 and 200 connections. As a reference measured in the same
// run, GET /api/me shows the cost of the server's fixed path (routing, token check, JSON).
// Run: npx tsx bench/api.ts [seconds per run, default 20]
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { readCase } from '../src/case/read.js';
import { openStore } from '../src/store/open.js';
import { loadCase } from '../src/store/cases.js';
import { addUser, createApiToken, grantRole } from '../src/store/accounts.js';

const seconds = Number(process.argv[2] ?? 20);
const db = join(mkdtempSync(join(tmpdir(), 'deeds-bench-api-')), 'bench.db');

const parsed = await readCase('cases/afghanistan-doha');
if (!parsed.ok) throw new Error('the bundled case does not validate');
const store = await openStore(db);
await loadCase(store, parsed.value, { actor: 'bench' });
const user = await addUser(store, 'bench', 'load generator secret 42', { actor: 'bench' });
await grantRole(store, 'bench', 'afghanistan-doha', 'viewer', 'bench');
const { token } = await createApiToken(store, user, 'bench');
await store.close();

const server = spawn(process.execPath, ['bin/deeds', 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
const base = await new Promise<string>((resolve, reject) => {
  let out = '';
  server.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const m = out.match(/at (http:\/\/\S+)\//);
    if (m?.[1]) resolve(m[1]);
  });
  server.once('exit', (code) => reject(new Error(`deeds serve exited with ${code}`)));
});

interface Figures {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function load(path: string, connections: number): Promise<Figures> {
  const r = await autocannon({ url: base + path, connections, duration: seconds, headers: { authorization: `Bearer ${token}` } });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, non2xx: r.non2xx };
}

console.log(`machine: ${cpus().length} processors, load average ${loadavg()[0]?.toFixed(2)} (other programs compete with the server and the load generator)`);
console.log(`server: deeds serve, SQLite, bundled case; ${seconds} s per run, load generator in this process`);
const targets = [
  ['dashboard', '/api/cases/afghanistan-doha/dashboard?as_of=2021-09-01'],
  ['assessment', '/api/cases/afghanistan-doha/assessment?as_of=2021-09-01'],
  ['reference: /api/me', '/api/me'],
] as const;
try {
  for (const connections of [50, 200]) {
    for (const [name, path] of targets) {
      const f = await load(path, connections);
      const verdict = connections === 50 && !name.startsWith('reference') ? `  target p99 < 50 ms: ${f.p99 < 50 ? 'met' : 'MISSED'}`
        : connections === 200 && !name.startsWith('reference') ? `  target zero errors: ${f.errors + f.non2xx === 0 ? 'met' : 'MISSED'}` : '';
      console.log(`${name.padEnd(20)} ${String(connections).padStart(3)} connections: ${f.rps.toFixed(0).padStart(6)} req/s, p50 ${f.p50} ms, p99 ${f.p99} ms, errors ${f.errors}, non-2xx ${f.non2xx}${verdict}`);
    }
  }
} finally {
  server.kill('SIGTERM');
}
