// Administration over HTTP: users (add, disable, enable, reset password), revoking roles on a
// case, and the audit-log browser, with their role checks, on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/store/audit/log.js';
import { PASSWORD, startTestServer, type Session, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';

const NEW_PASSWORD = 'another long pass phrase';

interface Listing { username: string; is_admin: boolean; disabled_at: string | null }

describe.each(storeKinds)('administration routes on %s', (kind) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer(kind);
  });
  afterAll(async () => s?.close());

  const signInAs = (username: string, password = PASSWORD) => s.app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  const sessionOf = async (username: string, password = PASSWORD): Promise<Session> => {
    const res = await signInAs(username, password);
    expect(res.statusCode, res.body).toBe(200);
    return { cookie: `deeds_session=${res.cookies.find((c) => c.name === 'deeds_session')?.value}`, csrf: res.json<{ csrf_token: string }>().csrf_token };
  };
  const withToken = (token: string, method: string, url: string, payload?: unknown) => s.call(null, method, url, payload, { authorization: `Bearer ${token}` });
  const addUser = async (username: string) => {
    const res = await s.call('admin', 'POST', '/api/users', { username, password: PASSWORD });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Listing>();
  };

  it('lists users for admins only', async () => {
    const res = await s.call('admin', 'GET', '/api/users');
    expect(res.statusCode).toBe(200);
    expect(res.json<{ users: Listing[] }>().users.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'viewer', 'owner']));
    expect(res.json<{ users: Listing[] }>().users.every((u) => u.disabled_at === null)).toBe(true);
    for (const who of ['viewer', 'analyst', 'reviewer', 'owner'] as const) expect((await s.call(who, 'GET', '/api/users')).statusCode).toBe(403);
    expect((await s.call(null, 'GET', '/api/users')).statusCode).toBe(401);
  });

  it('adds a user who can then sign in, with the password policy and no duplicates', async () => {
    const added = await addUser('newcomer');
    expect(added).toMatchObject({ username: 'newcomer', is_admin: false, disabled_at: null });
    expect((await signInAs('newcomer')).statusCode).toBe(200);
    const weak = await s.call('admin', 'POST', '/api/users', { username: 'weakling', password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json<{ detail: string }>().detail).toMatch(/password refused: it has 5 characters/);
    expect((await s.call('admin', 'POST', '/api/users', { username: 'newcomer', password: PASSWORD })).statusCode).toBe(409);
    const badName = await s.call('admin', 'POST', '/api/users', { username: 'Not Valid', password: PASSWORD });
    expect(badName.statusCode).toBe(400);
    expect(badName.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('body.username');
    expect((await s.call('owner', 'POST', '/api/users', { username: 'by-owner', password: PASSWORD })).statusCode).toBe(403);
  });

  it('refuses a write without the CSRF header, and any write with a read token', async () => {
    const admin = s.sessions.get('admin');
    const noCsrf = await s.app.inject({ method: 'POST', url: '/api/users', payload: { username: 'csrf-victim', password: PASSWORD }, headers: { cookie: admin?.cookie ?? '' } });
    expect(noCsrf.statusCode).toBe(403);
    const reader = (await s.call('admin', 'POST', '/api/tokens', { name: 'reader', scope: 'read' })).json<{ token: string }>().token;
    expect((await withToken(reader, 'GET', '/api/users')).statusCode).toBe(200);
    expect((await withToken(reader, 'POST', '/api/users/viewer/disable')).statusCode).toBe(403);
    const list = (await s.call('admin', 'GET', '/api/users')).json<{ users: Listing[] }>().users;
    expect(list.some((u) => u.username === 'csrf-victim')).toBe(false);
    expect(list.find((u) => u.username === 'viewer')?.disabled_at).toBeNull();
  });

  it('disabling ends the user\'s sessions and tokens at once and refuses sign-in; enabling restores sign-in only', async () => {
    await addUser('leaver');
    const session = await sessionOf('leaver');
    const token = (await s.call(session, 'POST', '/api/tokens', { name: 'script' })).json<{ token: string }>().token;
    expect((await s.call(session, 'GET', '/api/me')).statusCode).toBe(200);
    expect((await withToken(token, 'GET', '/api/me')).statusCode).toBe(200);

    const disabled = await s.call('admin', 'POST', '/api/users/leaver/disable');
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json<Listing>().disabled_at).toEqual(expect.any(String));
    expect((await s.call(session, 'GET', '/api/me')).statusCode).toBe(401);
    expect((await withToken(token, 'GET', '/api/me')).statusCode).toBe(401);
    const refused = await signInAs('leaver');
    expect(refused.statusCode).toBe(401);
    // The same answer as a wrong password: a disabled account is not revealed.
    expect(refused.json<{ detail: string }>().detail).toBe((await signInAs('leaver', 'wrong password here')).json<{ detail: string }>().detail);

    const enabled = await s.call('admin', 'POST', '/api/users/leaver/enable');
    expect(enabled.json<Listing>().disabled_at).toBeNull();
    expect((await signInAs('leaver')).statusCode).toBe(200);
    expect((await withToken(token, 'GET', '/api/me')).statusCode).toBe(401);
    expect(await verifyAudit(s.store.db)).toMatchObject({ ok: true });
  });

  it('a disabled admin loses the admin routes at once, session and token alike; CSRF still guards the admin writes', async () => {
    expect((await s.call('admin', 'POST', '/api/users', { username: 'second-admin', password: PASSWORD, admin: true })).statusCode).toBe(201);
    const second = await sessionOf('second-admin');
    const token = (await s.call(second, 'POST', '/api/tokens', { name: 'admin script', scope: 'write' })).json<{ token: string }>().token;
    expect((await s.call(second, 'GET', '/api/audit/entries?limit=1')).statusCode).toBe(200);
    expect((await withToken(token, 'GET', '/api/users')).statusCode).toBe(200);
    // Without the CSRF header the session's write is refused and nothing changes.
    const forged = await s.app.inject({ method: 'POST', url: '/api/users/second-admin/disable', headers: { cookie: s.sessions.get('admin')?.cookie ?? '' } });
    expect(forged.statusCode).toBe(403);
    expect((await s.call(second, 'GET', '/api/users')).statusCode).toBe(200);

    expect((await s.call('admin', 'POST', '/api/users/second-admin/disable')).statusCode).toBe(200);
    expect((await s.call(second, 'GET', '/api/audit/entries?limit=1')).statusCode).toBe(401);
    expect((await s.call(second, 'POST', '/api/users', { username: 'by-disabled', password: PASSWORD })).statusCode).toBe(401);
    expect((await withToken(token, 'GET', '/api/users')).statusCode).toBe(401);
    expect((await withToken(token, 'DELETE', '/api/cases/mini/grants/viewer')).statusCode).toBe(401);
    expect((await s.call('owner', 'GET', '/api/cases/mini/grants')).json<{ grants: { username: string }[] }>().grants.map((g) => g.username)).toContain('viewer');
  });

  it('refuses to let admins disable themselves, and answers 404 for an unknown user', async () => {
    expect((await s.call('admin', 'POST', '/api/users/admin/disable')).statusCode).toBe(409);
    expect((await s.call('admin', 'POST', '/api/users/nobody-here/disable')).statusCode).toBe(404);
    expect((await s.call('admin', 'PUT', '/api/users/nobody-here/password', { password: NEW_PASSWORD })).statusCode).toBe(404);
    expect((await s.call('reviewer', 'POST', '/api/users/viewer/disable')).statusCode).toBe(403);
  });

  it('resets a password: the old one stops working, the user\'s sessions end, the policy holds', async () => {
    await addUser('forgetful');
    const session = await sessionOf('forgetful');
    expect((await s.call('admin', 'PUT', '/api/users/forgetful/password', { password: 'forgetful-123456' })).statusCode).toBe(400);
    const reset = await s.call('admin', 'PUT', '/api/users/forgetful/password', { password: NEW_PASSWORD });
    expect(reset.statusCode, reset.body).toBe(204);
    expect((await s.call(session, 'GET', '/api/me')).statusCode).toBe(401);
    expect((await signInAs('forgetful')).statusCode).toBe(401);
    expect((await signInAs('forgetful', NEW_PASSWORD)).statusCode).toBe(200);
    expect((await s.call('owner', 'PUT', '/api/users/forgetful/password', { password: NEW_PASSWORD })).statusCode).toBe(403);
    const stored = await s.store.db.selectFrom('users').select('password_hash').where('username', '=', 'forgetful').executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$/);
    expect(await verifyAudit(s.store.db)).toMatchObject({ ok: true });
  });

  it('revokes a role on a case: owners and admins may, the role ends at once, the grant can be given again', async () => {
    await addUser('guest');
    expect((await s.call('owner', 'POST', '/api/cases/mini/grants', { username: 'guest', role: 'viewer' })).statusCode).toBe(200);
    const guest = await sessionOf('guest');
    expect((await s.call(guest, 'GET', '/api/cases/mini')).statusCode).toBe(200);

    expect((await s.call('reviewer', 'DELETE', '/api/cases/mini/grants/guest')).statusCode).toBe(403);
    expect((await s.call('outsider', 'DELETE', '/api/cases/mini/grants/guest')).statusCode).toBe(404);
    const revoked = await s.call('owner', 'DELETE', '/api/cases/mini/grants/guest');
    expect(revoked.statusCode, revoked.body).toBe(204);
    expect((await s.call(guest, 'GET', '/api/cases/mini')).statusCode).toBe(404);
    const grants = (await s.call('owner', 'GET', '/api/cases/mini/grants')).json<{ grants: { username: string }[] }>().grants;
    expect(grants.map((g) => g.username)).not.toContain('guest');
    expect((await s.call('owner', 'DELETE', '/api/cases/mini/grants/guest')).statusCode).toBe(404);
    expect((await s.call('owner', 'DELETE', '/api/cases/mini/grants/owner')).statusCode).toBe(409);

    expect((await s.call('admin', 'POST', '/api/cases/mini/grants', { username: 'guest', role: 'analyst' })).statusCode).toBe(200);
    expect((await s.call(guest, 'GET', '/api/me')).json<{ roles: Record<string, string> }>().roles).toEqual({ mini: 'analyst' });
    expect(await verifyAudit(s.store.db)).toMatchObject({ ok: true });
  });

  it('pages through the audit log newest first, filtered by action, for admins only', async () => {
    const first = await s.call('admin', 'GET', '/api/audit/entries?limit=3');
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json<{ total: number; entries: { seq: number; action: string; object_ids: string[] }[]; next_before: number | null }>();
    expect(page.entries).toHaveLength(3);
    expect(page.entries[0]!.seq).toBeGreaterThan(page.entries[2]!.seq);
    expect(page.next_before).toBe(page.entries[2]!.seq);
    const second = (await s.call('admin', 'GET', `/api/audit/entries?limit=3&before=${page.next_before}`)).json<typeof page>();
    expect(second.entries[0]!.seq).toBe(page.entries[2]!.seq - 1);
    const { total } = page;
    expect(total).toBe((await verifyAudit(s.store.db) as { entries: number }).entries);

    const disables = (await s.call('admin', 'GET', '/api/audit/entries?action=user.disable')).json<typeof page>();
    expect(disables.entries.map((e) => e.object_ids)).toContainEqual(['leaver']);
    expect(disables.entries.every((e) => e.action === 'user.disable')).toBe(true);
    expect(disables.next_before).toBeNull();
    for (const who of ['viewer', 'owner'] as const) expect((await s.call(who, 'GET', '/api/audit/entries')).statusCode).toBe(403);
    expect((await s.call(null, 'GET', '/api/audit/entries')).statusCode).toBe(401);
  });

  it('reports a refused upload by the file\'s name, never by its path on the server', async () => {
    const started = await s.call('admin', 'POST', '/api/imports/un-sanctions?name=not-a-list.xml', '<NOT_A_LIST/>\n', { 'content-type': 'application/xml' });
    expect(started.statusCode, started.body).toBe(202);
    let job = started.json<{ id: string; status: string; error: string | null }>();
    while (job.status === 'running') {
      await new Promise((r) => setTimeout(r, 20));
      job = (await s.call('admin', 'GET', `/api/imports/${job.id}`)).json<typeof job>();
    }
    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^not-a-list\.xml:1: not a UN consolidated list/);
    expect(job.error).not.toMatch(/deeds-upload|\/tmp\//);
  });

  it('once disabling has answered, no request with the user\'s token gets through, even those sent alongside it', async () => {
    await addUser('racer');
    const token = (await s.call(await sessionOf('racer'), 'POST', '/api/tokens', { name: 'busy script' })).json<{ token: string }>().token;
    let disabledAt = Number.POSITIVE_INFINITY;
    const started: Array<Promise<{ sent: number; status: number }>> = [];
    const disabling = s.call('admin', 'POST', '/api/users/racer/disable').then((res) => {
      disabledAt = started.length;
      return res.statusCode;
    });
    for (let i = 0; i < 40; i++) {
      const sent = started.length;
      started.push(withToken(token, 'GET', '/api/cases/mini').then((res) => ({ sent, status: res.statusCode })));
      await new Promise((r) => setImmediate(r));
    }
    expect(await disabling).toBe(200);
    const results = await Promise.all(started);
    // The user has no role on "mini": before disabling a request gets 404, after it 401.
    for (const r of results) expect([401, 404]).toContain(r.status);
    for (const r of results.filter((x) => x.sent >= disabledAt)) expect(r.status).toBe(401);
    expect((await withToken(token, 'GET', '/api/me')).statusCode).toBe(401);
  });
});
