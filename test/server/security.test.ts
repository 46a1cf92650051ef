// Attacks on sessions, tokens and request bodies, and what the API answers to them; token
// scopes; the security headers of every answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';
import { parseSignInAttempts } from '../../src/cli/serving.js';
import { deedsMain } from '../helpers/cli-main.js';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const isProblem = (res: { headers: Record<string, unknown>; body: string }) => {
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).not.toMatch(/\bat .+\.[jt]s:\d+|SELECT |INSERT |node_modules/);
};

describe.each(storeKinds)('sessions and tokens on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.close());

  it('sets an HttpOnly, SameSite=Strict session cookie and never returns the password hash', async () => {
    const res = await s.call(null, 'POST', '/api/session', { username: 'viewer', password: PASSWORD });
    const cookie = res.cookies.find((c) => c.name === 'deeds_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.body).not.toMatch(/argon2|password/i);
  });

  it('refuses a wrong password with 401 and the same words as for an unknown user', async () => {
    const wrong = await s.call(null, 'POST', '/api/session', { username: 'viewer', password: 'not the password at all' });
    const unknown = await s.call(null, 'POST', '/api/session', { username: 'nobody-at-all', password: 'not the password at all' });
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json<{ detail: string }>().detail).toBe(unknown.json<{ detail: string }>().detail);
  });

  it('gives a new session id at sign-in and ends the one the request came with (no fixation)', async () => {
    const first = await s.signIn('analyst');
    const res = await s.call({ cookie: first.cookie, csrf: '' }, 'POST', '/api/session', { username: 'analyst', password: PASSWORD });
    const second = `deeds_session=${res.cookies.find((c) => c.name === 'deeds_session')?.value}`;
    expect(second).not.toBe(first.cookie);
    expect((await s.call(first, 'GET', '/api/me')).statusCode).toBe(401);
    expect((await s.call({ cookie: second, csrf: '' }, 'GET', '/api/me')).statusCode).toBe(200);
  });

  it('ignores a session id the server never issued', async () => {
    const res = await s.call({ cookie: 'deeds_session=attacker-chosen-value', csrf: '' }, 'GET', '/api/me');
    expect(res.statusCode).toBe(401);
  });

  it('stops accepting the cookie after sign-out', async () => {
    const session = await s.signIn('viewer');
    expect((await s.call(session, 'DELETE', '/api/session')).statusCode).toBe(204);
    expect((await s.call(session, 'GET', '/api/me')).statusCode).toBe(401);
  });

  it('refuses a cookie-authenticated write without the CSRF token, or with another session\'s', async () => {
    const analyst = await s.signIn('analyst');
    const other = await s.signIn('reviewer');
    const item = { id: 'ev-csrf', source: 'report', observed: { from: '2021-01-01' }, summary: 's', bears_on: [{ target: 'ct-soil', stance: 'supports' }] };
    const none = await s.app.inject({ method: 'POST', url: '/api/cases/mini/evidence', payload: item, headers: { cookie: analyst.cookie } });
    const foreign = await s.call({ cookie: analyst.cookie, csrf: other.csrf }, 'POST', '/api/cases/mini/evidence', item);
    expect([none.statusCode, foreign.statusCode]).toEqual([403, 403]);
    isProblem(none);
    expect((await s.call(analyst, 'GET', '/api/cases/mini/evidence/ev-csrf')).statusCode).toBe(404);
    expect((await s.call(analyst, 'POST', '/api/cases/mini/evidence', item)).statusCode).toBe(201);
  });

  it('accepts an API token without CSRF, stores only its hash, and refuses it once revoked', async () => {
    const made = await s.call('analyst', 'POST', '/api/tokens', { name: 'script' });
    expect(made.statusCode).toBe(201);
    const { id, token } = made.json<{ id: string; token: string }>();
    const bearer = { authorization: `Bearer ${token}` };
    const stored = await s.store.db.selectFrom('api_tokens').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await s.app.inject({ method: 'GET', url: '/api/cases/mini', headers: bearer })).statusCode).toBe(200);
    const item = { id: 'ev-by-token', source: 'report', observed: { from: '2021-01-01' }, summary: 's', bears_on: [{ target: 'ct-soil', stance: 'supports' }] };
    expect((await s.app.inject({ method: 'POST', url: '/api/cases/mini/evidence', payload: item, headers: bearer })).statusCode).toBe(201);
    expect((await s.call('analyst', 'DELETE', `/api/tokens/${id}`)).statusCode).toBe(204);
    const after = await s.app.inject({ method: 'GET', url: '/api/cases/mini', headers: bearer });
    expect(after.statusCode).toBe(401);
    isProblem(after);
  });

  it('does not let one user revoke another user\'s token', async () => {
    const { id } = (await s.call('viewer', 'POST', '/api/tokens', { name: 'mine' })).json<{ id: string }>();
    expect((await s.call('analyst', 'DELETE', `/api/tokens/${id}`)).statusCode).toBe(404);
  });

  it('writes the user\'s identity into the audit log for an API write', async () => {
    const item = { id: 'ev-audited', source: 'report', observed: { from: '2021-01-01' }, summary: 's', bears_on: [{ target: 'ct-soil', stance: 'supports' }] };
    expect((await s.call('reviewer', 'POST', '/api/cases/mini/evidence', item)).statusCode).toBe(201);
    const last = await s.store.db.selectFrom('audit_log').select(['actor', 'object_ids']).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(last.actor).toBe('user:reviewer');
    expect(last.object_ids).toContain('ev-audited');
  });
});

