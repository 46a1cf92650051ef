// Child process for the killed-import test: imports a large GED file and, halfway through the
// file (inside the import's transaction), says so and waits to be killed.
import { importEventFile } from '../../src/import/events.js';
import { openStore } from '../../src/store/open.js';
import { stopHalfway } from '../helpers/kill-halfway.js';

const [spec, file, mode] = process.argv.slice(2);
if (!spec || !file) throw new Error('usage: import-child.ts DB_SPEC FILE [threads]');
const store = await openStore(spec);
await importEventFile(store, file, { actor: 'test:child', dataset: 'ucdp-ged', version: '25.1', threads: mode === 'threads', onProgress: stopHalfway() });
process.stdout.write('FINISHED\n');
