// Conflict events (UCDP GED, ACLED): one row per dataset event, the imports they came from, and
// the earlier values of every event a newer file changed.
import { sql, type Migration } from 'kysely';
import { forbidChanges, type AnyDb, type Dialect } from './helpers.js';

/** The columns an event and its history share; the order is the insert order of src/store/events.ts. */
const eventColumns = (t: ReturnType<AnyDb['schema']['createTable']>) => t
  .addColumn('dataset', 'text', (c) => c.notNull())
  .addColumn('event_id', 'text', (c) => c.notNull())
  .addColumn('version_key', 'text', (c) => c.notNull())
  .addColumn('date_start', 'text', (c) => c.notNull())
  .addColumn('date_end', 'text', (c) => c.notNull())
  .addColumn('violence_type', 'integer')
  .addColumn('event_type', 'text')
  .addColumn('country', 'text')
  .addColumn('country_code', 'text')
  .addColumn('admin1', 'text')
  .addColumn('province', 'text')
  .addColumn('latitude', 'double precision')
  .addColumn('longitude', 'double precision')
  .addColumn('side_a_id', 'text')
  .addColumn('side_a', 'text')
  .addColumn('side_b_id', 'text')
  .addColumn('side_b', 'text')
  .addColumn('deaths_best', 'integer', (c) => c.notNull())
  .addColumn('deaths_civilians', 'integer')
  .addColumn('raw', 'text', (c) => c.notNull())
  .addColumn('import_id', 'integer', (c) => c.notNull().references('event_imports.id'))
  .addColumn('line', 'integer', (c) => c.notNull());

const copied = [
  'dataset', 'event_id', 'version_key', 'date_start', 'date_end', 'violence_type', 'event_type', 'country', 'country_code',
  'admin1', 'province', 'latitude', 'longitude', 'side_a_id', 'side_a', 'side_b_id', 'side_b', 'deaths_best',
  'deaths_civilians', 'raw', 'import_id', 'line',
];

export function events(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      await db.schema
        .createTable('event_imports')
        .addColumn('id', dialect === 'postgres' ? 'serial' : 'integer', (c) => c.primaryKey())
        .addColumn('dataset', 'text', (c) => c.notNull())
        .addColumn('version', 'text')
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('source_url', 'text')
        .addColumn('sha256', 'text', (c) => c.notNull())
        .addColumn('bytes', 'bigint', (c) => c.notNull())
        .addColumn('columns', 'text', (c) => c.notNull())
        .addColumn('imported_at', 'text', (c) => c.notNull())
        .addColumn('imported_by', 'text', (c) => c.notNull())
        .addColumn('rows_read', 'integer', (c) => c.notNull())
        .addColumn('inserted', 'integer', (c) => c.notNull())
        .addColumn('updated', 'integer', (c) => c.notNull())
        .addColumn('unchanged', 'integer', (c) => c.notNull())
        .addColumn('rejected', 'integer', (c) => c.notNull())
        .addColumn('date_first', 'text')
        .addColumn('date_last', 'text')
        .execute();
      await eventColumns(db.schema.createTable('events'))
        .addPrimaryKeyConstraint('events_pk', ['dataset', 'event_id'])
        .execute();
      // Indicator queries filter by dataset and country and range over dates. The index also holds
      // every other column an indicator filters, groups or sums on, so the query reads the index
      // alone and never the wide rows (with `raw`, about 1 KB each): over 1M GED events that is the
      // difference between about a second and a few tens of milliseconds.
      await db.schema.createIndex('events_by_country_date').on('events')
        .columns(['dataset', 'country_code', 'date_start', 'violence_type', 'side_a_id', 'side_b_id', 'deaths_best', 'deaths_civilians', 'province', 'event_type', 'side_a', 'side_b'])
        .execute();
      await eventColumns(db.schema.createTable('event_history'))
        .addColumn('replaced_by_import', 'integer', (c) => c.notNull().references('event_imports.id'))
        .execute();
      await db.schema.createIndex('event_history_by_event').on('event_history').columns(['dataset', 'event_id']).execute();
      await keepHistory(db, dialect);
      await forbidChanges(db, dialect, 'event_history', 'event history is append-only');
    },
  };
}

/** Every update of an event first copies its old values to event_history, whoever updates it. */
async function keepHistory(db: AnyDb, dialect: Dialect): Promise<void> {
  const cols = copied.join(', ');
  const old = copied.map((c) => `OLD.${c}`).join(', ');
  const body = `INSERT INTO event_history (${cols}, replaced_by_import) VALUES (${old}, NEW.import_id);`;
  if (dialect === 'sqlite') {
    await sql.raw(`CREATE TRIGGER events_keep_history BEFORE UPDATE ON events BEGIN ${body} END`).execute(db);
    return;
  }
  await sql.raw(`CREATE FUNCTION events_keep_history() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} RETURN NEW; END $$`).execute(db);
  await sql.raw('CREATE TRIGGER events_keep_history BEFORE UPDATE ON events FOR EACH ROW EXECUTE FUNCTION events_keep_history()').execute(db);
}
