// The response schemas say what the routes answer, key for key, on the bundled case (real data,
// `x-` keys included). Bodies serialised once and cached are sent as text, past the schema, so
// they are checked against it here; bodies serialised through the schema are compared with what
// the engine and the store return, so a schema that dropped a field would show.
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readCase } from '../../src/case/read.js';
import type { CaseFile } from '../../src/case/schema.js';
import { loadCase, getCase } from '../../src/store/cases.js';
import { grantRole } from '../../src/accounts/index.js';
import { achPrepared, prepareCase, timelineOf } from '../../src/assess/index.js';
import { AchResult, Assessment, Changes, Review, Timeline } from '../../src/server/schemas/engine.js';
import { Dashboard } from '../../src/server/schemas/dashboard.js';
import { CaseView } from '../../src/server/schemas/stored.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const BUNDLED = fileURLToPath(new URL('../../cases/afghanistan-doha/', import.meta.url));
const A = '/api/cases/afghanistan-doha';

/** The body, encoded by the schema, comes out the same: it fits, and nothing is dropped. */
function keptWhole(schema: z.ZodType, body: unknown): void {
  const encoded = z.safeEncode(schema, body);
  expect(encoded.error?.issues.slice(0, 3), 'the body does not fit its schema').toBeUndefined();
  expect(JSON.parse(JSON.stringify(encoded.data))).toEqual(body);
}

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('response schemas on the bundled case', () => {
  let s: TestServer;
  let c: CaseFile;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
    const read = await readCase(BUNDLED);
    if (!read.ok) throw new Error(`the bundled case does not load: ${JSON.stringify(read.problems.slice(0, 3))}`);
    await loadCase(s.store, read.value, { actor: 'test:setup' });
    await grantRole(s.store, 'viewer', 'afghanistan-doha', 'viewer', 'test:setup');
    c = (await getCase(s.store, 'afghanistan-doha')) as CaseFile;
  });
  afterAll(async () => s?.close());

  const get = async (url: string) => {
    const res = await s.call('viewer', 'GET', url);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json<unknown>();
  };

  it('sends the whole case, x- keys included', async () => {
    expect(JSON.stringify(c)).toContain('"x-sources"');
    const body = await get(A);
    expect(body).toEqual({ ...(json(c) as object), role: 'viewer' });
    // Sent as text, past the schema: it must fit it all the same.
    keptWhole(CaseView, body);
  });

  it('sends every object of every list as stored', async () => {
    for (const list of ['actors', 'relationships', 'sources', 'commitments', 'conditions', 'leverage', 'positions', 'claims', 'hypotheses', 'indicators', 'tripwires'] as const) {
      const page = (await get(`${A}/objects/${list}`)) as { items: unknown[] };
      expect(page.items, list).toEqual(json(c[list]));
    }
    const first = c.evidence[0];
    expect(await get(`${A}/evidence/${first?.id ?? ''}`)).toEqual(json(first));
  });

  it('describes the cached engine answers exactly, at several dates and with a knowledge date', async () => {
    for (const asOf of ['2020-03-01', '2021-08-31', '2023-01-01']) {
      keptWhole(Assessment, await get(`${A}/assessment?as_of=${asOf}`));
      keptWhole(Dashboard, await get(`${A}/dashboard?as_of=${asOf}`));
      keptWhole(Review, await get(`${A}/review?as_of=${asOf}`));
    }
    keptWhole(Assessment, await get(`${A}/assessment?as_of=2021-08-31&known_at=2022-06-01`));
    keptWhole(Changes, await get(`${A}/changes?from=2020-03-01&to=2022-01-01`));
  });

  it('sends timelines and ACH matrices as the engine makes them', async () => {
    const p = prepareCase(c);
    const objects = [c.commitments[0]?.id, c.conditions[0]?.id, c.leverage.find((l) => l.decisions.length > 0)?.id, c.claims[0]?.id];
    for (const id of objects) {
      if (!id) continue;
      const body = await get(`${A}/timeline/${id}?from=2020-02-01&to=2022-12-31`);
      expect(body, id).toEqual(json(timelineOf(p, id, { from: '2020-02-01', to: '2022-12-31', step: 'month' })));
      keptWhole(Timeline, body);
    }
    const set = c.hypotheses[0]?.id;
    expect(set).toBeDefined();
    const ach = await get(`${A}/ach/${set ?? ''}?as_of=2022-01-01`);
    expect(ach).toEqual(json(achPrepared(p, set ?? '', { asOf: '2022-01-01' })));
    keptWhole(AchResult, ach);
  });

  it('refuses, rather than drops, what a schema does not describe', () => {
    const body = { case: 'x', as_of: '2021-01-01', warnings: [] };
    // As the engine could send them, past the types.
    const encodes = (value: object) => z.safeEncode(Review, value as z.output<typeof Review>).success;
    expect(encodes(body)).toBe(true);
    expect(encodes({ ...body, unexpected: 1 })).toBe(false);
    expect(encodes({ ...body, warnings: [{ kind: 'stale', object: 'a', detail: 'd', extra: true }] })).toBe(false);
  });
});
