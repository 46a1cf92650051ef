// Where a source's information comes from. A source `derived_from` another (an interview
// restating a report, a news copy of a UN document) adds no independent observation: sources
// joined by `derived_from`, directly or through others, share one origin. The origin is named by
// the original: the smallest id among the joined sources that derive from nothing (the smallest
// id of all when every one derives from another), so it does not depend on the order of the file.
import type { Source } from '../case/schema.js';

/** Source id → origin id, for the sources joined to at least one other; absent means "its own origin". */
export function originsOf(sources: readonly Source[]): Map<string, string> {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    for (let next = parent.get(root); next !== undefined && next !== root; next = parent.get(root)) root = next;
    // Path compression: later look-ups go straight to the root.
    for (let at = id, next = parent.get(at); next !== undefined && next !== root; at = next, next = parent.get(at)) parent.set(at, root);
    return root;
  };
  for (const s of sources) {
    for (const other of s.derived_from ?? []) {
      const a = find(s.id);
      const b = find(other);
      if (a === b) continue;
      // The smaller id becomes the root: the origin's name is the same for any file order.
      if (a < b) parent.set(b, a);
      else parent.set(a, b);
    }
  }
  // Name each joined set after its original: readers look for the report, not an interview.
  const derives = new Set(sources.filter((s) => (s.derived_from?.length ?? 0) > 0).map((s) => s.id));
  const members = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    if (!members.has(root)) members.set(root, [root]);
    members.get(root)?.push(id);
  }
  const origins = new Map<string, string>();
  for (const list of members.values()) {
    const sorted = [...new Set(list)].sort();
    const name: string = sorted.find((id) => !derives.has(id)) ?? (sorted[0] as string);
    for (const id of sorted) origins.set(id, name);
  }
  return origins;
}
