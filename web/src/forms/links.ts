// Which properties of the case format name other objects, and of which lists: the same links
// that src/case/references.ts checks (a test holds this table to it). A link is edited with a
// picker that shows names, never by typing an id.

/** A list of the case, or `options`: the options of the hypothesis set being edited. */
export type LinkTarget =
  | 'actors' | 'relationships' | 'sources' | 'commitments' | 'conditions' | 'leverage'
  | 'evidence' | 'claims' | 'indicators' | 'options';

/** Per list, the property paths (`[]` for an array's items) that link, and to what. */
export const links: Record<string, Record<string, LinkTarget[]>> = {
  settings: { 'case.subject': ['actors'] },
  relationships: { from: ['actors'], to: ['actors'], source: ['sources'] },
  sources: { 'derived_from[]': ['sources'] },
  commitments: { by: ['actors'], source: ['sources'], 'depends_on[]': ['commitments'] },
  conditions: { 'set_by[]': ['actors'], 'requires[]': ['commitments'] },
  leverage: { held_by: ['actors'], 'gated_by[]': ['conditions'], 'decisions[].source': ['sources'] },
  positions: { party: ['actors'], condition: ['conditions'], source: ['sources'] },
  evidence: {
    source: ['sources'], supersedes: ['evidence'],
    'bears_on[].target': ['commitments', 'conditions', 'claims', 'relationships', 'options'],
  },
  claims: { by: ['actors'], source: ['sources'], 'asserts.target': ['commitments', 'conditions'] },
  hypotheses: { 'ratings[].evidence': ['evidence'], 'ratings[].option': ['options'] },
  tripwires: { indicator: ['indicators'], leverage: ['leverage'] },
};

export function linkTargets(list: string, path: string): LinkTarget[] | undefined {
  return links[list]?.[path];
}
