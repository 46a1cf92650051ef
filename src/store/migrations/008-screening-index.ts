// The persistent screening index (docs/sanctions.md): one row per index built, keyed by the digest
// of the list versions it covers, its bytes split into parts of at most 16 MB (PostgreSQL's bytea
// and the drivers handle such parts without strain; a whole index of millions of names would not
// fit one value). The index is derived data: it can always be rebuilt from the list versions.
import type { Migration } from 'kysely';
import type { AnyDb, Dialect } from './helpers.js';

export function screeningIndex(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('screening_indexes')
        .addColumn('digest', 'text', (c) => c.primaryKey())
        .addColumn('versions', 'text', (c) => c.notNull())
        .addColumn('format', 'integer', (c) => c.notNull())
        .addColumn('entries', 'integer', (c) => c.notNull())
        .addColumn('names', 'integer', (c) => c.notNull())
        .addColumn('bytes', 'bigint', (c) => c.notNull())
        .addColumn('parts', 'integer', (c) => c.notNull())
        .addColumn('built_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('screening_index_parts')
        .addColumn('digest', 'text', (c) => c.notNull().references('screening_indexes.digest').onDelete('cascade'))
        .addColumn('part', 'integer', (c) => c.notNull())
        .addColumn('data', dialect === 'sqlite' ? 'blob' : 'bytea', (c) => c.notNull())
        .addPrimaryKeyConstraint('screening_index_parts_pk', ['digest', 'part'])
        .execute();
    },
  };
}
