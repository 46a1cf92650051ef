// Hostile and malformed input: every case must end in a clear problem, never a crash, a hang or
// a partial case. Large inputs are generated at run time into a temp directory.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCase, type ParseResult } from '../../src/case/parse.js';
import { readCase } from '../../src/case/read.js';
import { checkReferences } from '../../src/case/references.js';
import type { Evidence } from '../../src/case/schema.js';
import { prng } from '../helpers/generate.js';
import { at, baseCaseYaml, expectOk, expectProblems, onlyProblem, positionOf } from './fixtures.js';

const FILE = 'case.yaml';
const parse = (text: string): ParseResult => parseCase([{ file: FILE, text }]);
/** A value seen as a plain record (for `x-` keys, which the types do not name). */
const rec = (value: unknown): Record<string, unknown> => value as Record<string, unknown>;

/** Runs `fn` and fails if it took longer than `ms` (vitest's own timeout catches a real hang). */
/** Runs fn; how long it takes is measured by bench/, never asserted here (vitest's timeout guards a hang). */
async function settle<T>(fn: () => T | Promise<T>): Promise<T> {
  return fn();
}

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deeds-case-hostile-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});
const write = async (name: string, data: string | Uint8Array): Promise<string> => {
  const file = join(dir, name);
  await writeFile(file, data);
  return file;
};

describe('YAML alias bombs', () => {
  /** "Billion laughs": each level holds ten aliases of the level below; 10^levels leaves. */
  const bomb = (levels: number, prefix = '') => {
    let text = `${prefix}l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
    for (let i = 1; i <= levels; i++) text += `${prefix}l${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]\n`;
    return text;
  };

  it('refuses a billion laughs as a whole file', async () => {
    const p = await settle(() => onlyProblem(parse(bomb(9))));
    expect(p).toMatchObject({ file: FILE, path: '' });
    expect(p.message).toMatch(/alias/i);
  });

  it('refuses a billion laughs hidden in x- keys of an otherwise valid case', async () => {
    const p = await settle(() => onlyProblem(parse(baseCaseYaml({ tail: bomb(9, 'x-') }))));
    expect(p.message).toMatch(/alias/i);
  });

  it('refuses a bomb whose aliases fan out inside a real list', async () => {
    const text = baseCaseYaml({
      tail: `x-l0: &l0 [{ target: cond-calm, stance: context }, { target: cond-calm, stance: context }]\n${Array.from({ length: 30 }, (_, i) => `x-l${i + 1}: &l${i + 1} [*l${i}, *l${i}]\n`).join('')}`,
    });
    const p = await settle(() => onlyProblem(parse(text)));
    expect(p.message).toMatch(/alias/i);
  });

  it('still accepts a few ordinary anchors and aliases', () => {
    const text = baseCaseYaml({
      replace: { conditions: 'conditions:\n  - id: cond-calm\n    set_by: &parties [state]\n    category: violence\n    text: calm\n    requires: [com-no-attacks]\n  - { id: cond-two, set_by: *parties, category: other, text: t }\n' },
    });
    expect(expectOk(parse(text)).conditions[1]?.set_by).toEqual(['state']);
  });
});

describe('size limit', () => {
  it('refuses a 50 MB file by its size, naming MB, without parsing it', async () => {
    const file = await write('huge.yaml', Buffer.alloc(50 * 1024 * 1024, 'x-pad: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n'));
    const p = await settle(async () => onlyProblem(await readCase(file)));
    expect(p).toMatchObject({ file, line: 1, column: 1, path: '' });
    expect(p.message).toMatch(/\b50(\.0)? MB\b/);
    expect(p.message).toMatch(/16 MB/);
    await rm(file);
  });

  it('refuses a file one byte over the limit, in a directory too', async () => {
    await write('a.yaml', baseCaseYaml());
    const file = await write('b.yaml', Buffer.alloc(16 * 1024 * 1024 + 1, '# pad\n'));
    const p = await settle(async () => onlyProblem(await readCase(dir)));
    expect(p.file).toBe(file);
    expect(p.message).toMatch(/MB/);
  });
});

describe('deep nesting', () => {
  const depth = 100_000;

  it('refuses 100,000 nested flow sequences with a problem about nesting, without crashing', async () => {
    const text = `case: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
    const problems = await settle(() => expectProblems(parse(text)));
    expect(problems.some((p) => /nest/i.test(p.message)), JSON.stringify(problems.slice(0, 3))).toBe(true);
  });

  it('refuses 100,000 unclosed [ with a problem about nesting, without crashing', async () => {
    const text = '['.repeat(depth);
    const problems = await settle(() => expectProblems(parse(text)));
    expect(problems.some((p) => /nest/i.test(p.message)), JSON.stringify(problems.slice(0, 3))).toBe(true);
  });

  it('refuses 100,000 nested flow mappings inside an x- key with a problem about nesting', async () => {
    const text = baseCaseYaml({ tail: `x-deep: ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n` });
    const problems = await settle(() => expectProblems(parse(text)));
    expect(problems.some((p) => /nest/i.test(p.message)), JSON.stringify(problems.slice(0, 3))).toBe(true);
  });

  it('refuses 200 levels of nested block mappings with a problem about nesting', async () => {
    let nested = '';
    for (let i = 0; i < 200; i++) nested += `${'  '.repeat(i + 1)}k${i}:\n`;
    const text = baseCaseYaml({ tail: `x-deep:\n${nested}${'  '.repeat(201)}leaf\n` });
    const p = await settle(() => onlyProblem(parse(text)));
    expect(p).toMatchObject({ file: FILE, path: '' });
    expect(p.message).toMatch(/nest/i);
  });

  it('refuses 5,000 levels of nested block mappings with a problem about nesting', async () => {
    let nested = '';
    for (let i = 0; i < 5_000; i++) nested += `${' '.repeat(i)}k:\n`;
    const text = `${nested}${' '.repeat(5_000)}leaf\n`;
    const problems = await settle(() => expectProblems(parse(text)));
    expect(problems.some((p) => /nest/i.test(p.message)), JSON.stringify(problems.slice(0, 3))).toBe(true);
  });

  it('accepts the nesting a real case has (x- value 20 levels deep)', () => {
    const text = baseCaseYaml({ tail: `x-deep: ${'['.repeat(20)}1${']'.repeat(20)}\n` });
    expectOk(parse(text));
  });
});

