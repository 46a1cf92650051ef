// The fast reader of large case files must give exactly the data the `yaml` reader gives, or
// decline and leave the file to it: on the bundled case, on an exported generated case, on every
// kind of plain scalar the core schema resolves, and on input it must not take.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caseToYaml } from '../../src/case/export.js';
import { parseCase } from '../../src/case/parse.js';
import { readYaml } from '../../src/case/yaml.js';
import { FAST_PATH_MIN_CHARS, readYamlFast } from '../../src/case/yaml-fast.js';
import { generateCase, prng } from '../helpers/generate.js';

/** The `yaml` reader's data, for comparison. */
function precise(text: string): unknown {
  const read = readYaml('x.yaml', text);
  if (!read.ok) throw new Error(read.problems.map((p) => p.message).join('; '));
  return read.data;
}

/** The fast reader on any size of text (the threshold only keeps small files on the other path). */
const fast = (text: string) => readYamlFast(text, 0);

describe('the fast reader gives the same data as the yaml reader', () => {
  it('on every file of the bundled case', () => {
    const dir = 'cases/afghanistan-doha';
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(5);
    let taken = 0;
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const read = fast(text);
      if (read) {
        taken++;
        expect(read.data, f).toEqual(precise(text));
      }
    }
    expect(taken).toBeGreaterThanOrEqual(3);
  });

  it('on an exported generated case, and parseCase gives the same case either way', () => {
    const c = generateCase({ evidence: 400, commitments: 60, seed: 7 });
    const files = caseToYaml(c);
    for (const [name, text] of files) {
      expect(fast(text)?.data, name).toEqual(precise(text));
    }
    const texts = [...files].map(([file, text]) => ({ file, text }));
    const big = texts.map((t) => ({ ...t, text: t.text + '#'.padEnd(FAST_PATH_MIN_CHARS, '#') + '\n' }));
    expect(big.some((t) => readYamlFast(t.text) !== undefined)).toBe(true);
    expect(parseCase(big)).toEqual(parseCase(texts));
  });

  const scalars = [
    '1', '-0', '+5', '007', '0o17', '0o8', '0x1F', '0xG', '0b101', '1_000', '1,000', '12:30', '1.', '.5', '-.5', '1.50', '1e3', '1E-3', '.1e+2',
    '.inf', '-.Inf', '+.INF', '.nan', '.NaN', '.NAN', 'nan', 'inf', '123456789012345678901234567890',
    'true', 'True', 'TRUE', 'tRUE', 'false', 'yes', 'no', 'on', 'off', 'y', 'n',
    '~', 'null', 'Null', 'NULL', 'nULL', '', '2020', '2020-02-29', '2020-02-29T10:00:00Z', '2020-02-29 10:00:00',
    '"quoted 1"', "'single ''x'''", '"\\u00e9\\x41\\t\\N\\_"', 'plain text with: colon', 'a # not a comment?', 'R&D', 'a * b', '-', '- x',
  ];
  it.each(scalars)('for the plain scalar %j', (scalar) => {
    const text = `a: ${scalar}\nlist: [${scalar === '' ? '~' : scalar}]\n${scalar}: key\n`;
    let expected: unknown;
    try {
      expected = precise(text);
    } catch {
      return; // not valid YAML for the yaml reader: nothing to compare
    }
    const read = fast(text);
    if (read) expect(read.data).toEqual(expected);
  });

  it('for block scalars, folded text, multi-line plain scalars and flow collections', () => {
    const text = [
      'literal: |', '  line 1', '   indented', '', '  after blank', 'folded: >-', '  one', '  two', '', '  three',
      'keep: |+', '  kept', '', 'plain: first', '  second line', '  third', 'flow: [1, "2", three, [], {}]', 'map: {}',
      'empty:', 'nested:', '  - - 1', '    - 2', '  - k: v', "quoted: 'it''s'", 'merge:', '  <<: { }', '<<: plain key', '',
    ].join('\n');
    expect(fast(text)?.data).toEqual(precise(text));
  });

  it('on random printable text in quoted and plain scalars', () => {
    const rnd = prng(3);
    const chars = 'abc XYZ 019 -_.,:;!?\'"#&*%@`|>{}[]()\\/éß中\t';
    for (let i = 0; i < 1000; i++) {
      const s = Array.from({ length: 1 + Math.floor(rnd() * 20) }, () => chars[Math.floor(rnd() * chars.length)]).join('');
      for (const text of [`k: ${s}\n`, `${s}: v\n`, `{ k: ${s} }\n`, `[${s}]\n`, `k: "${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"\n`, `k: '${s.replace(/'/g, "''")}'\n`, `- ${s}\n`]) {
        let expected: unknown;
        try {
          expected = precise(text);
        } catch {
          continue;
        }
        const read = fast(text);
        if (read) expect(read.data, JSON.stringify(text)).toEqual(expected);
      }
    }
  });
});

describe('the fast reader leaves to the yaml reader', () => {
  it.each([
    ['an anchor and an alias', 'a: &x { b: 1 }\nc: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a custom tag', 'a: !thing 1\n'],
    ['a directive', '%YAML 1.1\n---\na: yes\n'],
    ['a __proto__ key', '__proto__: { polluted: true }\n'],
    ['a null key', '~: x\n'],
    ['a key named null', 'null: x\n'],
    ['a complex key', '? [a, b]\n: 1\n'],
    ['a flow collection as a key', '[a, b]: 1\n'],
    ['an empty non-specific tag', 'k: !\n'],
    ['a flow mapping that holds a collection as a key', '{ k: v, {}  }\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['keys that become the same string', '1: a\n"1": b\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a syntax error', 'a: [1, 2\n'],
    ['nesting deeper than any case', 'a: ' + '['.repeat(100) + ']'.repeat(100) + '\n'],
  ])('%s', (_what, text) => {
    expect(fast(text)).toBeUndefined();
  });

  it('every file under the size threshold', () => {
    expect(readYamlFast('a: 1\n')).toBeUndefined();
    expect(readYamlFast('a: 1\n' + '#'.repeat(FAST_PATH_MIN_CHARS))).toEqual({ data: { a: 1 } });
  });
});
