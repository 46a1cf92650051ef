// Sign in and out, who am I, and API tokens.
import { z } from 'zod';
import { authenticate, createApiToken, createSession, endSession, listApiTokens, revokeApiToken, rolesOf, tokenScopes } from '../../accounts/index.js';
import { anyone, requireCaller, signedIn, SESSION_COOKIE } from '../access.js';
import { HttpProblem, notFound, problemResponses } from '../problems.js';
import type { CaseCreators, RoutePlugin, StoreOptions } from '../plugin.js';

export interface SessionOptions extends StoreOptions {
  /** Set Secure on the session cookie (behind HTTPS). */
  secureCookies: boolean;
  /** Sign-in attempts allowed per client address and user name per minute. */
  loginAttemptsPerMinute: number;
  /** Who may create a case, so that /api/me can tell the web UI whether to offer it. */
  caseCreators: CaseCreators;
}

const UserOut = z.object({ id: z.string(), username: z.string(), is_admin: z.boolean() }).meta({ id: 'User', description: 'A user account' });
/** An empty answer (204). */
const NoContent = z.undefined().describe('no body');

export const sessionRoutes: RoutePlugin<SessionOptions> = async (app, { store, secureCookies, loginAttemptsPerMinute, caseCreators }) => {
  app.post('/api/session', {
    config: {
      access: anyone,
      // Per address and user name, counted once the body is parsed: guessing one account's
      // password is throttled, while colleagues behind one office address do not lock each other out.
      rateLimit: { max: loginAttemptsPerMinute, timeWindow: '1 minute', hook: 'preHandler', keyGenerator: (request) => `${request.ip}|${loginName(request.body)}` },
    },
    schema: {
      summary: 'Sign in; sets an HttpOnly SameSite session cookie',
      tags: ['session'],
      body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(1024) }),
      response: { 200: z.object({ user: UserOut, csrf_token: z.string() }).meta({ id: 'SessionResponse' }), ...problemResponses([429]) },
    },
  }, async (request, reply) => {
    const user = await authenticate(store, request.body.username, request.body.password);
    if (!user) throw new HttpProblem(401, 'Unauthorized', 'wrong user name or password');
    // Always a new session id on sign-in, whatever cookie came in: no session fixation.
    const old = request.cookies[SESSION_COOKIE];
    if (old) await endSession(store, old);
    const session = await createSession(store, user);
    reply.setCookie(SESSION_COOKIE, session.token, { httpOnly: true, sameSite: 'strict', secure: secureCookies, path: '/', expires: session.expires });
    return { user, csrf_token: session.csrf };
  });

  app.delete('/api/session', {
    config: { access: signedIn },
    schema: { summary: 'Sign out; the session cookie stops working', tags: ['session'], response: { 204: NoContent, ...problemResponses() } },
  }, async (request, reply) => {
    const token = request.caller?.sessionToken;
    if (token) await endSession(store, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/me', {
    config: { access: signedIn },
    schema: {
      summary: 'The signed-in user, the admin flag and the role on each case',
      tags: ['session'],
      response: { 200: z.object({ user: UserOut, is_admin: z.boolean(), roles: z.record(z.string(), z.string()).describe('case id → your role on it'), can_create_cases: z.boolean().describe('whether you may create a case on this server'), csrf_token: z.string().optional() }).meta({ id: 'Me' }), ...problemResponses() },
    },
  }, async (request) => {
    const caller = requireCaller(request);
    const user = caller.user;
    // A tab opened after sign-in learns the session's CSRF token here; the cookie alone cannot
    // be read by another site's script, and this response is same-origin only.
    return { user, is_admin: user.is_admin, roles: await rolesOf(store, user), can_create_cases: user.is_admin || caseCreators === 'signed-in', ...(caller.csrf ? { csrf_token: caller.csrf } : {}) };
  });

  const TokenOut = z.object({ id: z.string(), name: z.string(), scope: z.enum(tokenScopes), created_at: z.string(), revoked_at: z.string().nullable() }).meta({ id: 'ApiToken', description: 'An API token (never its secret)' });

  app.get('/api/tokens', {
    config: { access: signedIn },
    schema: { summary: 'Your API tokens (never their secrets)', tags: ['session'], response: { 200: z.object({ tokens: z.array(TokenOut) }), ...problemResponses() } },
  }, async (request) => ({ tokens: await listApiTokens(store, requireCaller(request).user) }));

  app.post('/api/tokens', {
    // A token that could make tokens could outlive its own revocation: only a signed-in person may.
    config: { access: signedIn, sessionOnly: true },
    schema: {
      summary: 'Create an API token for scripts (scope read: GET only; write: what your roles allow); the secret is shown once. Needs a session, not a token',
      tags: ['session'],
      body: z.object({ name: z.string().min(1).max(100), scope: z.enum(tokenScopes).default('write') }),
      response: { 201: TokenOut.extend({ token: z.string().describe('the secret, shown this once') }).meta({ id: 'NewApiToken' }), ...problemResponses() },
    },
  }, async (request, reply) => reply.code(201).send(await createApiToken(store, requireCaller(request).user, request.body.name, request.body.scope)));

  app.delete('/api/tokens/:id', {
    config: { access: signedIn },
    schema: { summary: 'Revoke an API token', tags: ['session'], params: z.object({ id: z.string().regex(/^[0-9a-f]{12}$/) }), response: { 204: NoContent, ...problemResponses() } },
  }, async (request, reply) => {
    if (!(await revokeApiToken(store, requireCaller(request).user, request.params.id))) throw notFound(`token "${request.params.id}"`);
    return reply.code(204).send();
  });
};

function loginName(body: unknown): string {
  const name = (body as { username?: unknown } | null)?.username;
  return typeof name === 'string' ? name.slice(0, 64).toLowerCase() : '';
}
