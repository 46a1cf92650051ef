// Child process for the crash test: loads a large generated case and, halfway through the
// transaction, says so and stops, waiting to be killed.
import { openStore } from '../../src/store/open.js';
import { loadCase } from '../../src/store/cases.js';
import { generateCase } from '../helpers/generate.js';

const spec = process.argv[2];
if (!spec) throw new Error('usage: load-child.ts DB_SPEC');
const store = await openStore(spec);
const big = generateCase({ id: 'big', evidence: 4000, commitments: 400 });
let signalled = false;
await loadCase(store, big, {
  actor: 'test:child',
  onProgress(done, total) {
    if (!signalled && done >= total / 2) {
      signalled = true;
      process.stdout.write('HALFWAY\n', () => {
        // Block inside the open transaction until the parent kills us.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
      });
    }
  },
});
process.stdout.write('FINISHED\n');
