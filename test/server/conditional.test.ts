// Conditional writes: a client sends back the ETag it read in If-Match, and the write happens only
// if nothing changed since (412 otherwise). Every write answers with the new ETag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';

const M = '/api/cases/mini';

describe.each(storeKinds)('If-Match on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.close());

  it('updates an object with the ETag just read, and refuses a stale one with 412', async () => {
    const read = await s.call('analyst', 'GET', `${M}/objects/actors/united-states`);
    const etag = read.headers['etag'] as string;
    const actor = read.json<Record<string, unknown>>();
    const first = await s.call('analyst', 'PUT', `${M}/objects/actors/united-states`, { ...actor, name: 'USA' }, { 'if-match': etag });
    expect(first.statusCode).toBe(200);
    const newTag = first.headers['etag'] as string;
    expect(newTag).not.toBe(etag);
    const stale = await s.call('analyst', 'PUT', `${M}/objects/actors/united-states`, { ...actor, name: 'United States of America' }, { 'if-match': etag });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await s.call('viewer', 'GET', `${M}/objects/actors/united-states`)).json<{ name: string }>().name).toBe('USA');
    expect((await s.call('analyst', 'PUT', `${M}/objects/actors/united-states`, { ...actor, name: 'U.S.' }, { 'if-match': `W/${newTag}` })).statusCode).toBe(200);
    expect((await s.call('analyst', 'PUT', `${M}/objects/actors/united-states`, { ...actor, name: 'US' }, { 'if-match': '*' })).statusCode).toBe(200);
  });

  it('does the same for the settings', async () => {
    const read = await s.call('owner', 'GET', `${M}/settings`);
    expect(read.statusCode).toBe(200);
    const etag = read.headers['etag'] as string;
    const changed = await s.call('owner', 'PUT', `${M}/settings`, { case: { title: 'Renamed' } }, { 'if-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers['etag']).toBe((await s.call('owner', 'GET', `${M}/settings`)).headers['etag']);
    expect((await s.call('owner', 'PUT', `${M}/settings`, { case: { title: 'Renamed again' } }, { 'if-match': etag })).statusCode).toBe(412);
    expect((await s.call('viewer', 'GET', `${M}/settings`)).json<{ case: { title: string } }>().case.title).toBe('Renamed');
  });

  it('retracts an evidence item only if it is still the version read', async () => {
    const read = await s.call('reviewer', 'GET', `${M}/evidence/ev-2`);
    const etag = read.headers['etag'] as string;
    const stale = await s.call('reviewer', 'POST', `${M}/evidence/ev-2/retract`, { date: '2022-01-01', reason: 'r' }, { 'if-match': '"0000"' });
    expect(stale.statusCode).toBe(412);
    const today = () => new Date().toISOString().slice(0, 10);
    const before = today();
    const done = await s.call('reviewer', 'POST', `${M}/evidence/ev-2/retract`, { date: '2022-01-01', reason: 'r' }, { 'if-match': etag });
    expect(done.statusCode).toBe(200);
    expect([before, today()]).toContain(done.json<{ retracted: { recorded: string } }>().retracted.recorded);
    expect((await s.call('reviewer', 'POST', `${M}/evidence/ev-2/retract`, { date: '2022-01-01', reason: 'again' })).statusCode).toBe(409);
  });
});
