// Writes a case back as YAML, one file per top-level key, in a form that loads back to the
// same case. A list too large for one case file is split into numbered files that load back in
// order (evidence-001.yaml, evidence-002.yaml, …): a reader refuses files over MAX_CASE_FILE_BYTES.
import { stringify } from 'yaml';
import { objectLists, type CaseFile } from './schema.js';

/** A list is split when its JSON exceeds this; YAML of the same data is about as long, well under the reader's limit. */
export const SPLIT_LIST_CHARS = 4 * 1024 * 1024;

/** File name → YAML text. `case.yaml` holds the case block, settings and top-level `x-` keys. */
export function caseToYaml(c: CaseFile, splitChars = SPLIT_LIST_CHARS): Map<string, string> {
  const files = new Map<string, string>();
  const header: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(c)) {
    if (!(objectLists as readonly string[]).includes(key) && value !== undefined) header[key] = value;
  }
  files.set('case.yaml', toYaml(header));
  for (const list of objectLists) {
    const parts = split(c[list], splitChars);
    if (parts.length === 1) files.set(`${list}.yaml`, toYaml({ [list]: parts[0] }));
    else parts.forEach((part, i) => files.set(`${list}-${String(i + 1).padStart(3, '0')}.yaml`, toYaml({ [list]: part })));
  }
  return files;
}

/** The items in runs of at most `limit` characters of JSON each (or one item); none for an empty list. */
function split(items: readonly unknown[], limit: number): unknown[][] {
  const parts: unknown[][] = [];
  let part: unknown[] = [];
  let chars = 0;
  for (const item of items) {
    const size = JSON.stringify(item).length;
    if (part.length > 0 && chars + size > limit) {
      parts.push(part);
      part = [];
      chars = 0;
    }
    part.push(item);
    chars += size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}
