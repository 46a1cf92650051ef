// The store's commands as users run them: audit verify and head, and a writer that meets a busy
// database (exit 1, "the database is busy, try again", never an internal error).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { stringify } from 'yaml';
import { deedsMain as deeds } from '../helpers/cli-main.js';
import { freshDbSpec } from '../helpers/stores.js';
import { miniCase } from '../helpers/mini-case.js';

async function loadedDb(): Promise<string> {
  const spec = await freshDbSpec('sqlite');
  const dir = mkdtempSync(join(tmpdir(), 'deeds-cli-store-'));
  writeFileSync(join(dir, 'case.yaml'), stringify(miniCase()));
  const load = await deeds(['case', 'load', dir, '--db', spec]);
  if (load.code !== 0) throw new Error(load.stderr);
  return spec;
}

function itemFile(id: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'deeds-cli-item-')), 'item.yaml');
  writeFileSync(file, stringify({ id, source: 'report', observed: { from: '2021-01-01' }, summary: id, bears_on: [] }));
  return file;
}

describe('deeds audit', () => {
  it('prints the head, verifies with it, and names a row changed behind its back', async () => {
    const spec = await loadedDb();
    const head = await deeds(['audit', 'head', '--db', spec]);
    expect(head.code).toBe(0);
    expect(head.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
    const ok = await deeds(['audit', 'verify', '--db', spec, '--head', head.stdout.trim()]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/audit log intact: 1 entries, 15 rows match/);

    const db = new Database(spec);
    db.prepare("UPDATE case_objects SET data = replace(data, 'Taliban', 'Someone else') WHERE id = 'taliban'").run();
    db.close();
    const bad = await deeds(['audit', 'verify', '--db', spec]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/case_objects mini\/taliban: changed since audit entry 1/);
    const json = await deeds(['audit', 'verify', '--db', spec, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, bad_rows: [{ table: 'case_objects', key: ['mini', 'taliban'] }] });
  });

  it('fails when the head kept earlier is not in the chain, and refuses a head that is not a hash', async () => {
    const spec = await loadedDb();
    const other = (await deeds(['audit', 'head', '--db', await loadedDb()])).stdout.trim();
    const r = await deeds(['audit', 'verify', '--db', spec, '--head', other]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/rebuilt or cut short/);
    expect((await deeds(['audit', 'verify', '--db', spec, '--head', 'abc'])).code).toBe(2);
  });
});

describe('a CLI writer and a busy database', () => {
  it('waits up to DEEDS_BUSY_TIMEOUT, then exits 1 with "the database is busy, try again" and stores nothing', async () => {
    const spec = await loadedDb();
    const holder = new Database(spec);
    holder.exec('BEGIN IMMEDIATE');
    let r;
    try {
      r = await deeds(['evidence', 'add', 'mini', itemFile('ev-busy'), '--db', spec], { env: { DEEDS_BUSY_TIMEOUT: '200' } });
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('deeds: the database is busy, try again');
    const after = await deeds(['evidence', 'add', 'mini', itemFile('ev-busy'), '--db', spec]);
    expect(after.code).toBe(0);
  });

  it('refuses a busy timeout that is not a number of milliseconds', async () => {
    const spec = await loadedDb();
    const r = await deeds(['case', 'list', '--db', spec], { env: { DEEDS_BUSY_TIMEOUT: 'soon' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/busy timeout: "soon"/);
  });
});
