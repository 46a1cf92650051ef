// What every command shares: exit codes, the store named by --db, who is acting, and output.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import type { Store } from '../store/open.js';
import { EXIT } from '../errors/index.js';

export { EXIT };

/**
 * A problem with what the user asked for or gave: printed without a stack trace (nothing when the
 * message is empty), exit 1, or exit 2 for a wrong command line.
 */
export class UserError extends Error {
  override name = 'UserError';
  readonly code: 'input' | 'usage';
  constructor(message: string, readonly exitCode: typeof EXIT.input | typeof EXIT.usage = EXIT.input) {
    super(message);
    this.code = exitCode === EXIT.usage ? 'usage' : 'input';
  }
}

export interface DbOptions {
  db?: string;
}

export function withDb(command: Command): Command {
  return command.option('--db <path-or-url>', 'SQLite file or postgres:// URL (default: $DEEDS_DB, else ./deeds.db)');
}

export async function useStore<T>(options: DbOptions, work: (store: Store) => Promise<T>): Promise<T> {
  // Imported here, not above: commands that never open a store start faster (see main.ts).
  const { openStore, resolveDbSpec } = await import('../store/open.js');
  const store = await openStore(resolveDbSpec(options.db));
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The identity written to the audit log for writes made from the command line. */
export function cliActor(env: NodeJS.ProcessEnv = process.env): string {
  let name = env['DEEDS_USER'];
  if (!name) {
    try {
      name = userInfo().username;
    } catch {
      name = 'unknown';
    }
  }
  return `cli:${name}`;
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

export function print(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : text + '\n');
}

export function warn(text: string): void {
  process.stderr.write(text.endsWith('\n') ? text : text + '\n');
}
