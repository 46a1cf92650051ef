// The web client against the real server (requests go to the app in-process): it reads an
// object's ETag, sends it back as If-Match, and turns a refused write into a ConflictError that
// carries the version stored now, ready for the conflict view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type App } from '../../src/server/app.js';
import { openStore, type Store } from '../../src/store/open.js';
import { loadCase } from '../../src/store/cases.js';
import { addUser, grantRole } from '../../src/accounts/index.js';
import { miniCase } from '../helpers/mini-case.js';
import { ApiError, apiTagged, ConflictError, setCsrfToken } from '../../web/src/api/client.js';

const M = '/api/cases/mini';
const PASSWORD = 'a long test password';

describe('the web client and ETags', () => {
  let store: Store;
  let app: App;
  let realFetch: typeof fetch;
  /** The session cookie of the user the browser is signed in as. */
  let cookie = '';
  const signInAs = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password: PASSWORD } });
    cookie = `deeds_session=${res.cookies.find((c) => c.name === 'deeds_session')?.value ?? ''}`;
    setCsrfToken(res.json<{ csrf_token: string }>().csrf_token);
  };
  beforeAll(async () => {
    store = await openStore(':memory:');
    await loadCase(store, miniCase(), { actor: 'test:setup' });
    for (const role of ['analyst', 'reviewer'] as const) {
      await addUser(store, role, PASSWORD, { admin: false, actor: 'test:setup' });
      await grantRole(store, role, 'mini', role, 'test:setup');
    }
    app = await buildServer({ store });
    await signInAs('analyst');
    realFetch = globalThis.fetch;
    // The browser would send the session cookie; here each request goes to the app with it.
    globalThis.fetch = async (input: string | URL | Request, init: RequestInit = {}) => {
      const res = await app.inject({
        method: (init.method ?? 'GET') as 'GET',
        url: String(input),
        headers: { ...(init.headers as Record<string, string>), cookie },
        ...(typeof init.body === 'string' ? { payload: init.body } : {}),
      });
      const headers = new Headers();
      for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') headers.set(k, v);
      return new Response(res.statusCode === 204 ? null : res.body, { status: res.statusCode, headers });
    };
  });
  afterAll(async () => {
    globalThis.fetch = realFetch;
    setCsrfToken(null);
    await app?.close();
    await store?.close();
  });

  it('reads an object with its ETag and writes with If-Match', async () => {
    const read = await apiTagged<{ name: string }>(`${M}/objects/actors/united-states`);
    expect(read.data.name).toBe('United States');
    expect(read.etag).toMatch(/^"[0-9a-f]+"$/);
    const written = await apiTagged<{ name: string }>(`${M}/objects/actors/united-states`, { method: 'PUT', body: { ...read.data, name: 'USA' }, ifMatch: read.etag });
    expect(written.data.name).toBe('USA');
    expect(written.etag).not.toBe(read.etag);
  });

  it('throws a ConflictError with the stored version when the ETag is stale', async () => {
    const read = await apiTagged<Record<string, unknown>>(`${M}/objects/actors/taliban`);
    const theirs = await apiTagged<Record<string, unknown>>(`${M}/objects/actors/taliban`, { method: 'PUT', body: { ...read.data, name: 'Theirs' }, ifMatch: read.etag });
    const refused = await apiTagged(`${M}/objects/actors/taliban`, { method: 'PUT', body: { ...read.data, name: 'Mine' }, ifMatch: read.etag }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused).toBeInstanceOf(ApiError);
    const conflict = refused as ConflictError<Record<string, unknown>>;
    expect(conflict.status).toBe(412);
    expect(conflict.current).toEqual(theirs);
    // Overwriting on purpose with the ETag the conflict carried.
    const again = await apiTagged<{ name: string }>(`${M}/objects/actors/taliban`, { method: 'PUT', body: { ...read.data, name: 'Mine' }, ifMatch: conflict.current?.etag });
    expect(again.data.name).toBe('Mine');
  });

  it('does the same for a retraction of an evidence item', async () => {
    await signInAs('reviewer');
    const read = await apiTagged<Record<string, unknown>>(`${M}/evidence/ev-2`);
    const refused = await apiTagged(`${M}/evidence/ev-2/retract`, { method: 'POST', body: { date: '2022-01-01', reason: 'r' }, ifMatch: '"stale"' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConflictError);
    expect((refused as ConflictError).current).toEqual(read);
  });
});
