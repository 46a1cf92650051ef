// caseToYaml writes a case that loads back to the same case (x- keys and partial dates
// included), and caseJsonSchema describes the format for editors.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { caseToYaml } from '../../src/case/export.js';
import { caseJsonSchema } from '../../src/case/json-schema.js';
import { parseCase } from '../../src/case/parse.js';
import { readCase } from '../../src/case/read.js';
import type { CaseFile } from '../../src/case/schema.js';
import { generateCase } from '../helpers/generate.js';
import { baseCaseYaml, expectOk } from './fixtures.js';

const rec = (value: unknown): Record<string, unknown> => value as Record<string, unknown>;
const texts = (files: Map<string, string>) => [...files].map(([file, text]) => ({ file, text }));

/** The base case with everything that could be lost on the way out and back. */
const richCase = baseCaseYaml({
  replace: {
    case: `case:
  id: test-case
  title: "2020"
  subject: party
  period: { start: 2020-02, end: 2023 }
  marking: TLP:AMBER+STRICT
  summary: |
    Two lines,
      the second indented; "quotes", 'apostrophes', # not a comment, key: value
  x-owner: { name: analyst, since: 2019 }
`,
  },
  append: {
    actors: `  - id: person-two
    kind: person
    name: "Kaboul — کابل \\u263a"
    aliases: ['null', 'yes', 'true', '1e3', '~', '- dash', '@at', ' padded ']
    birth_date: 1961-07
    nationality: [AF, PK]
    sanctions_refs: [TAi.144]
    dataset_ids: { ucdp: [303, "303-b"], acled: [Taliban], x-gdelt: unknown }
    x-note: [1, { nested: [true, null] }]
`,
    relationships: '  - { id: rel-two, from: person-two, to: party, type: member_of, since: 1996, until: 2001-11-13, source: src-report }\n',
    leverage: '  - id: lev-two\n    held_by: state\n    kind: asset_release\n    text: reserves\n    review: 2021-12-20\n    decisions:\n      - { date: 2021-09, action: partly_released, text: some, source: src-report, x-amount: 3.5 }\n',
    evidence: `  - id: ev-three
    source: src-report
    observed: { from: 1973, to: 2020-06 }
    recorded: 2021-06-01T10:00:00Z
    location: { country: AF, admin1: Ghazni, admin2: "0" }
    credibility: 1
    reliability: B
    summary: "a summary: with a colon"
    bears_on:
      - { target: h-moderated, stance: context, strength: weak, x-why: [because] }
    supersedes: ev-two
    retracted: { date: 2022-01-01T00:00:00+04:30, reason: wrong }
    x-tags: []
`,
    hypotheses: '  - id: hyp-two\n    question: q?\n    options:\n      - { id: h-a, text: a, x-prior: 0.25 }\n      - { id: h-b, text: b }\n',
    tripwires: '  - { id: tw-z, kind: zscore, indicator: ind-violence, k: 2.5, window: 8, active: { from: 2020-09-12, to: null }, min_value: 0 }\n',
  },
  tail: `assessment:
  strength: { strong: 3 }
  credibility: { 1: 1, 6: 0.1 }
  thresholds: { broken: 2.5, high_sources: 3 }
x-generator: { name: hand, version: 1.0 }
x-empty: {}
`,
});

