// What the audit log covers beyond itself: the rows each write stored. An entry records, for every
// row its write inserted or changed, the table, the row's key and a digest of its content; the
// newest record of a key must match the row as it is in the table now (src/store/audit/verify.ts).
// Sessions are not covered: they come and go with every sign-in and hold no case data.
import type { Kysely } from 'kysely';
import { canonicalJson, sha256 } from '../../util/digest.js';
import type { Database } from '../schema.js';

export const coveredTables = ['cases', 'case_objects', 'evidence_versions', 'case_roles', 'users', 'api_tokens'] as const;
export type CoveredTable = (typeof coveredTables)[number];

/** [table, key, digest of the row's content] */
export type RowRecord = [table: CoveredTable, key: string[], digest: string];

type Row<T extends CoveredTable> = Database[T];
type Spec<T extends CoveredTable> = { key: (r: Row<T>) => string[]; content: (r: Row<T>) => unknown };

/** Per covered table: the columns that make a row's key, and the content its digest covers. */
const covered: { [T in CoveredTable]: Spec<T> } = {
  cases: {
    key: (r: Row<'cases'>) => [r.id],
    content: (r: Row<'cases'>) => ({ title: r.title, subject: r.subject, marking: r.marking, header: JSON.parse(r.header) as unknown }),
  },
  case_objects: {
    key: (r: Row<'case_objects'>) => [r.case_id, r.id],
    // `ord` is left out: a load may reorder objects without changing them.
    content: (r: Row<'case_objects'>) => ({ list: r.list, data: JSON.parse(r.data) as unknown, digest: r.digest }),
  },
  evidence_versions: {
    key: (r: Row<'evidence_versions'>) => [r.case_id, r.id, String(r.version)],
    content: (r: Row<'evidence_versions'>) => ({ ord: Number(r.ord), data: JSON.parse(r.data) as unknown, digest: r.digest, stored_at: r.stored_at, stored_by: r.stored_by }),
  },
  case_roles: {
    key: (r: Row<'case_roles'>) => [r.user_id, r.case_id],
    // Marks of migration 007 count only once set, so rows recorded before it still match.
    content: (r: Row<'case_roles'>) => ({ role: r.role, granted_by: r.granted_by, granted_at: r.granted_at, ...(r.revoked_at ? { revoked_at: r.revoked_at } : {}) }),
  },
  users: {
    key: (r: Row<'users'>) => [r.id],
    content: (r: Row<'users'>) => ({ username: r.username, password_hash: r.password_hash, is_admin: Number(r.is_admin), created_at: r.created_at, ...(r.disabled_at ? { disabled_at: r.disabled_at } : {}) }),
  },
  api_tokens: {
    key: (r: Row<'api_tokens'>) => [r.id],
    content: (r: Row<'api_tokens'>) => ({ user_id: r.user_id, name: r.name, token_hash: r.token_hash, scope: r.scope, created_at: r.created_at, revoked_at: r.revoked_at }),
  },
};

export function rowRecord<T extends CoveredTable>(table: T, row: Row<T>): RowRecord {
  const spec = covered[table] as Spec<T>;
  return [table, spec.key(row), sha256(canonicalJson(spec.content(row)))];
}

type DataTable = 'case_objects' | 'evidence_versions';

/**
 * The same record as rowRecord for a row whose `data` column holds `object` as JSON, given
 * `canonicalData`, the canonical JSON of that object the caller made for its digest: the row's
 * JSON is then not parsed and canonicalised again (half of a large load's time went there).
 * The text is byte for byte what rowRecord digests, since `data` sorts before every other key
 * of the content (test/store/audit-rows-fast.test.ts checks both on the bundled case).
 */
export function rowRecordOfData<T extends DataTable>(table: T, row: Row<T>, canonicalData: string): RowRecord {
  const spec = covered[table] as Spec<T>;
  const rest = canonicalJson({ ...(spec.content(withoutData(row)) as object), data: undefined });
  return [table, spec.key(row), sha256(`{"data":${canonicalData},${rest.slice(1)}`)];
}

/** The row with `data` standing for nothing, so that content() does not parse the real one. */
const withoutData = <R extends { data: string }>(row: R): R => ({ ...row, data: 'null' });

/** Where a record's key is kept in a map: table and key parts, unambiguously. */
export const recordId = (table: string, key: string[]): string => JSON.stringify([table, ...key]);

/** Every row of a covered table as records. */
export async function tableRecords(db: Kysely<Database>, table: CoveredTable): Promise<RowRecord[]> {
  // Kysely cannot type a select over a union of table names; each table's rows match its spec.
  const rows = await db.selectFrom(table as 'users').selectAll().execute() as unknown as Array<Row<typeof table>>;
  return rows.map((row) => rowRecord(table, row as never));
}
