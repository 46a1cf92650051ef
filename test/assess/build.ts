// Small builders for hand-written test cases. Every case goes through CaseFile.parse so that
// the schema's defaults apply exactly as they do for a loaded file.
import { CaseFile } from '../../src/case/schema.js';
import type { CaseFile as CaseFileType } from '../../src/case/schema.js';
import { assess } from '../../src/assess/index.js';
import type { Assessment } from '../../src/assess/index.js';

type Input = Record<string, unknown>;

/** Four sources, one per useful grade, all dated 2020-01-01. */
export const sources = [
  { id: 'src-a', kind: 'report', title: 'Source graded A', date: '2020-01-01', reliability: 'A' },
  { id: 'src-b', kind: 'report', title: 'Source graded B', date: '2020-01-01', reliability: 'B' },
  { id: 'src-c', kind: 'news', title: 'Source graded C', date: '2020-01-01', reliability: 'C' },
  { id: 'src-f', kind: 'other', title: 'Source not graded (F)', date: '2020-01-01' },
];

export function caseOf(parts: Partial<Record<keyof CaseFileType, unknown>> = {}): CaseFileType {
  return CaseFile.parse({
    case: { id: 'test', title: 'Test case', subject: 'party' },
    actors: [
      { id: 'party', kind: 'armed_group', name: 'Party' },
      { id: 'state', kind: 'state', name: 'State' },
      { id: 'official', kind: 'person', name: 'Official' },
    ],
    sources,
    ...parts,
  });
}

export function commitment(id: string, extra: Input = {}): Input {
  return { id, by: 'party', source: 'src-a', made: '2020-01-01', category: 'other', kind: 'prohibition', text: `commitment ${id}`, ...extra };
}

export function obligation(id: string, due: string | null, extra: Input = {}): Input {
  return commitment(id, { kind: 'obligation', due, ...extra });
}

export function condition(id: string, requires: string[], extra: Input = {}): Input {
  return { id, set_by: ['state'], category: 'other', text: `condition ${id}`, requires, ...extra };
}

export function leverage(id: string, gatedBy: string[], decisions: Input[] = [], extra: Input = {}): Input {
  return { id, held_by: 'state', kind: 'aid', text: `leverage ${id}`, gated_by: gatedBy, decisions, ...extra };
}

export function claim(id: string, target: string, status: string, made: string, extra: Input = {}): Input {
  return { id, by: 'official', made, source: 'src-a', text: `claim ${id}`, asserts: { target, status }, ...extra };
}

/**
 * An evidence item with one link. `grade` is `strength reliability+credibility`, e.g.
 * `strong A1` (weight 3) or `strong A6` (3 × 1 × 0.5 = 1.5); the reliability is set on the
 * item, so it overrides its source's.
 */
export function evidence(id: string, target: string, stance: 'supports' | 'contradicts' | 'context', grade = 'moderate A1', extra: Input = {}): Input {
  const [strength, code] = grade.split(' ') as [string, string];
  return {
    // An observation period open into the future: these fixtures time evidence by `recorded`, and
    // the commitments they bear on are made later (observation ending before `made` would not count).
    id, source: 'src-a', observed: { from: '2020-01-01', to: '2030-12-31' }, recorded: '2020-01-01',
    reliability: code.charAt(0), credibility: Number(code.charAt(1)), summary: `evidence ${id}`,
    bears_on: [{ target, stance, strength }], ...extra,
  };
}

export function byId<T extends { id: string }>(list: readonly T[], id: string): T {
  const found = list.find((x) => x.id === id);
  if (!found) throw new Error(`no "${id}" in the result`);
  return found;
}

/** The assessment of one commitment of a case built from evidence items. */
export function commitmentAt(c: CaseFileType, id: string, asOf: string): Assessment['commitments'][number] {
  return byId(assess(c, asOf).commitments, id);
}
