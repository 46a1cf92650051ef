// Concurrent writes through the API, on both databases: every acknowledged write is there
// afterwards, and every refusal is a clear 4xx or 503, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { getCase } from '../../src/store/cases.js';
import { addEvidence } from '../../src/store/evidence.js';
import { saveObject } from '../../src/store/objects.js';
import { verifyAudit } from '../../src/store/audit/log.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';

const M = '/api/cases/mini';
const item = (id: string, summary = `item ${id}`) => ({ id, source: 'report', observed: { from: '2021-01-01' }, credibility: 2, summary, bears_on: [{ target: 'ct-soil', stance: 'supports' }] });
const actor = (id: string, name: string) => ({ id, kind: 'armed_group', name });

/** Every answer is a success or a problem the client can act on: no 500s, no stack traces. */
function expectClear(responses: LightMyRequestResponse[], allowed: number[]): void {
  for (const res of responses) {
    expect(allowed, `${res.statusCode}: ${res.body}`).toContain(res.statusCode);
    if (res.statusCode >= 400) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  }
}

describe.each(storeKinds)('concurrent writes on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
    for (let i = 0; i < 24; i++) await saveObject(s.store, 'mini', 'actors', actor(`group-${i}`, `Group ${i}`), { actor: 'test:setup' });
    for (let i = 0; i < 8; i++) await addEvidence(s.store, 'mini', item(`ev-race-${i}`), { actor: 'test:setup' });
  });
  afterAll(async () => s?.close());

  it('keeps every edit of different objects made at once', async () => {
    const responses = await Promise.all(Array.from({ length: 24 }, (_, i) =>
      s.call('analyst', 'PUT', `${M}/objects/actors/group-${i}`, actor(`group-${i}`, `Group ${i}, renamed`))));
    expectClear(responses, [200]);
    const c = await getCase(s.store, 'mini');
    for (let i = 0; i < 24; i++) expect(c?.actors.find((a) => a.id === `group-${i}`)?.name).toBe(`Group ${i}, renamed`);
  });

  it('lets one of several edits made from the same read win and answers the rest 412', async () => {
    const read = await s.call('analyst', 'GET', `${M}/objects/actors/group-0`);
    const etag = read.headers['etag'] as string;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      s.call('analyst', 'PUT', `${M}/objects/actors/group-0`, actor('group-0', `Edit ${i}`), { 'if-match': etag })));
    expectClear(responses, [200, 412]);
    const won = responses.filter((r) => r.statusCode === 200);
    expect(won).toHaveLength(1);
    const name = won[0]!.json<{ name: string }>().name;
    expect((await getCase(s.store, 'mini'))?.actors.find((a) => a.id === 'group-0')?.name).toBe(name);
    expect(won[0]!.headers['etag']).not.toBe(etag);
  });

  it('stores every one of several unconditional edits of the same object, the last one standing', async () => {
    const before = (await s.store.db.selectFrom('audit_log').select('seq').orderBy('seq', 'desc').executeTakeFirstOrThrow()).seq;
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      s.call('analyst', 'PUT', `${M}/objects/actors/group-1`, actor('group-1', `Unconditional ${i}`))));
    expectClear(responses, [200]);
    const entries = await s.store.db.selectFrom('audit_log').select(['action', 'object_ids']).where('seq', '>', before).orderBy('seq').execute();
    // Each edit was applied to the case as the previous one left it: one audit entry each.
    expect(entries.filter((e) => e.action === 'actors.update')).toHaveLength(6);
    const name = (await getCase(s.store, 'mini'))?.actors.find((a) => a.id === 'group-1')?.name;
    expect(responses.map((r) => r.json<{ name: string }>().name)).toContain(name);
  });

  it('keeps retractions made while other objects are edited', async () => {
    const retractions = Array.from({ length: 8 }, (_, i) =>
      s.call('reviewer', 'POST', `${M}/evidence/ev-race-${i}/retract`, { date: '2022-01-01', reason: `withdrawn ${i}` }));
    const edits = Array.from({ length: 8 }, (_, i) =>
      s.call('analyst', 'PUT', `${M}/objects/actors/group-${10 + i}`, actor(`group-${10 + i}`, `Edited during retractions ${i}`)));
    const responses = await Promise.all([...retractions, ...edits]);
    expectClear(responses, [200]);
    const c = await getCase(s.store, 'mini');
    for (let i = 0; i < 8; i++) {
      expect(c?.evidence.find((e) => e.id === `ev-race-${i}`)?.retracted?.reason).toBe(`withdrawn ${i}`);
      expect(c?.actors.find((a) => a.id === `group-${10 + i}`)?.name).toBe(`Edited during retractions ${i}`);
    }
  });

  it('stores a new evidence id once: one 201, 409 for the others', async () => {
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => s.call('analyst', 'POST', `${M}/evidence`, item('ev-dup', `attempt ${i}`))));
    expectClear(responses, [201, 409]);
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
    const versions = await s.store.db.selectFrom('evidence_versions').select('version').where('case_id', '=', 'mini').where('id', '=', 'ev-dup').execute();
    expect(versions).toEqual([{ version: 1 }]);
  });

  it('creates a new object id once: one 201, 409 for the others', async () => {
    const responses = await Promise.all(Array.from({ length: 6 }, (_, i) => s.call('analyst', 'POST', `${M}/objects/actors`, actor('group-dup', `Attempt ${i}`))));
    expectClear(responses, [201, 409]);
    expect(responses.filter((r) => r.statusCode === 201)).toHaveLength(1);
  });

  it('leaves an audit log that verifies, rows included', async () => {
    expect(await verifyAudit(s.store.db)).toMatchObject({ ok: true });
  });
});
