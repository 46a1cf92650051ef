// deeds case|evidence|audit through main(argv) in this process (test/cli/smoke.test.ts runs the
// built executable for exit codes, --version, a real command and a closed pipe).
import { mkdtempSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { deedsMain } from '../helpers/cli-main.js';
import { freshDbSpec, storeKinds } from '../helpers/stores.js';
import { miniCase } from '../helpers/mini-case.js';

function caseDir(data: unknown = miniCase()): string {
  const dir = mkdtempSync(join(tmpdir(), 'deeds-cli-'));
  writeFileSync(join(dir, 'case.yaml'), stringify(data));
  return dir;
}

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('deeds case validate', () => {
  it('accepts a valid case and exits 0', async () => {
    const r = await deedsMain(['case', 'validate', caseDir()]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/valid case "mini"/);
  });

  it('prints every problem with file, line and key path, exits 1 and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deeds-cli-'));
    writeFileSync(join(dir, 'case.yaml'), 'case:\n  id: bad\n  title: Bad\n  subject: nobody\nactors:\n  - { id: a, kind: planet, name: A }\n');
    const r = await deedsMain(['case', 'validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(dir, 'case.yaml')}:6:20: actors[0].kind: "planet" is not allowed`);
    noStack(r.stderr);
  });

  it('gives the problems as JSON with --json', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deeds-cli-'));
    writeFileSync(join(dir, 'case.yaml'), 'case: { id: x, title: X, subject: ghost }\n');
    const r = await deedsMain(['case', 'validate', dir, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ valid: false, problems: [expect.objectContaining({ path: 'case.subject', line: 1, message: expect.stringContaining('unknown id "ghost"') })] });
  });

  it('says when the path does not exist', async () => {
    const r = await deedsMain(['case', 'validate', '/nonexistent/case']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no such file or directory/);
  });
});

describe('usage errors and help', () => {
  it('exits 2 on an unknown command or a missing argument', async () => {
    expect((await deedsMain(['cases'])).code).toBe(2);
    expect((await deedsMain(['case', 'load'])).code).toBe(2);
    expect((await deedsMain(['case', 'list', '--bogus'])).code).toBe(2);
  });

  it.each([[[]], [['case']], [['case', 'validate']], [['case', 'load']], [['case', 'export']], [['case', 'list']], [['case', 'schema']], [['audit', 'verify']], [['evidence', 'history']], [['evidence', 'retract']], [['demo']]])('has --help for %j', async (args) => {
    const r = await deedsMain([...args, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: deeds/);
  });

  it('prints the case JSON Schema', async () => {
    const r = await deedsMain(['case', 'schema']);
    expect(r.code).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toMatch(/2020-12/);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['case', 'actors', 'evidence', 'tripwires', 'assessment']));
  });

  it('reports an unreachable PostgreSQL clearly, with exit 1', async () => {
    const r = await deedsMain(['case', 'list', '--db', 'postgres://nobody:secret@127.0.0.1:1/none']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot connect to PostgreSQL/);
    expect(r.stderr).not.toContain('secret');
    noStack(r.stderr);
  });
});

describe.each(storeKinds)('load, list, export and verify on %s', (kind) => {
  it('round-trips a case through the command line', async () => {
    const db = await freshDbSpec(kind);
    const load = await deedsMain(['case', 'load', caseDir(), '--db', db, '--json']);
    expect(load.code).toBe(0);
    expect(JSON.parse(load.stdout)).toMatchObject({ case: 'mini', created: true, inserted: 14 });

    const list = await deedsMain(['case', 'list', '--json'], { env: { DEEDS_DB: db } });
    expect(JSON.parse(list.stdout).cases.map((c: { id: string }) => c.id)).toEqual(['mini']);

    const out = join(mkdtempSync(join(tmpdir(), 'deeds-export-')), 'mini');
    expect((await deedsMain(['case', 'export', 'mini', '--out', out, '--db', db])).code).toBe(0);
    expect(readdirSync(out).sort()).toContain('evidence.yaml');
    const again = await deedsMain(['case', 'load', out, '--db', db, '--json']);
    expect(JSON.parse(again.stdout)).toMatchObject({ inserted: 0, updated: 0, unchanged: 14 });

    const refused = await deedsMain(['case', 'export', 'mini', '--out', out, '--db', db]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds YAML files/);
    expect((await deedsMain(['case', 'export', 'ghost', '--out', join(out, 'x'), '--db', db])).code).toBe(1);

    const verify = await deedsMain(['audit', 'verify', '--json', '--db', db]);
    expect(verify.code).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true, entries: 2 });
  });

  it('writes nothing when the case is invalid', async () => {
    const db = await freshDbSpec(kind);
    const bad = miniCase() as unknown as Record<string, unknown>;
    const dir = caseDir({ ...bad, claims: [{ id: 'c', by: 'taliban', made: '2020', source: 'doha', text: 't', asserts: { target: 'ct-soil', status: 'met' } }] });
    const r = await deedsMain(['case', 'load', dir, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/claims\[0\]\.asserts\.status/);
    expect(JSON.parse((await deedsMain(['case', 'list', '--json', '--db', db])).stdout).cases).toEqual([]);
  });
});

describe('evidence commands', () => {
  it('retracts an item and shows its history', async () => {
    const db = await freshDbSpec('sqlite');
    expect((await deedsMain(['case', 'load', caseDir(), '--db', db])).code).toBe(0);
    const bad = await deedsMain(['evidence', 'retract', 'mini', 'ev-1', '--date', 'soon', '--reason', 'r', '--db', db]);
    expect(bad.code).toBe(1);
    expect((await deedsMain(['evidence', 'retract', 'mini', 'ev-1', '--date', '2022-01-01', '--reason', 'withdrawn', '--db', db])).code).toBe(0);
    const history = JSON.parse((await deedsMain(['evidence', 'history', 'mini', 'ev-1', '--json', '--db', db])).stdout);
    expect(history.versions.map((v: { version: number; stored_by: string }) => [v.version, v.stored_by])).toEqual([[1, 'cli:tester'], [2, 'cli:tester']]);
    const itemDir = mkdtempSync(join(tmpdir(), 'deeds-item-'));
    mkdirSync(itemDir, { recursive: true });
    writeFileSync(join(itemDir, 'item.yaml'), stringify({ id: 'ev-new', source: 'report', observed: { from: '2021-06-01' }, summary: 'new', bears_on: [{ target: 'ct-soil', stance: 'supports' }] }));
    expect((await deedsMain(['evidence', 'add', 'mini', join(itemDir, 'item.yaml'), '--db', db])).code).toBe(0);
    expect((await deedsMain(['evidence', 'history', 'mini', 'ghost', '--db', db])).code).toBe(1);
  });
});
