// The source records of imported events, kept compressed, a batch of records per row, instead of
// one `raw` text per event. Writing every record verbatim into `events` doubled the size of the
// database and halved the import's speed (docs/events.md, Figures); a batch of ~1,000 GED records
// compresses to about a sixth. `events.raw` stays: events imported before this migration keep
// their record there, and newer ones leave it empty.
import type { Migration } from 'kysely';
import { forbidChanges, type AnyDb, type Dialect } from './helpers.js';

export function eventSources(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('event_sources')
        .addColumn('import_id', 'integer', (c) => c.notNull().references('event_imports.id'))
        .addColumn('first_line', 'integer', (c) => c.notNull())
        .addColumn('last_line', 'integer', (c) => c.notNull())
        .addColumn('records', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
        .addPrimaryKeyConstraint('event_sources_pk', ['import_id', 'first_line'])
        .execute();
      await forbidChanges(db, dialect, 'event_sources', 'event sources are append-only');
    },
  };
}
