// Child process for the two-process test: opens the same database and writes as fast as it can,
// printing `OK <id>` for every acknowledged write and `ERR <name>: <message>` for every refusal.
import { openStore } from '../../src/store/open.js';
import { addEvidence } from '../../src/store/evidence.js';
import { saveObject } from '../../src/store/objects.js';

const [spec, tag, countText] = process.argv.slice(2);
if (!spec || !tag || !countText) throw new Error('usage: writer-child.ts DB_SPEC TAG COUNT');
const store = await openStore(spec, { busyTimeoutMs: 20_000 });
const who = { actor: `test:${tag}` };
for (let i = 0; i < Number(countText); i++) {
  const write = i % 2 === 0
    ? addEvidence(store, 'mini', { id: `ev-${tag}-${i}`, source: 'report', observed: { from: '2021-01-01' }, summary: `by ${tag}`, bears_on: [] }, who).then(() => `ev-${tag}-${i}`)
    : saveObject(store, 'mini', 'actors', { id: `actor-${tag}-${i}`, kind: 'state', name: `Actor ${tag} ${i}` }, who).then(() => `actor-${tag}-${i}`);
  await write.then((id) => process.stdout.write(`OK ${id}\n`), (err: Error) => process.stdout.write(`ERR ${err.name}: ${err.message.split('\n')[0]}\n`));
}
await store.close();
