// Runs `deeds` inside the test's own process: main(argv) with stdout and stderr captured and the
// exit code it returns. The same command tree, error table and exit codes as the executable,
// without a new Node process per command (test/helpers/cli.ts spawns one, for the smoke tests).
import { main } from '../../src/cli/main.js';
import type { CliResult } from './cli.js';

let queue: Promise<unknown> = Promise.resolve();

/** Like deeds() from cli.ts, in-process. Calls run one at a time: they share process.env and the output streams. */
export function deedsMain(args: string[], options: { env?: Record<string, string> } = {}): Promise<CliResult> {
  const run = queue.then(() => runOnce(args, { DEEDS_DB: '', DEEDS_USER: 'tester', ...options.env }));
  queue = run.catch(() => undefined);
  return run;
}

async function runOnce(args: string[], env: Record<string, string>): Promise<CliResult> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  try {
    const code = await main([process.execPath, 'deeds', ...args]);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function capture(into: string[]): typeof process.stdout.write {
  return ((chunk: string | Uint8Array, encodingOrDone?: BufferEncoding | ((e?: Error | null) => void), done?: (e?: Error | null) => void): boolean => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    const callback = typeof encodingOrDone === 'function' ? encodingOrDone : done;
    callback?.();
    return true;
  }) as typeof process.stdout.write;
}
