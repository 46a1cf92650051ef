// Shapes of the administration routes (src/server/routes/users.ts, admin-audit.ts, session.ts,
// imports/routes.ts), as the pages use them.
export interface UserListing { id: string; username: string; is_admin: boolean; created_at: string; disabled_at: string | null }
export interface Grant { username: string; role: string; granted_by: string; granted_at: string }
export interface ApiToken { id: string; name: string; scope: 'read' | 'write'; created_at: string; revoked_at: string | null }
export interface AuditEntry { seq: number; at: string; actor: string; action: string; case_id: string | null; object_ids: string[]; hash: string; rows: number }
export interface AuditPage { total: number; entries: AuditEntry[]; next_before: number | null }
export type AuditVerify =
  | { ok: true; entries: number; head: string; rows: number; keyed_from: number | null }
  | { ok: false; entries: number; first_bad: number | null; reason: string };
export interface ImportJob {
  id: string; kind: string; file_name: string; started_by: string; started_at: string; finished_at: string | null;
  status: 'running' | 'done' | 'failed'; progress: { done: number; total: number }; summary: Record<string, unknown> | null; error: string | null;
}

/** Who did something, in people's words: `user:alice` is alice, `cli:bob` is bob on the command line. */
export function actorName(actor: string): string {
  if (actor.startsWith('user:')) return actor.slice(5);
  if (actor.startsWith('cli:')) return `${actor.slice(4)} (command line)`;
  if (actor.startsWith('deeds:')) return `deeds (${actor.slice(6)})`;
  return actor;
}

export const when = (iso: string | null | undefined): string => (iso ? iso.replace('T', ' ').slice(0, 16) : '');
