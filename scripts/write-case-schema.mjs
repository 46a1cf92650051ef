// Part of `npm run build`: writes the case format's JSON Schema beside the built case modules, so
// that `deeds case schema` prints a file instead of loading zod to convert the schemas on every
// run (start-up under 150 ms). It is made from the just-built schemas, so it cannot go stale.
import { writeFileSync } from 'node:fs';

const { caseJsonSchema } = await import(new URL('../dist/case/json-schema.js', import.meta.url).href);
writeFileSync(new URL('../dist/case/case-schema.json', import.meta.url), `${JSON.stringify(caseJsonSchema(), null, 2)}\n`);
