// Where a new password comes from: DEEDS_PASSWORD, else a prompt on a terminal (not echoed),
// else the first line of standard input.
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';

export async function readNewPassword(prompt: string): Promise<string> {
  const fromEnv = process.env['DEEDS_PASSWORD'];
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) {
    const first = await ask(prompt);
    const second = await ask('Repeat it: ');
    if (first !== second) throw new Error('the two passwords differ');
    return first;
  }
  return firstLineOfStdin();
}

function ask(prompt: string): Promise<string> {
  process.stderr.write(prompt);
  const muted = new Writable({ write: (_chunk, _enc, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  return new Promise((resolve) => rl.question('', (answer) => {
    rl.close();
    process.stderr.write('\n');
    resolve(answer);
  }));
}

async function firstLineOfStdin(): Promise<string> {
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return '';
}