describe('hostile requests', () => {
  let s: TestServer;
  beforeAll(async () => {
    // Each user signs in once while the test server starts, which counts as one attempt.
    s = await startTestServer('sqlite', { loginAttemptsPerMinute: 4 });
  });
  afterAll(async () => s?.close());

  it('rate-limits sign-in attempts per user name with 429, without locking out other users', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await s.call(null, 'POST', '/api/session', { username: 'viewer', password: 'wrong password here' })).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    const right = await s.call(null, 'POST', '/api/session', { username: 'viewer', password: PASSWORD });
    expect(right.statusCode).toBe(429);
    isProblem(right);
    expect((await s.call(null, 'POST', '/api/session', { username: 'analyst', password: PASSWORD })).statusCode).toBe(200);
  });

  it('refuses a body over the limit with 413 and stores nothing', async () => {
    const huge = { id: 'ev-huge', source: 'report', observed: { from: '2021-01-01' }, summary: 'x'.repeat(3 * 1024 * 1024), bears_on: [{ target: 'ct-soil', stance: 'supports' }] };
    const res = await s.call('analyst', 'POST', '/api/cases/mini/evidence', huge);
    expect(res.statusCode).toBe(413);
    isProblem(res);
    expect((await s.call('analyst', 'GET', '/api/cases/mini/evidence/ev-huge')).statusCode).toBe(404);
  });

  it('answers malformed JSON with a 400 problem, not a crash', async () => {
    const res = await s.call('analyst', 'POST', '/api/cases/mini/evidence', '{"id": "ev-x", ', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    isProblem(res);
  });

  it('names the field in validation errors', async () => {
    const res = await s.call('reviewer', 'POST', '/api/cases/mini/evidence/ev-1/retract', { date: 'yesterday', reason: '' });
    expect(res.statusCode).toBe(400);
    const fields = res.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields.join(' ')).toMatch(/date/);
    expect(fields.join(' ')).toMatch(/reason/);
  });

  it('refuses path traversal in ids and static paths', async () => {
    for (const url of ['/api/cases/..%2F..%2Fetc%2Fpasswd', '/api/cases/mini/evidence/..%2F..%2Fx/history', '/api/cases/mini/objects/actors/..%2F..%2F..%2Fetc%2Fpasswd']) {
      const res = await s.call('admin', 'GET', url);
      expect([400, 404], url).toContain(res.statusCode);
      expect(res.body).not.toContain('root:');
    }
    const file = await s.app.inject({ method: 'GET', url: '/../../../../etc/passwd' });
    expect(file.body).not.toContain('root:');
    const encoded = await s.app.inject({ method: 'GET', url: '/%2e%2e/%2e%2e/%2e%2e/etc/passwd' });
    expect(encoded.body).not.toContain('root:');
  });

  it('answers an unknown API route with a 404 problem', async () => {
    const res = await s.call('admin', 'GET', '/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    isProblem(res);
  });
});

describe('CSRF token for a new tab', () => {
  it('is returned by GET /api/me to a session caller, and never to a token caller', async () => {
    const s = await startTestServer('sqlite');
    try {
      const session = await s.signIn('analyst');
      const me = (await s.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: session.cookie } })).json<{ csrf_token?: string }>();
      expect(me.csrf_token).toBe(session.csrf);
      const { token } = (await s.call('analyst', 'POST', '/api/tokens', { name: 't' })).json<{ token: string }>();
      const viaToken = (await s.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } })).json<{ csrf_token?: string }>();
      expect(viaToken.csrf_token).toBeUndefined();
    } finally {
      await s.close();
    }
  });
});