describe('caseToYaml', () => {
  it('writes a case that parses back to a deep-equal case, x- keys and partial dates included', () => {
    const first = expectOk(parseCase([{ file: 'rich.yaml', text: richCase }]));
    const files = caseToYaml(first);
    const second = expectOk(parseCase(texts(files)));
    expect(second).toEqual(first);
    // spot checks that the comparison really covers what matters
    expect(second.actors[2]?.birth_date).toBe('1973');
    expect(second.actors[3]?.birth_date).toBe('1961-07');
    expect(second.evidence[2]?.observed).toEqual({ from: '1973', to: '2020-06' });
    expect(second.case.period).toEqual({ start: '2020-02', end: '2023' });
    expect(second.case.title).toBe('2020');
    expect(second.actors[3]?.aliases).toEqual(['null', 'yes', 'true', '1e3', '~', '- dash', '@at', ' padded ']);
    expect(rec(second)['x-generator']).toEqual({ name: 'hand', version: 1 });
    expect(rec(second)['x-empty']).toEqual({});
    expect(rec(second.case)['x-owner']).toEqual({ name: 'analyst', since: 2019 });
    expect(rec(second.actors[3])['x-note']).toEqual([1, { nested: [true, null] }]);
    expect(second.actors[3]?.dataset_ids).toEqual({ ucdp: [303, '303-b'], acled: ['Taliban'], 'x-gdelt': 'unknown' });
    expect(rec(second.evidence[2]?.bears_on[0])['x-why']).toEqual(['because']);
    expect(rec(second.evidence[2])['x-tags']).toEqual([]);
    expect(rec(second.leverage[1]?.decisions[0])['x-amount']).toBe(3.5);
    expect(rec(second.hypotheses[1]?.options[0])['x-prior']).toBe(0.25);
    expect(second.assessment).toEqual({ strength: { strong: 3 }, credibility: { 1: 1, 6: 0.1 }, thresholds: { broken: 2.5, high_sources: 3 } });
  });

  it('writes the same files again from the case it read back', () => {
    const first = expectOk(parseCase([{ file: 'rich.yaml', text: richCase }]));
    const files = caseToYaml(first);
    expect(caseToYaml(expectOk(parseCase(texts(files))))).toEqual(files);
  });

  it('writes files that readCase loads back from a directory', async () => {
    const first = expectOk(parseCase([{ file: 'rich.yaml', text: richCase }]));
    const dir = await mkdtemp(join(tmpdir(), 'deeds-case-export-'));
    try {
      for (const [name, text] of caseToYaml(first)) await writeFile(join(dir, name), text);
      expect(expectOk(await readCase(dir))).toEqual(first);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('writes case.yaml with the case block, settings and top-level x- keys, and one file per non-empty list', () => {
    const c = expectOk(parseCase([{ file: 'rich.yaml', text: richCase }]));
    const files = caseToYaml(c);
    expect([...files.keys()]).toEqual([
      'case.yaml', 'actors.yaml', 'relationships.yaml', 'sources.yaml', 'commitments.yaml', 'conditions.yaml', 'leverage.yaml',
      'positions.yaml', 'evidence.yaml', 'claims.yaml', 'hypotheses.yaml', 'indicators.yaml', 'tripwires.yaml',
    ]);
    expect(Object.keys(rec(parseYaml(files.get('case.yaml') ?? ''))).sort()).toEqual(['assessment', 'case', 'x-empty', 'x-generator']);
    for (const [name, text] of files) {
      if (name !== 'case.yaml') expect(Object.keys(rec(parseYaml(text)))).toEqual([name.replace(/\.yaml$/, '')]);
    }
    const minimal = expectOk(parseCase([{ file: 'min.yaml', text: baseCaseYaml({ only: ['case', 'actors'] }) }]));
    expect([...caseToYaml(minimal).keys()]).toEqual(['case.yaml', 'actors.yaml']);
  });

  it('round-trips a generated case of a few hundred objects', () => {
    const c: CaseFile = generateCase({ evidence: 300, commitments: 40, seed: 7 });
    const back = expectOk(parseCase(texts(caseToYaml(c))));
    expect(back).toEqual(expectOk(parseCase(texts(caseToYaml(back)))));
    expect(back.evidence).toHaveLength(300);
    expect(back.commitments).toHaveLength(40);
  });
});

describe('caseJsonSchema', () => {
  const contractKeys = ['case', 'actors', 'relationships', 'sources', 'commitments', 'conditions', 'leverage', 'positions', 'evidence', 'claims', 'hypotheses', 'indicators', 'tripwires'];
  /** Keys the contract names for the items of each list (docs/case-format.md). */
  const contractItemKeys: Record<string, string[]> = {
    actors: ['id', 'kind', 'name', 'aliases', 'country', 'dataset_ids', 'birth_date', 'nationality', 'sanctions_refs'],
    relationships: ['id', 'from', 'to', 'type', 'role', 'since', 'until'],
    sources: ['id', 'kind', 'title', 'publisher', 'reference', 'date', 'url', 'reliability'],
    commitments: ['id', 'by', 'source', 'ref', 'made', 'category', 'kind', 'due', 'text'],
    conditions: ['id', 'set_by', 'category', 'text', 'requires'],
    leverage: ['id', 'held_by', 'kind', 'text', 'amount', 'gated_by', 'review', 'decisions'],
    positions: ['party', 'condition', 'stance'],
    evidence: ['id', 'source', 'observed', 'recorded', 'location', 'credibility', 'reliability', 'summary', 'bears_on', 'supersedes', 'retracted'],
    claims: ['id', 'by', 'made', 'source', 'text', 'asserts'],
    hypotheses: ['id', 'question', 'options', 'ratings'],
    indicators: ['id', 'dataset', 'filter', 'measure', 'period'],
    tripwires: ['id', 'kind', 'indicator', 'baseline', 'active', 'factor', 'min_value', 'advice', 'leverage', 'within_days'],
  };
  const schema = caseJsonSchema();
  const properties = rec(schema['properties']);

  it('is a JSON Schema 2020-12 object', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['type']).toBe('object');
    expect(schema['required']).toEqual(['case']);
    expect(JSON.parse(JSON.stringify(schema))).toEqual(schema);
  });

  it('has a property for every top-level key of the contract, and no others besides assessment', () => {
    expect(Object.keys(properties).sort()).toEqual([...contractKeys, 'assessment'].sort());
  });

  it('refuses other top-level keys but allows x- keys', () => {
    expect(schema['additionalProperties']).toBe(false);
    expect(schema['patternProperties']).toEqual({ '^x-': {} });
  });

  it('allows x- keys in every object that refuses unknown keys, at any depth', () => {
    let strict = 0;
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}[${i}]`));
      if (!node || typeof node !== 'object') return;
      const o = rec(node);
      if (o['type'] === 'object' && o['additionalProperties'] === false) {
        strict++;
        expect(o['patternProperties'], where).toEqual({ '^x-': {} });
      }
      for (const [k, v] of Object.entries(o)) walk(v, `${where}.${k}`);
    };
    walk(schema, '$');
    expect(strict).toBeGreaterThan(20);
  });

  it('describes every key the contract names for each kind of object', () => {
    const caseBlock = rec(properties['case']);
    expect(Object.keys(rec(caseBlock['properties']))).toEqual(expect.arrayContaining(['id', 'title', 'subject', 'period', 'marking', 'summary']));
    for (const [list, keys] of Object.entries(contractItemKeys)) {
      const items = rec(rec(properties[list])['items']);
      expect(Object.keys(rec(items['properties'])), list).toEqual(expect.arrayContaining(keys));
    }
  });

  it('lists the allowed values of enums and the defaults', () => {
    const marking = rec(rec(rec(properties['case'])['properties'])['marking']);
    expect(marking['enum']).toEqual(['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED']);
    expect(marking['default']).toBe('TLP:CLEAR');
    const source = rec(rec(rec(properties['sources'])['items'])['properties']);
    expect(rec(source['reliability'])['default']).toBe('F');
  });
});
