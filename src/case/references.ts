// Cross-object checks that a schema cannot express: ids are unique across the case, every link
// names an object that exists, and of the kind the link expects.
import type { CaseFile } from './schema.js';
import { formatPath } from './errors.js';

export type ObjectKind =
  | 'actor' | 'relationship' | 'source' | 'commitment' | 'condition' | 'leverage' | 'position'
  | 'evidence' | 'claim' | 'hypothesis' | 'option' | 'indicator' | 'tripwire';

export interface ReferenceProblem {
  path: PropertyKey[];
  message: string;
}

interface Entry {
  kind: ObjectKind;
  path: PropertyKey[];
}

/** Every object with an id, by id, and the kind of each. */
export function indexIds(c: CaseFile): { ids: Map<string, Entry>; duplicates: ReferenceProblem[] } {
  const ids = new Map<string, Entry>();
  const duplicates: ReferenceProblem[] = [];
  const add = (id: string | undefined, kind: ObjectKind, path: PropertyKey[]) => {
    if (id === undefined) return;
    const first = ids.get(id);
    if (first) {
      duplicates.push({ path: [...path, 'id'], message: `duplicate id "${id}": already used by the ${first.kind} at ${formatPath(first.path)}` });
      return;
    }
    ids.set(id, { kind, path });
  };
  c.actors.forEach((o, i) => add(o.id, 'actor', ['actors', i]));
  c.relationships.forEach((o, i) => add(o.id, 'relationship', ['relationships', i]));
  c.sources.forEach((o, i) => add(o.id, 'source', ['sources', i]));
  c.commitments.forEach((o, i) => add(o.id, 'commitment', ['commitments', i]));
  c.conditions.forEach((o, i) => add(o.id, 'condition', ['conditions', i]));
  c.leverage.forEach((o, i) => add(o.id, 'leverage', ['leverage', i]));
  c.positions.forEach((o, i) => add(o.id, 'position', ['positions', i]));
  c.evidence.forEach((o, i) => add(o.id, 'evidence', ['evidence', i]));
  c.claims.forEach((o, i) => add(o.id, 'claim', ['claims', i]));
  c.hypotheses.forEach((h, i) => {
    add(h.id, 'hypothesis', ['hypotheses', i]);
    h.options.forEach((o, j) => add(o.id, 'option', ['hypotheses', i, 'options', j]));
  });
  c.indicators.forEach((o, i) => add(o.id, 'indicator', ['indicators', i]));
  c.tripwires.forEach((o, i) => add(o.id, 'tripwire', ['tripwires', i]));
  return { ids, duplicates };
}

const article = (kind: string) => (/^[aeio]/.test(kind) ? `an ${kind}` : `a ${kind}`);

