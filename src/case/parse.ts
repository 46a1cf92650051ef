// Turns the text of one or more YAML files into a validated case, or into every problem found,
// each with file, line, column and key path. Pure: the file system lives in read.ts.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { CaseFile, objectLists, topLevelKeys } from './schema.js';
import { formatPath, type CaseProblem } from './errors.js';
import { checkReferences } from './references.js';
import { liftExtensions, restoreExtensions } from './extensions.js';

export interface CaseText {
  file: string;
  text: string;
}

export type ParseResult = { ok: true; value: CaseFile } | { ok: false; problems: CaseProblem[] };

/** Alias expansion beyond this is a "billion laughs" attack, not a case file. */
const MAX_ALIAS_COUNT = 1000;
/** Deeper nesting than any real case needs; refusing it keeps the recursive walkers safe. */
export const MAX_DEPTH = 64;

interface ParsedFile {
  file: string;
  doc: Document;
  lines: LineCounter;
}

/** Where an element of a merged top-level list came from. */
interface ListSegment {
  start: number;
  count: number;
  parsed: ParsedFile;
}

export function parseCase(texts: CaseText[]): ParseResult {
  const problems: CaseProblem[] = [];
  const merged: Record<string, unknown> = {};
  const origins = new Map<string, ListSegment[]>();
  const keyOwner = new Map<string, ParsedFile>();

  for (const { file, text } of texts) {
    const lines = new LineCounter();
    const doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const parsed: ParsedFile = { file, doc, lines };
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const pos = err.linePos?.[0];
        problems.push({ file, line: pos?.line ?? 1, column: pos?.col ?? 1, path: '', message: `YAML syntax: ${firstLine(err.message)}` });
      }
      continue;
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const message = err instanceof RangeError ? 'nesting is too deep' : firstLine((err as Error).message);
      problems.push({ file, line: 1, column: 1, path: '', message: `cannot read YAML: ${message}` });
      continue;
    }
    if (data === null || data === undefined) continue; // an empty file adds nothing
    if (depthExceeds(data, MAX_DEPTH)) {
      problems.push({ file, line: 1, column: 1, path: '', message: `nesting deeper than ${MAX_DEPTH} levels; a case file never needs that` });
      continue;
    }
    if (typeof data !== 'object' || Array.isArray(data)) {
      problems.push({ file, line: 1, column: 1, path: '', message: 'a case file must be a mapping of top-level keys (case, actors, evidence, …)' });
      continue;
    }
    for (const [key, value] of Object.entries(data)) {
      const isList = (objectLists as readonly string[]).includes(key);
      if (!topLevelKeys.includes(key) && !key.startsWith('x-')) {
        problems.push({ ...locate(parsed, [key], true), path: key, message: `unknown top-level key "${key}" (expected one of: ${topLevelKeys.join(', ')})` });
        continue;
      }
      if (isList && Array.isArray(value)) {
        const list = (merged[key] ??= []) as unknown[];
        const segs = origins.get(key) ?? [];
        segs.push({ start: list.length, count: value.length, parsed });
        origins.set(key, segs);
        list.push(...value);
        continue;
      }
      const owner = keyOwner.get(key);
      if (owner) {
        problems.push({ ...locate(parsed, [key], true), path: key, message: `"${key}" is already given in ${owner.file}; only lists can be split across files` });
        continue;
      }
      keyOwner.set(key, parsed);
      merged[key] = value;
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  const where = (path: readonly PropertyKey[], atKey = false): Omit<CaseProblem, 'path' | 'message'> => {
    const [head, index, ...rest] = path;
    const key = String(head ?? '');
    const segs = origins.get(key);
    if (segs && typeof index === 'number') {
      const seg = segs.find((s) => index >= s.start && index < s.start + s.count);
      if (seg) return locate(seg.parsed, [key, index - seg.start, ...rest], atKey);
    }
    const owner = keyOwner.get(key) ?? segs?.[0]?.parsed;
    if (owner) return locate(owner, path, atKey);
    return { file: texts[0]?.file ?? '(no file)', line: 1, column: 1 };
  };

  if (!('case' in merged)) {
    return { ok: false, problems: [{ ...where([]), path: 'case', message: 'missing the "case" block (id, title, subject)' }] };
  }

  const extensions = liftExtensions(merged);
  const result = CaseFile.safeParse(merged, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const path = [...issue.path, key];
          problems.push({ ...where(path, true), path: formatPath(path), message: `unknown key "${key}"` });
        }
        continue;
      }
      problems.push({ ...where(issue.path), path: formatPath(issue.path), message: describeIssue(issue) });
    }
    return { ok: false, problems: sortProblems(problems) };
  }
  for (const ref of checkReferences(result.data)) {
    problems.push({ ...where(ref.path), path: formatPath(ref.path), message: ref.message });
  }
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  restoreExtensions(result.data, extensions);
  return { ok: true, value: result.data };
}

function describeIssue(issue: { code: string; message: string; path: PropertyKey[]; values?: unknown[]; expected?: string; input?: unknown }): string {
  if (issue.code === 'invalid_value' && issue.values) {
    return `${JSON.stringify(issue.input)} is not allowed; use one of: ${issue.values.map((v) => String(v)).join(', ')}`;
  }
  if (issue.code === 'invalid_type' && issue.input === undefined) return `required key is missing (expected ${issue.expected})`;
  if (issue.code === 'invalid_union' && issue.expected === undefined) return 'not a valid value here';
  return issue.message;
}

/** Finds the line and column of a key path inside one file's document. */
function locate(parsed: ParsedFile, path: readonly PropertyKey[], atKey = false): Omit<CaseProblem, 'path' | 'message'> {
  let node: unknown = parsed.doc.contents;
  let found: Node | null = isNodeWithRange(node) ? node : null;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      if (last && atKey && isNodeWithRange(pair.key)) { found = pair.key; break; }
      node = pair.value;
      if (isNodeWithRange(node)) found = node;
      else if (isNodeWithRange(pair.key)) found = pair.key;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (isNodeWithRange(node)) found = node;
      else break;
    } else break;
  }
  const offset = found?.range?.[0] ?? 0;
  const pos = parsed.lines.linePos(offset);
  return { file: parsed.file, line: pos.line, column: pos.col };
}

function isNodeWithRange(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value && Array.isArray((value as Node).range);
}

function depthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (d > limit) return true;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

function sortProblems(problems: CaseProblem[]): CaseProblem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
