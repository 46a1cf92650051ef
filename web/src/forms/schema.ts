// The case format's JSON Schema (generated from the server's zod schemas, see case-schema.json)
// read as form fields: each property becomes one kind of field. Only what the case format uses
// is understood; anything else falls back to a JSON text box rather than being dropped.
import caseSchema from './case-schema.json';
import { linkTargets, type LinkTarget } from './links';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: (string | number)[];
  anyOf?: JsonSchema[];
  pattern?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  additionalProperties?: boolean | JsonSchema;
}

import type { EditableList } from './lists';
export { editableLists, isEditableList, type EditableList } from './lists';

const root = caseSchema as unknown as JsonSchema;

/** The schema of one object of a list (an actor, a commitment, …). */
export function itemSchema(list: EditableList | 'evidence'): JsonSchema {
  const items = root.properties?.[list]?.items;
  if (!items) throw new Error(`the case schema has no list "${list}"`);
  return items;
}

/** The `case:` block and the `assessment:` settings, as one object. */
export function settingsSchema(): JsonSchema {
  const props = root.properties ?? {};
  // The case's id is where it lives: it is shown, never edited.
  const { id: _id, ...header } = props['case']?.properties ?? {};
  const caseBlock: JsonSchema = { ...props['case'], properties: header, required: (props['case']?.required ?? []).filter((k) => k !== 'id') };
  return { type: 'object', properties: { case: caseBlock, assessment: props['assessment'] ?? {} }, required: ['case'] };
}

export type Field =
  | { kind: 'text'; long: boolean }
  | { kind: 'date' }
  | { kind: 'number'; integer: boolean }
  | { kind: 'enum'; values: (string | number)[] }
  | { kind: 'boolean' }
  | { kind: 'link'; to: LinkTarget[] }
  | { kind: 'list'; item: Field }
  | { kind: 'object'; schema: JsonSchema }
  | { kind: 'objects'; schema: JsonSchema }
  | { kind: 'json' };

// Free text that runs to sentences gets a text area.
const longTexts = new Set(['text', 'summary', 'question', 'note', 'advice', 'reason']);

/** A case date: a string of the ISO date pattern, or a bare year. */
const isDate = (s: JsonSchema) => !!s.anyOf?.some((o) => o.type === 'string' && o.pattern?.startsWith('^\\d{4}'));

/** Drops `null` from `anyOf` (nullable fields): the form leaves such a field out when empty. */
export function unwrapNullable(s: JsonSchema): JsonSchema {
  if (!s.anyOf) return s;
  const rest = s.anyOf.filter((o) => o.type !== 'null');
  if (rest.length === 1 && rest.length < s.anyOf.length) return { ...rest[0], default: s.default };
  return s;
}

/**
 * What kind of field a property is. `path` is the property's place inside the object with `[]`
 * for array items (`decisions[].source`); it decides which properties are links.
 */
export function fieldOf(list: string, path: string, schema: JsonSchema): Field {
  const s = unwrapNullable(schema);
  const to = linkTargets(list, path);
  if (to) return { kind: 'link', to };
  if (isDate(s)) return { kind: 'date' };
  if (s.enum) return { kind: 'enum', values: s.enum };
  if (s.type === 'boolean') return { kind: 'boolean' };
  if (s.type === 'number' || s.type === 'integer') return { kind: 'number', integer: s.type === 'integer' };
  if (s.type === 'string') return { kind: 'text', long: longTexts.has(path.split('.').pop() ?? '') };
  if (s.type === 'array' && s.items) {
    const item = unwrapNullable(s.items);
    if (item.type === 'object' && item.properties) return { kind: 'objects', schema: item };
    return { kind: 'list', item: fieldOf(list, `${path}[]`, item) };
  }
  if (s.type === 'object' && s.properties) return { kind: 'object', schema: s };
  return { kind: 'json' };
}

/** "held_by" → "Held by". */
export const labelOf = (key: string): string => {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** An empty value of a field, for a new item of an array of objects. */
export function emptyObject(schema: JsonSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    if (prop.default !== undefined && typeof prop.default !== 'object') out[key] = prop.default;
  }
  return out;
}

/**
 * What the form sends: empty strings, empty optional objects and nulls left out, so an unset
 * optional field is absent (as in a case file) rather than an empty value the schema refuses.
 */
export function pruned(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pruned).filter((v) => v !== undefined);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const p = pruned(v);
      if (p !== undefined) out[k] = p;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (value === '' || value === null || value === undefined) return undefined;
  return value;
}
