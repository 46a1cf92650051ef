// The real server the browser tests run against: a fresh SQLite database with the demo case,
// three users (reviewer, viewer, admin), a one-entry UN list for screening, and `deeds serve` on
// a free port of 127.0.0.1. Used by the Playwright global setup and by bench/web.ts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PASSWORD = 'correct-horse-battery-e2e';
export const CASE_ID = 'afghanistan-doha';
export const USERS = { reviewer: 'rita', viewer: 'victor', admin: 'ada' } as const;

const root = resolve(import.meta.dirname, '../../..');

export interface RunningServer {
  url: string;
  db: string;
  stop: () => Promise<void>;
}

function deeds(args: string[], env: Record<string, string> = {}): string {
  const run = spawnSync(process.execPath, [join(root, 'bin/deeds'), ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`deeds ${args.join(' ')} failed (${run.status}):\n${run.stderr}${run.stdout}`);
  return run.stdout;
}

/** Builds what is missing: the server (dist/) and the web app (web/dist/). */
export function ensureBuilt(): void {
  if (!existsSync(join(root, 'dist/cli/main.js'))) run('npm', ['run', 'build']);
  if (!existsSync(join(root, 'web/dist/index.html'))) run('npm', ['run', 'build:web']);
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed`);
}

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => ok(port));
    });
  });
}

const unList = `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2024-01-01T00:00:00">
<INDIVIDUALS>
<INDIVIDUAL><DATAID>2</DATAID><VERSIONNUM>1</VERSIONNUM><FIRST_NAME>MOHAMMAD</FIRST_NAME><SECOND_NAME>HASSAN</SECOND_NAME><THIRD_NAME>AKHUND</THIRD_NAME><UN_LIST_TYPE>Taliban</UN_LIST_TYPE><REFERENCE_NUMBER>TAi.002</REFERENCE_NUMBER><LISTED_ON>2001-01-25</LISTED_ON><NATIONALITY><VALUE>Afghanistan</VALUE></NATIONALITY><INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Mullah Mohammad Hassan</ALIAS_NAME></INDIVIDUAL_ALIAS><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>APPROXIMATELY</TYPE_OF_DATE><YEAR>1958</YEAR></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL>
</INDIVIDUALS>
<ENTITIES/>
</CONSOLIDATED_LIST>
`;

export async function startServer(): Promise<RunningServer> {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'deeds-e2e-'));
  const db = join(dir, 'e2e.db');
  deeds(['case', 'load', join(root, 'cases', CASE_ID), '--db', db]);
  for (const [role, name] of Object.entries(USERS)) {
    deeds(['user', 'add', name, ...(role === 'admin' ? ['--admin'] : []), '--db', db], { DEEDS_PASSWORD: PASSWORD });
    if (role !== 'admin') deeds(['grant', name, CASE_ID, role, '--db', db]);
  }
  const listFile = join(dir, 'un-list.xml');
  writeFileSync(listFile, unList);
  deeds(['import', 'un-sanctions', listFile, '--db', db]);

  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(root, 'bin/deeds'), 'serve', '--port', String(port), '--db', db, '--sign-in-attempts', '1000'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d) => { output += String(d); });
  child.stderr?.on('data', (d) => { output += String(d); });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(url, child, () => output);
  return {
    url, db,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((ok) => child.once('exit', ok));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((ok) => setTimeout(ok, 5000))]);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitFor(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`deeds serve exited with ${child.exitCode}:\n${output()}`);
    try {
      const r = await fetch(`${url}/api/openapi.json`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((ok) => setTimeout(ok, 150));
  }
  throw new Error(`deeds serve did not answer within 30 s:\n${output()}`);
}
