// The authorization matrix: every route of the API × every kind of caller, API tokens of both
// scopes included, and the fields of a route that need more than the route's role. The route
// list comes from the server's own OpenAPI document, so a route added without a row here fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addEvidence } from '../../src/store/evidence.js';
import { roles, type Role } from '../../src/accounts/roles.js';
import { addUser, grantRole } from '../../src/accounts/index.js';
import { miniCase } from '../helpers/mini-case.js';
import { callers as sessionCallers, PASSWORD, startTestServer, type CallerName, type Session, type TestServer } from '../helpers/server.js';
import { storeKinds } from '../helpers/stores.js';

/** Who a route is for: everyone, any signed-in user, instance admins, or a minimum role on case "mini". */
type Need = 'anyone' | 'signed_in' | 'admin' | Role;

/** Two API tokens: the admin's with the read scope, the analyst's with the write scope. */
const tokenCallers = ['read-token', 'write-token'] as const;
type TokenCaller = (typeof tokenCallers)[number];
type Caller = CallerName | TokenCaller;
const callers: readonly Caller[] = [...sessionCallers, ...tokenCallers];
const tokenOwner: Record<TokenCaller, CallerName> = { 'read-token': 'admin', 'write-token': 'analyst' };
/** Whose session or account a caller acts with. */
const owner = (who: Caller): CallerName => (who === 'read-token' || who === 'write-token' ? tokenOwner[who] : who);
const isToken = (who: Caller): who is TokenCaller => (tokenCallers as readonly string[]).includes(who);

interface Request {
  url: string;
  payload?: unknown;
  /** A session of its own, for routes that end the session they are called with. */
  session?: Session | null;
}

interface Row {
  need: Need;
  /** Builds the request for one caller; allowed callers must get a 2xx. */
  request: (who: Caller, s: TestServer) => Request | Promise<Request>;
  /** Where a caller's answer differs from what `need` implies (with the reason in a comment). */
  except?: Partial<Record<Caller, number>>;
  /** Only a session may call it, never a token. */
  sessionOnly?: boolean;
}

const M = '/api/cases/mini';
const evidenceItem = (id: string) => ({
  id, source: 'report', observed: { from: '2021-01-01' }, credibility: 2, summary: `added by the matrix test (${id})`,
  bears_on: [{ target: 'ct-soil', stance: 'supports', strength: 'weak' }],
});
const seedEvidence = async (s: TestServer, id: string) => {
  await addEvidence(s.store, 'mini', evidenceItem(id), { actor: 'test:setup' });
  return id;
};

const throwawayUser = async (s: TestServer, name: string) => {
  await addUser(s.store, name, PASSWORD, { actor: 'test:setup' });
  return name;
};

