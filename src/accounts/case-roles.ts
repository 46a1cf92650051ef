// Roles on cases: which role a user holds (instance admins own every case) and granting or
// revoking one. The role order lives in roles.ts; the store keeps the rows.
import { AccountError, allCaseIds, caseExists, revokeGrant, storedRole, storedRoles, storeGrant, type User } from '../store/accounts.js';
import type { Store } from '../store/open.js';
import { atLeast, isRole, type Role } from './roles.js';

export async function grantRole(store: Store, username: string, caseId: string, role: string, actor: string): Promise<void> {
  if (!isRole(role)) throw new AccountError(`"${role}" is not a role; use viewer, analyst, reviewer or owner`);
  await storeGrant(store, username, caseId, role, actor);
}

/** Revokes a user's role on a case; false when the user had none. */
export function revokeRole(store: Store, username: string, caseId: string, actor: string): Promise<boolean> {
  return revokeGrant(store, username, caseId, actor);
}

/** The caller's role on a case; instance admins act as owners everywhere. */
export async function roleOn(store: Store, user: User, caseId: string): Promise<Role | null> {
  if (user.is_admin) return (await caseExists(store, caseId)) ? 'owner' : null;
  const role = await storedRole(store, user.id, caseId);
  return role !== null && isRole(role) ? role : null;
}

export async function rolesOf(store: Store, user: User): Promise<Record<string, Role>> {
  if (user.is_admin) return Object.fromEntries((await allCaseIds(store)).map((id) => [id, 'owner']));
  const rows = await storedRoles(store, user.id);
  return Object.fromEntries(rows.filter((r) => isRole(r.role)).map((r) => [r.case_id, r.role as Role]));
}

export function hasRole(held: Role | null, needed: Role): boolean {
  return atLeast(held, needed);
}
