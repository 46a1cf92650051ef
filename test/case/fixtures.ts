// A small, valid case (synthetic: no fact in it is real) that the loader tests vary one piece
// at a time, and helpers to find where a piece of text sits so that tests can assert the exact
// line and column a problem must point at.
import { expect } from 'vitest';
import type { CaseProblem } from '../../src/case/errors.js';
import type { ParseResult } from '../../src/case/parse.js';
import type { CaseFile } from '../../src/case/schema.js';

export const sectionKeys = [
  'case', 'actors', 'relationships', 'sources', 'commitments', 'conditions', 'leverage',
  'positions', 'evidence', 'claims', 'hypotheses', 'indicators', 'tripwires',
] as const;
export type SectionKey = (typeof sectionKeys)[number];

/** Each top-level block of the base case, as YAML text. */
export const baseSections: Record<SectionKey, string> = {
  case: `case:
  id: test-case
  title: Synthetic test case
  subject: party
  period: { start: 2020-02-29 }
  summary: A small synthetic case for the loader tests.
`,
  actors: `actors:
  - id: party
    kind: armed_group
    name: Party
    aliases: [The Party]
  - id: state
    kind: state
    name: State
    country: AF
  - id: official
    kind: person
    name: Official
    birth_date: 1973
`,
  relationships: `relationships:
  - id: rel-official-party
    from: official
    to: party
    type: holds_office
    role: Minister of Interior
    since: 2021-09
`,
  sources: `sources:
  - id: src-agreement
    kind: agreement
    title: The agreement
    date: 2020-02-29
    reliability: A
  - id: src-report
    kind: report
    title: A monitoring report
    date: 2021-06-01
`,
  commitments: `commitments:
  - id: com-no-attacks
    by: party
    source: src-agreement
    ref: Part One, clause 1
    made: 2020-02-29
    category: violence
    kind: prohibition
    due: null
    text: no attacks on the other side
`,
  conditions: `conditions:
  - id: cond-calm
    set_by: [state]
    category: violence
    text: a sustained reduction in violence
    requires: [com-no-attacks]
`,
  leverage: `leverage:
  - id: lev-aid
    held_by: state
    kind: aid
    text: development aid
    amount: { value: 1000000, currency: USD }
    gated_by: [cond-calm]
    decisions:
      - { date: 2020-09-03, action: withheld }
`,
  positions: `positions:
  - { party: state, condition: cond-calm, stance: requires }
`,
  evidence: `evidence:
  - id: ev-one
    source: src-report
    observed: { from: 2020-05-01, to: 2021-04-30 }
    recorded: 2021-06-01
    credibility: 2
    summary: first finding
    bears_on:
      - { target: com-no-attacks, stance: contradicts, strength: strong }
  - id: ev-two
    source: src-report
    observed: { from: 2020-06-01 }
    summary: second finding
    bears_on:
      - { target: h-unchanged, stance: supports }
`,
  claims: `claims:
  - id: claim-kept
    by: party
    made: 2020-03-02
    source: src-agreement
    text: the party says it kept its word
    asserts: { target: com-no-attacks, status: kept }
`,
  hypotheses: `hypotheses:
  - id: hyp-intent
    question: Has the party changed its conduct?
    options:
      - { id: h-moderated, text: it has moderated }
      - { id: h-unchanged, text: it has not changed }
    ratings:
      - { evidence: ev-one, option: h-unchanged, rating: C }
`,
  indicators: `indicators:
  - id: ind-violence
    dataset: ucdp-ged
    filter: { country: Afghanistan, actors_any: [party], violence_types: [1, 3] }
    measure: events
    period: week
`,
  tripwires: `tripwires:
  - id: tw-rise
    kind: rise_over_baseline
    indicator: ind-violence
    baseline: { from: 2020-02-22, to: 2020-02-28 }
    factor: 1.5
  - id: tw-review
    kind: review_due
    leverage: lev-aid
    within_days: 30
`,
};

export interface BaseCaseOptions {
  /** Text in place of a whole block (starting with its `key:` line); '' leaves the block out. */
  replace?: Partial<Record<SectionKey, string>>;
  /** Lines added at the end of a block: list items (`  - id: …`), or more keys of `case`. */
  append?: Partial<Record<SectionKey, string>>;
  /** Text added at the end of the file. */
  tail?: string;
  /** Only these blocks (default: all of them). */
  only?: readonly SectionKey[];
}

/** The base case as the text of one YAML file, with the given changes. */
export function baseCaseYaml(options: BaseCaseOptions = {}): string {
  const blocks: string[] = [];
  for (const key of options.only ?? sectionKeys) {
    const block = options.replace?.[key] ?? baseSections[key];
    if (block === '') continue;
    blocks.push(block + (options.append?.[key] ?? ''));
  }
  return blocks.join('\n') + (options.tail ?? '');
}

/** 1-based line and column where `needle` starts in `text` (its `occurrence`-th appearance, from 1). */
export function positionOf(text: string, needle: string, occurrence = 1): { line: number; column: number } {
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${occurrence} times in the text`);
  }
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n') };
}

/** Where a problem must point: the file, and the position of `needle` in that file's text. */
export function at(file: string, text: string, needle: string, occurrence = 1): { file: string; line: number; column: number } {
  return { file, ...positionOf(text, needle, occurrence) };
}

export function expectOk(result: ParseResult): CaseFile {
  if (!result.ok) throw new Error(`expected the case to load, got:\n${result.problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.path}: ${p.message}`).join('\n')}`);
  return result.value;
}

export function expectProblems(result: ParseResult): CaseProblem[] {
  expect(result.ok, 'the case should not load').toBe(false);
  if (result.ok) throw new Error('unreachable');
  expect(result).not.toHaveProperty('value');
  expect(result.problems.length).toBeGreaterThan(0);
  return result.problems;
}

/** The only problem of a result; fails if there are several. */
export function onlyProblem(result: ParseResult): CaseProblem {
  const problems = expectProblems(result);
  expect(problems, JSON.stringify(problems, null, 1)).toHaveLength(1);
  return problems[0] as CaseProblem;
}
