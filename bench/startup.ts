// CLI start-up: the median wall time of `deeds` commands that do not serve, next to bare `node`
// measured in the same run (the reference: what no program can go below). Target (issue #17):
// under 150 ms for `--help` of every command and for quick commands. `case validate` on the
// bundled case is a real command: its figure is start-up plus reading and checking 130 KB of
// YAML, shown beside the same work done in-process (warm) to tell the two apart.
// Needs `npm run build` first. Run: npx tsx bench/startup.ts [runs]
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';

const runs = Number(process.argv[2] ?? 10);
const commands = ['case', 'evidence', 'assess', 'review', 'changes', 'timeline', 'ach', 'import', 'fetch', 'screen', 'sanctions',
  'indicators', 'alerts', 'report', 'audit', 'user', 'grant', 'revoke', 'serve', 'demo'];
const cases: [string, string[], boolean][] = [
  ['bare node (reference)', ['-e', '0'], false],
  ['deeds --version', ['bin/deeds', '--version'], true],
  ...commands.map((c): [string, string[], boolean] => [`deeds ${c} --help`, ['bin/deeds', c, '--help'], true]),
  ['deeds case validate --help', ['bin/deeds', 'case', 'validate', '--help'], true],
  ['deeds case schema', ['bin/deeds', 'case', 'schema'], true],
  ['deeds case validate (bundled case)', ['bin/deeds', 'case', 'validate', 'cases/afghanistan-doha'], false],
  ['deeds --help (loads every command)', ['bin/deeds', '--help'], false],
];

/**
 * Median wall time of each command. The runs go round-robin (every command once, then again), so
 * that a busy moment on a shared machine falls on all commands alike, the reference included.
 */
function medians(): number[] {
  const times: number[][] = cases.map(() => []);
  for (let i = 0; i < runs; i++) {
    cases.forEach(([, args], k) => {
      const started = performance.now();
      const run = spawnSync(process.execPath, args, { stdio: 'ignore' });
      if (run.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${run.status}`);
      times[k]?.push(performance.now() - started);
    });
  }
  return times.map((t) => [...t].sort((a, b) => a - b)[Math.floor(t.length / 2)] as number);
}

/** Reading and checking the bundled case inside one process, after a first warm-up read. */
function inProcessValidate(): number {
  const script = `const { readCase } = await import('./dist/case/read.js'); await readCase('cases/afghanistan-doha');
    const t = []; for (let i = 0; i < ${runs}; i++) { const s = performance.now(); await readCase('cases/afghanistan-doha'); t.push(performance.now() - s); }
    t.sort((a, b) => a - b); process.stdout.write(String(t[Math.floor(t.length / 2)]));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  return Number(run.stdout);
}

const measured = medians();
const reference = measured[0] as number;
let missed = 0;
cases.forEach(([label, , targeted], k) => {
  const ms = measured[k] as number;
  if (targeted && ms >= 150) missed++;
  const target = targeted ? `   target < 150 ms: ${ms < 150 ? 'met' : 'MISSED'}` : '';
  console.log(`${label.padEnd(40)} median ${ms.toFixed(0).padStart(5)} ms over ${runs} runs   ${(ms / reference).toFixed(1)}× bare node, +${(ms - reference).toFixed(0)} ms${target}`);
});
console.log(`${'  of which reading the case (in-process, warm)'.padEnd(40)} median ${inProcessValidate().toFixed(0).padStart(5)} ms`);
console.log(`${missed} of ${cases.filter((c) => c[2]).length} targeted commands missed 150 ms; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} (on a busy machine, compare with bare node)`);
