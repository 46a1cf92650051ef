// Who may create a case: instance admins only by default; with `deeds serve --case-creators
// signed-in`, every signed-in user, who becomes the new case's owner but cannot take over an
// existing case by loading one with its id. On both databases.
import { afterEach, describe, expect, it } from 'vitest';
import { miniCase } from '../helpers/mini-case.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';
import { parseCaseCreators } from '../../src/cli/serving.js';

const newCase = (id: string, title = 'A case of my own') => ({ ...miniCase(), case: { ...miniCase().case, id, title } });

describe.each(storeKinds)('case creation on %s', (kind) => {
  let s: TestServer | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  it('is for admins by default, and /api/me says so', async () => {
    s = await startTestServer(kind);
    expect((await s.call('analyst', 'GET', '/api/me')).json<{ can_create_cases: boolean }>().can_create_cases).toBe(false);
    expect((await s.call('admin', 'GET', '/api/me')).json<{ can_create_cases: boolean }>().can_create_cases).toBe(true);
    const refused = await s.call('analyst', 'POST', '/api/cases', newCase('analysts-own'));
    expect(refused.statusCode).toBe(403);
    expect(refused.json<{ detail: string }>().detail).toContain('--case-creators signed-in');
    expect((await s.call('admin', 'GET', '/api/cases/analysts-own')).statusCode).toBe(404);
    expect((await s.call('admin', 'POST', '/api/cases', newCase('admins-own'))).statusCode).toBe(201);
  });

  it('lets every signed-in user create a case they then own, when the server allows it', async () => {
    s = await startTestServer(kind, { caseCreators: 'signed-in' });
    expect((await s.call('viewer', 'GET', '/api/me')).json<{ can_create_cases: boolean }>().can_create_cases).toBe(true);
    const created = await s.call('viewer', 'POST', '/api/cases', newCase('viewers-own'));
    expect(created.statusCode, created.body).toBe(201);
    const me = (await s.call('viewer', 'GET', '/api/me')).json<{ roles: Record<string, string> }>();
    expect(me.roles['viewers-own']).toBe('owner');
    // Reloading it is an owner's right, which the creator now has.
    expect((await s.call('viewer', 'POST', '/api/cases', newCase('viewers-own', 'Renamed'))).statusCode).toBe(200);
    // Nobody else sees it.
    expect((await s.call('analyst', 'GET', '/api/cases/viewers-own')).statusCode).toBe(404);
  });

  it('never lets a creator overwrite a case that exists, even one they cannot see', async () => {
    s = await startTestServer(kind, { caseCreators: 'signed-in' });
    const before = (await s.call('admin', 'GET', '/api/cases/other')).json<{ case: { title: string } }>().case.title;
    const taken = await s.call('analyst', 'POST', '/api/cases', newCase('other', 'Taken over'));
    expect(taken.statusCode).toBe(409);
    expect(taken.json<{ detail: string }>().detail).toContain('exists already');
    expect((await s.call('admin', 'GET', '/api/cases/other')).json<{ case: { title: string } }>().case.title).toBe(before);
    expect((await s.call('analyst', 'GET', '/api/me')).json<{ roles: Record<string, string> }>().roles['other']).toBeUndefined();
    // An analyst of "mini" may not reload it either: that needs its owner.
    expect((await s.call('analyst', 'POST', '/api/cases', newCase('mini', 'Taken over'))).statusCode).toBe(409);
  });

  it('lets only one of two users racing for a new id create it', async () => {
    s = await startTestServer(kind, { caseCreators: 'signed-in' });
    const server = s;
    const answers = await Promise.all(['viewer', 'analyst'].map((who) => server.call(who as 'viewer', 'POST', '/api/cases', newCase('contested', `by ${who}`))));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const winner = answers[0]?.statusCode === 201 ? 'viewer' : 'analyst';
    expect((await s.call('admin', 'GET', '/api/cases/contested')).json<{ case: { title: string } }>().case.title).toBe(`by ${winner}`);
  });
});

describe('deeds serve --case-creators', () => {
  it('takes admins or signed-in and refuses anything else as a usage error', () => {
    expect(parseCaseCreators('admins')).toBe('admins');
    expect(parseCaseCreators('signed-in')).toBe('signed-in');
    expect(() => parseCaseCreators('everyone')).toThrow(/not one of admins, signed-in/);
  });
});
