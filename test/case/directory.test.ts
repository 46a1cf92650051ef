// A case split over a directory of YAML files: keys merged, lists concatenated in sorted file
// order, and problems located in the file (and line) where the offending item really is.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCase } from '../../src/case/parse.js';
import { readCase } from '../../src/case/read.js';
import { at, baseCaseYaml, baseSections, expectOk, onlyProblem, sectionKeys, type SectionKey } from './fixtures.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deeds-case-dir-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const write = async (name: string, text: string | Uint8Array): Promise<string> => {
  const file = join(dir, name);
  await mkdir(join(file, '..'), { recursive: true });
  await writeFile(file, text);
  return file;
};
const allBut = (...left: SectionKey[]) => sectionKeys.filter((k) => !left.includes(k));

const moreEvidence = `evidence:
  - id: ev-three
    source: src-report
    observed: { from: 2021-01 }
    summary: third finding
  - id: ev-four
    source: src-report
    observed: { from: 2021-02 }
    credibility: 3
    summary: fourth finding
`;

describe('readCase on a directory', () => {
  it('merges the top-level keys of every file into the same case as one file would give', async () => {
    for (const key of sectionKeys) await write(`${key}.yaml`, baseSections[key]);
    const fromDir = expectOk(await readCase(dir));
    const fromFile = expectOk(parseCase([{ file: 'one.yaml', text: baseCaseYaml() }]));
    expect(fromDir).toEqual(fromFile);
  });

  it('reads a single file too', async () => {
    const file = await write('whole.yaml', baseCaseYaml());
    expect(expectOk(await readCase(file)).case.id).toBe('test-case');
  });

  it('concatenates a list split across files in sorted file order, whatever order they were written in', async () => {
    await write('c-rest.yaml', baseCaseYaml({ only: allBut('evidence') }));
    await write('b-evidence.yaml', moreEvidence);
    await write('a-evidence.yaml', baseSections.evidence);
    await write('d/more-evidence.yaml', 'evidence:\n  - { id: ev-five, source: src-report, observed: { from: 2022 }, summary: fifth }\n');
    const c = expectOk(await readCase(dir));
    expect(c.evidence.map((e) => e.id)).toEqual(['ev-one', 'ev-two', 'ev-three', 'ev-four', 'ev-five']);
  });

  it('locates a problem in evidence[3] in the second file, at the right line', async () => {
    await write('a-rest.yaml', baseCaseYaml({ only: allBut('evidence') }));
    await write('b-evidence.yaml', baseSections.evidence);
    const bad = moreEvidence.replace('credibility: 3', 'credibility: 9');
    const file = await write('c-evidence.yaml', bad);
    const p = onlyProblem(await readCase(dir));
    expect(p).toMatchObject({ ...at(file, bad, '9\n'), path: 'evidence[3].credibility' });
  });

  it('locates an unknown key in a list item of the second file at the key', async () => {
    await write('a.yaml', baseCaseYaml());
    const bad = moreEvidence.replace('summary: third finding', 'summary: third finding\n    sumary: typo');
    const file = await write('b.yaml', bad);
    const p = onlyProblem(await readCase(dir));
    expect(p).toMatchObject({ ...at(file, bad, 'sumary:'), path: 'evidence[2].sumary' });
  });

  it('locates a link problem in the second file', async () => {
    await write('a.yaml', baseCaseYaml());
    const bad = moreEvidence.replace('summary: fourth finding', 'summary: fourth finding\n    bears_on: [{ target: com-ghost, stance: supports }]');
    const file = await write('b.yaml', bad);
    const p = onlyProblem(await readCase(dir));
    expect(p).toMatchObject({ ...at(file, bad, 'com-ghost'), path: 'evidence[3].bears_on[0].target' });
    expect(p.message).toContain('unknown id "com-ghost"');
  });

  it('reports a link in file B to an id that file A does not define, in file B', async () => {
    await write('a-case.yaml', baseCaseYaml({ only: allBut('claims') }));
    const b = baseSections.claims.replace('source: src-agreement', 'source: src-press-release');
    const fileB = await write('b-claims.yaml', b);
    const p = onlyProblem(await readCase(dir));
    expect(p).toMatchObject({ ...at(fileB, b, 'src-press-release'), path: 'claims[0].source' });
    expect(p.message).toContain('unknown id "src-press-release"');
  });

  it('refuses the case block given twice, at the second one, naming the first file', async () => {
    const first = await write('a.yaml', baseCaseYaml());
    const second = 'case:\n  id: other\n  title: Other\n  subject: party\n';
    const file = await write('b.yaml', second);
    const p = onlyProblem(await readCase(dir));
    expect(p).toMatchObject({ ...at(file, second, 'case:'), path: 'case' });
    expect(p.message).toContain(first);
  });

  it('refuses assessment settings given twice', async () => {
    await write('a.yaml', baseCaseYaml({ tail: 'assessment:\n  thresholds: { broken: 2 }\n' }));
    const second = '# settings\nassessment:\n  thresholds: { kept: 2 }\n';
    const file = await write('b.yaml', second);
    const p = onlyProblem(await readCase(dir));
    expect(p).toMatchObject({ ...at(file, second, 'assessment:'), path: 'assessment' });
  });

  it('ignores hidden files, hidden directories and files that are not YAML; reads .yml and .YAML', async () => {
    await write('case.yaml', baseCaseYaml({ only: allBut('tripwires', 'claims') }));
    await write('tripwires.yml', baseSections.tripwires);
    await write('CLAIMS.YAML', baseSections.claims);
    const garbage = 'case: [this is not a case\n\tat all: {';
    await write('.draft.yaml', garbage);
    await write('.hidden/evidence.yaml', garbage);
    await write('sub/.also-hidden.yml', garbage);
    await write('notes.txt', garbage);
    await write('README.md', garbage);
    await write('evidence.yaml.bak', garbage);
    await write('evidence.yaml~', garbage);
    await write('evidence.json', '{"evidence": []}');
    const c = expectOk(await readCase(dir));
    expect(c).toEqual(expectOk(parseCase([{ file: 'one.yaml', text: baseCaseYaml() }])));
  });

  it('skips an empty file among good ones', async () => {
    await write('a.yaml', baseCaseYaml());
    await write('b.yaml', '');
    await write('c.yaml', '# only a comment\n');
    expect(expectOk(await readCase(dir)).case.id).toBe('test-case');
  });

  it('reports problems of several files, each in its own file', async () => {
    const a = baseCaseYaml({ append: { actors: '  - { id: militia, kind: militia, name: M }\n' }, only: allBut('evidence') });
    const fileA = await write('a.yaml', a);
    const b = moreEvidence.replace('credibility: 3', 'credibility: 0');
    const fileB = await write('b.yaml', b);
    const result = await readCase(dir);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toEqual([
      expect.objectContaining({ ...at(fileA, a, 'militia, name'), path: 'actors[3].kind' }),
      expect.objectContaining({ ...at(fileB, b, '0\n'), path: 'evidence[1].credibility' }),
    ]);
  });

  it('refuses a list key given as a mapping in one file and as a list in a later one, without crashing', async () => {
    const a = 'evidence: {}\n';
    const fileA = await write('a.yaml', a);
    await write('b.yaml', baseCaseYaml());
    const result = await readCase(dir).catch((err: unknown) => ({ ok: 'threw' as const, err: String(err) }));
    expect(result, JSON.stringify(result)).toMatchObject({ ok: false });
    const problems = 'problems' in result ? result.problems : [];
    expect(problems).toEqual([expect.objectContaining({ ...at(fileA, a, '{}'), path: 'evidence' })]);
  });

  it('treats an empty list key (`actors:` with nothing after it) the same whichever file it is in', async () => {
    await write('a.yaml', 'actors:\n');
    await write('b.yaml', baseCaseYaml());
    const emptyFirst = await readCase(dir);
    await rm(join(dir, 'a.yaml'));
    await write('c.yaml', 'actors:\n');
    const emptyLast = await readCase(dir);
    expect(emptyLast.ok, `empty list key in the first file: ok=${emptyFirst.ok}; in the last file: ${JSON.stringify(emptyLast)}`).toBe(emptyFirst.ok);
  });

  it('refuses a directory without YAML files', async () => {
    await write('notes.txt', 'nothing here');
    const p = onlyProblem(await readCase(dir));
    expect(p).toMatchObject({ file: dir, line: 1, column: 1, path: '' });
    expect(p.message).toMatch(/no \.yaml/);
  });

  it('refuses a path that does not exist', async () => {
    const missing = join(dir, 'missing.yaml');
    const p = onlyProblem(await readCase(missing));
    expect(p).toMatchObject({ file: missing, path: '' });
    expect(p.message).toMatch(/no such file/);
  });
});

