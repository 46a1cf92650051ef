// STIX 2.1 bundles checked against the OASIS STIX 2.1 JSON schemas (test/fixtures/stix2.1, see
// PROVENANCE.md there) with ajv: the bundle's own properties against the bundle schema, each object
// against the schema of its type. The schemas cannot say that a reference points at an object of
// the same bundle, which our export promises; that is checked here too.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

const root = join(import.meta.dirname, '../fixtures/stix2.1');
const BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';
/** Where the schema of each object type is; types we do not write have none here. */
const schemaOf: Record<string, string> = {
  identity: 'sdos/identity.json', 'threat-actor': 'sdos/threat-actor.json', note: 'sdos/note.json', location: 'sdos/location.json',
  opinion: 'sdos/opinion.json', report: 'sdos/report.json', relationship: 'sros/relationship.json', sighting: 'sros/sighting.json',
  'marking-definition': 'common/marking-definition.json',
};

// The schemas' patterns escape '-' outside classes, which JavaScript allows only without the u flag.
const ajv = new Ajv2020({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats.default(ajv);
for (const folder of ['common', 'sdos', 'sros']) {
  for (const name of readdirSync(join(root, folder))) {
    const schema = JSON.parse(readFileSync(join(root, folder, name), 'utf8')) as { properties?: Record<string, { items?: unknown }> };
    // The bundle schema lists every STIX type in `objects`; objects are checked one by one below.
    if (name === 'bundle.json' && schema.properties?.['objects']) schema.properties['objects'].items = { type: 'object' };
    ajv.addSchema(schema);
  }
}
const validator = (path: string) => {
  const validate = ajv.getSchema(BASE + path);
  if (!validate) throw new Error(`no schema ${path}`);
  return validate;
};
const said = (where: string, errors: ErrorObject[] | null | undefined) => (errors ?? []).map((e) => `${where}${e.instancePath} ${e.message ?? ''}`.trim());

/** Every way the bundle breaks the STIX 2.1 schemas or refers outside itself; empty when it is valid. */
export function stixProblems(bundle: unknown): string[] {
  const envelope = validator('common/bundle.json');
  if (!envelope(bundle)) return said('bundle', envelope.errors);
  const objects = (bundle as { objects: Array<Record<string, unknown>> }).objects;
  const ids = new Set(objects.map((o) => o['id']));
  const problems: string[] = [];
  for (const o of objects) {
    const id = String(o['id']);
    const path = schemaOf[String(o['type'])];
    if (!path) { problems.push(`${id}: type ${String(o['type'])} has no schema here`); continue; }
    const validate = validator(path);
    if (!validate(o)) problems.push(...said(id, validate.errors));
    for (const [key, value] of Object.entries(o)) {
      if (!key.endsWith('_ref') && !key.endsWith('_refs')) continue;
      for (const ref of Array.isArray(value) ? value : [value]) if (!ids.has(ref)) problems.push(`${id}: ${key}: ${String(ref)} is not in the bundle`);
    }
  }
  return problems;
}
