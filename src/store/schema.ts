// Table types for Kysely. JSON columns hold text so that SQLite and PostgreSQL store the same bytes.
import type { ColumnType, Insertable, Selectable } from 'kysely';
import type { EventNameColumn, EventRow } from './event-rows.js';

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
  /** SHA-256 of the canonical JSON of the change; of `rows` when the entry has them. */
  digest: string;
  prev_hash: string;
  hash: string;
  /** JSON: the rows the write stored, as [table, key, digest] (src/store/audit/rows.ts); null before migration 006. */
  rows: ColumnType<string | null, string | null | undefined, never>;
  /** 1 when `hash` is an HMAC with DEEDS_AUDIT_KEY; null or 0 for a plain SHA-256 chain. */
  keyed: ColumnType<number | null, number | null | undefined, never>;
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
  /** Set when an admin disabled the user (migration 007): no sign-in, no session, no token. */
  disabled_at: string | null;
}

export interface CaseRolesTable {
  user_id: string;
  case_id: string;
  role: string;
  granted_by: string;
  granted_at: string;
  /** Set when the role was revoked (migration 007); the row stays so the audit log still covers it. */
  revoked_at: string | null;
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
  /** `read` (safe methods only) or `write`; tokens made before migration 006 are `write`. */
  scope: string;
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
  event_imports: EventImportsTable;
  /** A view over event_rows that puts the names back (migration 010); read events here. */
  events: EventsTable;
  event_rows: EventRowsTable;
  event_names: EventNamesTable;
  event_history: EventHistoryTable;
  event_sources: EventSourcesTable;
  sanctions_versions: SanctionsVersionsTable;
  sanctions_entry_bodies: SanctionsEntryBodiesTable;
  sanctions_version_entries: SanctionsVersionEntriesTable;
  sanctions_decisions: SanctionsDecisionsTable;
  sanctions_screenings: SanctionsScreeningsTable;
}

export type CaseRow = Selectable<CasesTable>;
export type EvidenceVersionRow = Selectable<EvidenceVersionsTable>;
export type AuditEntry = Selectable<AuditLogTable>;
export type NewAuditEntry = Insertable<AuditLogTable>;

/** One imported file of conflict events: its dataset, version, SHA-256 and what it changed. */
export interface EventImportsTable {
  id: ColumnType<number, never, never>;
  dataset: string;
  version: string | null;
  file_name: string;
  source_url: string | null;
  sha256: string;
  /** PostgreSQL returns its bigint as text. */
  bytes: ColumnType<number | string, number, number>;
  /** JSON array of the file's column names. */
  columns: string;
  imported_at: string;
  imported_by: string;
  rows_read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** First and last event start date in the file's accepted rows: the dataset's coverage, without scanning events. */
  date_first: string | null;
  date_last: string | null;
}

/** One conflict event per dataset and event id (src/store/event-rows.ts), with the import and line it came from. */
export interface EventsTable extends Omit<EventRow, 'dataset'> {
  dataset: string;
  import_id: number;
  line: number;
}

/**
 * Events as stored: every name (country, province, actors…) is a reference to event_names, so a
 * name a million events share is kept once and each event holds a small integer (migration 010).
 */
export type EventRowsTable = Omit<EventsTable, EventNameColumn> & { [K in EventNameColumn as `${K}_ref`]: number | null };

/** Every distinct name the events use, once. */
export interface EventNamesTable {
  id: ColumnType<number, never, never>;
  name: string;
}

/** The values an event had before a newer import changed it; written by a trigger, append-only. */
export interface EventHistoryTable extends EventsTable {
  replaced_by_import: number;
}

/**
 * The source records of one import, a batch at a time: brotli-compressed JSON, an array of
 * [line, record text] pairs (src/store/event-sources.ts). Append-only.
 */
export interface EventSourcesTable {
  import_id: number;
  first_line: number;
  last_line: number;
  records: Uint8Array;
}

/** One imported snapshot of a sanctions list (UN, OFAC, OpenSanctions); never replaced by a newer one. */
export interface SanctionsVersionsTable {
  id: string;
  list: string;
  kind: string;
  version: string;
  published: string;
  file_name: string;
  sha256: string;
  entries: number;
  base_version: string | null;
  imported_at: string;
  imported_by: string;
}

/** A list entry's content (JSON), stored once per distinct digest. */
export interface SanctionsEntryBodiesTable {
  digest: string;
  ref: string;
  data: string;
}

export interface SanctionsVersionEntriesTable {
  version_id: string;
  ref: string;
  digest: string;
}

/** Append-only: the newest decision per (case, person, list, ref) is the one in force. */
export interface SanctionsDecisionsTable {
  seq: number;
  case_id: string;
  person_id: string;
  list: string;
  ref: string;
  decision: string;
  reason: string;
  actor: string;
  decided_at: string;
}

/** Append-only: a case's screening runs, to report what changed since the previous one. */
export interface SanctionsScreeningsTable {
  id: string;
  case_id: string;
  screened_at: string;
  actor: string;
  /** JSON: list → version id used. */
  versions: string;
  /** JSON: person id → matches. */
  results: string;
}
