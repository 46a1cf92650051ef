// Roles per case, each including the ones below it.
export const roles = ['viewer', 'analyst', 'reviewer', 'owner'] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

export function atLeast(held: Role | null | undefined, needed: Role): boolean {
  return held != null && roles.indexOf(held) >= roles.indexOf(needed);
}
