// CLI start-up: the median wall time of `deeds` commands that do not serve, next to bare `node`
// measured in the same run (the reference: what no program can go below). Target (issue #17):
// under 150 ms for commands that do not serve. Needs `npm run build` first.
// Run: npx tsx bench/startup.ts [runs]
import { spawnSync } from 'node:child_process';

const runs = Number(process.argv[2] ?? 15);
const cases: [string, string[]][] = [
  ['bare node (reference)', ['-e', '0']],
  ['deeds --version', ['bin/deeds', '--version']],
  ['deeds assess --help', ['bin/deeds', 'assess', '--help']],
  ['deeds case validate (bundled case)', ['bin/deeds', 'case', 'validate', 'cases/afghanistan-doha']],
  ['deeds --help (loads every command)', ['bin/deeds', '--help']],
];

function median(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const run = spawnSync(process.execPath, args, { stdio: 'ignore' });
    if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const reference = median(cases[0]![1]);
for (const [label, args] of cases) {
  const ms = label.startsWith('bare') ? reference : median(args);
  const target = label.startsWith('bare') || label.includes('every command') ? '' : `   target < 150 ms: ${ms < 150 ? 'met' : 'MISSED'}`;
  console.log(`${label.padEnd(40)} median ${ms.toFixed(0).padStart(5)} ms over ${runs} runs   ${(ms / reference).toFixed(1)}× bare node${target}`);
}
