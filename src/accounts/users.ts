// Accounts as people use them: names and passwords are checked and hashed here, then stored by
// src/store/accounts.ts, which only ever sees hashes.
import { randomUUID } from 'node:crypto';
import { AccountError, credentialsOf, insertUser, setDisabled, setPasswordHash, type User } from '../store/accounts.js';
import type { Store } from '../store/open.js';
import { dummyPasswordHash, hashPassword, passwordWeakness, verifyPassword } from './passwords.js';

const usernamePattern = /^[a-z0-9][a-z0-9._-]{1,63}$/;

function checkPassword(password: string, username: string): void {
  const weakness = passwordWeakness(password, username);
  if (weakness) throw new AccountError(`password refused: ${weakness}`);
}

export async function addUser(store: Store, username: string, password: string, options: { admin?: boolean; actor: string }): Promise<User> {
  if (!usernamePattern.test(username)) throw new AccountError(`"${username}" is not a valid user name: use 2–64 lowercase letters, digits, ".", "_" or "-"`);
  checkPassword(password, username);
  return insertUser(store, { id: randomUUID(), username, password_hash: await hashPassword(password), is_admin: !!options.admin }, options.actor);
}

/** Checks a password; a missing or disabled user costs as long as a wrong password and gets the same null. */
export async function authenticate(store: Store, username: string, password: string): Promise<User | null> {
  const found = await credentialsOf(store, username);
  if (!found) {
    await verifyPassword(await dummyPasswordHash(), password);
    return null;
  }
  const right = await verifyPassword(found.password_hash, password);
  return right && !found.disabled ? found.user : null;
}

/** Sets a new password (same policy as a new account); the user's sessions end. */
export async function resetPassword(store: Store, username: string, password: string, actor: string): Promise<void> {
  checkPassword(password, username);
  if (!(await credentialsOf(store, username))) throw new AccountError(`no user "${username}"`);
  await setPasswordHash(store, username, await hashPassword(password), actor);
}

/** Disables a user: sign-in refused, sessions ended and tokens revoked at once. False if already disabled. */
export function disableUser(store: Store, username: string, actor: string): Promise<boolean> {
  return setDisabled(store, username, true, actor);
}

/** Lets a disabled user sign in again (tokens revoked on disabling stay revoked). False if not disabled. */
export function enableUser(store: Store, username: string, actor: string): Promise<boolean> {
  return setDisabled(store, username, false, actor);
}
