// The API's description is complete and the web client's types follow it: every route answers
// with a declared schema, and web/src/api/schema.d.ts is what the OpenAPI document generates now.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiTypes, openApiDocument, REGENERATE, SCHEMA_FILE } from '../../scripts/api-types.js';

interface Operation { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, unknown> } };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

describe('the OpenAPI document', () => {
  let doc: Document;
  beforeAll(async () => {
    doc = (await openApiDocument()) as unknown as Document;
  });

  const operations = () => Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).filter(([method]) => METHODS.includes(method)).map(([method, op]) => ({ route: `${method.toUpperCase()} ${path}`, op })));

  it('describes the success answer of every route', () => {
    expect(operations().length).toBeGreaterThan(40);
    const undescribed = operations().filter(({ op }) => {
      const success = Object.entries(op.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (success.length === 0) return true;
      // 204 has no body; every other success has a schema for each of its content types.
      return success.some(([status, r]) => status !== '204' && (!r.content || Object.values(r.content).some((c) => c.schema === undefined)));
    }).map(({ route }) => route);
    expect(undescribed, 'routes without a response schema for their 2xx').toEqual([]);
  });

  it('refers only to components it defines', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    expect([...new Set(refs)].filter((name) => name === undefined || !(name in doc.components.schemas))).toEqual([]);
  });

  it('gives errors the one problem shape', () => {
    const problem = doc.components.schemas['Problem'] as { required?: string[] };
    expect(problem.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'detail']));
    const get = doc.paths['/api/cases/{case}/assessment']?.['get'];
    expect(get?.responses?.['404']?.content?.['application/problem+json']?.schema).toEqual({ $ref: '#/components/schemas/Problem' });
  });
});

describe('web/src/api/schema.d.ts', () => {
  it('is what the OpenAPI document generates now', async () => {
    const fresh = await apiTypes();
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed === fresh, `web/src/api/schema.d.ts is stale: the API's schemas changed since it was generated. Run \`${REGENERATE}\` and commit the file.`).toBe(true);
  });
});
