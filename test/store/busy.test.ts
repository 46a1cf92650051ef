// Writers that meet another writer: they wait for it up to the busy timeout, and past it get a
// clear "busy" refusal (503 over HTTP) that stores nothing; two processes writing one SQLite file
// at once lose nothing they were told was stored.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import pg from 'pg';
import { getCase, loadCase } from '../../src/store/cases.js';
import { addEvidence } from '../../src/store/evidence.js';
import { openStore, type Store } from '../../src/store/open.js';
import { StoreBusyError, StoreConflictError, writeTransaction } from '../../src/store/write.js';
import { verifyAudit } from '../../src/store/audit/log.js';
import { freshDbSpec, storeKinds, type StoreKind } from '../helpers/stores.js';
import { miniCase } from '../helpers/mini-case.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const child = fileURLToPath(new URL('./writer-child.ts', import.meta.url));
const item = (id: string) => ({ id, source: 'report', observed: { from: '2021-01-01' }, summary: id, bears_on: [] });

/** Another connection that takes the write lock (SQLite) or the case's row lock (PostgreSQL) and holds it. */
async function holdLock(kind: StoreKind, spec: string): Promise<() => Promise<void>> {
  if (kind === 'sqlite') {
    const other = new Database(spec);
    other.exec('BEGIN IMMEDIATE');
    return async () => {
      other.exec('ROLLBACK');
      other.close();
    };
  }
  const client = new pg.Client({ connectionString: spec });
  await client.connect();
  await client.query('BEGIN');
  await client.query("SELECT id FROM cases WHERE id = 'mini' FOR UPDATE");
  return async () => {
    await client.query('ROLLBACK');
    await client.end();
  };
}

describe.each(storeKinds)('a busy database on %s', (kind) => {
  let s: TestServer | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await s?.close();
    await store?.close();
    s = undefined;
    store = undefined;
  });

  it('answers a write 503 "busy" after the timeout, stores nothing, and takes the write once the lock is free', async () => {
    s = await startTestServer(kind, { busyTimeoutMs: 300 });
    const release = await holdLock(kind, s.spec);
    let res;
    try {
      res = await s.call('analyst', 'POST', '/api/cases/mini/evidence', item('ev-while-busy'));
      // Reads go on while a writer waits.
      expect((await s.call('viewer', 'GET', '/api/cases/mini/evidence/ev-1')).statusCode).toBe(200);
    } finally {
      await release();
    }
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.json<{ detail: string }>().detail).toBe('the database is busy, try again');
    expect((await s.call('viewer', 'GET', '/api/cases/mini/evidence/ev-while-busy')).statusCode).toBe(404);
    expect((await s.call('analyst', 'POST', '/api/cases/mini/evidence', item('ev-while-busy'))).statusCode).toBe(201);
  });

  it('waits for a lock released within the timeout instead of failing', async () => {
    const spec = await freshDbSpec(kind);
    store = await openStore(spec, { busyTimeoutMs: 10_000 });
    await loadCase(store, miniCase(), { actor: 'test:setup' });
    const release = await holdLock(kind, spec);
    const releasing = new Promise<void>((resolve) => setTimeout(() => void release().then(resolve), 300));
    await addEvidence(store, 'mini', item('ev-after-wait'), { actor: 'test:waiter' });
    await releasing;
    expect((await getCase(store, 'mini'))?.evidence.map((e) => e.id)).toContain('ev-after-wait');
  });

  it('turns a unique-key violation that reaches the database into StoreConflictError (409), storing nothing', async () => {
    const spec = await freshDbSpec(kind);
    store = await openStore(spec);
    const user = { id: 'u-1', username: 'twice', password_hash: 'h', is_admin: 0, created_at: 'now' };
    await writeTransaction(store, (trx) => trx.insertInto('users').values(user).execute());
    await expect(writeTransaction(store, async (trx) => {
      await trx.insertInto('users').values({ ...user, id: 'u-2', username: 'other' }).execute();
      await trx.insertInto('users').values({ ...user, id: 'u-3' }).execute();
    })).rejects.toBeInstanceOf(StoreConflictError);
    expect((await store.db.selectFrom('users').select('username').execute()).map((u) => u.username)).toEqual(['twice']);
  });

  it('raises StoreBusyError, not a raw driver error, when the lock stays taken', async () => {
    const spec = await freshDbSpec(kind);
    store = await openStore(spec, { busyTimeoutMs: 200 });
    await loadCase(store, miniCase(), { actor: 'test:setup' });
    const release = await holdLock(kind, spec);
    try {
      await expect(addEvidence(store, 'mini', item('ev-never'), { actor: 'test:waiter' })).rejects.toBeInstanceOf(StoreBusyError);
    } finally {
      await release();
    }
  });
});

function runChild(spec: string, tag: string, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child, spec, tag, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => (out += d.toString()));
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('error', reject);
    proc.on('exit', (code) => (code === 0 ? resolve(out.trim().split('\n').filter(Boolean)) : reject(new Error(`child ${tag} exited ${code}: ${err}`))));
  });
}

describe('two processes writing one SQLite file', () => {
  it('keeps every write either was told was stored, while a server in this process writes too', async () => {
    const s2 = await startTestServer('sqlite', { busyTimeoutMs: 20_000 });
    try {
      const children = Promise.all([runChild(s2.spec, 'one', 30), runChild(s2.spec, 'two', 30)]);
      const here: Array<[string, number]> = [];
      for (let i = 0; i < 30; i++) {
        const res = await s2.call('analyst', 'POST', '/api/cases/mini/evidence', item(`ev-server-${i}`));
        here.push([`ev-server-${i}`, res.statusCode]);
      }
      const lines = (await children).flat();
      expect(lines.filter((l) => !l.startsWith('OK '))).toEqual([]);
      expect(here.filter(([, code]) => code !== 201)).toEqual([]);
      const c = await getCase(s2.store, 'mini');
      const stored = new Set([...(c?.evidence ?? []), ...(c?.actors ?? [])].map((o) => o.id));
      const acknowledged = [...lines.map((l) => l.slice(3)), ...here.map(([id]) => id)];
      expect(acknowledged).toHaveLength(90);
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
      expect(await verifyAudit(s2.store.db)).toMatchObject({ ok: true });
    } finally {
      await s2.close();
    }
  });
});