describe.each(storeKinds)('token scopes on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const item = (id: string) => ({ id, source: 'report', observed: { from: '2021-01-01' }, summary: 's', bears_on: [{ target: 'ct-soil', stance: 'supports' }] });

  it('lets a read token read what its user may, and refuses it every write with 403', async () => {
    const made = await s.call('analyst', 'POST', '/api/tokens', { name: 'dashboard', scope: 'read' });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ name: 'dashboard', scope: 'read' });
    const { token } = made.json<{ token: string }>();
    expect((await s.app.inject({ method: 'GET', url: '/api/cases/mini/evidence', headers: bearer(token) })).statusCode).toBe(200);
    const write = await s.app.inject({ method: 'POST', url: '/api/cases/mini/evidence', payload: item('ev-read-token'), headers: bearer(token) });
    expect(write.statusCode).toBe(403);
    isProblem(write);
    expect(write.json<{ detail: string }>().detail).toMatch(/read scope/);
    expect((await s.call('analyst', 'GET', '/api/cases/mini/evidence/ev-read-token')).statusCode).toBe(404);
  });

  it('gives a token the write scope when none is asked for, as before scopes existed', async () => {
    const { token, scope } = (await s.call('analyst', 'POST', '/api/tokens', { name: 'script' })).json<{ token: string; scope: string }>();
    expect(scope).toBe('write');
    expect((await s.app.inject({ method: 'POST', url: '/api/cases/mini/evidence', payload: item('ev-write-token'), headers: bearer(token) })).statusCode).toBe(201);
    const listed = (await s.call('analyst', 'GET', '/api/tokens')).json<{ tokens: Array<{ name: string; scope: string }> }>().tokens;
    expect(listed).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'script', scope: 'write' }), expect.objectContaining({ name: 'dashboard', scope: 'read' })]));
  });

  it('does not let a token make another token, whatever its scope', async () => {
    const { token } = (await s.call('owner', 'POST', '/api/tokens', { name: 'full' })).json<{ token: string }>();
    const minted = await s.app.inject({ method: 'POST', url: '/api/tokens', payload: { name: 'offspring', scope: 'write' }, headers: bearer(token) });
    expect(minted.statusCode).toBe(403);
    isProblem(minted);
    const owned = (await s.call('owner', 'GET', '/api/tokens')).json<{ tokens: Array<{ name: string }> }>().tokens;
    expect(owned.map((t) => t.name)).not.toContain('offspring');
  });

  it('refuses a scope that does not exist', async () => {
    expect((await s.call('analyst', 'POST', '/api/tokens', { name: 'odd', scope: 'admin' })).statusCode).toBe(400);
  });
});

describe('response headers', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('sqlite');
  });
  afterAll(async () => s?.close());

  it('sends a CSP, nosniff, no framing and no referrer on API answers, refusals and the web page', async () => {
    for (const res of [
      await s.call('viewer', 'GET', '/api/cases/mini'),
      await s.call(null, 'GET', '/api/cases/mini'),
      await s.call('viewer', 'GET', '/api/no-such-route'),
      await s.app.inject({ method: 'GET', url: '/' }),
    ]) {
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
      expect(res.headers['content-security-policy']).toMatch(/script-src 'self'(;|$)/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
    }
  });

  it('marks every API answer Cache-Control: no-store, and keeps ETags working', async () => {
    const first = await s.call('viewer', 'GET', '/api/cases/mini/objects/actors/taliban');
    expect(first.headers['cache-control']).toBe('no-store');
    expect((await s.call('viewer', 'GET', '/api/me')).headers['cache-control']).toBe('no-store');
    const again = await s.call('viewer', 'GET', '/api/cases/mini/objects/actors/taliban', undefined, { 'if-none-match': first.headers['etag'] as string });
    expect(again.statusCode).toBe(304);
  });
});

describe('deeds serve --sign-in-attempts', () => {
  it('takes a whole number of 1 or more and refuses anything else as a usage error', () => {
    expect(parseSignInAttempts('10')).toBe(10);
    expect(parseSignInAttempts('1000')).toBe(1000);
    for (const bad of ['0', '-3', '2.5', 'ten', '', '1e3']) expect(() => parseSignInAttempts(bad), bad).toThrow(/--sign-in-attempts: .* is not a whole number of 1 or more/);
  });

  it('refuses a wrong setting as a usage error before the database is opened or created', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'deeds-serve-')), 'never.db');
    const r = await deedsMain(['serve', '--sign-in-attempts', 'ten', '--db', db]);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/--sign-in-attempts: "ten" is not a whole number of 1 or more/);
    expect(existsSync(db)).toBe(false);
  });
});
