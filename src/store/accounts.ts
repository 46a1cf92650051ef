// Users, roles, sessions and API tokens. Session and token secrets are random, shown once, and
// stored only as SHA-256 hashes; passwords only as argon2id hashes.
import { randomBytes, randomUUID } from 'node:crypto';
import { appendAudit } from './audit/log.js';
import { rowRecord } from './audit/rows.js';
import { dummyPasswordHash, hashPassword, passwordWeakness, verifyPassword } from '../accounts/passwords.js';
import { atLeast, isRole, type Role } from '../accounts/roles.js';
import { sha256 } from '../util/digest.js';
import type { Store } from './open.js';
import { StoreConflictError, writeTransaction } from './write.js';
import type { ErrorCode } from '../errors/index.js';

export class AccountError extends Error {
  override name = 'AccountError';
  readonly code = 'account_invalid' satisfies ErrorCode;
}

export interface User {
  id: string;
  username: string;
  is_admin: boolean;
}

export const SESSION_HOURS = 12;
const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,63}$/;

export async function addUser(store: Store, username: string, password: string, options: { admin?: boolean; actor: string }): Promise<User> {
  if (!usernamePattern.test(username)) throw new AccountError(`"${username}" is not a valid user name: use 2–64 lowercase letters, digits, ".", "_" or "-"`);
  const weakness = passwordWeakness(password, username);
  if (weakness) throw new AccountError(`password refused: ${weakness}`);
  const user = { id: randomUUID(), username, password_hash: await hashPassword(password), is_admin: options.admin ? 1 : 0, created_at: new Date().toISOString() };
  const taken = () => new AccountError(`user "${username}" already exists`);
  await writeTransaction(store, async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (existing) throw taken();
    await trx.insertInto('users').values(user).execute();
    await appendAudit(trx, store.dialect, { actor: options.actor, action: 'user.add', caseId: null, objectIds: [username], change: { username, admin: !!options.admin }, rows: [rowRecord('users', user)] });
  }).catch((err: unknown) => {
    throw err instanceof StoreConflictError ? taken() : err;
  });
  return { id: user.id, username, is_admin: !!options.admin };
}

export async function findUser(store: Store, username: string): Promise<User | undefined> {
  const row = await store.db.selectFrom('users').select(['id', 'username', 'is_admin']).where('username', '=', username).executeTakeFirst();
  return row && { ...row, is_admin: row.is_admin === 1 };
}

export async function listUsers(store: Store): Promise<User[]> {
  const rows = await store.db.selectFrom('users').select(['id', 'username', 'is_admin']).orderBy('username').execute();
  return rows.map((r) => ({ ...r, is_admin: r.is_admin === 1 }));
}

/** Checks a password; a missing user costs as long as a wrong password. */
export async function authenticate(store: Store, username: string, password: string): Promise<User | null> {
  const row = await store.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  if (!row) {
    await verifyPassword(await dummyPasswordHash(), password);
    return null;
  }
  return (await verifyPassword(row.password_hash, password)) ? { id: row.id, username: row.username, is_admin: row.is_admin === 1 } : null;
}

export async function grantRole(store: Store, username: string, caseId: string, role: string, actor: string): Promise<void> {
  if (!isRole(role)) throw new AccountError(`"${role}" is not a role; use viewer, analyst, reviewer or owner`);
  await writeTransaction(store, async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (!user) throw new AccountError(`no user "${username}" (add one with: deeds user add ${username})`);
    let found = trx.selectFrom('cases').select('id').where('id', '=', caseId);
    if (store.dialect === 'postgres') found = found.forUpdate();
    if (!(await found.executeTakeFirst())) throw new AccountError(`no case "${caseId}" in the database`);
    const row = { user_id: user.id, case_id: caseId, role, granted_by: actor, granted_at: new Date().toISOString() };
    const had = await trx.selectFrom('case_roles').select('role').where('user_id', '=', user.id).where('case_id', '=', caseId).executeTakeFirst();
    if (had) await trx.updateTable('case_roles').set({ role, granted_by: actor, granted_at: row.granted_at }).where('user_id', '=', user.id).where('case_id', '=', caseId).execute();
    else await trx.insertInto('case_roles').values(row).execute();
    await appendAudit(trx, store.dialect, { actor, action: 'role.grant', caseId, objectIds: [username], change: { username, role, before: had?.role ?? null }, rows: [rowRecord('case_roles', row)] });
  });
}

/** The caller's role on a case; instance admins act as owners everywhere. */
export async function roleOn(store: Store, user: User, caseId: string): Promise<Role | null> {
  if (user.is_admin) {
    const exists = await store.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
    return exists ? 'owner' : null;
  }
  const row = await store.db.selectFrom('case_roles').select('role').where('user_id', '=', user.id).where('case_id', '=', caseId).executeTakeFirst();
  return row && isRole(row.role) ? row.role : null;
}

