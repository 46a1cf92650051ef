// The web client's types, generated from the API's OpenAPI document: the app is built in-process
// on an empty in-memory database (no port, no data), its document is read, and openapi-typescript
// turns it into web/src/api/schema.d.ts. Used by scripts/gen-api-types.ts, which writes the file,
// and by test/server/openapi-types.test.ts, which fails when the committed file is stale.
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildServer } from '../src/server/app.js';
import { openStore } from '../src/store/open.js';

export const SCHEMA_FILE = fileURLToPath(new URL('../web/src/api/schema.d.ts', import.meta.url));
export const REGENERATE = 'npm run gen:api';

const HEADER = `// GENERATED from GET /api/openapi.json by scripts/gen-api-types.ts: do not edit by hand.
// After changing a route's schemas (src/server/routes, src/server/schemas), regenerate with:
//   ${REGENERATE}
// test/server/openapi-types.test.ts fails while this file is stale.

`;

/** The OpenAPI document the server serves at /api/openapi.json. */
export async function openApiDocument(): Promise<ReturnType<Awaited<ReturnType<typeof buildServer>>['swagger']>> {
  const store = await openStore(':memory:');
  try {
    // No web root: the document is the same with or without the built UI.
    const app = await buildServer({ store, webRoot: fileURLToPath(new URL('./no-web-ui/', import.meta.url)) });
    await app.ready();
    const document = app.swagger();
    await app.close();
    return document;
  } finally {
    await store.close();
  }
}

/** The text of web/src/api/schema.d.ts as it should be now. */
export async function apiTypes(): Promise<string> {
  const document = await openApiDocument();
  const ast = await openapiTS(document as unknown as OpenAPI3);
  return HEADER + astToString(ast);
}
