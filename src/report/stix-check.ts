// A structural check of STIX 2.1 bundles, for our tests and for anyone who wants to check an
// export before sending it: the common properties, the properties each type we write requires,
// and that every reference points at an object in the bundle.
import { STANDARD_TLP_IDS } from './tlp.js';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';
const ID = new RegExp(`^([a-z0-9-]+)--${UUID}$`);
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const PROPERTY_NAME = /^[a-z0-9_]{1,250}$/;
/** Custom properties: at least 3 characters (STIX 2.1 §3.1); ours all start with x_. */
const CUSTOM_PROPERTY = /^x_[a-z0-9_]{1,248}$/;
const COMMON = new Set(['type', 'spec_version', 'id', 'created', 'modified', 'created_by_ref', 'revoked', 'labels', 'confidence', 'lang', 'external_references', 'object_marking_refs', 'granular_markings', 'extensions']);
const OPINIONS = new Set(['strongly-disagree', 'disagree', 'neutral', 'agree', 'strongly-agree']);

const REQUIRED: Record<string, string[]> = {
  identity: ['name'],
  'threat-actor': ['name'],
  'intrusion-set': ['name'],
  relationship: ['relationship_type', 'source_ref', 'target_ref'],
  report: ['name', 'published', 'object_refs'],
  note: ['content', 'object_refs'],
  opinion: ['opinion', 'object_refs'],
  sighting: ['sighting_of_ref'],
  location: [],
  'marking-definition': [],
};

export function validateStixBundle(bundle: unknown): string[] {
  const problems: string[] = [];
  const b = bundle as { type?: unknown; id?: unknown; objects?: unknown };
  if (b?.type !== 'bundle') problems.push('bundle: type is not "bundle"');
  if (typeof b?.id !== 'string' || !ID.test(b.id) || !b.id.startsWith('bundle--')) problems.push(`bundle: id ${String(b?.id)} is not bundle--<uuid>`);
  if (!Array.isArray(b?.objects) || b.objects.length === 0) return [...problems, 'bundle: no objects'];
  const objects = b.objects as Array<Record<string, unknown>>;
  const ids = new Set<string>();
  for (const o of objects) {
    const id = String(o['id']);
    if (ids.has(id)) problems.push(`${id}: appears twice`);
    ids.add(id);
  }
  for (const o of objects) {
    const id = String(o['id']);
    const type = String(o['type']);
    const say = (message: string) => problems.push(`${id}: ${message}`);
    const match = ID.exec(id);
    if (!match || match[1] !== type) say(`id is not ${type}--<uuid>`);
    if (o['spec_version'] !== '2.1') say('spec_version is not 2.1');
    if (!TIMESTAMP.test(String(o['created']))) say('created is not a UTC timestamp');
    if (type !== 'marking-definition') {
      if (!TIMESTAMP.test(String(o['modified']))) say('modified is not a UTC timestamp');
      else if (String(o['modified']) < String(o['created'])) say('modified is before created');
    }
    const required = REQUIRED[type];
    if (!required) say(`type ${type} is not one this check knows`);
    for (const key of required ?? []) if (o[key] === undefined || o[key] === '' || (Array.isArray(o[key]) && (o[key] as unknown[]).length === 0)) say(`${key} is required`);
    if (type === 'opinion' && !OPINIONS.has(String(o['opinion']))) say(`opinion "${String(o['opinion'])}" is not in the opinion vocabulary`);
    if (type === 'location' && o['region'] === undefined && o['country'] === undefined && (o['latitude'] === undefined || o['longitude'] === undefined)) say('a location needs region, country or latitude and longitude');
    if (type === 'marking-definition') {
      if (o['definition'] === undefined && o['extensions'] === undefined) say('a marking definition needs a definition or an extension');
      if (String(o['name'] ?? '').startsWith('TLP:') && !STANDARD_TLP_IDS.has(id)) say('a TLP marking must use the standard TLP 2.0 id');
    }
    if (type === 'sighting' && o['last_seen'] !== undefined && String(o['last_seen']) < String(o['first_seen'])) say('last_seen is before first_seen');
    for (const [key, value] of Object.entries(o)) {
      if (!PROPERTY_NAME.test(key) || (key.startsWith('x_') && !CUSTOM_PROPERTY.test(key)) || (!COMMON.has(key) && key.length < 3)) say(`property name "${key}" is not allowed`);
      if (key.endsWith('_ref') || key.endsWith('_refs')) {
        const refs = Array.isArray(value) ? value : [value];
        for (const ref of refs) {
          if (typeof ref !== 'string' || !ID.test(ref)) say(`${key}: "${String(ref)}" is not an identifier`);
          else if (!ids.has(ref)) say(`${key}: ${ref} is not in the bundle`);
          else if (key === 'object_marking_refs' && !ref.startsWith('marking-definition--')) say(`${key}: ${ref} is not a marking definition`);
        }
      }
    }
  }
  return problems;
}
