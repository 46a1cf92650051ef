// Sanctions lists: every imported snapshot is a version; entries are stored once per distinct
// content (by digest) and linked to each version that holds them, so keeping every version costs
// little. Analyst decisions and screening runs are append-only.
import type { Migration } from 'kysely';
import { forbidChanges, type AnyDb, type Dialect } from './helpers.js';

export function sanctions(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('sanctions_versions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('list', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('published', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('entries', 'integer', (c) => c.notNull())
        .addColumn('base_version', 'text')
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addColumn('imported_by', 'text', (c) => c.notNull())
        .addUniqueConstraint('sanctions_versions_digest', ['list', 'sha256'])
        .execute();
      await db.schema
        .createTable('sanctions_entry_bodies')
        .addColumn('digest', 'text', (c) => c.primaryKey())
        .addColumn('ref', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('sanctions_version_entries')
        .addColumn('version_id', 'text', (c) => c.notNull().references('sanctions_versions.id'))
        .addColumn('ref', 'text', (c) => c.notNull())
        .addColumn('digest', 'text', (c) => c.notNull().references('sanctions_entry_bodies.digest'))
        .addPrimaryKeyConstraint('sanctions_version_entries_pk', ['version_id', 'ref'])
        .execute();
      await db.schema
        .createTable('sanctions_decisions')
        .addColumn('seq', 'integer', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('list', 'text', (c) => c.notNull())
        .addColumn('ref', 'text', (c) => c.notNull())
        .addColumn('decision', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sanctions_decisions_case').on('sanctions_decisions').columns(['case_id', 'person_id']).execute();
      await db.schema
        .createTable('sanctions_screenings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
        .addColumn('screened_at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('versions', 'text', (c) => c.notNull())
        .addColumn('results', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('sanctions_screenings_case').on('sanctions_screenings').columns(['case_id', 'screened_at']).execute();
      await forbidChanges(db, dialect, 'sanctions_decisions', 'sanctions decisions are append-only: record a new decision instead');
      await forbidChanges(db, dialect, 'sanctions_screenings', 'screening runs are append-only');
    },
  };
}
