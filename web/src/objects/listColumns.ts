// The columns of the index page of each kind without an assessment status, the field whose
// values are counted and filtered (kind, type, stance…), and a status at the as-of date where
// the kind has one: a relationship is in force, ended or not yet begun.
import type { EditableList } from '../forms/lists';

type Obj = Record<string, unknown>;
export interface Column {
  label: string;
  value: (o: Obj, name: (id: string) => string) => string;
}
export interface ListView {
  columns: Column[];
  /** The property whose values are counted and can be filtered on. */
  facet?: string;
  /** A status at the as-of date, for kinds that have one without the engine. */
  status?: (o: Obj, asOf: string) => string;
}

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const words = (v: unknown) => s(v).replace(/_/g, ' ');
const list = (v: unknown) => (Array.isArray(v) ? v.map(String).join(', ') : '');

/** In force at `asOf`, by its dates (an open end is still in force). */
export function relationshipStatus(o: Obj, asOf: string): string {
  const since = s(o['since']);
  const until = s(o['until']);
  if (since && since.slice(0, asOf.length) > asOf) return 'not_yet';
  if (until && until < asOf) return 'ended';
  return 'in_force';
}

export const listViews: Partial<Record<EditableList, ListView>> = {
  actors: {
    facet: 'kind',
    columns: [
      { label: 'Name', value: (o) => s(o['name']) },
      { label: 'Kind', value: (o) => words(o['kind']) },
      { label: 'Country', value: (o) => s(o['country']) },
      { label: 'Also known as', value: (o) => list(o['aliases']) },
    ],
  },
  relationships: {
    facet: 'type',
    status: relationshipStatus,
    columns: [
      { label: 'From', value: (o, name) => name(s(o['from'])) },
      { label: 'Type', value: (o) => words(o['type']) },
      { label: 'To', value: (o, name) => name(s(o['to'])) },
      { label: 'Role', value: (o) => s(o['role']) },
      { label: 'Since', value: (o) => s(o['since']) },
      { label: 'Until', value: (o) => s(o['until']) },
    ],
  },
  sources: {
    facet: 'kind',
    columns: [
      { label: 'Title', value: (o) => s(o['title']) },
      { label: 'Kind', value: (o) => words(o['kind']) },
      { label: 'Publisher', value: (o) => s(o['publisher']) },
      { label: 'Date', value: (o) => s(o['date']) },
      { label: 'Reliability', value: (o) => s(o['reliability'] ?? 'F') },
    ],
  },
  positions: {
    facet: 'stance',
    columns: [
      { label: 'Party', value: (o, name) => name(s(o['party'])) },
      { label: 'Condition', value: (o, name) => name(s(o['condition'])) },
      { label: 'Stance', value: (o) => words(o['stance']) },
      { label: 'Note', value: (o) => s(o['note']) },
    ],
  },
  hypotheses: {
    columns: [
      { label: 'Question', value: (o) => s(o['question']) },
      { label: 'Options', value: (o) => (Array.isArray(o['options']) ? (o['options'] as Obj[]).map((x) => s(x['text'])).join(' · ') : '') },
      { label: 'Ratings', value: (o) => String(Array.isArray(o['ratings']) ? o['ratings'].length : 0) },
    ],
  },
  indicators: {
    facet: 'dataset',
    columns: [
      { label: 'Measure', value: (o) => words(o['measure']) },
      { label: 'Per', value: (o) => s(o['period']) },
      { label: 'Dataset', value: (o) => s(o['dataset']) },
      { label: 'Country', value: (o) => s((o['filter'] as Obj | undefined)?.['country']) },
    ],
  },
  tripwires: {
    facet: 'kind',
    columns: [
      { label: 'Kind', value: (o) => words(o['kind']) },
      { label: 'Watches', value: (o, name) => name(s(o['indicator'] ?? o['leverage'] ?? '')) },
      { label: 'Advice', value: (o) => s(o['advice']) },
    ],
  },
};
