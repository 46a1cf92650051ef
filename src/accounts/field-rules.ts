// Role rules below the level of a route: fields that a role may not set even on a route it may
// call. An analyst may add evidence, but a new item that supersedes another or arrives already
// retracted does what only a reviewer may do (supersede, retract), so it needs that role too.
import { atLeast, type Role } from './roles.js';

export const evidenceFieldRoles: Readonly<Record<string, Role>> = {
  supersedes: 'reviewer',
  retracted: 'reviewer',
};

/** The fields of a new evidence item that `held` may not set, with the role each needs. */
export function fieldsBeyondRole(item: unknown, held: Role | null | undefined): Array<{ field: string; needs: Role }> {
  if (!item || typeof item !== 'object') return [];
  const given = item as Record<string, unknown>;
  return Object.entries(evidenceFieldRoles)
    .filter(([field, needs]) => given[field] !== undefined && given[field] !== null && !atLeast(held, needs))
    .map(([field, needs]) => ({ field, needs }));
}
