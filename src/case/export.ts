// Writes a case back as YAML, one file per top-level key, in a form that loads back to the
// same case.
import { stringify } from 'yaml';
import { objectLists, type CaseFile } from './schema.js';

/** File name → YAML text. `case.yaml` holds the case block, settings and top-level `x-` keys. */
export function caseToYaml(c: CaseFile): Map<string, string> {
  const files = new Map<string, string>();
  const header: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(c)) {
    if (!(objectLists as readonly string[]).includes(key) && value !== undefined) header[key] = value;
  }
  files.set('case.yaml', toYaml(header));
  for (const list of objectLists) {
    if (c[list].length > 0) files.set(`${list}.yaml`, toYaml({ [list]: c[list] }));
  }
  return files;
}

function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}