const rows: Record<string, Row> = {
  // Without the caller's cookie: signing in ends the session the request came with.
  'POST /api/session': { need: 'anyone', request: (who) => ({ url: '/api/session', payload: { username: who === 'anonymous' ? 'viewer' : owner(who), password: PASSWORD }, session: null }) },
  'DELETE /api/session': { need: 'signed_in', request: async (who, s) => (isToken(who) ? { url: '/api/session' } : { url: '/api/session', session: who === 'anonymous' ? null : await s.signIn(who) }) },
  'GET /api/me': { need: 'signed_in', request: () => ({ url: '/api/me' }) },
  'GET /api/tokens': { need: 'signed_in', request: () => ({ url: '/api/tokens' }) },
  // A token that could make tokens could outlive its own revocation.
  'POST /api/tokens': { need: 'signed_in', sessionOnly: true, request: () => ({ url: '/api/tokens', payload: { name: 'matrix', scope: 'read' } }) },
  'DELETE /api/tokens/{id}': {
    need: 'signed_in',
    request: async (who, s) => {
      if (who === 'anonymous') return { url: '/api/tokens/000000000000' };
      const made = await s.call(owner(who), 'POST', '/api/tokens', { name: 'to revoke' });
      return { url: `/api/tokens/${made.json<{ id: string }>().id}` };
    },
  },
  'GET /api/cases': { need: 'signed_in', request: () => ({ url: '/api/cases' }) },
  // Reloading case "mini": its owner or an admin. Others are refused with 403 whether or not the
  // case exists (a non-admin may not create one either), so the answer reveals nothing.
  'POST /api/cases': { need: 'owner', request: () => ({ url: '/api/cases', payload: JSON.parse(JSON.stringify(miniCase())) }), except: { outsider: 403 } },
  'GET /api/cases/{case}': { need: 'viewer', request: () => ({ url: M }) },
  'GET /api/cases/{case}/export': { need: 'viewer', request: () => ({ url: `${M}/export` }) },
  'GET /api/cases/{case}/settings': { need: 'viewer', request: () => ({ url: `${M}/settings` }) },
  'PUT /api/cases/{case}/settings': { need: 'owner', request: () => ({ url: `${M}/settings`, payload: { assessment: { thresholds: { kept: 2 } } } }) },
  'GET /api/cases/{case}/objects/{list}': { need: 'viewer', request: () => ({ url: `${M}/objects/actors` }) },
  'POST /api/cases/{case}/objects/{list}': { need: 'analyst', request: (who) => ({ url: `${M}/objects/actors`, payload: { id: `actor-${who}`, kind: 'armed_group', name: `Group ${who}` } }) },
  'GET /api/cases/{case}/objects/{list}/{id}': { need: 'viewer', request: () => ({ url: `${M}/objects/actors/taliban` }) },
  'PUT /api/cases/{case}/objects/{list}/{id}': { need: 'analyst', request: () => ({ url: `${M}/objects/actors/taliban`, payload: { id: 'taliban', kind: 'armed_group', name: 'Taliban' } }) },
  'GET /api/cases/{case}/grants': { need: 'owner', request: () => ({ url: `${M}/grants` }) },
  'POST /api/cases/{case}/grants': { need: 'owner', request: () => ({ url: `${M}/grants`, payload: { username: 'viewer', role: 'viewer' } }) },
  'GET /api/cases/{case}/evidence': { need: 'viewer', request: () => ({ url: `${M}/evidence` }) },
  'POST /api/cases/{case}/evidence': { need: 'analyst', request: (who) => ({ url: `${M}/evidence`, payload: evidenceItem(`ev-added-${who}`) }) },
  'GET /api/cases/{case}/evidence/{id}': { need: 'viewer', request: () => ({ url: `${M}/evidence/ev-1` }) },
  'GET /api/cases/{case}/evidence/{id}/history': { need: 'viewer', request: () => ({ url: `${M}/evidence/ev-1/history` }) },
  'POST /api/cases/{case}/evidence/{id}/supersede': {
    need: 'reviewer',
    request: async (who, s) => ({ url: `${M}/evidence/${await seedEvidence(s, `ev-old-${who}`)}/supersede`, payload: evidenceItem(`ev-new-${who}`) }),
  },
  'POST /api/cases/{case}/evidence/{id}/retract': {
    need: 'reviewer',
    request: async (who, s) => ({ url: `${M}/evidence/${await seedEvidence(s, `ev-wrong-${who}`)}/retract`, payload: { date: '2022-01-01', reason: 'misread the report' } }),
  },
  'POST /api/imports/{kind}': { need: 'admin', request: () => ({ url: '/api/imports/ucdp-ged?name=matrix.csv', payload: 'not,a,ged,file\n' }) },
  'GET /api/imports': { need: 'admin', request: () => ({ url: '/api/imports' }) },
  'GET /api/imports/{id}': {
    need: 'admin',
    request: async (who, s) => {
      if (owner(who) !== 'admin') return { url: '/api/imports/0123456789abcdef' };
      const job = await s.call('admin', 'POST', '/api/imports/ucdp-ged?name=matrix.csv', 'not,a,ged,file\n');
      return { url: `/api/imports/${job.json<{ id: string }>().id}` };
    },
  },
  'POST /api/screen': { need: 'signed_in', request: () => ({ url: '/api/screen', payload: { names: ['A Minister'] } }) },
  'POST /api/cases/{case}/screening': { need: 'analyst', request: () => ({ url: `${M}/screening`, payload: {} }) },
  'GET /api/cases/{case}/screening': { need: 'viewer', request: () => ({ url: `${M}/screening` }) },
  'GET /api/cases/{case}/screening/decisions': { need: 'viewer', request: () => ({ url: `${M}/screening/decisions` }) },
  'POST /api/cases/{case}/screening/decisions': {
    need: 'reviewer',
    request: (who) => ({ url: `${M}/screening/decisions`, payload: { person: 'a-minister', list: 'un', ref: 'TAi.999', decision: 'false_positive', reason: `checked by ${who}` } }),
  },
  'GET /api/cases/{case}/report': { need: 'viewer', request: () => ({ url: `${M}/report?format=md&as_of=2021-09-01` }) },
  'GET /api/cases/{case}/indicators': { need: 'viewer', request: () => ({ url: `${M}/indicators?as_of=2021-09-01` }) },
  'GET /api/cases/{case}/alerts': { need: 'viewer', request: () => ({ url: `${M}/alerts?as_of=2022-09-01` }) },
  'GET /api/audit/verify': { need: 'admin', request: () => ({ url: '/api/audit/verify' }) },
  'GET /api/audit/entries': { need: 'admin', request: () => ({ url: '/api/audit/entries?limit=5' }) },
  'GET /api/users': { need: 'admin', request: () => ({ url: '/api/users' }) },
  'POST /api/users': { need: 'admin', request: (who) => ({ url: '/api/users', payload: { username: `added-by-${who}`, password: PASSWORD } }) },
  // Each on a user of its own, so that no caller's account is touched.
  'POST /api/users/{username}/disable': { need: 'admin', request: async (who, s) => ({ url: `/api/users/${await throwawayUser(s, `off-${who}`)}/disable` }) },
  'POST /api/users/{username}/enable': { need: 'admin', request: async (who, s) => ({ url: `/api/users/${await throwawayUser(s, `on-${who}`)}/enable` }) },
  'PUT /api/users/{username}/password': { need: 'admin', request: async (who, s) => ({ url: `/api/users/${await throwawayUser(s, `pw-${who}`)}/password`, payload: { password: 'a new long pass phrase' } }) },
  'DELETE /api/cases/{case}/grants/{username}': {
    need: 'owner',
    request: async (who, s) => {
      const name = await throwawayUser(s, `grantee-${who}`);
      await grantRole(s.store, name, 'mini', 'viewer', 'test:setup');
      return { url: `${M}/grants/${name}` };
    },
  },
  'GET /api/cases/{case}/screening/matches': { need: 'viewer', request: () => ({ url: `${M}/screening/matches?state=undecided&limit=10` }) },
  'GET /api/cases/{case}/assessment': { need: 'viewer', request: () => ({ url: `${M}/assessment?as_of=2021-09-01` }) },
  'GET /api/cases/{case}/review': { need: 'viewer', request: () => ({ url: `${M}/review?as_of=2021-09-01` }) },
  'GET /api/cases/{case}/changes': { need: 'viewer', request: () => ({ url: `${M}/changes?from=2021-01-01&to=2022-01-01` }) },
  'GET /api/cases/{case}/dashboard': { need: 'viewer', request: () => ({ url: `${M}/dashboard?as_of=2021-09-01` }) },
  'GET /api/cases/{case}/timeline/{object}': { need: 'viewer', request: () => ({ url: `${M}/timeline/ct-soil?step=week` }) },
  'GET /api/cases/{case}/ach/{set}': { need: 'viewer', request: () => ({ url: `${M}/ach/h` }) },
};

