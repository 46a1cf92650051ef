// Schema migrations, applied automatically when a store is opened. A migration only ever adds:
// it never drops a table or a column that holds user data.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

// Kysely's migrations run on an untyped handle: the schema they build is what the types describe.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = Kysely<any>;

function migrations(dialect: Dialect): Record<string, Migration> {
  return {
    '2026-11-22-001-cases-and-evidence': {
      async up(db: AnyDb) {
        await db.schema
          .createTable('cases')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('subject', 'text', (c) => c.notNull())
          .addColumn('marking', 'text', (c) => c.notNull())
          .addColumn('header', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('case_objects')
          .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('list', 'text', (c) => c.notNull())
          .addColumn('ord', 'integer', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('digest', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('case_objects_pk', ['case_id', 'id'])
          .execute();
        await db.schema
          .createTable('evidence_versions')
          .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('ord', 'integer', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('digest', 'text', (c) => c.notNull())
          .addColumn('stored_at', 'text', (c) => c.notNull())
          .addColumn('stored_by', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('evidence_versions_pk', ['case_id', 'id', 'version'])
          .execute();
        await db.schema
          .createTable('audit_log')
          .addColumn('seq', 'integer', (c) => c.primaryKey())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('case_id', 'text')
          .addColumn('object_ids', 'text', (c) => c.notNull())
          .addColumn('digest', 'text', (c) => c.notNull())
          .addColumn('prev_hash', 'text', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('audit_head')
          .addColumn('id', 'integer', (c) => c.primaryKey())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('hash', 'text', (c) => c.notNull())
          .execute();
        await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: '0'.repeat(64) }).execute();
        await forbidChanges(db, dialect, 'evidence_versions', 'evidence is append-only: add a version, supersede or retract instead');
        await forbidChanges(db, dialect, 'audit_log', 'the audit log is append-only');
      },
    },
  };
}

/** A database-level guard, so that no code path (ours or a careless script) rewrites history. */
async function forbidChanges(db: AnyDb, dialect: Dialect, table: string, message: string): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql.raw(`CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`).execute(db);
    }
    return;
  }
  await sql.raw(`CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$`).execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`).execute(db);
}

export function migrationProvider(dialect: Dialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