describe('parseCase on several texts', () => {
  it('merges in the order given and locates problems per text', () => {
    const a = baseCaseYaml();
    const b = 'evidence:\n  - { id: ev-b, source: src-report, observed: { from: 2021 }, summary: b }\n';
    const c = 'evidence:\n  - { id: ev-c, source: src-report, observed: { from: 2021 }, summary: c, credibility: nine }\n';
    const p = onlyProblem(parseCase([{ file: 'a.yaml', text: a }, { file: 'b.yaml', text: b }, { file: 'c.yaml', text: c }]));
    expect(p).toMatchObject({ ...at('c.yaml', c, 'nine'), path: 'evidence[3].credibility' });
    const ok = expectOk(parseCase([{ file: 'a.yaml', text: a }, { file: 'c.yaml', text: b }, { file: 'b.yaml', text: b.replaceAll('ev-b', 'ev-x') }]));
    expect(ok.evidence.map((e) => e.id)).toEqual(['ev-one', 'ev-two', 'ev-b', 'ev-x']);
  });

  it('locates a duplicate id across files at the later one, naming the first', () => {
    const a = baseCaseYaml();
    const b = 'sources:\n  - { id: party, kind: news, title: t, date: 2020 }\n';
    const p = onlyProblem(parseCase([{ file: 'a.yaml', text: a }, { file: 'b.yaml', text: b }]));
    expect(p).toMatchObject({ ...at('b.yaml', b, 'party'), path: 'sources[2].id' });
    expect(p.message).toContain('actors[0]');
  });
});
