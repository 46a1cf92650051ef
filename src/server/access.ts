// Who may call a route. Every route declares its access; one hook enforces it, so no handler can
// forget. A caller without a role on a case gets 404, so case ids cannot be probed.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie'; // adds request.cookies to the types
import { atLeast, roleOn, sessionUser, tokenUser, type Role, type TokenScope, type User } from '../accounts/index.js';
import type { Store } from '../store/open.js';
import { HttpProblem, notFound } from './problems.js';

export type Access =
  | { to: 'anyone' }
  | { to: 'signed_in' }
  | { to: 'admin' }
  | { to: 'case'; role: Role };

export const anyone: Access = { to: 'anyone' };
export const signedIn: Access = { to: 'signed_in' };
export const admin: Access = { to: 'admin' };
export const caseRole = (role: Role): Access => ({ to: 'case', role });

export interface Caller {
  user: User;
  via: 'session' | 'token';
  /** Present for session callers: writes must echo it in X-CSRF-Token. */
  csrf?: string;
  sessionToken?: string;
  /** Present for token callers: `read` tokens may only use safe methods. */
  scope?: TokenScope;
  /** The caller's role on the case in the URL, once checked. */
  role?: Role;
}

// The one declaration of the request's decorations (app.ts decorates, the onRequest hook fills it).
declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, or null for an anonymous request; handlers read it through requireCaller. */
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Only a signed-in session may call this route, never an API token (e.g. making tokens). */
    sessionOnly?: boolean;
  }
}

export const SESSION_COOKIE = 'deeds_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function identify(store: Store, request: FastifyRequest): Promise<Caller | null> {
  const auth = request.headers.authorization;
  if (auth?.startsWith('Bearer ')) {
    const found = await tokenUser(store, auth.slice(7).trim());
    if (!found) throw new HttpProblem(401, 'Unauthorized', 'the API token is not valid or was revoked');
    return { user: found.user, via: 'token', scope: found.scope };
  }
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const session = await sessionUser(store, token);
  return session ? { user: session.user, via: 'session', csrf: session.csrf, sessionToken: token } : null;
}

export async function enforce(store: Store, request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  // No route matched: the not-found handler answers 404 and there is nothing to protect.
  if (request.routeOptions.url === undefined) return;
  const access = request.routeOptions.config.access;
  if (!access) {
    // Static files of the web UI are public; an API route without an access rule is a bug.
    if (!request.url.startsWith('/api/')) return;
    throw new Error(`route ${request.method} ${request.routeOptions.url} declares no access`);
  }
  if (access.to === 'anyone') return;
  const caller = requireCaller(request);
  if (caller.via === 'session' && !SAFE_METHODS.has(request.method) && !sameSecret(request.headers['x-csrf-token'], caller.csrf)) {
    throw new HttpProblem(403, 'Forbidden', 'missing or wrong X-CSRF-Token header (it is returned at sign-in)');
  }
  if (caller.via === 'token') {
    if (request.routeOptions.config.sessionOnly) throw new HttpProblem(403, 'Forbidden', 'an API token cannot do this; sign in with a password');
    if (caller.scope !== 'write' && !SAFE_METHODS.has(request.method)) throw new HttpProblem(403, 'Forbidden', 'this API token has the read scope: it may only read');
  }
  if (access.to === 'signed_in') return;
  if (access.to === 'admin') {
    if (!caller.user.is_admin) throw new HttpProblem(403, 'Forbidden', 'only an instance admin may do this');
    return;
  }
  const caseId = (request.params as { case?: string }).case;
  if (!caseId) throw new Error(`route ${request.routeOptions.url} needs a :case parameter for case access`);
  const role = await roleOn(store, caller.user, caseId);
  if (!role) throw notFound(`case "${caseId}"`);
  if (!atLeast(role, access.role)) throw new HttpProblem(403, 'Forbidden', `this needs the ${access.role} role on "${caseId}"; you are ${role}`);
  caller.role = role;
}

/**
 * The caller of a route whose access is not `anyone`. The access hook calls it first, so an
 * anonymous request is refused with 401 before any handler runs; handlers call it to get a caller
 * that is not null by type.
 */
export function requireCaller(request: FastifyRequest): Caller {
  if (!request.caller) throw new HttpProblem(401, 'Unauthorized', 'sign in first (POST /api/session) or send an API token');
  return request.caller;
}

/** The caller's role on the case in the URL, which the access hook checked for every case route. */
export function requireRole(request: FastifyRequest): Role {
  const role = requireCaller(request).role;
  if (!role) throw new Error(`route ${request.routeOptions.url ?? request.url} reads a role it does not declare access by`);
  return role;
}

/** Constant-time comparison, so response timing does not reveal how much of a token was right. */
function sameSecret(given: string | string[] | undefined, expected: string | undefined): boolean {
  if (typeof given !== 'string' || expected === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
