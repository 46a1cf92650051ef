// Turns the text of one or more YAML files into a validated case, or into every problem found,
// each with file, line, column and key path. Pure: the file system lives in read.ts.
import { CaseFile, objectLists, topLevelKeys } from './schema.js';
import { formatPath, type CaseProblem } from './errors.js';
import { checkReferences } from './references.js';
import { liftExtensions, restoreExtensions, unshare } from './extensions.js';
import { locate, readYaml, type ParsedFile } from './yaml.js';
import { readYamlFast } from './yaml-fast.js';

export { MAX_DEPTH } from './yaml.js';

export interface CaseText {
  file: string;
  text: string;
}

export type ParseResult = { ok: true; value: CaseFile } | { ok: false; problems: CaseProblem[] };

/** Where an element of a merged top-level list came from. */
interface ListSegment {
  start: number;
  count: number;
  source: CaseText;
}

export function parseCase(texts: CaseText[]): ParseResult {
  const problems: CaseProblem[] = [];
  let merged: Record<string, unknown> | undefined = {};
  const origins = new Map<string, ListSegment[]>();
  const keyOwner = new Map<string, CaseText>();
  let aliases = false;
  // Only the data of each file is kept: a file's syntax tree takes many times the memory of its
  // text, so a file is parsed again to locate a problem in it, which a valid case never needs.
  const reparsed = new Map<CaseText, ParsedFile>();
  const parsedOf = (source: CaseText): ParsedFile => {
    let parsed = reparsed.get(source);
    if (!parsed) {
      const read = readYaml(source.file, source.text);
      if (!read.ok) throw new Error(`${source.file} was read once but cannot be read again`);
      parsed = read.parsed;
      reparsed.set(source, parsed);
    }
    return parsed;
  };

  for (const source of texts) {
    const { file } = source;
    // A large file is read by the fast reader when it gives the same data (yaml-fast.ts).
    const fast = readYamlFast(source.text);
    let data: unknown;
    if (fast) data = fast.data;
    else {
      const read = readYaml(file, source.text);
      if (!read.ok) {
        problems.push(...read.problems);
        continue;
      }
      data = read.data;
      aliases ||= read.aliases;
    }
    if (data === null || data === undefined) continue; // an empty file adds nothing
    if (typeof data !== 'object' || Array.isArray(data)) {
      problems.push({ file, line: 1, column: 1, path: '', message: 'a case file must be a mapping of top-level keys (case, actors, evidence, …)' });
      continue;
    }
    for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
      const isList = (objectLists as readonly string[]).includes(key);
      if (!topLevelKeys.includes(key) && !key.startsWith('x-')) {
        problems.push({ ...locate(parsedOf(source), [key], true), path: key, message: `unknown top-level key "${key}" (expected one of: ${topLevelKeys.join(', ')})` });
        continue;
      }
      // `actors:` with nothing after it is an empty list, in whichever file it is.
      if (isList && (value === null || value === undefined)) continue;
      if (isList && !Array.isArray(value)) {
        problems.push({ ...locate(parsedOf(source), [key]), path: key, message: `"${key}" must be a list (items starting with "- "), not ${kindOf(value)}` });
        continue;
      }
      if (isList) {
        const list = (merged[key] ??= []) as unknown[];
        const segs = origins.get(key) ?? [];
        segs.push({ start: list.length, count: (value as unknown[]).length, source });
        origins.set(key, segs);
        for (const item of value as unknown[]) list.push(item); // not push(...value): a huge list would overflow the call's arguments
        continue;
      }
      const owner = keyOwner.get(key);
      if (owner) {
        problems.push({ ...locate(parsedOf(source), [key], true), path: key, message: `"${key}" is already given in ${owner.file}; only lists can be split across files` });
        continue;
      }
      keyOwner.set(key, source);
      merged[key] = value;
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  reparsed.clear();
  const where = (path: readonly PropertyKey[], atKey = false): Omit<CaseProblem, 'path' | 'message'> => {
    const [head, index, ...rest] = path;
    const key = String(head ?? '');
    const segs = origins.get(key);
    if (segs && typeof index === 'number') {
      const seg = segs.find((s) => index >= s.start && index < s.start + s.count);
      if (seg) return locate(parsedOf(seg.source), [key, index - seg.start, ...rest], atKey);
    }
    const owner = keyOwner.get(key) ?? segs?.[0]?.source;
    if (owner) return locate(parsedOf(owner), path, atKey);
    return { file: texts[0]?.file ?? '(no file)', line: 1, column: 1 };
  };

  if (!('case' in merged)) {
    return { ok: false, problems: [{ ...where([]), path: 'case', message: 'missing the "case" block (id, title, subject)' }] };
  }

  // Aliases make one object appear at several paths; lifting `x-` keys in place from a shared
  // object would take them from every other use too, so each path gets its own copy first. Without
  // aliases nothing is shared, and a copy of a large case would only cost memory.
  const data = aliases ? unshare(merged) : merged;
  // eslint-disable-next-line no-useless-assignment -- dropping the reference lets the collector free the merged tree once it is copied
  merged = undefined;
  const extensions = liftExtensions(data);
  const result = CaseFile.safeParse(data, { reportInput: true });
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
  // zod's generic "Invalid input" says less than this; a union given its own message (CaseDate) keeps it.
  if (issue.code === 'invalid_union' && issue.message === 'Invalid input') return 'not a valid value here';
  return issue.message;
}

function kindOf(value: unknown): string {
  if (typeof value === 'object') return 'a mapping';
  return typeof value === 'string' ? 'text' : `a ${typeof value}`;
}

function sortProblems(problems: CaseProblem[]): CaseProblem[] {
  return problems.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
