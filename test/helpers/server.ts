// A server on a fresh store with one user per role, signed in, for API tests.
import type { LightMyRequestResponse } from 'fastify';
import { buildServer, type App, type CaseCreators } from '../../src/server/app.js';
import { addUser, grantRole } from '../../src/accounts/index.js';
import { loadCase } from '../../src/store/cases.js';
import { openStore, type Store } from '../../src/store/open.js';
import { caseFromData } from '../../src/case/from-data.js';
import { miniCase } from './mini-case.js';
import { freshDbSpec, type StoreKind } from './stores.js';
import { importKinds } from '../../src/import/registry.js';
import { scratch, unXml } from '../sanctions/data.js';

/** A small UN list: "A Minister" of the mini case is listed (TAi.999), with a namesake entry. */
export async function importSmallUnList(store: Store): Promise<void> {
  const dir = scratch({ 'consolidated_2025-01-01.xml': unXml([
    { ref: 'TAi.999', first: 'A', second: 'MINISTER', dob: '1973', aliases: ['Al Minister'] },
    { ref: 'TAi.998', first: 'SOMEONE', second: 'ELSE', dob: '1960' },
  ]) });
  const un = importKinds.find((k) => k.kind === 'un-sanctions');
  if (!un) throw new Error('no un-sanctions import kind');
  await un.importFile(store, `${dir}/consolidated_2025-01-01.xml`, { actor: 'test:setup' });
}

export const PASSWORD = 'a long test password';
export const callers = ['anonymous', 'viewer', 'analyst', 'reviewer', 'owner', 'admin', 'outsider'] as const;
export type CallerName = (typeof callers)[number];

export interface Session {
  cookie: string;
  csrf: string;
}

export interface TestServer {
  app: App;
  store: Store;
  /** The database's path or URL, to open more connections to it. */
  spec: string;
  sessions: Map<CallerName, Session>;
  signIn(username: string): Promise<Session>;
  call(who: CallerName | Session | null, method: string, url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Case "mini" with viewer/analyst/reviewer/owner; "outsider" owns only case "other". */
export async function startTestServer(kind: StoreKind, options: { loginAttemptsPerMinute?: number; lists?: boolean; busyTimeoutMs?: number; caseCreators?: CaseCreators } = {}): Promise<TestServer> {
  const spec = await freshDbSpec(kind);
  const store = await openStore(spec, options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs });
  if (options.lists) await importSmallUnList(store);
  await loadCase(store, miniCase(), { actor: 'test:setup' });
  await loadCase(store, caseFromData({ ...miniCase(), case: { ...miniCase().case, id: 'other', title: 'Another case' } }), { actor: 'test:setup' });
  for (const name of ['viewer', 'analyst', 'reviewer', 'owner', 'outsider', 'admin']) {
    await addUser(store, name, PASSWORD, { admin: name === 'admin', actor: 'test:setup' });
  }
  for (const role of ['viewer', 'analyst', 'reviewer', 'owner']) await grantRole(store, role, 'mini', role, 'test:setup');
  await grantRole(store, 'outsider', 'other', 'owner', 'test:setup');
  const app = await buildServer({ store, loginAttemptsPerMinute: options.loginAttemptsPerMinute ?? 10_000, ...(options.caseCreators ? { caseCreators: options.caseCreators } : {}) });

  const signIn = async (username: string): Promise<Session> => {
    const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password: PASSWORD } });
    if (res.statusCode !== 200) throw new Error(`sign-in of ${username} failed: ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'deeds_session');
    return { cookie: `deeds_session=${cookie?.value}`, csrf: res.json().csrf_token };
  };
  const sessions = new Map<CallerName, Session>();
  for (const who of callers) if (who !== 'anonymous') sessions.set(who, await signIn(who));

  return {
    app, store, spec, sessions, signIn,
    call(who, method, url, payload, headers = {}) {
      const session = typeof who === 'string' ? sessions.get(who) : who;
      const auth = session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {};
      return app.inject({ method: method as 'GET', url, payload: payload as object | undefined, headers: { ...auth, ...headers } });
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}