export async function rolesOf(store: Store, user: User): Promise<Record<string, Role>> {
  if (user.is_admin) {
    const cases = await store.db.selectFrom('cases').select('id').execute();
    return Object.fromEntries(cases.map((c) => [c.id, 'owner' as Role]));
  }
  const rows = await store.db.selectFrom('case_roles').select(['case_id', 'role']).where('user_id', '=', user.id).execute();
  return Object.fromEntries(rows.filter((r) => isRole(r.role)).map((r) => [r.case_id, r.role as Role]));
}

export function hasRole(held: Role | null, needed: Role): boolean {
  return atLeast(held, needed);
}

const secret = () => randomBytes(32).toString('base64url');

/** A new session for a signed-in user. The cookie value is returned once and never stored. */
export async function createSession(store: Store, user: User): Promise<{ token: string; csrf: string; expires: Date }> {
  const token = secret();
  const csrf = secret();
  const now = new Date();
  const expires = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  // Sessions are not audited, but they wait for the write lock like every other write.
  await writeTransaction(store, (trx) => trx.insertInto('sessions').values({ token_hash: sha256(token), user_id: user.id, csrf_token: csrf, created_at: now.toISOString(), expires_at: expires.toISOString() }).execute());
  return { token, csrf, expires };
}

export async function sessionUser(store: Store, token: string): Promise<{ user: User; csrf: string } | null> {
  const row = await store.db
    .selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.is_admin', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || row.expires_at <= new Date().toISOString()) return null;
  return { user: { id: row.id, username: row.username, is_admin: row.is_admin === 1 }, csrf: row.csrf_token };
}

export async function endSession(store: Store, token: string): Promise<void> {
  await writeTransaction(store, (trx) => trx.deleteFrom('sessions').where('token_hash', '=', sha256(token)).execute());
}

/** `read`: safe methods only (GET, HEAD); `write`: everything the user's roles allow. */
export const tokenScopes = ['read', 'write'] as const;
export type TokenScope = (typeof tokenScopes)[number];

export interface ApiToken {
  id: string;
  name: string;
  scope: TokenScope;
  created_at: string;
  revoked_at: string | null;
}

/** Creates an API token; the secret (`deeds_<id>_<secret>`) is returned once. */
export async function createApiToken(store: Store, user: User, name: string, scope: TokenScope = 'write'): Promise<ApiToken & { token: string }> {
  const id = randomBytes(6).toString('hex');
  const token = `deeds_${id}_${secret()}`;
  const row = { id, user_id: user.id, name, token_hash: sha256(token), scope, created_at: new Date().toISOString(), revoked_at: null };
  await writeTransaction(store, async (trx) => {
    await trx.insertInto('api_tokens').values(row).execute();
    await appendAudit(trx, store.dialect, { actor: `user:${user.username}`, action: 'token.create', caseId: null, objectIds: [id], change: { id, name, scope }, rows: [rowRecord('api_tokens', row)] });
  });
  return { id, name, scope, created_at: row.created_at, revoked_at: null, token };
}

export async function listApiTokens(store: Store, user: User): Promise<ApiToken[]> {
  const rows = await store.db.selectFrom('api_tokens').select(['id', 'name', 'scope', 'created_at', 'revoked_at']).where('user_id', '=', user.id).orderBy('created_at').execute();
  return rows.map((r) => ({ ...r, scope: asScope(r.scope) }));
}

/** Anything but `read` in the column is a full token: that is what tokens were before scopes. */
const asScope = (value: string): TokenScope => (value === 'read' ? 'read' : 'write');

/** Revokes one of the user's tokens; false when the user has no such token. */
export async function revokeApiToken(store: Store, user: User, id: string): Promise<boolean> {
  return writeTransaction(store, async (trx) => {
    const result = await trx.updateTable('api_tokens').set({ revoked_at: new Date().toISOString() })
      .where('id', '=', id).where('user_id', '=', user.id).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    const row = await trx.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    await appendAudit(trx, store.dialect, { actor: `user:${user.username}`, action: 'token.revoke', caseId: null, objectIds: [id], change: { id }, rows: [rowRecord('api_tokens', row)] });
    return true;
  });
}

export async function tokenUser(store: Store, token: string): Promise<{ user: User; scope: TokenScope; id: string } | null> {
  const row = await store.db
    .selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['users.id', 'users.username', 'users.is_admin', 'api_tokens.id as token_id', 'api_tokens.scope', 'api_tokens.revoked_at'])
    .where('api_tokens.token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  return { user: { id: row.id, username: row.username, is_admin: row.is_admin === 1 }, scope: asScope(row.scope), id: row.token_id };
}
