// The OpenAPI document's components: every schema named with .meta({ id }) becomes
// components/schemas/<id>, which the web client's generated types use by name. The zod type
// provider also emits an `…Input` copy of each for request bodies; only those some route uses stay.
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';

type TransformObject = typeof jsonSchemaTransformObject;

const REF = '#/components/schemas/';

export const namedComponents: TransformObject = (document) => {
  const full = jsonSchemaTransformObject(document) as { paths?: unknown; components?: { schemas?: Record<string, unknown> } };
  const schemas = full.components?.schemas ?? {};
  const used = new Set<string>();
  const pending = refsIn(full.paths);
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (used.has(name)) continue;
    used.add(name);
    pending.push(...refsIn(schemas[name]));
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)).sort(([a], [b]) => a.localeCompare(b)));
  return { ...full, components: { ...full.components, schemas: kept } } as ReturnType<TransformObject>;
};

/** The component names a part of the document refers to. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === '$ref' && typeof v === 'string' && v.startsWith(REF)) out.push(v.slice(REF.length));
      else refsIn(v, out);
    }
  }
  return out;
}