const caseRoles: readonly string[] = roles;
const SAFE = new Set(['GET', 'HEAD']);

/** The status a caller should get: 0 means "allowed" (any 2xx). */
function expected(row: Row, who: Caller, method: string): number {
  const special = row.except?.[who] ?? row.except?.[owner(who)];
  if (special !== undefined) return special;
  if (row.need === 'anyone') return 0;
  if (who === 'anonymous') return 401;
  if (isToken(who) && row.sessionOnly) return 403;
  // A read-scope token may do what its user may, but only with safe methods.
  if (who === 'read-token' && !SAFE.has(method)) return 403;
  const acting = owner(who);
  if (row.need === 'signed_in' || acting === 'admin') return 0;
  if (row.need === 'admin') return 403;
  if (acting === 'outsider') return 404;
  return caseRoles.indexOf(acting) >= caseRoles.indexOf(row.need) ? 0 : 403;
}

/** Fields of a route's body that need more than the route's own role (src/accounts/field-rules.ts). */
const fieldRows: Record<string, Row> = {
  'POST evidence with supersedes': {
    need: 'reviewer',
    request: async (who, s) => ({ url: `${M}/evidence`, payload: { ...evidenceItem(`ev-corr-${who}`), supersedes: await seedEvidence(s, `ev-orig-${who}`) } }),
  },
  'POST evidence already retracted': {
    need: 'reviewer',
    request: (who) => ({ url: `${M}/evidence`, payload: { ...evidenceItem(`ev-retr-${who}`), retracted: { date: '2022-01-01', reason: 'wrong from the start' } } }),
  },
};

describe.each(storeKinds)('authorization matrix on %s', (kind) => {
  let s: TestServer;
  const tokens = new Map<TokenCaller, string>();
  beforeAll(async () => {
    s = await startTestServer(kind, { lists: true });
    tokens.set('read-token', (await s.call('admin', 'POST', '/api/tokens', { name: 'reader', scope: 'read' })).json<{ token: string }>().token);
    tokens.set('write-token', (await s.call('analyst', 'POST', '/api/tokens', { name: 'writer', scope: 'write' })).json<{ token: string }>().token);
  });
  afterAll(async () => s?.close());

  async function check(method: string, row: Row): Promise<void> {
    const outcome: Record<string, number> = {};
    const want: Record<string, number> = {};
    for (const who of callers) {
      const req = await row.request(who, s);
      const res = isToken(who) && req.session === undefined
        ? await s.call(null, method, req.url, req.payload, { authorization: `Bearer ${tokens.get(who)}` })
        : await s.call(req.session === undefined ? (who as CallerName) : req.session, method, req.url, req.payload);
      outcome[who] = res.statusCode >= 200 && res.statusCode < 300 ? 0 : res.statusCode;
      want[who] = expected(row, who, method);
      if (outcome[who] !== 0) {
        expect(res.headers['content-type'], `${who}: ${res.body}`).toMatch(/^application\/problem\+json/);
        expect(res.body).not.toMatch(/\bat .+\.[jt]s:\d+|SELECT |INSERT /);
      }
    }
    expect(outcome).toEqual(want);
  }

  it('has a row for every route the server declares, and no row for a route it lacks', () => {
    const doc = s.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const declared = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    expect(declared.sort()).toEqual(Object.keys(rows).sort());
  });

  for (const [route, row] of Object.entries(rows)) {
    it(route, () => check(route.split(' ')[0] as string, row));
  }

  for (const [name, row] of Object.entries(fieldRows)) {
    it(`field rule: ${name}`, () => check(name.split(' ')[0] as string, row));
  }
});
