// Crash tests: a child process runs a long write inside its transaction, says HALFWAY, and is
// killed with SIGKILL there; the test then checks the database is as it was.
import { spawn } from 'node:child_process';

/** Runs `script args…` under tsx until it prints HALFWAY, then SIGKILLs it; resolves with the signal. */
export function killHalfway(script: string, args: string[]): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('HALFWAY')) proc.kill('SIGKILL');
    });
    proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
    proc.on('error', reject);
    proc.on('exit', (code, signal) => {
      if (out.includes('FINISHED') || !out.includes('HALFWAY')) reject(new Error(`the child did not stop halfway (code ${code}): ${out} ${err}`));
      else resolve(signal);
    });
  });
}

/** For the child: a progress callback that, halfway, prints HALFWAY and blocks inside the open transaction until killed. */
export function stopHalfway(): (done: number, total: number) => void {
  let signalled = false;
  return (done, total) => {
    if (signalled || done < total / 2) return;
    signalled = true;
    process.stdout.write('HALFWAY\n', () => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000));
  };
}