export function checkReferences(c: CaseFile): ReferenceProblem[] {
  const { ids, duplicates } = indexIds(c);
  const problems = [...duplicates];
  const actorKind = new Map(c.actors.map((a) => [a.id, a.kind]));

  const link = (id: string | null | undefined, allowed: ObjectKind[], path: PropertyKey[]) => {
    if (id === null || id === undefined) return;
    const entry = ids.get(id);
    if (!entry) {
      problems.push({ path, message: `unknown id "${id}": no ${allowed.join(' or ')} has this id` });
    } else if (!allowed.includes(entry.kind)) {
      problems.push({ path, message: `"${id}" is ${article(entry.kind)}, but this link must name ${allowed.map(article).join(' or ')}` });
    }
  };

  link(c.case.subject, ['actor'], ['case', 'subject']);
  c.relationships.forEach((r, i) => {
    link(r.from, ['actor'], ['relationships', i, 'from']);
    link(r.to, ['actor'], ['relationships', i, 'to']);
    link(r.source, ['source'], ['relationships', i, 'source']);
    if (r.type === 'holds_office' && actorKind.has(r.from) && actorKind.get(r.from) !== 'person') {
      problems.push({ path: ['relationships', i, 'from'], message: `holds_office must start at a person; "${r.from}" is ${article(actorKind.get(r.from) ?? '')}` });
    }
  });
  c.sources.forEach((o, i) => {
    o.derived_from?.forEach((s, j) => {
      link(s, ['source'], ['sources', i, 'derived_from', j]);
      if (s === o.id) problems.push({ path: ['sources', i, 'derived_from', j], message: 'a source cannot be derived from itself' });
    });
  });
  c.commitments.forEach((o, i) => {
    link(o.by, ['actor'], ['commitments', i, 'by']);
    link(o.source, ['source'], ['commitments', i, 'source']);
    o.depends_on?.forEach((d, j) => {
      link(d, ['commitment'], ['commitments', i, 'depends_on', j]);
      if (d === o.id) problems.push({ path: ['commitments', i, 'depends_on', j], message: 'a commitment cannot depend on itself' });
    });
  });
  c.conditions.forEach((o, i) => {
    o.set_by.forEach((a, j) => link(a, ['actor'], ['conditions', i, 'set_by', j]));
    o.requires.forEach((r, j) => link(r, ['commitment'], ['conditions', i, 'requires', j]));
  });
  c.leverage.forEach((o, i) => {
    link(o.held_by, ['actor'], ['leverage', i, 'held_by']);
    o.gated_by.forEach((g, j) => link(g, ['condition'], ['leverage', i, 'gated_by', j]));
    o.decisions.forEach((d, j) => link(d.source, ['source'], ['leverage', i, 'decisions', j, 'source']));
  });
  const stated = new Map<string, number>();
  c.positions.forEach((o, i) => {
    const pair = `${o.party}|${o.condition}`;
    const first = stated.get(pair);
    if (first !== undefined) problems.push({ path: ['positions', i], message: `${o.party}'s position on ${o.condition} is already given at positions[${first}]` });
    else stated.set(pair, i);
    link(o.party, ['actor'], ['positions', i, 'party']);
    link(o.condition, ['condition'], ['positions', i, 'condition']);
    link(o.source, ['source'], ['positions', i, 'source']);
  });
  c.evidence.forEach((o, i) => {
    link(o.source, ['source'], ['evidence', i, 'source']);
    link(o.supersedes, ['evidence'], ['evidence', i, 'supersedes']);
    if (o.supersedes === o.id) problems.push({ path: ['evidence', i, 'supersedes'], message: 'an item cannot supersede itself' });
    o.bears_on.forEach((b, j) => link(b.target, ['commitment', 'condition', 'claim', 'relationship', 'option'], ['evidence', i, 'bears_on', j, 'target']));
  });
  problems.push(...supersessionCycles(c));
  c.claims.forEach((o, i) => {
    link(o.by, ['actor'], ['claims', i, 'by']);
    link(o.source, ['source'], ['claims', i, 'source']);
    link(o.asserts.target, ['commitment', 'condition'], ['claims', i, 'asserts', 'target']);
    const kind = ids.get(o.asserts.target)?.kind;
    const fits = kind === 'commitment' ? ['kept', 'broken'] : kind === 'condition' ? ['met', 'not_met'] : null;
    if (fits && !fits.includes(o.asserts.status)) {
      problems.push({ path: ['claims', i, 'asserts', 'status'], message: `a claim about a ${kind} asserts ${fits.join(' or ')}, not "${o.asserts.status}"` });
    }
  });
  c.hypotheses.forEach((h, i) => {
    const own = new Set(h.options.map((o) => o.id));
    const seen = new Set<string>();
    h.ratings.forEach((r, j) => {
      link(r.evidence, ['evidence'], ['hypotheses', i, 'ratings', j, 'evidence']);
      if (!own.has(r.option)) {
        problems.push({ path: ['hypotheses', i, 'ratings', j, 'option'], message: `"${r.option}" is not an option of hypothesis set "${h.id}" (options: ${[...own].join(', ')})` });
      }
      const cell = `${r.evidence}|${r.option}`;
      if (seen.has(cell)) problems.push({ path: ['hypotheses', i, 'ratings', j], message: `"${r.evidence}" is already rated against "${r.option}"` });
      seen.add(cell);
    });
  });
  c.tripwires.forEach((t, i) => {
    link(t.indicator, ['indicator'], ['tripwires', i, 'indicator']);
    link(t.leverage, ['leverage'], ['tripwires', i, 'leverage']);
  });
  return problems;
}

/**
 * A chain of `supersedes` that loops back on itself has no newest version. Each item names at
 * most one other, so one walk per item that stops at anything already walked finds every loop
 * in time linear in the evidence (long chains of corrections are normal).
 */
function supersessionCycles(c: CaseFile): ReferenceProblem[] {
  const index = new Map<string, number>();
  c.evidence.forEach((e, i) => { if (!index.has(e.id)) index.set(e.id, i); });
  const walkOf = new Array<number>(c.evidence.length).fill(-1);
  const problems: ReferenceProblem[] = [];
  c.evidence.forEach((_, start) => {
    let i: number | undefined = start;
    while (i !== undefined && walkOf[i] === -1) {
      walkOf[i] = start;
      const next: string | null | undefined = c.evidence[i]?.supersedes;
      i = next ? index.get(next) : undefined;
    }
    // Back at an item of this same walk: a loop. An item naming itself is reported on its own.
    const item = i === undefined ? undefined : c.evidence[i];
    if (i !== undefined && walkOf[i] === start && item && item.supersedes !== item.id) {
      problems.push({ path: ['evidence', i, 'supersedes'], message: `"supersedes" forms a loop through "${item.id}"` });
    }
  });
  return problems;
}
