// Events keep their names once. A million GED events repeat a few thousand names (countries,
// provinces, actors and their ids) in nine text columns, and writing those texts was most of
// what an import asked of SQLite (binding a text costs it several times a number). Events now
// live in event_rows, each name a reference to event_names; the view `events` puts the names back,
// with the same columns as before, for everything that reads one event or its history.
//
// Every event is copied into the new form, the copy is counted against the old table, and only
// then is the old table removed: nothing is lost (test/store/migration-010.test.ts compares every
// column). event_history keeps its names as text and is not touched; the trigger that fills it
// now looks the names up. On SQLite the whole migration is one transaction, so a crash leaves the
// database as it was before it.
import { sql, type Migration } from 'kysely';
import type { AnyDb, Dialect } from './helpers.js';

/** Physical columns of event_rows in order; a name column `x` is stored as `x_ref`. */
const rowColumns = [
  'dataset', 'event_id', 'version_key', 'date_start', 'date_end', 'violence_type', 'event_type_ref', 'country_ref', 'country_code_ref',
  'admin1_ref', 'province_ref', 'latitude', 'longitude', 'side_a_id_ref', 'side_a_ref', 'side_b_id_ref', 'side_b_ref', 'deaths_best',
  'deaths_civilians', 'raw', 'import_id', 'line',
];

/** The view's (and the old table's) columns, in the same order. */
const viewColumns = rowColumns.map((c) => c.replace(/_ref$/, ''));

/** The columns that hold names (src/store/event-rows.ts, eventNameColumns, as of this migration). */
const eventNameColumns = ['event_type', 'country', 'country_code', 'admin1', 'province', 'side_a_id', 'side_a', 'side_b_id', 'side_b'];
const isName = (c: string) => eventNameColumns.includes(c);

/** The covering index of indicator queries, as migration 003 had it, on references. */
const INDICATOR_INDEX_COLUMNS = [
  'dataset', 'country_code_ref', 'date_start', 'violence_type', 'side_a_id_ref', 'side_b_id_ref', 'deaths_best', 'deaths_civilians',
  'province_ref', 'event_type_ref', 'side_a_ref', 'side_b_ref',
];

export function eventNames(dialect: Dialect): Migration {
  return {
    async up(db: AnyDb) {
      if (dialect === 'postgres') {
        await migrate(db, dialect);
        return;
      }
      // Kysely runs SQLite migrations outside a transaction; this one copies every event, so it
      // takes one of its own.
      await sql`BEGIN IMMEDIATE`.execute(db);
      try {
        await migrate(db, dialect);
        await sql`COMMIT`.execute(db);
      } catch (err) {
        await sql`ROLLBACK`.execute(db);
        throw err;
      }
    },
  };
}

async function migrate(db: AnyDb, dialect: Dialect): Promise<void> {
  await sql.raw(dialect === 'postgres'
    ? 'CREATE TABLE event_names (id serial PRIMARY KEY, name text NOT NULL UNIQUE)'
    : 'CREATE TABLE event_names (id integer PRIMARY KEY, name text NOT NULL UNIQUE)').execute(db);
  const types: Record<string, string> = {
    dataset: 'text NOT NULL', event_id: 'text NOT NULL', version_key: 'text NOT NULL', date_start: 'text NOT NULL', date_end: 'text NOT NULL',
    violence_type: 'integer', latitude: 'double precision', longitude: 'double precision', deaths_best: 'integer NOT NULL',
    deaths_civilians: 'integer', raw: 'text NOT NULL', import_id: 'integer NOT NULL REFERENCES event_imports (id)', line: 'integer NOT NULL',
  };
  // The references carry no foreign key: checking nine of them cost each inserted event nine
  // lookups, and only the import writes them, always from event_names.
  const definition = rowColumns.map((c) => `${c} ${c.endsWith('_ref') ? 'integer' : types[c]}`).join(', ');
  await sql.raw(`CREATE TABLE event_rows (${definition}, CONSTRAINT event_rows_pk PRIMARY KEY (dataset, event_id))`).execute(db);

  // Every name the events use, then every event with its names replaced by their references.
  const names = eventNameColumns.map((c) => `SELECT ${c} AS name FROM events WHERE ${c} IS NOT NULL`).join(' UNION ');
  await sql.raw(`INSERT INTO event_names (name) SELECT name FROM (${names}) AS used ORDER BY name`).execute(db);
  const joins = eventNameColumns.map((c) => `LEFT JOIN event_names n_${c} ON n_${c}.name = e.${c}`).join(' ');
  const values = viewColumns.map((c) => (isName(c) ? `n_${c}.id` : `e.${c}`)).join(', ');
  await sql.raw(`INSERT INTO event_rows (${rowColumns.join(', ')}) SELECT ${values} FROM events e ${joins}`).execute(db);
  const counted = await sql<{ before: number | string; after: number | string }>`SELECT (SELECT count(*) FROM events) AS before, (SELECT count(*) FROM event_rows) AS after`.execute(db);
  const { before, after } = counted.rows[0] ?? { before: -1, after: -2 };
  if (Number(before) !== Number(after)) throw new Error(`migration 010 copied ${after} of ${before} events; nothing was changed`);
  // The old table goes with its trigger and its index; its rows are all in event_rows.
  await sql`DROP TABLE events`.execute(db);

  await sql.raw(`CREATE INDEX events_by_country_date ON event_rows (${INDICATOR_INDEX_COLUMNS.join(', ')})`).execute(db);
  const named = (from: string) => (c: string) => (isName(c) ? `(SELECT name FROM event_names WHERE id = ${from}.${c}_ref)` : `${from}.${c}`);
  await sql.raw(`CREATE VIEW events AS SELECT ${viewColumns.map((c) => `${named('r')(c)} AS ${c}`).join(', ')} FROM event_rows r`).execute(db);
  await keepHistory(db, dialect, viewColumns.map(named('OLD')).join(', '));
}

/** Every update of an event first copies its old values, names and all, to event_history. */
async function keepHistory(db: AnyDb, dialect: Dialect, oldValues: string): Promise<void> {
  const body = `INSERT INTO event_history (${viewColumns.join(', ')}, replaced_by_import) VALUES (${oldValues}, NEW.import_id);`;
  if (dialect === 'sqlite') {
    await sql.raw(`CREATE TRIGGER events_keep_history BEFORE UPDATE ON event_rows BEGIN ${body} END`).execute(db);
    return;
  }
  await sql.raw(`CREATE OR REPLACE FUNCTION events_keep_history() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN ${body} RETURN NEW; END $$`).execute(db);
  await sql.raw('CREATE TRIGGER events_keep_history BEFORE UPDATE ON event_rows FOR EACH ROW EXECUTE FUNCTION events_keep_history()').execute(db);
}
