// Table types for Kysely. JSON columns hold text so that SQLite and PostgreSQL store the same bytes.
import type { ColumnType, Insertable, Selectable } from 'kysely';

export interface CasesTable {
  id: string;
  title: string;
  subject: string;
  marking: string;
  /** JSON: the `case:` block, the `assessment:` block and top-level `x-` keys. */
  header: string;
  created_at: string;
  updated_at: string;
}

/** Every case object except evidence, one row per id (ids are unique within a case). */
export interface CaseObjectsTable {
  case_id: string;
  id: string;
  /** The case-file list the object belongs to: actors, sources, commitments, … */
  list: string;
  ord: number;
  data: string;
  digest: string;
  updated_at: string;
}

/** Append-only: each change to an evidence item adds a version; none is ever rewritten. */
export interface EvidenceVersionsTable {
  case_id: string;
  id: string;
  version: number;
  ord: number;
  data: string;
  digest: string;
  stored_at: string;
  stored_by: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor: string;
  action: string;
  case_id: string | null;
  /** JSON array of the ids the write touched. */
  object_ids: string;
  /** SHA-256 of the canonical JSON of the change. */
  digest: string;
  prev_hash: string;
  hash: string;
}

/** One row that names the newest audit entry, so that removing the last entry is noticed too. */
export interface AuditHeadTable {
  id: ColumnType<number, number, never>;
  seq: number;
  hash: string;
}

export interface UsersTable {
  id: string;
  username: string;
  password_hash: string;
  is_admin: number;
  created_at: string;
}

export interface CaseRolesTable {
  user_id: string;
  case_id: string;
  role: string;
  granted_by: string;
  granted_at: string;
}

/** A session is found by the SHA-256 of its cookie value; the value itself is never stored. */
export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

export interface Database {
  users: UsersTable;
  case_roles: CaseRolesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  cases: CasesTable;
  case_objects: CaseObjectsTable;
  evidence_versions: EvidenceVersionsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}

export type CaseRow = Selectable<CasesTable>;
export type EvidenceVersionRow = Selectable<EvidenceVersionsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;
