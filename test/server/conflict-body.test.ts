// A refused conditional write (412) carries the version stored now and its ETag, so a client can
// show both versions of a conflict and overwrite on purpose with that ETag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';

const M = '/api/cases/mini';

interface Conflict {
  status: number;
  detail: string;
  current?: { etag: string; value: Record<string, unknown> };
}

describe.each(storeKinds)('the 412 body on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.close());

  it('of an object edit holds the object as someone else saved it, with its ETag', async () => {
    const url = `${M}/objects/actors/united-states`;
    const read = await s.call('analyst', 'GET', url);
    const mine = read.json<Record<string, unknown>>();
    const theirs = await s.call('owner', 'PUT', url, { ...mine, name: 'Theirs' }, { 'if-match': read.headers['etag'] as string });
    expect(theirs.statusCode).toBe(200);

    const refused = await s.call('analyst', 'PUT', url, { ...mine, name: 'Mine' }, { 'if-match': read.headers['etag'] as string });
    expect(refused.statusCode).toBe(412);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = refused.json<Conflict>();
    expect(body).toMatchObject({ status: 412, current: { etag: theirs.headers['etag'], value: theirs.json() } });
    expect(body.current?.value['name']).toBe('Theirs');

    // Overwriting on purpose: the ETag from the conflict is the current one.
    const again = await s.call('analyst', 'PUT', url, { ...mine, name: 'Mine' }, { 'if-match': body.current?.etag ?? '' });
    expect(again.statusCode).toBe(200);
    expect((await s.call('viewer', 'GET', url)).json<{ name: string }>().name).toBe('Mine');
  });

  it('of a settings edit holds the settings stored now', async () => {
    const read = await s.call('owner', 'GET', `${M}/settings`);
    const changed = await s.call('owner', 'PUT', `${M}/settings`, { case: { title: 'First' } }, { 'if-match': read.headers['etag'] as string });
    const refused = await s.call('owner', 'PUT', `${M}/settings`, { case: { title: 'Second' } }, { 'if-match': read.headers['etag'] as string });
    expect(refused.statusCode).toBe(412);
    expect(refused.json<Conflict>().current).toEqual({ etag: changed.headers['etag'], value: changed.json() });
  });

  it('of a retraction or a correction holds the evidence item stored now', async () => {
    const read = await s.call('reviewer', 'GET', `${M}/evidence/ev-1`);
    const etag = read.headers['etag'] as string;
    const retracted = await s.call('reviewer', 'POST', `${M}/evidence/ev-1/retract`, { date: '2022-01-01', reason: 'wrong date' }, { 'if-match': etag });
    expect(retracted.statusCode).toBe(200);

    const correction = { ...read.json<Record<string, unknown>>(), id: 'ev-1-fixed', supersedes: 'ev-1' };
    for (const [path, payload] of [[`${M}/evidence/ev-1/retract`, { date: '2022-02-01', reason: 'again' }], [`${M}/evidence/ev-1/supersede`, correction]] as const) {
      const refused = await s.call('reviewer', 'POST', path, payload, { 'if-match': etag });
      expect(refused.statusCode, path).toBe(412);
      const body = refused.json<Conflict>();
      expect(body.current?.etag).toBe(retracted.headers['etag']);
      expect(body.current?.value).toEqual(retracted.json());
      expect(body.current?.value['retracted']).toMatchObject({ reason: 'wrong date' });
    }
  });

  it('is a plain problem when nothing is stored under that id any more', async () => {
    const refused = await s.call('analyst', 'PUT', `${M}/objects/actors/no-such-actor`, { id: 'no-such-actor', kind: 'state', name: 'X' }, { 'if-match': '"0"' });
    expect(refused.statusCode).toBe(404);
    expect(refused.json<Conflict>().current).toBeUndefined();
  });
});
