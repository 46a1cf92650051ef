// parseCase on one file: YAML syntax, unknown keys, `x-` keys, enums, dates, defaults and the
// all-or-nothing rule. Every problem must name the file, the 1-based line and column, and the
// key path of what is wrong.
import { describe, expect, it } from 'vitest';
import { parseCase, type ParseResult } from '../../src/case/parse.js';
import { at, baseCaseYaml, expectOk, expectProblems, onlyProblem, positionOf } from './fixtures.js';

const FILE = 'case.yaml';
const parse = (text: string, file = FILE): ParseResult => parseCase([{ file, text }]);
/** The object stored under `key`, seen as a plain record (for `x-` keys, which the types do not name). */
const rec = (value: unknown): Record<string, unknown> => value as Record<string, unknown>;

describe('the base case', () => {
  it('loads', () => {
    const c = expectOk(parse(baseCaseYaml()));
    expect(c.case.id).toBe('test-case');
    expect(c.actors.map((a) => a.id)).toEqual(['party', 'state', 'official']);
    expect(c.evidence.map((e) => e.id)).toEqual(['ev-one', 'ev-two']);
  });
});

describe('YAML syntax errors', () => {
  // Each points at the line (and column) that the YAML parser itself blames.
  it('reports a duplicate key at the second occurrence', () => {
    const text = baseCaseYaml({ append: { sources: '  - id: src-dup\n    kind: news\n    title: t\n    title: u\n    date: 2020\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'title: u'), path: '' });
    expect(p.message).toMatch(/^YAML syntax: /);
    expect(p.message).toMatch(/unique/i);
  });

  it('reports a nested mapping on one line (`title: a: b`) at the offending value', () => {
    const text = baseCaseYaml({ replace: { case: 'case:\n  id: test-case\n  title: a: b\n  subject: party\n' } });
    const p = expectProblems(parse(text))[0];
    expect(p).toMatchObject({ ...at(FILE, text, 'a: b'), path: '' });
    expect(p?.message).toMatch(/^YAML syntax: /);
  });

  it('reports a badly indented key inside a list item at its line', () => {
    const text = baseCaseYaml({ append: { actors: '  - id: crooked\n    kind: state\n   name: Crooked\n' } });
    const p = expectProblems(parse(text))[0];
    expect(p).toMatchObject({ file: FILE, line: positionOf(text, '   name: Crooked').line, column: 1, path: '' });
    expect(p?.message).toMatch(/^YAML syntax: /);
  });

  it('reports tabs used for indentation, with the line of the tab', () => {
    const text = baseCaseYaml({ append: { actors: '  - id: tabbed\n\tkind: state\n    name: Tabbed\n' } });
    const p = expectProblems(parse(text))[0];
    expect(p).toMatchObject({ ...at(FILE, text, '\tkind'), path: '' });
    expect(p?.message).toMatch(/tab/i);
  });

  it('reports a syntax error in the first lines of a file correctly too (tab on line 2)', () => {
    const text = 'case:\n\tid: test-case\n';
    const p = expectProblems(parse(text))[0];
    expect(p).toMatchObject({ file: FILE, line: 2, column: 1, path: '' });
    expect(p?.message).toMatch(/tab/i);
  });

  it('reports an unterminated quoted string', () => {
    const text = baseCaseYaml({ append: { actors: '  - id: quoted\n    kind: state\n    name: "unterminated\n' } });
    const p = expectProblems(parse(text))[0];
    expect(p?.file).toBe(FILE);
    expect(p?.path).toBe('');
    expect(p?.message).toMatch(/^YAML syntax: .*quote/i);
    // The parser only notices at the end of the file; it must at least not point above the quote.
    expect(p?.line).toBeGreaterThanOrEqual(positionOf(text, '"unterminated').line);
  });
});

describe('unknown keys', () => {
  it('refuses an unknown top-level key, pointing at the key', () => {
    const text = baseCaseYaml({ tail: 'evidense:\n  - id: ev-typo\n' });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'evidense:'), path: 'evidense' });
    expect(p.message).toContain('"evidense"');
    expect(p.message).toContain('evidence');
  });

  it('refuses an unknown key in the case block', () => {
    const text = baseCaseYaml({ append: { case: '  titel: typo\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'titel:'), path: 'case.titel' });
    expect(p.message).toContain('"titel"');
  });

  it('refuses an unknown key in a list item', () => {
    const text = baseCaseYaml({ append: { actors: '  - id: typo\n    kind: state\n    name: Typo\n    contry: AF\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'contry:'), path: 'actors[3].contry' });
    expect(p.message).toContain('"contry"');
  });

  it('refuses an unknown key nested in a flow mapping inside a list inside a list item', () => {
    const text = baseCaseYaml({
      append: { evidence: '  - id: ev-three\n    source: src-report\n    observed: { from: 2021 }\n    summary: third\n    bears_on:\n      - { target: cond-calm, stance: supports, weight: strong }\n' },
    });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'weight:'), path: 'evidence[2].bears_on[0].weight' });
    expect(p.message).toContain('"weight"');
  });

  it('refuses an unknown key in a nested mapping (observed.until)', () => {
    const text = baseCaseYaml({ append: { evidence: '  - id: ev-three\n    source: src-report\n    observed:\n      from: 2021\n      until: 2022\n    summary: third\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'until:'), path: 'evidence[2].observed.until' });
  });

  it('reports every unknown key of one object', () => {
    const text = baseCaseYaml({ append: { sources: '  - id: src-typos\n    kind: news\n    titel: t\n    title: t\n    dat: 2020\n    date: 2020\n' } });
    const problems = expectProblems(parse(text));
    expect(problems).toEqual([
      { ...at(FILE, text, 'titel:'), path: 'sources[2].titel', message: expect.stringContaining('"titel"') },
      { ...at(FILE, text, 'dat:'), path: 'sources[2].dat', message: expect.stringContaining('"dat"') },
    ]);
  });
});

describe('x- keys', () => {
  it('are accepted at any depth and kept on the parsed value', () => {
    const text = baseCaseYaml({
      append: {
        case: '  x-owner: analyst-7\n',
        actors: '  - id: extra\n    kind: state\n    name: Extra\n    x-note: { free: [form, 1], nested: { deeper: true } }\n    dataset_ids: { ucdp: [303], x-acled: pending }\n',
        evidence: [
          '  - id: ev-three',
          '    source: src-report',
          '    observed: { from: 2021, x-approximate: true }',
          '    summary: third',
          '    x-tags: [a, b]',
          '    bears_on:',
          '      - { target: cond-calm, stance: supports, x-why: because }',
          '',
        ].join('\n'),
        hypotheses: '  - id: hyp-two\n    question: q\n    options:\n      - { id: h-a, text: a, x-prior: 0.3 }\n      - { id: h-b, text: b }\n',
        leverage: '  - id: lev-talks\n    held_by: state\n    kind: talks\n    text: talks\n    decisions:\n      - { date: 2021, action: renewed, x-by: cabinet }\n',
      },
      tail: 'x-generator: { name: hand, version: 1 }\nx-list: [1, 2, 3]\n',
    });
    const c = expectOk(parse(text));
    expect(rec(c)['x-generator']).toEqual({ name: 'hand', version: 1 });
    expect(rec(c)['x-list']).toEqual([1, 2, 3]);
    expect(rec(c.case)['x-owner']).toBe('analyst-7');
    expect(rec(c.actors[3])['x-note']).toEqual({ free: ['form', 1], nested: { deeper: true } });
    expect(c.actors[3]?.dataset_ids).toEqual({ ucdp: [303], 'x-acled': 'pending' });
    expect(rec(c.evidence[2])['x-tags']).toEqual(['a', 'b']);
    expect(rec(c.evidence[2]?.observed)['x-approximate']).toBe(true);
    expect(c.evidence[2]?.bears_on[0]).toEqual({ target: 'cond-calm', stance: 'supports', strength: 'moderate', 'x-why': 'because' });
    expect(rec(c.hypotheses[1]?.options[0])['x-prior']).toBe(0.3);
    expect(rec(c.leverage[1]?.decisions[0])['x-by']).toBe('cabinet');
    // and only where they were given
    expect(Object.keys(c.actors[0] ?? {}).filter((k) => k.startsWith('x-'))).toEqual([]);
  });

  it('are kept without being validated (unknown keys and bad values inside them are fine)', () => {
    const text = baseCaseYaml({ tail: 'x-anything:\n  kind: not-an-enum\n  date: yesterday\n  id: NOT AN ID\n' });
    const c = expectOk(parse(text));
    expect(rec(c)['x-anything']).toEqual({ kind: 'not-an-enum', date: 'yesterday', id: 'NOT AN ID' });
  });

  it('are kept on every use of an aliased mapping', () => {
    const text = baseCaseYaml({
      append: {
        evidence: [
          '  - { id: ev-a, source: src-report, observed: { from: 2021 }, summary: a, location: &loc { country: AF, x-gazetteer: geonames } }',
          '  - { id: ev-b, source: src-report, observed: { from: 2021 }, summary: b, location: *loc }',
          '',
        ].join('\n'),
      },
    });
    const c = expectOk(parse(text));
    expect(c.evidence[2]?.location).toEqual({ country: 'AF', 'x-gazetteer': 'geonames' });
    expect(c.evidence[3]?.location).toEqual({ country: 'AF', 'x-gazetteer': 'geonames' });
  });

  it('keep their whole value when an anchor inside them is used elsewhere in the case', () => {
    const text = 'x-defaults: &place { country: AF, x-gazetteer: geonames }\n' + baseCaseYaml().replace('observed: { from: 2020-06-01 }', 'observed: { from: 2020-06-01 }\n    location: *place');
    const c = expectOk(parse(text));
    expect(rec(c)['x-defaults']).toEqual({ country: 'AF', 'x-gazetteer': 'geonames' });
    expect(c.evidence[1]?.location).toEqual({ country: 'AF', 'x-gazetteer': 'geonames' });
  });

  it('do not excuse keys that merely contain "x-"', () => {
    const text = baseCaseYaml({ append: { case: '  ex-owner: analyst\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'ex-owner:'), path: 'case.ex-owner' });
  });
});

describe('enum values', () => {
  it('refuses a wrong actor kind, showing the bad value and every allowed one', () => {
    const text = baseCaseYaml({ append: { actors: '  - { id: militia, kind: armed-group, name: Militia }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'armed-group'), path: 'actors[3].kind' });
    expect(p.message).toContain('"armed-group"');
    for (const allowed of ['state', 'government', 'armed_group', 'organization', 'international_org', 'person']) expect(p.message).toContain(allowed);
  });

  it('refuses a wrong marking', () => {
    const text = baseCaseYaml({ append: { case: '  marking: TLP:WHITE\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'TLP:WHITE'), path: 'case.marking' });
    expect(p.message).toContain('"TLP:WHITE"');
    for (const allowed of ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED']) expect(p.message).toContain(allowed);
  });

  it('refuses a wrong bears_on stance deep in a list', () => {
    const text = baseCaseYaml({
      append: { evidence: '  - id: ev-three\n    source: src-report\n    observed: { from: 2021 }\n    summary: third\n    bears_on:\n      - { target: cond-calm, stance: supports }\n      - { target: cond-calm, stance: refutes }\n' },
    });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'refutes'), path: 'evidence[2].bears_on[1].stance' });
    expect(p.message).toContain('"refutes"');
    for (const allowed of ['supports', 'contradicts', 'context']) expect(p.message).toContain(allowed);
  });

  it('refuses a wrong source reliability grade', () => {
    const text = baseCaseYaml({ append: { sources: '  - { id: src-g, kind: news, title: t, date: 2020, reliability: G }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'G }'), path: 'sources[2].reliability' });
    expect(p.message).toContain('"G"');
    expect(p.message).toMatch(/A, B, C, D, E, F/);
  });

  it('refuses a wrong ACH rating', () => {
    const text = baseCaseYaml({ append: { hypotheses: '  - id: hyp-two\n    question: q\n    options: [{ id: h-a, text: a }, { id: h-b, text: b }]\n    ratings:\n      - { evidence: ev-one, option: h-a, rating: III }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'III'), path: 'hypotheses[1].ratings[0].rating' });
    expect(p.message).toContain('"III"');
    for (const allowed of ['CC', 'C', 'N', 'I', 'II', 'NA']) expect(p.message).toContain(allowed);
  });

  it('refuses an evidence credibility outside 1–6, showing the bad value and the allowed ones', () => {
    const text = baseCaseYaml({ append: { evidence: '  - { id: ev-three, source: src-report, observed: { from: 2021 }, summary: s, credibility: 7 }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, '7 }'), path: 'evidence[2].credibility' });
    expect(p.message).toContain('7');
    expect(p.message).toMatch(/1.*2.*3.*4.*5.*6|1\s*[–-]\s*6/);
  });
});

describe('dates', () => {
  const withPeriodStart = (value: string) => baseCaseYaml({ replace: { case: `case:\n  id: test-case\n  title: t\n  subject: party\n  period: { start: ${value} }\n` } });
  const withSourceDate = (value: string) => baseCaseYaml({ append: { sources: `  - id: src-dated\n    kind: news\n    title: dated\n    date: ${value}\n` } });

  it.each([
    ['2020-13-01', /not a date/],
    ['2021-02-30', /no such day/],
    ['2021-02-29', /no such day/],
    ['2020-04-31', /no such day/],
    ['yesterday', /not a date/],
    ['20-02-29', /not a date/],
    ['2020-2-9', /not a date/],
    ['2020-02-29T25:00:00Z', /not a date/],
    ['2020-02-29 10:00', /not a date/],
  ])('refuses %s with a message, at the value', (value, message) => {
    const text = withPeriodStart(value);
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, value), path: 'case.period.start' });
    expect(p.message).toMatch(message);
  });

  it('refuses a bad date deep in a list item', () => {
    const text = baseCaseYaml({ append: { evidence: '  - id: ev-three\n    source: src-report\n    observed: { from: 2021-02-30 }\n    summary: s\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, '2021-02-30'), path: 'evidence[2].observed.from' });
    expect(p.message).toMatch(/no such day/);
  });

  it('refuses a year out of range given as a bare number', () => {
    const text = withSourceDate('20201');
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, '20201'), path: 'sources[2].date' });
    expect(p.message).toMatch(/date/);
  });

  it.each([['true'], ['{ year: 2020 }'], ['[2020]']])('refuses %s as a date with a message that says a date is expected', (value) => {
    const text = withSourceDate(value);
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, value), path: 'sources[2].date' });
    expect(p.message).toMatch(/date/i);
  });

  it.each([
    ['2020', '2020'],
    ['"2020"', '2020'],
    ['2020-02', '2020-02'],
    ['2020-02-29', '2020-02-29'],
    ['2020-02-29T10:00:00Z', '2020-02-29T10:00:00Z'],
    ['2020-02-29T10:00Z', '2020-02-29T10:00Z'],
    ['2020-02-29T10:00:00.250+04:30', '2020-02-29T10:00:00.250+04:30'],
  ])('accepts %s and keeps it as the string %s (its precision kept)', (value, kept) => {
    const c = expectOk(parse(withSourceDate(value)));
    expect(c.sources[2]?.date).toBe(kept);
  });

  it('accepts a bare-number year where the base case gives one (birth_date: 1973)', () => {
    const c = expectOk(parse(baseCaseYaml()));
    expect(c.actors[2]?.birth_date).toBe('1973');
  });
});

describe('defaults', () => {
  it('applies the contract defaults', () => {
    const c = expectOk(parse(baseCaseYaml()));
    expect(c.case.marking).toBe('TLP:CLEAR');
    expect(c.sources[1]?.reliability).toBe('F'); // src-report gives none
    expect(c.sources[0]?.reliability).toBe('A'); // a given grade wins
    expect(c.evidence[1]?.credibility).toBe(6); // ev-two gives none
    expect(c.evidence[0]?.credibility).toBe(2);
    expect(c.evidence[1]?.bears_on[0]?.strength).toBe('moderate');
    expect(c.evidence[0]?.bears_on[0]?.strength).toBe('strong');
  });

  it('gives empty lists for the lists a case leaves out', () => {
    const text = baseCaseYaml({ only: ['case', 'actors'] });
    const c = expectOk(parse(text));
    for (const list of ['relationships', 'sources', 'commitments', 'conditions', 'leverage', 'positions', 'evidence', 'claims', 'hypotheses', 'indicators', 'tripwires'] as const) {
      expect(c[list], list).toEqual([]);
    }
  });

  it('gives empty lists for optional link lists', () => {
    const text = baseCaseYaml({ append: { conditions: '  - { id: cond-open, set_by: [state], category: other, text: t }\n', leverage: '  - { id: lev-open, held_by: state, kind: talks, text: t }\n' } });
    const c = expectOk(parse(text));
    expect(c.conditions[1]?.requires).toEqual([]);
    expect(c.leverage[1]?.gated_by).toEqual([]);
    expect(c.leverage[1]?.decisions).toEqual([]);
  });
});

describe('required keys and shapes', () => {
  it('reports a missing required key at the object that lacks it', () => {
    const text = baseCaseYaml({ append: { commitments: '  - id: com-untitled\n    by: party\n    source: src-agreement\n    made: 2020\n    category: violence\n    kind: obligation\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'id: com-untitled'), path: 'commitments[1].text' });
    expect(p.message).toMatch(/missing/);
  });

  it('reports a missing case block', () => {
    const text = baseCaseYaml({ replace: { case: '' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ file: FILE, path: 'case' });
    expect(p.message).toMatch(/case/);
  });

  it('refuses a bad id', () => {
    const text = baseCaseYaml({ append: { actors: '  - { id: Bad_Id, kind: state, name: B }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'Bad_Id'), path: 'actors[3].id' });
    expect(p.message).toMatch(/lowercase/);
  });

  it('refuses a list given as a mapping', () => {
    const text = baseCaseYaml({ replace: { actors: 'actors:\n  party: { kind: armed_group, name: Party }\n' } });
    const p = expectProblems(parse(text)).find((q) => q.path === 'actors');
    expect(p).toMatchObject({ ...at(FILE, text, 'party: {'), path: 'actors' });
  });

  it('reports a tripwire that lacks what its kind needs', () => {
    const text = baseCaseYaml({ append: { tripwires: '  - id: tw-broken\n    kind: review_due\n    within_days: 10\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'id: tw-broken'), path: 'tripwires[2].leverage' });
    expect(p.message).toContain('"leverage"');
  });
});

describe('all or nothing', () => {
  it('returns no value at all when one object among many good ones is bad', () => {
    const good = Array.from({ length: 20 }, (_, i) => `  - { id: ev-good-${i}, source: src-report, observed: { from: 2021 }, summary: fine }\n`).join('');
    const text = baseCaseYaml({ append: { evidence: good + '  - { id: ev-bad, source: src-report, observed: { from: 2021 }, summary: bad, credibility: 0 }\n' } });
    const result = parse(text);
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('value');
    expect(Object.keys(result).sort()).toEqual(['ok', 'problems']);
    const p = onlyProblem(result);
    expect(p.path).toBe('evidence[22].credibility');
    expect(p.line).toBe(positionOf(text, 'id: ev-bad').line);
  });

  it('reports every problem, not just the first, sorted by position', () => {
    const text = baseCaseYaml({
      append: {
        case: '  marking: TLP:WHITE\n',
        actors: '  - { id: militia, kind: armed-group, name: Militia }\n',
        evidence: '  - { id: ev-three, source: src-report, observed: { from: 2021-02-30 }, summary: s }\n',
      },
    });
    const problems = expectProblems(parse(text));
    expect(problems.map(({ path, line, column }) => ({ path, line, column }))).toEqual([
      { path: 'case.marking', ...positionOf(text, 'TLP:WHITE') },
      { path: 'actors[3].kind', ...positionOf(text, 'armed-group') },
      { path: 'evidence[2].observed.from', ...positionOf(text, '2021-02-30') },
    ]);
  });

  it('does not mix schema problems and link problems into a partial value', () => {
    const text = baseCaseYaml({ append: { commitments: '  - { id: com-two, by: nobody, source: src-agreement, made: 2020, category: other, kind: obligation, text: t }\n' } });
    const result = parse(text);
    expect(result.ok).toBe(false);
    expect(result).not.toHaveProperty('value');
  });
});
