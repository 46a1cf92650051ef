// Uploading data files over HTTP: an import job with progress and a summary; file names that try
// to leave the upload folder are refused; files left by a crashed server are removed at start.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { dataFile } from '../helpers/data.js';
import { UPLOAD_PREFIX } from '../../src/server/imports/leftovers.js';

const GED = dataFile('ucdp-ged/ged_sample_lilinduo_afghanistan.csv');

interface JobJson {
  id: string;
  status: string;
  progress: { done: number; total: number };
  summary: { read: number; inserted: number; unchanged: number; rejected: number } | null;
  error: string | null;
}

describe('import jobs', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
  });
  afterAll(async () => s?.close());

  const upload = (kind: string, name: string, body: string | Buffer, who: 'admin' | 'owner' = 'admin') =>
    s.call(who, 'POST', `/api/imports/${kind}?name=${encodeURIComponent(name)}`, body, { 'content-type': 'text/csv' });

  async function finished(id: string): Promise<JobJson> {
    for (;;) {
      const job = (await s.call('admin', 'GET', `/api/imports/${id}`)).json<JobJson>();
      if (job.status !== 'running') return job;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it.skipIf(!GED)('imports an uploaded UCDP file as a job, and a second upload adds nothing', async () => {
    const body = readFileSync(GED as string);
    const res = await upload('ucdp-ged', 'ged_sample_lilinduo_afghanistan.csv', body);
    expect(res.statusCode, res.body).toBe(202);
    expect(res.headers.location).toBe(`/api/imports/${res.json<JobJson>().id}`);
    const job = await finished(res.json<JobJson>().id);
    expect(job).toMatchObject({ status: 'done', error: null });
    expect(job.summary?.read).toBeGreaterThan(1000);
    const again = await finished((await upload('ucdp-ged', 'ged_sample_lilinduo_afghanistan.csv', body)).json<JobJson>().id);
    expect(again.summary).toMatchObject({ inserted: 0, unchanged: job.summary?.inserted });
    const list = (await s.call('admin', 'GET', '/api/imports')).json<{ jobs: JobJson[] }>().jobs;
    expect(list.map((j) => j.id)).toContain(job.id);
  });

  it('lists the kinds of file it imports, the same as deeds import, for the upload form', async () => {
    const { kinds } = (await s.call('admin', 'GET', '/api/imports')).json<{ kinds: Array<{ kind: string; description: string }> }>();
    expect(kinds.map((k) => k.kind)).toEqual(['ucdp-ged', 'acled', 'un-sanctions', 'ofac-sdn', 'ftm']);
    for (const k of kinds) expect(k.description.length).toBeGreaterThan(10);
  });

  it('reports a file that is not the dataset as a failed job with the reason, and stores nothing', async () => {
    const res = await upload('ucdp-ged', 'notes.csv', 'this is not,a GED file\nat,all\n');
    const job = await finished(res.json<JobJson>().id);
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/column|header|GED/i);
    expect(job.error).not.toMatch(/\bat .+\.[jt]s:\d+/);
  });

  it.each(['../../etc/passwd', '..', '/etc/passwd', 'a/b.csv', '.hidden', 'a\\b.csv', 'x'.repeat(300)])('refuses the file name %j', async (name) => {
    const res = await upload('ucdp-ged', name, 'a,b\n');
    expect(res.statusCode).toBe(400);
  });

  it('answers an unknown kind with 404 and a JSON body with 400', async () => {
    expect((await upload('no-such-kind', 'x.csv', 'a\n')).statusCode).toBe(404);
    const json = await s.call('admin', 'POST', '/api/imports/ucdp-ged?name=x.csv', { rows: [] });
    expect(json.statusCode).toBe(400);
  });

  it('lets only instance admins upload', async () => {
    expect((await upload('ucdp-ged', 'x.csv', 'a\n', 'owner')).statusCode).toBe(403);
    expect((await s.call(null, 'POST', '/api/imports/ucdp-ged?name=x.csv', 'a\n', { 'content-type': 'text/csv' })).statusCode).toBe(401);
  });
});

describe('upload files left by a server that stopped mid-upload', () => {
  it('are removed when the next server starts; folders of running servers are kept', async () => {
    // A process id that is surely gone: a child that has already exited.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid;
    const crashed = mkdtempSync(join(tmpdir(), `${UPLOAD_PREFIX}${gone}-`));
    writeFileSync(join(crashed, 'GEDEvent_v25_1.csv'), 'half an upload');
    const running = mkdtempSync(join(tmpdir(), `${UPLOAD_PREFIX}${process.pid}-`));
    const s = await startTestServer('sqlite');
    try {
      await s.app.ready();
      expect(existsSync(crashed)).toBe(false);
      expect(existsSync(running)).toBe(true);
    } finally {
      await s.close();
      rmSync(running, { recursive: true, force: true });
    }
  });
});

describe('writes while an uploaded import runs', () => {
  it.skipIf(!GED)('wait for the import instead of failing, and all of them are stored', async () => {
    // The import writes on a connection of its own and holds the write lock for its transaction.
    const s = await startTestServer('sqlite', { busyTimeoutMs: 60_000 });
    try {
      const started = await s.call('admin', 'POST', '/api/imports/ucdp-ged?name=ged_sample_lilinduo_afghanistan.csv', readFileSync(GED as string), { 'content-type': 'text/csv' });
      expect(started.statusCode).toBe(202);
      const id = started.json<JobJson>().id;
      const writes = [];
      for (let i = 0; i < 38; i++) {
        writes.push(s.call('analyst', 'POST', '/api/cases/mini/evidence', { id: `ev-during-import-${i}`, source: 'report', observed: { from: '2021-01-01' }, summary: 's', bears_on: [] }));
      }
      const codes = (await Promise.all(writes)).map((r) => r.statusCode);
      for (;;) {
        const job = (await s.call('admin', 'GET', `/api/imports/${id}`)).json<JobJson>();
        if (job.status !== 'running') {
          expect(job.status).toBe('done');
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(codes.filter((c) => c !== 201)).toEqual([]);
      const stored = (await s.call('viewer', 'GET', '/api/cases/mini/evidence?per_page=500')).json<{ items: Array<{ id: string }> }>().items.map((e) => e.id);
      for (let i = 0; i < 38; i++) expect(stored).toContain(`ev-during-import-${i}`);
    } finally {
      await s.close();
    }
  });
});
