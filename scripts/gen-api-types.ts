// Writes web/src/api/schema.d.ts from the API's OpenAPI document (npm run gen:api); see api-types.ts.
import { writeFile } from 'node:fs/promises';
import { apiTypes, SCHEMA_FILE } from './api-types.js';

await writeFile(SCHEMA_FILE, await apiTypes());
console.log(`wrote ${SCHEMA_FILE}`);
