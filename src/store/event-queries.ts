// The queries on stored conflict events: daily counts for indicators (on event_rows and its
// covering index of name references), the dataset's coverage, one event with its source record
// and its history (through the view `events`, names and all), and the import records.
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { ActorRule, EventDataset, EventQuery } from './event-rows.js';
import { sourceRecord } from './event-sources.js';
import type { Database } from './schema.js';
import type { Store } from './open.js';
import { dialectFor } from './dialects/index.js';

export type DailyGroup = 'none' | 'violence_type' | 'province';

/** Events and deaths of one day (and one group value). */
export interface DailyCount {
  date: string;
  key: string | null;
  events: number;
  fatalities: number;
  civilian_fatalities: number;
}

/**
 * Reads event_rows and its covering index alone: every name in the query is first turned into the
 * references of event_names that carry it (a subquery SQLite and PostgreSQL each run once), so
 * the million index entries are compared as integers. `dialect` only chooses how names are
 * compared case-insensitively.
 */
export async function dailyEventCounts(db: Kysely<Database>, q: EventQuery, group: DailyGroup = 'none', dialect: Store['dialect'] = 'postgres'): Promise<DailyCount[]> {
  const key = group === 'none' ? sql<string | null>`null` : group === 'violence_type' ? sql<string | null>`cast(violence_type as text)` : sql<string | null>`(SELECT name FROM event_names WHERE id = province_ref)`;
  const rows = await db.selectFrom('event_rows')
    .select((eb) => [
      'date_start as date',
      key.as('key'),
      eb.fn.countAll().as('events'),
      eb.fn.sum<number | string>('deaths_best').as('fatalities'),
      eb.fn.sum<number | string>(eb.fn.coalesce('deaths_civilians', sql.lit(0))).as('civilian_fatalities'),
    ])
    .where((eb) => eventFilter(eb, q, dialect))
    .groupBy(group === 'none' ? ['date_start'] : group === 'violence_type' ? ['date_start', 'violence_type'] : ['date_start', 'province_ref'])
    .orderBy('date_start')
    .execute();
  return rows.map((r) => ({ date: r.date, key: r.key, events: Number(r.events), fatalities: Number(r.fatalities ?? 0), civilian_fatalities: Number(r.civilian_fatalities ?? 0) }));
}

type RowsFilter = ExpressionBuilder<Database, 'event_rows'>;
type NameTest = (n: ExpressionBuilder<Database, 'event_names'>) => Expression<SqlBool>;

/** The references of every name that passes `test`. */
const refsOf = (eb: RowsFilter, test: NameTest) => eb.selectFrom('event_names').select('id').where(test);

function eventFilter(eb: RowsFilter, q: EventQuery, dialect: Store['dialect']): Expression<SqlBool> {
  const parts: Array<Expression<SqlBool>> = [eb('dataset', '=', q.dataset)];
  const { countryCode, countryName, eventTypes, provinces } = q;
  if (countryCode) parts.push(eb('country_code_ref', '=', refsOf(eb, (n) => n('name', '=', countryCode))));
  if (countryName) parts.push(eb('country_ref', 'in', refsOf(eb, (n) => n(n.fn('lower', ['name']), '=', countryName.toLowerCase()))));
  if (q.violenceTypes?.length) parts.push(eb('violence_type', 'in', q.violenceTypes));
  if (eventTypes?.length) parts.push(eb('event_type_ref', 'in', refsOf(eb, (n) => n(n.fn('lower', ['name']), 'in', eventTypes.map((t) => t.toLowerCase())))));
  if (provinces?.length) parts.push(eb('province_ref', 'in', refsOf(eb, (n) => n('name', 'in', provinces))));
  if (q.from) parts.push(eb('date_start', '>=', q.from));
  if (q.to) parts.push(eb('date_start', '<=', q.to));
  if (q.actors) parts.push(q.actors.length === 0 ? sql<SqlBool>`1 = 0` : eb.or(q.actors.map((rule) => actorMatch(eb, rule, dialect))));
  return eb.and(parts);
}

function actorMatch(eb: RowsFilter, rule: ActorRule, dialect: Store['dialect']): Expression<SqlBool> {
  const sides: Array<Expression<SqlBool>> = [];
  const { ids, names } = rule;
  if (ids.length) {
    const refs = refsOf(eb, (n) => n('name', 'in', ids));
    sides.push(eb('side_a_id_ref', 'in', refs), eb('side_b_id_ref', 'in', refs));
  }
  // Rule names are lower case; SQLite's NOCASE and PostgreSQL's lower() agree on ASCII.
  if (names.length) {
    const refs = refsOf(eb, (n) => n(dialectFor(dialect).caseFolded('name'), 'in', names));
    sides.push(eb('side_a_ref', 'in', refs), eb('side_b_ref', 'in', refs));
  }
  const parts: Array<Expression<SqlBool>> = [sides.length ? eb.or(sides) : sql<SqlBool>`1 = 0`];
  if (rule.from) parts.push(eb('date_start', '>=', rule.from));
  if (rule.to) parts.push(eb('date_start', '<=', rule.to));
  return eb.and(parts);
}

/**
 * First and last event date of a dataset: indicators are zero-filled only inside it. Read from
 * the import records (each keeps its first and last date), not by scanning a million events.
 */
export async function eventCoverage(db: Kysely<Database>, dataset: EventDataset): Promise<{ first: string; last: string } | null> {
  const row = await db.selectFrom('event_imports')
    .select((eb) => [eb.fn.min('date_first').as('first'), eb.fn.max('date_last').as('last')])
    .where('dataset', '=', dataset)
    .executeTakeFirst();
  if (!row || row.first === null || row.last === null) return null;
  return { first: row.first, last: row.last };
}

/** The stored event with the import it came from, and its source record. */
export async function getEvent(db: Kysely<Database>, dataset: EventDataset, eventId: string) {
  const event = await db.selectFrom('events').innerJoin('event_imports', 'event_imports.id', 'events.import_id')
    .selectAll('events').select(['event_imports.version', 'event_imports.file_name', 'event_imports.sha256', 'event_imports.imported_at'])
    .where('events.dataset', '=', dataset).where('events.event_id', '=', eventId).executeTakeFirst();
  return event && { ...event, raw: await sourceOf(db, event) };
}

/** Earlier values of an event, oldest first, each with the source record it was read from. */
export async function getEventHistory(db: Kysely<Database>, dataset: EventDataset, eventId: string) {
  const rows = await db.selectFrom('event_history').selectAll().where('dataset', '=', dataset).where('event_id', '=', eventId).orderBy('replaced_by_import').execute();
  return Promise.all(rows.map(async (r) => ({ ...r, raw: await sourceOf(db, r) })));
}

/**
 * An event's record as its file had it: in `raw` for events imported before event_sources
 * existed (migration 005), otherwise in the source block of its import that holds its line.
 */
async function sourceOf(db: Kysely<Database>, event: { raw: string; import_id: number; line: number }): Promise<string> {
  if (event.raw !== '') return event.raw;
  const block = await db.selectFrom('event_sources').select('records')
    .where('import_id', '=', event.import_id).where('first_line', '<=', event.line).where('last_line', '>=', event.line)
    .orderBy('first_line', 'desc').executeTakeFirst();
  return (block && sourceRecord(block.records, event.line)) ?? '';
}

export async function listEventImports(db: Kysely<Database>) {
  const rows = await db.selectFrom('event_imports').selectAll().orderBy('id').execute();
  return rows.map((r) => ({ ...r, bytes: Number(r.bytes) }));
}
