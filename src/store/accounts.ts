// Users, roles, sessions and API tokens as stored rows. Session and token secrets are random, shown
// once, and stored only as SHA-256 hashes; passwords only as the hashes src/accounts/ makes. The
// store checks no password and knows no role order: src/accounts/ does, and calls the store.
import { randomBytes } from 'node:crypto';
import { appendAudit } from './audit/log.js';
import { rowRecord } from './audit/rows.js';
import { sha256 } from '../util/digest.js';
import type { Store } from './open.js';
import type { Database } from './schema.js';
import { StoreConflictError, writeTransaction } from './write.js';
import { lockRowsRead } from './dialects/index.js';
import type { ErrorCode } from '../errors/index.js';
import type { Kysely } from 'kysely';

export class AccountError extends Error {
  override name = 'AccountError';
  readonly code = 'account_invalid' satisfies ErrorCode;
}

export interface User {
  id: string;
  username: string;
  is_admin: boolean;
}

/** A user as administrators see it. */
export interface UserListing extends User {
  created_at: string;
  disabled_at: string | null;
}

export const SESSION_HOURS = 12;

const noUser = (username: string) => new AccountError(`no user "${username}" (add one with: deeds user add ${username})`);

/** Stores a new user with an already-hashed password. */
export async function insertUser(store: Store, user: { id: string; username: string; password_hash: string; is_admin: boolean }, actor: string): Promise<User> {
  const row = { id: user.id, username: user.username, password_hash: user.password_hash, is_admin: user.is_admin ? 1 : 0, created_at: new Date().toISOString(), disabled_at: null };
  const taken = () => new AccountError(`user "${user.username}" already exists`);
  await writeTransaction(store, async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('username', '=', user.username).executeTakeFirst();
    if (existing) throw taken();
    await trx.insertInto('users').values(row).execute();
    await appendAudit(trx, store.dialect, { actor, action: 'user.add', caseId: null, objectIds: [user.username], change: { username: user.username, admin: user.is_admin }, rows: [rowRecord('users', row)] });
  }).catch((err: unknown) => {
    throw err instanceof StoreConflictError ? taken() : err;
  });
  return { id: row.id, username: row.username, is_admin: user.is_admin };
}

export async function findUser(store: Store, username: string): Promise<User | undefined> {
  const row = await store.db.selectFrom('users').select(['id', 'username', 'is_admin']).where('username', '=', username).executeTakeFirst();
  return row && { ...row, is_admin: row.is_admin === 1 };
}

export async function listUsers(store: Store): Promise<UserListing[]> {
  const rows = await store.db.selectFrom('users').select(['id', 'username', 'is_admin', 'created_at', 'disabled_at']).orderBy('username').execute();
  return rows.map((r) => ({ ...r, is_admin: r.is_admin === 1 }));
}

/** The stored password hash of a user, and whether the user is disabled. */
export async function credentialsOf(store: Store, username: string): Promise<{ user: User; password_hash: string; disabled: boolean } | undefined> {
  const row = await store.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
  return row && { user: { id: row.id, username: row.username, is_admin: row.is_admin === 1 }, password_hash: row.password_hash, disabled: row.disabled_at !== null };
}

/** Reads a user's row for update inside a write. */
async function lockedUser(trx: Kysely<Database>, store: Store, username: string) {
  let query = trx.selectFrom('users').selectAll().where('username', '=', username);
  query = lockRowsRead(store.dialect, query);
  const row = await query.executeTakeFirst();
  if (!row) throw noUser(username);
  return row;
}

/** Replaces a user's password hash and ends the user's sessions (whoever held them must sign in again). */
export async function setPasswordHash(store: Store, username: string, passwordHash: string, actor: string): Promise<void> {
  await writeTransaction(store, async (trx) => {
    const row = await lockedUser(trx, store, username);
    const changed = { ...row, password_hash: passwordHash };
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', row.id).execute();
    await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
    await appendAudit(trx, store.dialect, { actor, action: 'user.password', caseId: null, objectIds: [username], change: { username }, rows: [rowRecord('users', changed)] });
  });
}

/**
 * Disables or enables a user. Disabling ends every session of the user and revokes every token at
 * once, in the same transaction; enabling gives back sign-in only, never the revoked tokens.
 * Returns false when the user already was in that state (nothing is written).
 */
export async function setDisabled(store: Store, username: string, disabled: boolean, actor: string): Promise<boolean> {
  return writeTransaction(store, async (trx) => {
    const row = await lockedUser(trx, store, username);
    if ((row.disabled_at !== null) === disabled) return false;
    const now = new Date().toISOString();
    const changed = { ...row, disabled_at: disabled ? now : null };
    await trx.updateTable('users').set({ disabled_at: changed.disabled_at }).where('id', '=', row.id).execute();
    const rows = [rowRecord('users', changed)];
    if (disabled) {
      await trx.deleteFrom('sessions').where('user_id', '=', row.id).execute();
      const live = await trx.selectFrom('api_tokens').selectAll().where('user_id', '=', row.id).where('revoked_at', 'is', null).execute();
      if (live.length > 0) await trx.updateTable('api_tokens').set({ revoked_at: now }).where('user_id', '=', row.id).where('revoked_at', 'is', null).execute();
      rows.push(...live.map((t) => rowRecord('api_tokens', { ...t, revoked_at: now })));
    }
    await appendAudit(trx, store.dialect, { actor, action: disabled ? 'user.disable' : 'user.enable', caseId: null, objectIds: [username], change: { username }, rows });
    return true;
  });
}

