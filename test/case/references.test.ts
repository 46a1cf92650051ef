// Links between objects: ids unique across the whole case, links to unknown ids, links of the
// wrong kind, supersedes loops, hypothesis ratings and duplicate positions.
import { describe, expect, it } from 'vitest';
import { parseCase, type ParseResult } from '../../src/case/parse.js';
import { at, baseCaseYaml, expectOk, expectProblems, onlyProblem } from './fixtures.js';

const FILE = 'case.yaml';
const parse = (text: string): ParseResult => parseCase([{ file: FILE, text }]);

describe('duplicate ids', () => {
  it('refuses a source with the id of an actor, naming the first', () => {
    const text = baseCaseYaml({ append: { sources: '  - { id: state, kind: news, title: t, date: 2020 }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'state, kind: news'), path: 'sources[2].id' });
    expect(p.message).toContain('duplicate id "state"');
    expect(p.message).toContain('actor');
    expect(p.message).toContain('actors[1]');
  });

  it('refuses a hypothesis option with the id of evidence given earlier, naming the evidence', () => {
    const text = baseCaseYaml({ append: { evidence: '  - { id: h-moderated, source: src-report, observed: { from: 2021 }, summary: s }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'h-moderated, text'), path: 'hypotheses[0].options[0].id' });
    expect(p.message).toContain('duplicate id "h-moderated"');
    expect(p.message).toContain('evidence[2]');
  });

  it('refuses a hypothesis option with the id of a commitment (option listed after)', () => {
    const text = baseCaseYaml({ append: { hypotheses: '  - id: hyp-two\n    question: q\n    options:\n      - { id: com-no-attacks, text: a }\n      - { id: h-b, text: b }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'com-no-attacks, text'), path: 'hypotheses[1].options[0].id' });
    expect(p.message).toContain('commitments[0]');
  });

  it('refuses a duplicate id within one list', () => {
    const text = baseCaseYaml({ append: { evidence: '  - { id: ev-one, source: src-report, observed: { from: 2021 }, summary: again }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'ev-one, source'), path: 'evidence[2].id' });
    expect(p.message).toContain('evidence[0]');
  });

  it('refuses a position id that clashes with another object', () => {
    const text = baseCaseYaml({ replace: { positions: 'positions:\n  - { id: cond-calm, party: state, condition: cond-calm, stance: requires }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'cond-calm, party'), path: 'positions[0].id' });
    expect(p.message).toContain('conditions[0]');
  });
});

describe('links to unknown ids', () => {
  it.each([
    ['case subject', { replace: { case: 'case:\n  id: test-case\n  title: t\n  subject: ghost-party\n' } }, 'ghost-party', 'case.subject'],
    ['commitment author', { append: { commitments: '  - { id: com-two, by: ghost-party, source: src-agreement, made: 2020, category: other, kind: obligation, text: t }\n' } }, 'ghost-party', 'commitments[1].by'],
    ['commitment source', { append: { commitments: '  - { id: com-two, by: party, source: src-ghost, made: 2020, category: other, kind: obligation, text: t }\n' } }, 'src-ghost', 'commitments[1].source'],
    ['condition set_by, second entry', { append: { conditions: '  - { id: cond-two, set_by: [state, ghost-state], category: other, text: t }\n' } }, 'ghost-state', 'conditions[1].set_by[1]'],
    ['bears_on target', { append: { evidence: '  - id: ev-three\n    source: src-report\n    observed: { from: 2021 }\n    summary: s\n    bears_on:\n      - { target: com-ghost, stance: supports }\n' } }, 'com-ghost', 'evidence[2].bears_on[0].target'],
    ['supersedes', { append: { evidence: '  - { id: ev-three, source: src-report, observed: { from: 2021 }, summary: s, supersedes: ev-ghost }\n' } }, 'ev-ghost', 'evidence[2].supersedes'],
    ['rating evidence', { append: { hypotheses: '  - id: hyp-two\n    question: q\n    options: [{ id: h-a, text: a }, { id: h-b, text: b }]\n    ratings:\n      - { evidence: ev-ghost, option: h-a, rating: C }\n' } }, 'ev-ghost', 'hypotheses[1].ratings[0].evidence'],
    ['tripwire indicator', { append: { tripwires: '  - { id: tw-z, kind: zscore, indicator: ind-ghost }\n' } }, 'ind-ghost', 'tripwires[2].indicator'],
    ['tripwire leverage', { append: { tripwires: '  - { id: tw-r, kind: review_due, leverage: lev-ghost, within_days: 3 }\n' } }, 'lev-ghost', 'tripwires[2].leverage'],
    ['position condition', { append: { positions: '  - { party: party, condition: cond-ghost, stance: opposes }\n' } }, 'cond-ghost', 'positions[1].condition'],
    ['relationship to', { append: { relationships: '  - { id: rel-two, from: party, to: ghost-group, type: allied_with }\n' } }, 'ghost-group', 'relationships[1].to'],
  ] as const)('refuses an unknown id in the %s', (_label, options, id, path) => {
    const text = baseCaseYaml(options);
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, id), path });
    expect(p.message).toContain(`unknown id "${id}"`);
  });
});

describe('links of the wrong kind', () => {
  it('refuses leverage gated_by naming a commitment', () => {
    const text = baseCaseYaml({ append: { leverage: '  - { id: lev-two, held_by: state, kind: aid, text: t, gated_by: [cond-calm, com-no-attacks] }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'com-no-attacks] }'), path: 'leverage[1].gated_by[1]' });
    expect(p.message).toBe('"com-no-attacks" is a commitment, but this link must name a condition');
  });

  it('refuses conditions.requires naming a condition', () => {
    const text = baseCaseYaml({ append: { conditions: '  - id: cond-two\n    set_by: [state]\n    category: other\n    text: t\n    requires: [cond-calm]\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'cond-calm]'), path: 'conditions[1].requires[0]' });
    expect(p.message).toContain('"cond-calm" is a condition');
    expect(p.message).toContain('a commitment');
  });

  it('refuses a claim asserting "met" about a commitment', () => {
    const text = baseCaseYaml({ append: { claims: '  - { id: claim-two, by: party, made: 2021, source: src-report, text: t, asserts: { target: com-no-attacks, status: met } }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'met }'), path: 'claims[1].asserts.status' });
    expect(p.message).toContain('"met"');
    expect(p.message).toContain('kept or broken');
  });

  it('refuses a claim asserting "kept" about a condition', () => {
    const text = baseCaseYaml({ append: { claims: '  - { id: claim-two, by: party, made: 2021, source: src-report, text: t, asserts: { target: cond-calm, status: kept } }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'kept }', 2), path: 'claims[1].asserts.status' });
    expect(p.message).toContain('met or not_met');
  });

  it('refuses a claim about something that is neither a commitment nor a condition', () => {
    const text = baseCaseYaml({ append: { claims: '  - { id: claim-two, by: party, made: 2021, source: src-report, text: t, asserts: { target: ev-one, status: kept } }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'ev-one, status'), path: 'claims[1].asserts.target' });
    expect(p.message).toContain('commitment or a condition');
  });

  it('refuses holds_office from a non-person', () => {
    const text = baseCaseYaml({ append: { relationships: '  - { id: rel-two, from: state, to: party, type: holds_office }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'state, to: party'), path: 'relationships[1].from' });
    expect(p.message).toContain('holds_office');
    expect(p.message).toContain('person');
    expect(p.message).toContain('"state"');
  });

  it('refuses an actor where a source is needed', () => {
    const text = baseCaseYaml({ append: { evidence: '  - { id: ev-three, source: party, observed: { from: 2021 }, summary: s }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'party, observed'), path: 'evidence[2].source' });
    expect(p.message).toBe('"party" is an actor, but this link must name a source');
  });

  it('refuses bears_on naming an actor', () => {
    const text = baseCaseYaml({ append: { evidence: '  - id: ev-three\n    source: src-report\n    observed: { from: 2021 }\n    summary: s\n    bears_on: [{ target: party, stance: supports }]\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'party, stance'), path: 'evidence[2].bears_on[0].target' });
  });

  it('accepts bears_on naming each kind the contract allows', () => {
    const text = baseCaseYaml({
      append: {
        evidence: [
          '  - id: ev-three',
          '    source: src-report',
          '    observed: { from: 2021 }',
          '    summary: s',
          '    bears_on:',
          '      - { target: com-no-attacks, stance: supports }',
          '      - { target: cond-calm, stance: supports }',
          '      - { target: claim-kept, stance: contradicts }',
          '      - { target: rel-official-party, stance: supports }',
          '      - { target: h-moderated, stance: context }',
          '',
        ].join('\n'),
      },
    });
    expect(expectOk(parse(text)).evidence[2]?.bears_on).toHaveLength(5);
  });

  it('refuses supersedes naming something that is not evidence', () => {
    const text = baseCaseYaml({ append: { evidence: '  - { id: ev-three, source: src-report, observed: { from: 2021 }, summary: s, supersedes: src-report }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'src-report }'), path: 'evidence[2].supersedes' });
  });
});

describe('supersedes', () => {
  it('accepts a chain', () => {
    const text = baseCaseYaml({ append: { evidence: '  - { id: ev-three, source: src-report, observed: { from: 2021 }, summary: s, supersedes: ev-two }\n  - { id: ev-four, source: src-report, observed: { from: 2021 }, summary: s, supersedes: ev-three }\n' } });
    expect(expectOk(parse(text)).evidence[3]?.supersedes).toBe('ev-three');
  });

  it('refuses a loop of two', () => {
    const text = baseCaseYaml({ append: { evidence: '  - { id: ev-a, source: src-report, observed: { from: 2021 }, summary: s, supersedes: ev-b }\n  - { id: ev-b, source: src-report, observed: { from: 2021 }, summary: s, supersedes: ev-a }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'ev-b }'), path: 'evidence[2].supersedes' });
    expect(p.message).toMatch(/loop/);
  });

  it('refuses a loop of three, reported once', () => {
    const text = baseCaseYaml({
      append: {
        evidence: [
          '  - { id: ev-a, source: src-report, observed: { from: 2021 }, summary: s, supersedes: ev-b }',
          '  - { id: ev-b, source: src-report, observed: { from: 2021 }, summary: s, supersedes: ev-c }',
          '  - { id: ev-c, source: src-report, observed: { from: 2021 }, summary: s, supersedes: ev-a }',
          '',
        ].join('\n'),
      },
    });
    const problems = expectProblems(parse(text));
    expect(problems.filter((p) => /loop/.test(p.message))).toHaveLength(1);
  });

  it('refuses an item that supersedes itself', () => {
    const text = baseCaseYaml({ append: { evidence: '  - { id: ev-self, source: src-report, observed: { from: 2021 }, summary: s, supersedes: ev-self }\n' } });
    const problems = expectProblems(parse(text));
    expect(problems.every((p) => p.path === 'evidence[2].supersedes')).toBe(true);
    expect(problems.some((p) => /itself/.test(p.message))).toBe(true);
  });
});

describe('hypothesis ratings', () => {
  it('refuses a rating naming an option of another hypothesis set', () => {
    const text = baseCaseYaml({
      append: { hypotheses: '  - id: hyp-two\n    question: q\n    options: [{ id: h-a, text: a }, { id: h-b, text: b }]\n    ratings:\n      - { evidence: ev-one, option: h-moderated, rating: C }\n' },
    });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, 'h-moderated, rating'), path: 'hypotheses[1].ratings[0].option' });
    expect(p.message).toContain('"h-moderated"');
    expect(p.message).toContain('"hyp-two"');
    expect(p.message).toContain('h-a, h-b');
  });

  it('refuses the same cell rated twice', () => {
    const text = baseCaseYaml({ append: { hypotheses: '  - id: hyp-two\n    question: q\n    options: [{ id: h-a, text: a }, { id: h-b, text: b }]\n    ratings:\n      - { evidence: ev-one, option: h-a, rating: C }\n      - { evidence: ev-one, option: h-a, rating: I }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, '{ evidence: ev-one, option: h-a, rating: I }'), path: 'hypotheses[1].ratings[1]' });
  });
});

describe('positions', () => {
  it("refuses a second position of the same party on the same condition, naming the first", () => {
    const text = baseCaseYaml({ append: { positions: '  - { party: state, condition: cond-calm, stance: opposes }\n' } });
    const p = onlyProblem(parse(text));
    expect(p).toMatchObject({ ...at(FILE, text, '{ party: state, condition: cond-calm, stance: opposes }'), path: 'positions[1]' });
    expect(p.message).toContain('positions[0]');
  });
});
