// Child process for the crash test: loads a large generated case and, halfway through the
// transaction, says so and stops, waiting to be killed.
import { openStore } from '../../src/store/open.js';
import { loadCase } from '../../src/store/cases.js';
import { generateCase } from '../helpers/generate.js';
import { stopHalfway } from '../helpers/kill-halfway.js';

const spec = process.argv[2];
if (!spec) throw new Error('usage: load-child.ts DB_SPEC');
const store = await openStore(spec);
const big = generateCase({ id: 'big', evidence: 4000, commitments: 400 });
await loadCase(store, big, { actor: 'test:child', onProgress: stopHalfway() });
process.stdout.write('FINISHED\n');
