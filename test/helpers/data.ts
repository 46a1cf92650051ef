// Real third-party data lives in DEEDS_DATA_DIR, by default ../shared/data beside the repository,
// and is never copied into it. Where it is absent, tests that need it are skipped with the
// reason, except under CI=true, where a missing file is a failure.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const DATA_DIR = process.env['DEEDS_DATA_DIR'] ?? join(root, '..', 'shared', 'data');

/** The path of a data file, or null when it is missing outside CI (the caller skips). */
export function dataFile(relative: string): string | null {
  const path = join(DATA_DIR, relative);
  if (existsSync(path)) return path;
  if (process.env['CI'] === 'true') throw new Error(`test data missing under CI: ${path} (set DEEDS_DATA_DIR)`);
  return null;
}
