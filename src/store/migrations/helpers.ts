import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialects/dialect.js';

export type { Dialect } from '../dialects/dialect.js';

// Migrations run on an untyped handle: the schema they build is what src/store/schema.ts describes.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

/** A database-level guard, so that no code path (ours or a careless script) rewrites history. */
export async function forbidChanges(db: AnyDb, dialect: Dialect, table: string, message: string): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql.raw(`CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table} BEGIN SELECT RAISE(ABORT, '${message}'); END`).execute(db);
    }
    return;
  }
  await sql.raw(`CREATE FUNCTION ${table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${message}'; END $$`).execute(db);
  await sql.raw(`CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_append_only()`).execute(db);
}
