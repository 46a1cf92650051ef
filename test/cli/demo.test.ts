// deeds demo, as a new user runs it: loads the case and data, prints the findings and a demo
// account, and serves the API that account can use. Loading runs in-process (main(argv)); serving
// runs the built executable, which a signal stops.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deedsMain } from '../helpers/cli-main.js';

const tmpDb = () => join(mkdtempSync(join(tmpdir(), 'deeds-demo-')), 'demo.db');

describe('deeds demo', () => {
  it('without data, says what is missing and still loads the case and prints the headline findings', async () => {
    const r = await deedsMain(['demo', '--no-serve', '--no-fetch', '--db', tmpDb(), '--data-dir', '/nonexistent/data']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/no data directory/);
    expect(r.stdout).toMatch(/loaded "/);
    expect(r.stdout).toMatch(/Headline findings[\s\S]*Broken commitments/);
    expect(r.stdout).toMatch(/Demo account: demo \/ \S{12,}/);
  });

  it('without data and offline, tries to download it, says why it could not, and goes on', async () => {
    // Port 9 on loopback refuses connections: the same path as a machine without internet.
    const r = await deedsMain(['demo', '--no-serve', '--db', tmpDb(), '--data-dir', '/nonexistent/data'], { env: { DEEDS_FETCH_BASE_URL: 'http://127.0.0.1:9', DEEDS_CACHE_DIR: tmpDb() + '-cache' } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/could not fetch un-sanctions/);
    expect(r.stderr).toMatch(/could not fetch ucdp-ged/);
    expect(r.stdout).toMatch(/Demo account: demo/);
  });

  it('serves on DEEDS_PORT, and says the demo database is made anew and how to keep one', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const child = spawn(process.execPath, ['bin/deeds', 'demo', '--db', tmpDb(), '--no-fetch', '--data-dir', '/nonexistent/data'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, DEEDS_PORT: String(port) } });
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /Open (http:\/\/\S+) and sign in/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`demo exited with ${code}: ${out}`)));
      });
      expect(url).toBe(`http://127.0.0.1:${port}/`);
      expect(out).toContain('the demo database is made anew on each run');
      expect(out).toContain('deeds serve --db deeds.db');
    } finally {
      child.kill('SIGTERM');
    }
  });

  it('serves the API, and the printed account can read the case', async () => {
    const db = tmpDb();
    const child = spawn(process.execPath, ['bin/deeds', 'demo', '--db', db, '--port', '0', '--no-fetch', '--data-dir', '/nonexistent/data'], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      const opened = await new Promise<RegExpMatchArray>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = out.match(/Open (http:\/\/\S+) and sign in as (\S+) with the password (\S+)/);
          if (m) resolve(m);
        });
        child.once('exit', (code) => reject(new Error(`demo exited with ${code}: ${out}`)));
      });
      const [, url, user, password] = opened;
      const signIn = await fetch(`${url}api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password }) });
      expect(signIn.status).toBe(200);
      const cookie = signIn.headers.get('set-cookie')?.split(';')[0] ?? '';
      const cases = await (await fetch(`${url}api/cases`, { headers: { cookie } })).json() as { cases: { id: string; role: string }[] };
      expect(cases.cases).toEqual([expect.objectContaining({ id: 'afghanistan-doha', role: 'owner' })]);
      const dashboard = await fetch(`${url}api/cases/afghanistan-doha/dashboard?as_of=2021-09-01`, { headers: { cookie } });
      expect(dashboard.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
