// The web forms read the case format from web/src/forms/case-schema.json, generated from the
// server's zod schemas. This fails when the file is stale; regenerate it with
//   node bin/deeds case schema > web/src/forms/case-schema.json   (after npm run build)
// The forms' table of link fields (web/src/forms/links.ts) is held to the reference checks of
// src/case/references.ts: each link, given an unknown id, is reported at its own path.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { caseJsonSchema } from '../../src/case/json-schema';
import { readCase } from '../../src/case/read';
import { checkReferences } from '../../src/case/references';
import { formatPath } from '../../src/case/errors';
import type { CaseFile } from '../../src/case/schema';
import { links } from '../../web/src/forms/links';

const root = join(import.meta.dirname, '../..');

describe('the case schema the forms read', () => {
  it('is the one the server validates with (regenerate: node bin/deeds case schema > web/src/forms/case-schema.json)', () => {
    const committed: unknown = JSON.parse(readFileSync(join(root, 'web/src/forms/case-schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(caseJsonSchema())));
  });
});

describe('the link fields the forms offer pickers for', () => {
  const entries = Object.entries(links).flatMap(([list, paths]) => Object.keys(paths).map((path) => [list, path] as const));
  let demo: CaseFile;
  beforeAll(async () => {
    const parsed = await readCase(join(root, 'cases/afghanistan-doha'));
    if (!parsed.ok) throw new Error('the demo case does not load');
    demo = parsed.value;
  });

  it.each(entries)('%s %s: an unknown id there is reported there', (list, path) => {
    const c = structuredClone(demo) as unknown as Record<string, unknown>;
    const where = placeUnknown(c, list, path);
    const problems = checkReferences(c as unknown as CaseFile).map((p) => formatPath(p.path));
    expect(problems).toContain(where);
  });

  it('covers every path that references.ts checks in the demo case', () => {
    // Every link path that the reference check can report, found by breaking every string id.
    const parsed = { value: demo };
    const known = new Set(entries.map(([list, path]) => (list === 'settings' ? path : `${list}.${path}`)));
    const ids = new Set<string>();
    for (const v of Object.values(parsed.value)) if (Array.isArray(v)) for (const o of v as { id?: string }[]) if (o.id) ids.add(o.id);
    const broken = JSON.parse(JSON.stringify(parsed.value), (key, value: unknown) => (key !== 'id' && typeof value === 'string' && ids.has(value) ? `zz-${value}` : value)) as CaseFile;
    const reported = new Set(checkReferences(broken).map((p) => formatPath(p.path).replace(/\[\d+\]/g, '[]').replace(/^(\w+)\[\]\./, '$1.').replace(/\[\]$/, '[]')));
    expect(reported.size).toBeGreaterThan(15);
    for (const path of reported) expect(known, `a link at ${path} has no picker`).toContain(path);
  });
});

/** Puts an unknown id at `path` in the first object of `list` where it fits; returns the concrete path. */
function placeUnknown(c: Record<string, unknown>, list: string, path: string): string {
  const segments = path.split('.');
  if (list === 'settings') {
    (c['case'] as Record<string, unknown>)['subject'] = 'no-such-object';
    return path;
  }
  const items = c[list] as Record<string, unknown>[];
  for (let i = 0; i < items.length; i++) {
    const concrete = setAt(items[i]!, segments);
    if (concrete) return `${list}[${i}].${concrete}`;
  }
  throw new Error(`no ${list} object in the demo case has room for ${path}`);
}

function setAt(o: Record<string, unknown>, segments: string[]): string | null {
  const [head, ...rest] = segments;
  if (head === undefined) return null;
  const many = head.endsWith('[]');
  const key = many ? head.slice(0, -2) : head;
  if (rest.length === 0) {
    if (many) {
      const arr = Array.isArray(o[key]) ? (o[key] as unknown[]) : [];
      o[key] = [...arr, 'no-such-object'];
      return `${key}[${arr.length}]`;
    }
    o[key] = 'no-such-object';
    return key;
  }
  const child = o[key];
  if (many) {
    if (!Array.isArray(child) || child.length === 0) return null;
    const inner = setAt(child[0] as Record<string, unknown>, rest);
    return inner ? `${key}[0].${inner}` : null;
  }
  if (child === null || typeof child !== 'object') return null;
  const inner = setAt(child as Record<string, unknown>, rest);
  return inner ? `${key}.${inner}` : null;
}
