// Real third-party data lives in DEEDS_DATA_DIR, by default ../shared/data beside the repository,
// and is never copied into it. Where it is absent, tests that need it are skipped with the
// reason, except under CI=true, where a missing file is a failure.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const DATA_DIR = process.env['DEEDS_DATA_DIR'] ?? join(root, '..', 'shared', 'data');

const warned = new Set<string>();

/** Whether every file exists; false (with a warning naming what is missing) outside CI, an error under CI. */
export function hasData(...relatives: string[]): boolean {
  const missing = relatives.map((r) => join(DATA_DIR, r)).filter((p) => !existsSync(p));
  if (missing.length === 0) return true;
  const reason = `test data missing: ${missing.join(', ')} (set DEEDS_DATA_DIR to the shared data folder)`;
  if (process.env['CI'] === 'true') throw new Error(`${reason}; under CI=true this is a failure`);
  if (!warned.has(reason)) {
    warned.add(reason);
    console.warn(`skipping tests that need real data — ${reason}`);
  }
  return false;
}

/** The path of a data file, or null when it is missing outside CI (the caller skips). */
export function dataFile(relative: string): string | null {
  return hasData(relative) ? join(DATA_DIR, relative) : null;
}
