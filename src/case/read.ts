// Reads a case file or a directory of case files from disk, refusing what is not a sane text
// file before any parsing happens.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseCase, type CaseText, type ParseResult } from './parse.js';
import type { CaseProblem } from './errors.js';

/** Larger than any hand-written case; bigger files are refused before they are parsed. */
export const MAX_CASE_FILE_BYTES = 16 * 1024 * 1024;

export async function readCase(path: string): Promise<ParseResult> {
  const texts = await readCaseTexts(path);
  if (!Array.isArray(texts)) return { ok: false, problems: [texts] };
  return parseCase(texts);
}

export async function readCaseTexts(path: string): Promise<CaseText[] | CaseProblem> {
  const info = await stat(path).catch(() => null);
  if (!info) return problem(path, 'no such file or directory');
  const files = info.isDirectory() ? await yamlFilesUnder(path) : [path];
  if (files.length === 0) return problem(path, 'the directory holds no .yaml or .yml file');
  const texts: CaseText[] = [];
  for (const file of files) {
    const text = await readText(file);
    if (typeof text !== 'string') return text;
    texts.push({ file, text });
  }
  return texts;
}

async function yamlFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name) && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .filter((f) => !relative(dir, f).split(/[\\/]/).some((part) => part.startsWith('.')))
    .sort();
}

async function readText(file: string): Promise<string | CaseProblem> {
  const size = (await stat(file)).size;
  if (size > MAX_CASE_FILE_BYTES) {
    return problem(file, `the file is ${(size / 1048576).toFixed(1)} MB; a case file may be at most ${MAX_CASE_FILE_BYTES / 1048576} MB (split it into several files in a directory)`);
  }
  const bytes = await readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = bytes.subarray(0, at);
    const line = before.filter((b) => b === 0x0a).length + 1;
    // Columns count characters (as an editor does), not bytes; the line up to `at` is valid UTF-8.
    const column = new TextDecoder().decode(before.subarray(before.lastIndexOf(0x0a) + 1)).length + 1;
    return { file, line, column, path: '', message: `not valid UTF-8 (byte 0x${bytes[at]?.toString(16).padStart(2, '0')} at offset ${at}); save the file as UTF-8` };
  }
}

/** Offset of the first byte that breaks UTF-8, found by decoding growing prefixes' last sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + len));
    } catch {
      return i;
    }
    i += len;
  }
  return bytes.length;
}

function problem(file: string, message: string): CaseProblem {
  return { file, line: 1, column: 1, path: '', message };
}