/** Stores a role on a case, replacing (or reinstating) the one the user had. `role` is checked by the caller. */
export async function storeGrant(store: Store, username: string, caseId: string, role: string, actor: string): Promise<void> {
  await writeTransaction(store, async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (!user) throw noUser(username);
    let found = trx.selectFrom('cases').select('id').where('id', '=', caseId);
    found = lockRowsRead(store.dialect, found);
    if (!(await found.executeTakeFirst())) throw new AccountError(`no case "${caseId}" in the database`);
    const row = { user_id: user.id, case_id: caseId, role, granted_by: actor, granted_at: new Date().toISOString(), revoked_at: null };
    const had = await trx.selectFrom('case_roles').select(['role', 'revoked_at']).where('user_id', '=', user.id).where('case_id', '=', caseId).executeTakeFirst();
    if (had) await trx.updateTable('case_roles').set({ role, granted_by: actor, granted_at: row.granted_at, revoked_at: null }).where('user_id', '=', user.id).where('case_id', '=', caseId).execute();
    else await trx.insertInto('case_roles').values(row).execute();
    const before = had && had.revoked_at === null ? had.role : null;
    await appendAudit(trx, store.dialect, { actor, action: 'role.grant', caseId, objectIds: [username], change: { username, role, before }, rows: [rowRecord('case_roles', row)] });
  });
}

/** Revokes a user's role on a case; false when the user had none in force. */
export async function revokeGrant(store: Store, username: string, caseId: string, actor: string): Promise<boolean> {
  return writeTransaction(store, async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
    if (!user) return false;
    let query = trx.selectFrom('case_roles').selectAll().where('user_id', '=', user.id).where('case_id', '=', caseId).where('revoked_at', 'is', null);
    query = lockRowsRead(store.dialect, query);
    const had = await query.executeTakeFirst();
    if (!had) return false;
    const revoked = { ...had, revoked_at: new Date().toISOString() };
    await trx.updateTable('case_roles').set({ revoked_at: revoked.revoked_at }).where('user_id', '=', user.id).where('case_id', '=', caseId).execute();
    await appendAudit(trx, store.dialect, { actor, action: 'role.revoke', caseId, objectIds: [username], change: { username, role: had.role }, rows: [rowRecord('case_roles', revoked)] });
    return true;
  });
}

/** The roles in force on a case, with the people who hold them. */
export async function listGrants(store: Store, caseId: string): Promise<Array<{ username: string; role: string; granted_by: string; granted_at: string }>> {
  return store.db.selectFrom('case_roles').innerJoin('users', 'users.id', 'case_roles.user_id')
    .select(['users.username', 'case_roles.role', 'case_roles.granted_by', 'case_roles.granted_at'])
    .where('case_roles.case_id', '=', caseId).where('case_roles.revoked_at', 'is', null).orderBy('users.username').execute();
}

/** The stored role of a user on a case (any text the column holds), or null. */
export async function storedRole(store: Store, userId: string, caseId: string): Promise<string | null> {
  const row = await store.db.selectFrom('case_roles').select('role').where('user_id', '=', userId).where('case_id', '=', caseId).where('revoked_at', 'is', null).executeTakeFirst();
  return row?.role ?? null;
}

/** Every stored role of a user: case id → role text. */
export async function storedRoles(store: Store, userId: string): Promise<Array<{ case_id: string; role: string }>> {
  return store.db.selectFrom('case_roles').select(['case_id', 'role']).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

export async function caseExists(store: Store, caseId: string): Promise<boolean> {
  return (await store.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst()) !== undefined;
}

export async function allCaseIds(store: Store): Promise<string[]> {
  return (await store.db.selectFrom('cases').select('id').execute()).map((c) => c.id);
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

/** The session's user; a disabled user's session is refused even if a row survived. */
export async function sessionUser(store: Store, token: string): Promise<{ user: User; csrf: string } | null> {
  const row = await store.db
    .selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['users.id', 'users.username', 'users.is_admin', 'users.disabled_at', 'sessions.csrf_token', 'sessions.expires_at'])
    .where('sessions.token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || row.expires_at <= new Date().toISOString() || row.disabled_at !== null) return null;
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

/** The token's user; a disabled user's token is refused even if it was somehow not revoked. */
export async function tokenUser(store: Store, token: string): Promise<{ user: User; scope: TokenScope; id: string } | null> {
  const row = await store.db
    .selectFrom('api_tokens').innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select(['users.id', 'users.username', 'users.is_admin', 'users.disabled_at', 'api_tokens.id as token_id', 'api_tokens.scope', 'api_tokens.revoked_at'])
    .where('api_tokens.token_hash', '=', sha256(token)).executeTakeFirst();
  if (!row || row.revoked_at !== null || row.disabled_at !== null) return null;
  return { user: { id: row.id, username: row.username, is_admin: row.is_admin === 1 }, scope: asScope(row.scope), id: row.token_id };
}