describe('encodings and line endings', () => {
  it('refuses invalid UTF-8, giving line, column and "UTF-8"', async () => {
    const file = await write('latin1.yaml', Buffer.concat([Buffer.from('case:\n  id: test-case\n  title: caf'), Buffer.from([0xe9]), Buffer.from(' au lait\n  subject: party\n')]));
    const p = onlyProblem(await readCase(file));
    expect(p).toMatchObject({ file, line: 3, column: 13, path: '' });
    expect(p.message).toMatch(/UTF-8/);
  });

  it('counts the column of an invalid byte in characters, after multi-byte characters on the same line', async () => {
    const before = 'case:\n  id: test-case\n  title: Kaboul – Doha — ';
    const file = await write('mixed.yaml', Buffer.concat([Buffer.from(before), Buffer.from([0xff]), Buffer.from('\n')]));
    const p = onlyProblem(await readCase(file));
    const { line, column } = positionOf(before + '\uFFFD', '\uFFFD');
    expect(p).toMatchObject({ file, line, column, path: '' });
    expect(p.message).toMatch(/UTF-8/);
  });

  it.each([
    ['a lone continuation byte', [0x80]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['a sequence cut short by a newline', [0xe2, 0x80]],
  ])('refuses %s with its position', async (_label, bytes) => {
    const file = await write('bad.yaml', Buffer.concat([Buffer.from('case:\n  title: ab'), Buffer.from(bytes), Buffer.from('\n  id: x\n')]));
    const p = onlyProblem(await readCase(file));
    expect(p).toMatchObject({ file, line: 2, column: 12, path: '' });
    expect(p.message).toMatch(/UTF-8/);
  });

  it('refuses a multi-byte sequence cut short at the end of the file', async () => {
    const file = await write('cut.yaml', Buffer.concat([Buffer.from('case:\n  title: ab'), Buffer.from([0xe2, 0x80])]));
    const p = onlyProblem(await readCase(file));
    expect(p).toMatchObject({ file, line: 2, column: 12, path: '' });
    expect(p.message).toMatch(/UTF-8/);
  });

  it('loads a file that starts with a UTF-8 BOM', async () => {
    const file = await write('bom.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(baseCaseYaml())]));
    expect(expectOk(await readCase(file))).toEqual(expectOk(parse(baseCaseYaml())));
    expect(expectOk(parse('\uFEFF' + baseCaseYaml()))).toEqual(expectOk(parse(baseCaseYaml())));
  });

  it('keeps columns right after a BOM (a problem on line 1 is at column 1)', async () => {
    const text = 'bogus: 1\n' + baseCaseYaml();
    const file = await write('bom-bad.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(onlyProblem(await readCase(file))).toMatchObject({ file, line: 1, column: 1, path: 'bogus' });
    expect(onlyProblem(parse('\uFEFF' + text))).toMatchObject({ file: FILE, line: 1, column: 1, path: 'bogus' });
  });

  it('loads CRLF line endings, with no \\r left in any value', async () => {
    const lf = baseCaseYaml({ append: { case: '  x-notes: |\n    line one\n    line two\n' } });
    const file = await write('crlf.yaml', lf.replaceAll('\n', '\r\n'));
    const c = expectOk(await readCase(file));
    expect(c).toEqual(expectOk(parse(lf)));
    expect(JSON.stringify(c)).not.toContain('\\r');
  });

  it('keeps line and column numbers right with CRLF line endings', () => {
    const lf = baseCaseYaml({ append: { evidence: '  - { id: ev-three, source: src-report, observed: { from: 2021-02-30 }, summary: s }\n' } });
    const crlf = lf.replaceAll('\n', '\r\n');
    const p = onlyProblem(parse(crlf));
    expect(p).toMatchObject({ ...at(FILE, lf, '2021-02-30'), path: 'evidence[2].observed.from' });
  });

  it('keeps the line of a YAML syntax error right with CRLF line endings', () => {
    const lf = baseCaseYaml({ append: { sources: '  - id: src-dup\n    kind: news\n    title: t\n    title: u\n    date: 2020\n' } });
    const p = expectProblems(parse(lf.replaceAll('\n', '\r\n')))[0];
    expect(p).toMatchObject({ ...at(FILE, lf, 'title: u'), path: '' });
  });

  it('refuses tabs used for indentation, with the line of the tab', async () => {
    const text = 'case:\n  id: test-case\n\ttitle: tabbed\n  subject: party\n';
    const file = await write('tabs.yaml', text);
    const p = expectProblems(await readCase(file))[0];
    expect(p).toMatchObject({ file, line: 3, column: 1, path: '' });
    expect(p?.message).toMatch(/tab/i);
  });
});

describe('files that are not a case', () => {
  it.each([
    ['empty', ''],
    ['only whitespace', '  \n\n   \n'],
    ['only comments', '# nothing yet\n'],
    ['an empty document', '---\n...\n'],
    ['null', '~\n'],
  ])('an %s file gives a clear problem (no case block)', async (_label, text) => {
    const file = await write('empty.yaml', text);
    const p = onlyProblem(await readCase(file));
    expect(p).toMatchObject({ file, line: 1, column: 1, path: 'case' });
    expect(p.message).toMatch(/case/);
  });

  it('refuses a YAML list instead of a mapping', async () => {
    const file = await write('list.yaml', '- case: { id: a, title: t, subject: party }\n- actors: []\n');
    const p = onlyProblem(await readCase(file));
    expect(p).toMatchObject({ file, line: 1, column: 1, path: '' });
    expect(p.message).toMatch(/mapping/);
  });

  it('refuses a plain scalar', () => {
    const p = onlyProblem(parse('just some text\n'));
    expect(p.message).toMatch(/mapping/);
  });

  it('refuses several YAML documents in one file', () => {
    const p = expectProblems(parse(`${baseCaseYaml()}---\ncase: { id: other, title: o, subject: party }\n`))[0];
    expect(p?.message).toMatch(/document/);
  });

  it('refuses binary garbage read from disk with a UTF-8 problem', async () => {
    const rnd = prng(42);
    const bytes = Uint8Array.from({ length: 64 * 1024 }, () => Math.floor(rnd() * 256));
    const file = await write('garbage.yaml', bytes);
    const p = await settle(async () => onlyProblem(await readCase(file)));
    expect(p.file).toBe(file);
    expect(p.line).toBeGreaterThanOrEqual(1);
    expect(p.column).toBeGreaterThanOrEqual(1);
    expect(p.message).toMatch(/UTF-8/);
  });

  it.each([1, 2, 3, 4, 5])('refuses valid-UTF-8 garbage (seed %i) without crashing', async (seed) => {
    const rnd = prng(seed);
    const chars = Array.from({ length: 20_000 }, () => {
      const r = rnd();
      // control characters, YAML indicators, ASCII, and some characters beyond the BMP
      if (r < 0.1) return String.fromCharCode(Math.floor(rnd() * 32));
      if (r < 0.3) return '[]{}:,-?&*!|>\'"%@`#'.charAt(Math.floor(rnd() * 19));
      if (r < 0.95) return String.fromCharCode(32 + Math.floor(rnd() * 95));
      return String.fromCodePoint(0x10000 + Math.floor(rnd() * 0x1000));
    });
    const text = chars.join('');
    const problems = await settle(() => expectProblems(parse(text)));
    for (const p of problems) {
      expect(p.file).toBe(FILE);
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.column).toBeGreaterThanOrEqual(1);
      expect(typeof p.message).toBe('string');
    }
  });
});

describe('large inputs are handled correctly at scale', () => {
  // These sizes once took tens of seconds through quadratic work. Speed is not asserted here (the
  // project never asserts timings in tests); the generous timeout only stops a hang.
  const HANG_GUARD_MS = 30_000;
  const keys = (n: number, indent: string) => Array.from({ length: n }, (_, i) => `${indent}k${i}: ${i}\n`).join('');

  it('parses one mapping with 20,000 keys (in an x- key, 230 kB), keeping every key', () => {
    const text = baseCaseYaml({ tail: `x-many:\n${keys(20_000, '  ')}` });
    const many = rec(expectOk(parse(text)))['x-many'] as Record<string, number>;
    expect(Object.keys(many)).toHaveLength(20_000);
    expect(many['k19999']).toBe(19_999);
  }, HANG_GUARD_MS);

  it('reports a duplicate among 20,000 keys of one mapping at the second occurrence', () => {
    const text = baseCaseYaml({ tail: `x-many:\n${keys(20_000, '  ')}  k7: again\n` });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'k7: again'), path: '' });
    expect(p.message).toMatch(/unique/i);
  }, HANG_GUARD_MS);

  it('reports each of 5,000 unknown keys of one object (60 kB) at its own key', () => {
    const text = baseCaseYaml({ append: { case: keys(5_000, '  ') } });
    const problems = expectProblems(parse(text));
    expect(problems).toHaveLength(5_000);
    expect(problems[0]).toMatchObject({ ...at(FILE, text, 'k0:'), path: 'case.k0' });
    expect(problems[4_999]).toMatchObject({ ...at(FILE, text, 'k4999:'), path: 'case.k4999' });
  }, HANG_GUARD_MS);

  describe('a chain of 10,000 corrections (each item superseding the one before)', () => {
    const base = () => expectOk(parse(baseCaseYaml()));
    const chain = (n: number): Evidence[] =>
      Array.from({ length: n }, (_, i) => ({
        id: `ev-chain-${i}`, source: 'src-report', observed: { from: '2021' }, credibility: 6 as const, summary: 's', bears_on: [],
        ...(i > 0 ? { supersedes: `ev-chain-${i - 1}` } : {}),
      }));

    it('is accepted', () => {
      expect(checkReferences({ ...base(), evidence: [...base().evidence, ...chain(10_000)] })).toEqual([]);
    }, HANG_GUARD_MS);

    it('is refused with one loop problem when its first item supersedes its last', () => {
      const looped = chain(10_000);
      looped[0] = { ...(looped[0] as Evidence), supersedes: 'ev-chain-9999' };
      const problems = checkReferences({ ...base(), evidence: [...base().evidence, ...looped] });
      expect(problems).toHaveLength(1);
      expect(problems[0]?.message).toMatch(/loop/);
    }, HANG_GUARD_MS);
  });
});
