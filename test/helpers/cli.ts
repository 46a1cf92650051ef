// Runs the built `deeds` executable as a user would (make test builds it first).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const bin = `${root}bin/deeds`;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function deeds(args: string[], options: { env?: Record<string, string>; input?: string; cwd?: string } = {}): CliResult {
  if (!existsSync(`${root}dist/cli/run.js`)) throw new Error('dist/ is missing: run `npm run build` (make test does) before the CLI tests');
  const run = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? root,
    env: { ...process.env, DEEDS_DB: '', DEEDS_USER: 'tester', ...options.env },
    input: options.input ?? '',
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}
