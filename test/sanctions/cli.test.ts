// `deeds import` of the list kinds, `deeds screen`, `deeds sanctions`, in-process through main(argv) (test/helpers/cli-main.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { deedsMain as deeds } from '../helpers/cli-main.js';
import { miniCase } from '../helpers/mini-case.js';
import { FTM_DIR, OFAC_SET, haveData, scratch, unFile, unXml } from './data.js';

const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe.skipIf(!haveData)('deeds import, screen and sanctions (SQLite)', () => {
  let db: string;
  let dir: string;
  let ofacId = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'deeds-cli-sanctions-'));
    db = join(dir, 'deeds.db');
  });

  it('imports UN snapshots with the documented JSON summary, idempotently', async () => {
    const r = await deeds(['import', 'un-sanctions', unFile('2024-09-26'), unFile('2026-02-27'), '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ kind: 'un-sanctions', files: [unFile('2024-09-26'), unFile('2026-02-27')], read: 1878, inserted: 1009, updated: 125, unchanged: 744, rejected: 0, rejects: [] });
    const again = await deeds(['import', 'un-sanctions', unFile('2026-02-27'), '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/un-sanctions: read 1003, inserted 0, updated 0, unchanged 1003, rejected 0/);
  });

  it('imports the OFAC CSV set from any of its files', async () => {
    const r = await deeds(['import', 'ofac-sdn', OFAC_SET, '--db', db, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ kind: 'ofac-sdn', files: [OFAC_SET, join(OFAC_SET, '..', 'alt.csv'), join(OFAC_SET, '..', 'add.csv'), join(OFAC_SET, '..', 'sdn_comments.csv')], read: 8976, inserted: 8976, rejected: 0 });
    const versions = JSON.parse((await deeds(['sanctions', 'versions', '--db', db, '--json'])).stdout) as { versions: Array<{ id: string }> };
    // The legacy CSV does not date itself: a date in the file name, else the file's modification day.
    expect(versions.versions.map((v) => v.id)).toEqual([expect.stringMatching(/^ofac@\d{4}-\d{2}-\d{2}$/), 'un@2026-02-27', 'un@2024-09-26']);
    ofacId = versions.versions[0]!.id;
  });

  it('refuses a hostile file with a clear message, exit 1, no stack trace, nothing imported', async () => {
    const bad = scratch({ 'evil.xml': '<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<CONSOLIDATED_LIST>&xxe;</CONSOLIDATED_LIST>\n' });
    const before = (await deeds(['sanctions', 'versions', '--db', db, '--json'])).stdout;
    const r = await deeds(['import', 'un-sanctions', join(bad, 'evil.xml'), '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deeds: .*evil\.xml:\d+: the file has a DOCTYPE: document type declarations \(and so entity definitions\) are refused/);
    noStack(r.stderr);
    expect((await deeds(['sanctions', 'versions', '--db', db, '--json'])).stdout).toBe(before);
  });

  it('screens names with the documented JSON shape, best first, explained', async () => {
    const r = await deeds(['screen', 'Abdul Ghani Baradar', 'سراج الدين حقاني', 'Elizabeth Walker', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { results: Array<{ query: string; matches: Array<{ list: string; ref: string; name: string; matched_name: string; score: number; explanation: string }> }> };
    expect(out.results.map((x) => x.query)).toEqual(['Abdul Ghani Baradar', 'سراج الدين حقاني', 'Elizabeth Walker']);
    const [baradar, haqqani, walker] = out.results;
    expect(baradar?.matches[0]).toMatchObject({ list: 'un', ref: 'TAi.024', name: 'ABDUL GHANI BARADAR ABDUL AHMAD TURK', matched_name: 'Abdul Ghani Baradar', score: 1 });
    expect(baradar?.matches[0]?.explanation).toMatch(/aligned/);
    expect(haqqani?.matches.some((m) => m.list === 'un' && m.ref === 'TAi.144')).toBe(true);
    expect(walker?.matches).toEqual([]);
    for (const res of out.results) {
      const scores = res.matches.map((m) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      expect(scores.every((s) => s >= 0.7)).toBe(true);
    }
  });

  it('screens a file of names, one a line or CSV with birth_date and nationality, and honours --threshold', async () => {
    const files = scratch({ 'names.txt': 'Sirajuddin Haqqani\n\n# a comment\nAmir Khan Motaqi\n', 'names.csv': 'name,birth_date,nationality\n"Abdul Ghani Baradar",1990,Pakistan\n' });
    const plain = JSON.parse((await deeds(['screen', '--file', join(files, 'names.txt'), '--db', db, '--json'])).stdout) as { results: Array<{ query: string; matches: Array<{ ref: string }> }> };
    expect(plain.results.map((x) => [x.query, x.matches.some((m) => m.ref === 'TAi.144' || m.ref === 'TAi.026')])).toEqual([['Sirajuddin Haqqani', true], ['Amir Khan Motaqi', true]]);
    const low = JSON.parse((await deeds(['screen', '--file', join(files, 'names.csv'), '--threshold', '0.5', '--db', db, '--json'])).stdout) as { results: Array<{ matches: Array<{ ref: string; score: number; explanation: string }> }> };
    const m = low.results[0]?.matches.find((x) => x.ref === 'TAi.024');
    expect(m?.score).toBeCloseTo(0.65, 6);
    expect(m?.explanation).toMatch(/nationality mismatch.*birth year disjoint/);
    const strict = JSON.parse((await deeds(['screen', '--file', join(files, 'names.csv'), '--db', db, '--json'])).stdout) as { results: Array<{ matches: Array<{ ref: string }> }> };
    expect(strict.results[0]?.matches.some((x) => x.ref === 'TAi.024')).toBe(false);
  });

  it('refuses bad usage with a clear message', async () => {
    expect((await deeds(['screen', '--db', db])).code).toBe(2);
    const t = await deeds(['screen', 'x', '--threshold', '1.5', '--db', db]);
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/--threshold: "1.5" is not a score between 0 and 1/);
    const empty = await deeds(['screen', 'x', '--db', join(dir, 'empty.db')]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/no sanctions list has been imported/);
    const noCase = await deeds(['screen', '--case', 'ghost', '--db', db]);
    expect(noCase.code).toBe(1);
    expect(noCase.stderr).toMatch(/no case "ghost"/);
    noStack(noCase.stderr);
  });

  it('diffs two stored versions, or two files, with the fields that changed', async () => {
    const r = await deeds(['sanctions', 'diff', 'un@2024-09-26', 'un@2026-02-27', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout) as { list: string; added: unknown[]; removed: unknown[]; changed: Array<{ ref: string; changes: Array<{ field: string }> }>; unchanged: number };
    expect([d.list, d.added.length, d.removed.length, d.changed.length, d.unchanged]).toEqual(['un', 134, 6, 106, 763]);
    const files = scratch({
      'a.xml': unXml([{ ref: 'TAi.001', first: 'ONE', aliases: ['Uno'] }, { ref: 'TAi.002', first: 'TWO' }], '2025-01-01T00:00:00Z'),
      'b.xml': unXml([{ ref: 'TAi.001', first: 'ONE', aliases: ['Wahid'], dob: '1970' }, { ref: 'TAi.003', first: 'THREE' }], '2025-02-01T00:00:00Z'),
    });
    const text = await deeds(['sanctions', 'diff', join(files, 'a.xml'), join(files, 'b.xml')]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('1 added, 1 removed, 1 changed, 0 unchanged');
    expect(text.stdout).toMatch(/\+ TAi\.003 {2}THREE\n- TAi\.002 {2}TWO\n~ TAi\.001 {2}ONE\n {4}aliases: \+Wahid, -Uno\n {4}birth: \+1970, -1968/);
    const mixed = await deeds(['sanctions', 'diff', 'un@2026-02-27', ofacId, '--db', db]);
    expect(mixed.code).toBe(1);
    expect(mixed.stderr).toMatch(/compare versions of one list/);
    expect((await deeds(['sanctions', 'diff', 'un@1999-01-01', 'un@2026-02-27', '--db', db])).stderr).toMatch(/neither a file nor a stored list version/);
  });

  it('screens a case, records decisions with who, when and why, and keeps them across a re-import', async () => {
    const base = miniCase();
    const c = miniCase({ actors: [...base.actors, { id: 'baradar', kind: 'person', name: 'Mullah Abdul Ghani Baradar', birth_date: 1968, nationality: ['AF'] }] });
    const caseDir = mkdtempSync(join(tmpdir(), 'deeds-cli-case-'));
    writeFileSync(join(caseDir, 'case.yaml'), stringify(c));
    expect((await deeds(['case', 'load', caseDir, '--db', db])).code).toBe(0);
    const first = JSON.parse((await deeds(['screen', '--case', 'mini', '--db', db, '--json'])).stdout) as { case: string; results: Array<{ person?: string; matches: Array<{ list: string; ref: string; decision?: unknown }>; changes?: unknown }> };
    expect(first.case).toBe('mini');
    expect(first.results.find((r) => r.person === 'baradar')?.matches.some((m) => m.list === 'un' && m.ref === 'TAi.024')).toBe(true);

    const d = await deeds(['sanctions', 'decide', 'mini', 'baradar', 'un:TAi.024', 'confirmed', '--reason', 'same person: office and birth year', '--db', db, '--json']);
    expect(d.code).toBe(0);
    expect(JSON.parse(d.stdout)).toMatchObject({ case_id: 'mini', person_id: 'baradar', list: 'un', ref: 'TAi.024', decision: 'confirmed', reason: 'same person: office and birth year', actor: 'cli:tester' });
    expect((await deeds(['sanctions', 'decide', 'mini', 'baradar', 'TAi.024', 'maybe', '--reason', 'x', '--db', db])).code).toBe(2);
    expect((await deeds(['sanctions', 'decide', 'mini', 'taliban', 'TAi.024', 'confirmed', '--reason', 'x', '--db', db])).stderr).toMatch(/is a armed_group, not a person|not a person/);
    expect((await deeds(['sanctions', 'decide', 'mini', 'baradar', 'TAi.999', 'confirmed', '--reason', 'x', '--db', db])).stderr).toMatch(/no imported list version holds the reference "TAi.999"/);

    // A new list version: the decision stays, and the re-screen says what changed since the last run.
    const newer = scratch({ 'consolidated_2027-01-01.xml': unXml([{ ref: 'TAi.024', first: 'ABDUL GHANI', second: 'BARADAR', dob: '1968' }], '2027-01-01T00:00:00Z') });
    const imported = await deeds(['import', 'un-sanctions', join(newer, 'consolidated_2027-01-01.xml'), '--db', db]);
    expect(imported.code).toBe(0);
    // The import itself re-screened the case, against the new version.
    expect(imported.stdout).toMatch(/re-screened case mini: \d+ new, \d+ gone, \d+ changed match\(es\)/);
    const alerts = JSON.parse((await deeds(['alerts', 'mini', '--db', db, '--json'])).stdout) as { alerts: Array<{ kind: string; changes?: Array<{ person: string; ref: string; change: string; decision?: unknown }> }> };
    const listChanges = alerts.alerts.find((a) => a.kind === 'new_sanctions_match')?.changes ?? [];
    // TAi.024 is still listed under the same name: no change to report for it.
    expect(listChanges.some((c) => c.person === 'baradar' && c.ref === 'TAi.024' && c.change === 'gone')).toBe(false);
    const second = JSON.parse((await deeds(['screen', '--case', 'mini', '--db', db, '--json'])).stdout) as typeof first & { versions: Record<string, string> };
    expect(second.versions['un']).toBe('un@2027-01-01');
    const b = second.results.find((r) => r.person === 'baradar');
    expect(b?.matches.find((m) => m.ref === 'TAi.024')?.decision).toMatchObject({ decision: 'confirmed', actor: 'cli:tester', reason: 'same person: office and birth year' });
    // Compared with the last screening: the one the import ran.
    expect(b?.changes).toMatchObject({ versions_then: { un: 'un@2027-01-01' }, added: [], removed: [] });
    const text = await deeds(['screen', '--case', 'mini', '--db', db]);
    expect(text.stdout).toMatch(/baradar: Mullah Abdul Ghani Baradar — \d+ match/);
    expect(text.stdout).toMatch(/\[confirmed by cli:tester .*: same person: office and birth year\]/);
    const history = JSON.parse((await deeds(['sanctions', 'decisions', 'mini', '--db', db, '--json'])).stdout) as { decisions: unknown[] };
    expect(history.decisions).toHaveLength(1);
  });

  it('keeps the datasets of FtM entities, and limits screening to chosen lists with --lists', async () => {
    expect((await deeds(['import', 'ftm', join(FTM_DIR, 'yente_t1_entities.ftm.json'), '--db', db])).code).toBe(0);
    type Out = { lists?: string[]; results: Array<{ matches: Array<{ list: string; ref: string }> }> };
    const screenJson = async (...args: string[]) => JSON.parse((await deeds(['screen', ...args, '--db', db, '--json'])).stdout) as Out;
    // The EU list's spelling of a person on it, limited to that dataset: only OpenSanctions entries that carry it.
    const eu = await screenJson('Vitaly Yurievich Kuzmenko', '--lists', 'eu_fsf');
    expect(eu.lists).toEqual(['eu_fsf']);
    expect(eu.results[0]?.matches[0]).toMatchObject({ list: 'opensanctions' });
    // Limited to the UN list, the same name finds nothing from OpenSanctions.
    const un = await screenJson('Vitaly Yurievich Kuzmenko', '--lists', 'un,ofac');
    expect(un.results[0]?.matches.filter((m) => m.list === 'opensanctions')).toEqual([]);
    const all = await screenJson('Mullah Abdul Ghani Baradar', '--lists', 'un');
    expect(new Set(all.results[0]?.matches.map((m) => m.list))).toEqual(new Set(['un']));
    const unknown = await deeds(['screen', 'x', '--lists', 'eu_nothing', '--db', db]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no imported entry belongs to "eu_nothing"; known: .*eu_fsf/);
    expect((await deeds(['screen', '--case', 'mini', '--lists', 'un', '--db', db])).code).toBe(2);
  });
});
