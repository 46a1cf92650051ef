// Child process for the killed-import test: imports a large GED file and, halfway through the
// file (inside the import's transaction), says so and waits to be killed.
import { importEventFile } from '../../src/events/import.js';
import { openStore } from '../../src/store/open.js';

const [spec, file] = process.argv.slice(2);
if (!spec || !file) throw new Error('usage: import-child.ts DB_SPEC FILE');
const store = await openStore(spec);
let signalled = false;
await importEventFile(store, file, {
  actor: 'test:child',
  dataset: 'ucdp-ged',
  version: '25.1',
  onProgress(done, total) {
    if (!signalled && done >= total / 2) {
      signalled = true;
      process.stdout.write('HALFWAY\n', () => {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
      });
    }
  },
});
process.stdout.write('FINISHED\n');
