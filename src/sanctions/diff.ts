// What changed between two versions of a list: entries added, removed, and changed in their
// names, aliases, dates of birth, nationality, programmes or listing date.
import type { BirthDate, SanctionsEntry } from './types.js';

export interface FieldChange {
  field: 'name' | 'aliases' | 'birth' | 'nationality' | 'programs' | 'listed_on' | 'schema';
  added?: string[];
  removed?: string[];
  before?: string;
  after?: string;
}

export interface ListDiff {
  added: Array<{ ref: string; name: string }>;
  removed: Array<{ ref: string; name: string }>;
  changed: Array<{ ref: string; name: string; changes: FieldChange[] }>;
  unchanged: number;
}

const birthText = (b: BirthDate): string => (b.date ?? `${b.from_year ?? '?'}–${b.to_year ?? '?'}`) + (b.approx ? ' (approx.)' : '');
const aliases = (e: SanctionsEntry): string[] => e.names.filter((n) => n.kind !== 'primary').map((n) => n.name);

function setChange(field: FieldChange['field'], before: string[], after: string[]): FieldChange | undefined {
  const b = new Set(before);
  const a = new Set(after);
  const added = [...a].filter((x) => !b.has(x));
  const removed = [...b].filter((x) => !a.has(x));
  if (added.length === 0 && removed.length === 0) return undefined;
  return { field, ...(added.length ? { added } : {}), ...(removed.length ? { removed } : {}) };
}

function valueChange(field: FieldChange['field'], before: string | undefined, after: string | undefined): FieldChange | undefined {
  return (before ?? '') === (after ?? '') ? undefined : { field, before: before ?? '', after: after ?? '' };
}

export function entryChanges(a: SanctionsEntry, b: SanctionsEntry): FieldChange[] {
  return [
    valueChange('name', a.name, b.name),
    valueChange('schema', a.schema, b.schema),
    setChange('aliases', aliases(a), aliases(b)),
    setChange('birth', a.birth.map(birthText), b.birth.map(birthText)),
    setChange('nationality', a.nationality, b.nationality),
    setChange('programs', a.programs, b.programs),
    valueChange('listed_on', a.listed_on, b.listed_on),
  ].filter((c): c is FieldChange => c !== undefined);
}

export function diffEntries(before: SanctionsEntry[], after: SanctionsEntry[]): ListDiff {
  const old = new Map(before.map((e) => [e.ref, e]));
  const now = new Map(after.map((e) => [e.ref, e]));
  const diff: ListDiff = { added: [], removed: [], changed: [], unchanged: 0 };
  for (const [ref, e] of now) {
    const was = old.get(ref);
    if (!was) {
      diff.added.push({ ref, name: e.name });
      continue;
    }
    const changes = entryChanges(was, e);
    if (changes.length) diff.changed.push({ ref, name: e.name, changes });
    else diff.unchanged++;
  }
  for (const [ref, e] of old) if (!now.has(ref)) diff.removed.push({ ref, name: e.name });
  const byRef = (x: { ref: string }, y: { ref: string }) => (x.ref < y.ref ? -1 : x.ref > y.ref ? 1 : 0);
  diff.added.sort(byRef);
  diff.removed.sort(byRef);
  diff.changed.sort(byRef);
  return diff;
}
