// Reads the text of one case file into a YAML document and plain data, turning every YAML-level
// problem (syntax, duplicate keys, nesting, alias bombs) into a located problem, and finds where
// a key path sits in that text. Hostile input must end in a problem, never in a crash or in work
// that grows faster than the file.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { CaseProblem } from './errors.js';

/** Alias expansion beyond this is a "billion laughs" attack, not a case file. */
const MAX_ALIAS_COUNT = 1000;
/** Deeper nesting than any real case needs; refusing it keeps the recursive walkers safe. */
export const MAX_DEPTH = 64;

type Position = Omit<CaseProblem, 'path' | 'message'>;

export interface ParsedFile {
  file: string;
  doc: Document;
  lines: LineCounter;
  /** The pairs of every mapping by key, so that locating a path costs one lookup per segment. */
  keys: Map<Node, Map<string, Pair>>;
}

/** `aliases`: whether the data may share one object between several paths (YAML aliases). */
export type YamlResult = { ok: true; parsed: ParsedFile; data: unknown; aliases: boolean } | { ok: false; problems: CaseProblem[] };

export function readYaml(file: string, text: string): YamlResult {
  const lines = new LineCounter();
  const at = (offset: number): Position => {
    const pos = lines.linePos(offset);
    return { file, line: pos.line, column: pos.col };
  };
  const fail = (offset: number, message: string): YamlResult => ({ ok: false, problems: [{ ...at(offset), path: '', message }] });
  const tooDeep = (offset: number) => fail(offset, `nesting is too deep; a case file never needs more than ${MAX_DEPTH} levels`);

  let doc: Document;
  try {
    // The parser's own `uniqueKeys` check compares every key with every other one (quadratic in
    // the size of a mapping); indexKeys() below does the same job in one pass.
    doc = parseDocument(text.replace(/^\uFEFF/, ''), { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  } catch (err) {
    if (err instanceof RangeError) return tooDeep(0);
    throw err;
  }
  // The parser catches its own stack overflow on deep nesting and reports it at every level it
  // unwinds through (hundreds of errors); one problem says it all.
  const exhausted = doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) return tooDeep(exhausted.pos[0]);

  const parsed: ParsedFile = { file, doc, lines, keys: new Map() };
  const problems: CaseProblem[] = doc.errors.map((err) => ({ ...at(err.pos[0]), path: '', message: `YAML syntax: ${firstLine(err.message)}` }));
  const { duplicates, aliases } = indexKeys(parsed);
  for (const { name, offset, firstOffset } of duplicates) {
    const message = `YAML syntax: map keys must be unique; "${name}" is already given on line ${lines.linePos(firstOffset).line}`;
    problems.push({ ...at(offset), path: '', message });
  }
  if (problems.length > 0) return { ok: false, problems: problems.sort((a, b) => a.line - b.line || a.column - b.column) };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    // Aliases can nest a deep anchor inside another deep anchor, beyond what the checks above see.
    if (err instanceof RangeError) return tooDeep(0);
    return fail(0, `cannot read YAML: ${firstLine((err as Error).message)}`);
  }
  if (depthExceeds(data, MAX_DEPTH)) return tooDeep(0);
  return { ok: true, parsed, data, aliases };
}

interface DuplicateKey {
  name: string;
  offset: number;
  firstOffset: number;
}

/** Fills `parsed.keys` in one iterative pass (deep input must not overflow the stack) and returns every repeated key, and whether any alias was seen. */
function indexKeys(parsed: ParsedFile): { duplicates: DuplicateKey[]; aliases: boolean } {
  const duplicates: DuplicateKey[] = [];
  let aliases = false;
  const stack: unknown[] = [parsed.doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isAlias(node)) aliases = true;
    else if (isMap(node)) {
      const byName = new Map<string, Pair>();
      parsed.keys.set(node, byName);
      for (const pair of node.items) {
        stack.push(pair.key, pair.value);
        // Keys are compared as the strings they become in the data: `1` and "1" collide there.
        if (!isScalar(pair.key)) continue;
        const name = String(pair.key.value);
        const first = byName.get(name)?.key;
        if (isScalar(first)) duplicates.push({ name, offset: pair.key.range?.[0] ?? 0, firstOffset: first.range?.[0] ?? 0 });
        else byName.set(name, pair);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) {
        if (isPair(item)) stack.push(item.key, item.value);
        else stack.push(item);
      }
    }
  }
  return { duplicates, aliases };
}

/** Finds the line and column of a key path inside one file's document: at the value, or at the key itself. */
export function locate(parsed: ParsedFile, path: readonly PropertyKey[], atKey = false): Position {
  let node: unknown = parsed.doc.contents;
  let found: Node | null = hasRange(node) ? node : null;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (isMap(node)) {
      const pair = parsed.keys.get(node)?.get(String(seg));
      if (!pair) break;
      if (i === path.length - 1 && atKey && hasRange(pair.key)) { found = pair.key; break; }
      node = pair.value;
      if (hasRange(node)) found = node;
      else if (hasRange(pair.key)) found = pair.key;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      if (hasRange(node)) found = node;
      else break;
    } else break;
  }
  const pos = parsed.lines.linePos(found?.range?.[0] ?? 0);
  return { file: parsed.file, line: pos.line, column: pos.col };
}

function hasRange(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value && Array.isArray((value as Node).range);
}

export function depthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (d > limit) return true;
    if (v && typeof v === 'object') for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return false;
}

export function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
