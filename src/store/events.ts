// Conflict events in the database: the import transaction (one file, all or nothing, audited),
// with each dialect's fastest path; the queries are in event-queries.ts (re-exported here).
//
// Import writes go through an upsert keyed on (dataset, event_id): a new event is inserted, a
// changed one updated (a trigger copies its old values to event_history first), an unchanged one
// left alone, and a row from an older dataset version never overwrites a newer one.
//
// Events are stored in event_rows with every name (country, province, actors…) as a reference to
// event_names (migration 010): imports resolve names to references, indicator queries compare
// references, and the view `events` gives one event back with its names.
import { Kysely, PostgresDialect, SqliteDialect, sql, type SqlBool } from 'kysely';
import { appendAudit } from './audit/log.js';
import { eventColumns, eventDataColumns, eventIdKey, eventNameColumns, type BatchTexts, type EventDataset, type EventRow } from './event-rows.js';
import type { SourceBlock } from './event-sources.js';
import {
  ADMIN1, BatchNames, COUNTRY, COUNTRY_CODE, EVENT_TYPE, PostgresNames, PROVINCE, SIDE_A, SIDE_A_ID, SIDE_B, SIDE_B_ID, SqliteNames, type NameRefs,
} from './event-names.js';
import type { Database, EventRowsTable } from './schema.js';
import type { Store } from './open.js';
import { writeTransaction } from './write.js';

export type { ActorRule } from './event-rows.js';
export * from './event-queries.js';

export interface EventImportMeta {
  dataset: EventDataset;
  version: string | null;
  fileName: string;
  sourceUrl: string | null;
  actor: string;
  /**
   * PostgreSQL: `copy` (default) loads rows through COPY into a staging table and merges them in
   * one statement; `insert` is the earlier multi-row upsert, kept to compare against.
   */
  postgresPath?: 'copy' | 'insert';
}

/** What the reader reports once the whole file has been read. */
export interface ReadOutcome {
  sha256: string;
  bytes: number;
  columns: string[];
  read: number;
  /** Rows handed to the writer. */
  accepted: number;
  rejected: number;
  /** First and last start date of the accepted rows (null when there were none). */
  first: string | null;
  last: string | null;
}

export interface EventWriter {
  /**
   * Writes accepted rows; `lines[i]` is the line of `rows[i]` in the file. Their `raw` is not
   * stored here. `texts`, when the rows came packed from another thread, are the texts they share.
   */
  write(rows: EventRow[], lines: number[], texts?: BatchTexts): Promise<void>;
  /** Stores a compressed batch of the file's source records (src/store/event-sources.ts). */
  writeSources(block: SourceBlock): Promise<void>;
}

export interface WriteOutcome {
  /** Null when nothing changed: the transaction was rolled back and no import was recorded. */
  importId: number | null;
  inserted: number;
  updated: number;
  unchanged: number;
  auditSeq: number | null;
}

/** Thrown inside the transaction to roll back an import that changed nothing. */
class NothingChanged extends Error {
  constructor(readonly outcome: ReadOutcome) {
    super('nothing changed');
  }
}

/**
 * Runs `read` inside one transaction; `read` streams the file into the writer it is given. If
 * `read` throws (or the process dies) nothing of the file is kept.
 */
export async function runEventImport(store: Store, meta: EventImportMeta, read: (writer: EventWriter) => Promise<ReadOutcome>): Promise<WriteOutcome> {
  try {
    if (store.dialect === 'sqlite') return await sqliteImport(store, meta, read);
    return meta.postgresPath === 'insert' || !store.pool ? await postgresImport(store, meta, read) : await postgresCopyImport(store.pool, store.busyTimeoutMs, meta, read);
  } catch (err) {
    if (err instanceof NothingChanged) return { importId: null, inserted: 0, updated: 0, unchanged: err.outcome.accepted, auditSeq: null };
    throw err;
  }
}

type Work = (trx: Kysely<Database>, importId: number) => Promise<{ outcome: ReadOutcome; inserted: number; updated: number }>;

/** What both dialects share: the import record, the counts, the audit entry. */
async function importTransaction(trx: Kysely<Database>, dialect: Store['dialect'], meta: EventImportMeta, work: Work): Promise<WriteOutcome> {
  const now = new Date().toISOString();
  const { id: importId } = await trx.insertInto('event_imports').values({
    dataset: meta.dataset, version: meta.version, file_name: meta.fileName, source_url: meta.sourceUrl, sha256: '', bytes: 0, columns: '[]',
    imported_at: now, imported_by: meta.actor, rows_read: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0,
  }).returning('id').executeTakeFirstOrThrow();
  const { outcome, inserted, updated } = await work(trx, importId);
  if (inserted + updated === 0) throw new NothingChanged(outcome);
  const unchanged = outcome.accepted - inserted - updated;
  await trx.updateTable('event_imports').set({
    sha256: outcome.sha256, bytes: outcome.bytes, columns: JSON.stringify(outcome.columns),
    rows_read: outcome.read, inserted, updated, unchanged, rejected: outcome.rejected, date_first: outcome.first, date_last: outcome.last,
  }).where('id', '=', importId).execute();
  const entry = await appendAudit(trx, dialect, {
    actor: meta.actor,
    action: 'events.import',
    caseId: null,
    objectIds: [`event-import:${importId}`],
    change: { dataset: meta.dataset, version: meta.version, file: meta.fileName, source_url: meta.sourceUrl, sha256: outcome.sha256, inserted, updated, unchanged, rejected: outcome.rejected },
  });
  return { importId, inserted, updated, unchanged, auditSeq: entry.seq };
}

/**
 * The upsert's WHERE: only a real change, and never from an older version over a newer one. An
 * unknown version (key "") sorts first, so a file of unknown version never overwrites a known one.
 */
function changedCondition(same: 'IS NOT' | 'IS DISTINCT FROM'): string {
  const mine = storedDataColumns.map((c) => `event_rows.${c}`).join(', ');
  const theirs = storedDataColumns.map((c) => `excluded.${c}`).join(', ');
  return `event_rows.version_key <= excluded.version_key AND (${mine}) ${same} (${theirs})`;
}

const isName = (c: string): boolean => (eventNameColumns as readonly string[]).includes(c);
/** Where event_rows keeps a column: a name column `x` as the reference `x_ref`. */
const stored = (c: string): StoredColumn => (isName(c) ? `${c}_ref` : c) as StoredColumn;
type StoredColumn = keyof EventRowsTable;
const storedDataColumns = eventDataColumns.map(stored);

/** The columns an import writes, as the view names them. `raw` is written empty: the record goes to event_sources instead. */
const writtenColumns = [...eventColumns, 'import_id', 'line'] as const;
/** The same columns in event_rows. */
const writtenRowColumns = writtenColumns.map(stored);
const updateColumns: StoredColumn[] = ['version_key', ...storedDataColumns, 'raw', 'import_id', 'line'];

/** An event's values in `writtenColumns` order, names as text (PostgreSQL's COPY resolves them in SQL). */
function eventValues(r: EventRow, importId: number, line: number): Array<string | number | null> {
  return [
    r.dataset, r.event_id, r.version_key, r.date_start, r.date_end, r.violence_type, r.event_type, r.country, r.country_code,
    r.admin1, r.province, r.latitude, r.longitude, r.side_a_id, r.side_a, r.side_b_id, r.side_b, r.deaths_best,
    r.deaths_civilians, '', importId, line,
  ];
}

/** The same values with every name replaced by its reference (`writtenRowColumns` order). */
function eventRowValues(r: EventRow, importId: number, line: number, names: NameRefs): Array<string | number | null> {
  return [
    r.dataset, r.event_id, r.version_key, r.date_start, r.date_end, r.violence_type, names.ref(r.event_type), names.ref(r.country), names.ref(r.country_code),
    names.ref(r.admin1), names.ref(r.province), r.latitude, r.longitude, names.ref(r.side_a_id), names.ref(r.side_a), names.ref(r.side_b_id), names.ref(r.side_b), r.deaths_best,
    r.deaths_civilians, '', importId, line,
  ];
}

/**
 * The columns of an event that vary from row to row, for SQLite's multi-row insert; the rest are
 * the same for the whole import and bound once per statement by name (binding a value costs about
 * as much as the row's share of the insert).
 */
const variableColumns = [
  'event_id', 'date_start', 'date_end', 'violence_type', 'event_type_ref', 'country_ref', 'country_code_ref', 'admin1_ref', 'province_ref',
  'latitude', 'longitude', 'side_a_id_ref', 'side_a_ref', 'side_b_id_ref', 'side_b_ref', 'deaths_best', 'deaths_civilians', 'line',
] as const;
const constantValues = "@dataset, @version_key, '', @import_id";

/** Row `i` of a batch in `variableColumns` order. */
function pushVariable(out: unknown[], r: EventRow, line: number, names: BatchNames, i: number): void {
  out.push(
    r.event_id, r.date_start, r.date_end, r.violence_type, names.ref(i, EVENT_TYPE, r.event_type), names.ref(i, COUNTRY, r.country),
    names.ref(i, COUNTRY_CODE, r.country_code), names.ref(i, ADMIN1, r.admin1), names.ref(i, PROVINCE, r.province), r.latitude, r.longitude,
    names.ref(i, SIDE_A_ID, r.side_a_id), names.ref(i, SIDE_A, r.side_a), names.ref(i, SIDE_B_ID, r.side_b_id), names.ref(i, SIDE_B, r.side_b),
    r.deaths_best, r.deaths_civilians, line,
  );
}

/** Rows per multi-row INSERT on SQLite: one statement call costs about as much as binding a row. */
const SQLITE_ROWS_PER_INSERT = 32;

// SQLite: better-sqlite3 directly, with prepared statements, on a connection of our own. Going
// through Kysely re-prepares each statement and measured at well under half the speed. Kysely still
// runs the transaction on that same connection, so the audit entry is written inside it.
async function sqliteImport(store: Store, meta: EventImportMeta, read: (writer: EventWriter) => Promise<ReadOutcome>): Promise<WriteOutcome> {
  const { default: SQLite } = await import('better-sqlite3');
  const conn = new SQLite(store.location);
  conn.pragma('journal_mode = WAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma(`busy_timeout = ${store.busyTimeoutMs}`);
  // The import is one large transaction; a page cache of 32 MB (16× the default) keeps the hot
  // parts of the indexes in memory without pushing the process over its memory budget.
  conn.pragma('cache_size = -32768');
  // In WAL mode NORMAL skips the fsync at commit but can never corrupt the database; at worst a
  // power cut loses the last import, which is then simply run again.
  conn.pragma('synchronous = NORMAL');
  // Building the indicator index again (DeferredIndex) sorts every event; past the page cache the
  // sort spills to runs that a second thread can sort meanwhile, and by then the reading thread is
  // done. Over 1M GED events: 2.6-2.7 s instead of 3.5-3.8 s, for 0.4 s more CPU and ~60 MB.
  conn.pragma('threads = 2');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: conn }) });
  try {
    // BEGIN IMMEDIATE on the import's own connection: it waits for other writers like any write.
    return await writeTransaction({ db, dialect: 'sqlite', busyTimeoutMs: store.busyTimeoutMs }, (trx) => importTransaction(trx, 'sqlite', meta, async (_trx, importId) => {
      const row = `(${variableColumns.map(() => '?').join(', ')}, ${constantValues})`;
      const insert = (rows: number) => `INSERT INTO event_rows (${variableColumns.join(', ')}, dataset, version_key, raw, import_id) VALUES ${Array.from({ length: rows }, () => row).join(', ')}`;
      const constants: { dataset: string; version_key: string | undefined; import_id: number } = { dataset: meta.dataset, version_key: undefined, import_id: importId };
      const insertOne = conn.prepare(insert(1));
      const insertMany = conn.prepare(insert(SQLITE_ROWS_PER_INSERT));
      const upsert = conn.prepare(
        `INSERT INTO event_rows (${writtenRowColumns.join(', ')}) VALUES (${writtenRowColumns.map(() => '?').join(', ')}) ON CONFLICT (dataset, event_id) DO UPDATE SET ${updateColumns.map((c) => `${c} = excluded.${c}`).join(', ')} ` +
        `WHERE ${changedCondition('IS NOT')}`,
      );
      const insertSource = conn.prepare('INSERT INTO event_sources (import_id, first_line, last_line, records) VALUES (?, ?, ?, ?)');
      const index = new DeferredIndex(conn);
      const names = new SqliteNames(conn);
      // SQLite's upsert path is a third slower than a plain insert, so events not yet stored (all
      // of them in a first import) take the plain one. The write lock is held from the import
      // record's insert on, so no other writer can add an event between this read and our writes.
      const existing = new Set<string | number>();
      for (const id of conn.prepare('SELECT event_id FROM event_rows WHERE dataset = ?').pluck().iterate(meta.dataset)) existing.add(eventIdKey(id as string));
      let inserted = 0;
      let updated = 0;
      const fresh: unknown[] = [];
      const outcome = await read({
        async write(rows, lines, texts) {
          const before = inserted + updated;
          const batchNames = new BatchNames(names, texts);
          for (let i = 0; i < rows.length; i++) {
            const r = rows[i] as EventRow;
            constants.version_key ??= r.version_key;
            // The readers give every row of a file the same version; anything else takes the general path.
            const known = existing.size > 0 && existing.has(eventIdKey(r.event_id));
            if (known || r.version_key !== constants.version_key) {
              const changes = upsert.run(eventRowValues(r, importId, lines[i] as number, names)).changes;
              if (known) updated += changes;
              else inserted += changes;
              continue;
            }
            pushVariable(fresh, r, lines[i] as number, batchNames, i);
            if (fresh.length === variableColumns.length * SQLITE_ROWS_PER_INSERT) {
              insertMany.run(constants, fresh);
              fresh.length = 0;
            }
            inserted++;
          }
          for (let k = 0; k < fresh.length; k += variableColumns.length) insertOne.run(constants, fresh.slice(k, k + variableColumns.length));
          fresh.length = 0;
          index.written(inserted + updated - before);
        },
        async writeSources(block) {
          insertSource.run(importId, block.firstLine, block.lastLine, block.records);
        },
      });
      index.restore();
      return { outcome, inserted, updated };
    }));
  } finally {
    await db.destroy();
  }
}

/**
 * Keeping the indicator index current row by row costs more than the rest of an import once the
 * index outgrows the page cache: every event lands at a random place in it. An import that writes
 * at least half as many events again as the table holds drops the index inside its transaction
 * and builds it again, sorted, before the commit (a first import of 1M GED events: 33 s instead
 * of 40 s, the build itself 4 s).
 * Other connections keep reading the index meanwhile: they see the database as it was before the
 * transaction, and a failed import rolls the drop back with everything else.
 */
class DeferredIndex {
  private readonly threshold: number;
  /** The index's own CREATE statement, as the schema holds it; null when it is already gone. */
  private readonly definition: string | null;
  private count = 0;
  private dropped = false;

  constructor(private readonly conn: import('better-sqlite3').Database) {
    // rowids only grow (events are never deleted), so the largest is the table's size, read in O(log n).
    const largest = Number(conn.prepare('SELECT coalesce(max(rowid), 0) FROM event_rows').pluck().get());
    this.threshold = Math.max(10_000, largest / 2);
    const sql = conn.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").pluck().get(INDICATOR_INDEX);
    this.definition = typeof sql === 'string' ? sql : null;
  }

  /** Counts events inserted or changed; unchanged ones touch no index. */
  written(events: number): void {
    this.count += events;
    if (this.dropped || !this.definition || this.count < this.threshold) return;
    this.conn.exec(`DROP INDEX ${INDICATOR_INDEX}`);
    this.dropped = true;
  }

  restore(): void {
    if (!this.dropped || !this.definition) return;
    // A small page cache makes the sort spill in more, smaller runs, which the second sorting
    // thread (PRAGMA threads) shares: over 1M events 3.4-3.7 s of CPU instead of 3.8-4.5 s, and
    // ~100 MB less memory, in alternating runs.
    this.conn.pragma('cache_size = -8192');
    this.conn.exec(this.definition);
  }
}

/** The covering index of indicator queries (migrations 003 and 010). */
const INDICATOR_INDEX = 'events_by_country_date';

/** PostgreSQL: multi-row upserts through Kysely, a thousand rows (22,000 parameters) at a time. */
const PG_BATCH = 1000;

async function postgresImport(store: Store, meta: EventImportMeta, read: (writer: EventWriter) => Promise<ReadOutcome>): Promise<WriteOutcome> {
  return writeTransaction(store, (trx) => importTransaction(trx, 'postgres', meta, async (t, importId) => {
    const before = await countEvents(t, meta.dataset);
    let changes = 0;
    const names = new PostgresNames(t);
    const outcome = await read({
      async write(rows, lines) {
        for (let i = 0; i < rows.length; i += PG_BATCH) {
          const batch = rows.slice(i, i + PG_BATCH);
          await names.learn(batch);
          const values = batch.map((r, k) => {
            const v = eventRowValues(r, importId, lines[i + k] as number, names);
            return Object.fromEntries(writtenRowColumns.map((c, n) => [c, v[n]]));
          });
          const result = await t.insertInto('event_rows').values(values as never)
            .onConflict((oc) => oc.columns(['dataset', 'event_id'])
              .doUpdateSet((eb) => Object.fromEntries(updateColumns.map((c) => [c, eb.ref(`excluded.${c}`)])))
              .where(sql<SqlBool>`${sql.raw(changedCondition('IS DISTINCT FROM'))}`))
            .executeTakeFirst();
          changes += Number(result.numInsertedOrUpdatedRows ?? 0n);
        }
      },
      async writeSources(b) {
        await t.insertInto('event_sources').values({ import_id: importId, first_line: b.firstLine, last_line: b.lastLine, records: b.records }).execute();
      },
    });
    const inserted = (await countEvents(t, meta.dataset)) - before;
    return { outcome, inserted, updated: changes - inserted };
  }));
}

/**
 * PostgreSQL's bulk path. Each batch of rows goes through COPY into a temporary staging table (no
 * parameters, no per-row statement), and after the file is read one INSERT … SELECT … ON CONFLICT
 * merges the staging table into events with the same rules as the upsert: new events inserted,
 * changed ones updated (the history trigger fires per row as before), unchanged ones and rows of
 * an older version left alone. All of it, the import record and the audit entry run in one
 * transaction on one connection of the pool, so a failure leaves nothing behind. Source records
 * are inserted between the batches: a connection in COPY mode takes no other statement.
 */
async function postgresCopyImport(pool: import('pg').Pool, busyTimeoutMs: number, meta: EventImportMeta, read: (writer: EventWriter) => Promise<ReadOutcome>): Promise<WriteOutcome> {
  const { from: copyFrom } = await import('pg-copy-streams');
  const client = await pool.connect();
  const release = client.release.bind(client);
  // Kysely's dialect asks its pool for a connection per query and releases it after: this pool
  // hands out the one client every time, so the transaction and the COPY share a connection.
  client.release = () => undefined;
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: { connect: async () => client, end: async () => undefined } }) });
  let broken: Error | undefined;
  try {
    return await writeTransaction({ db, dialect: 'postgres', busyTimeoutMs }, (trx) => importTransaction(trx, 'postgres', meta, async (t, importId) => {
      await sql.raw(`CREATE TEMPORARY TABLE events_incoming ON COMMIT DROP AS SELECT ${writtenColumns.join(', ')} FROM events WITH NO DATA`).execute(t);
      const copySql = `COPY events_incoming (${writtenColumns.join(', ')}) FROM STDIN`;
      const outcome = await read({
        async write(rows, lines) {
          let text = '';
          for (let i = 0; i < rows.length; i++) text += copyLine(eventValues(rows[i] as EventRow, importId, lines[i] as number));
          const stream = client.query(copyFrom(copySql));
          await new Promise<void>((resolve, reject) => {
            stream.on('finish', resolve);
            stream.on('error', reject);
            stream.end(text);
          });
        },
        async writeSources(b) {
          await t.insertInto('event_sources').values({ import_id: importId, first_line: b.firstLine, last_line: b.lastLine, records: b.records }).execute();
        },
      });
      // The staging table holds names as text: new ones go into event_names, then every row goes
      // in with its names joined to their references.
      const nameValues = eventNameColumns.map((c) => `(i.${c})`).join(', ');
      await sql.raw(`INSERT INTO event_names (name) SELECT DISTINCT v.name FROM events_incoming i CROSS JOIN LATERAL (VALUES ${nameValues}) AS v(name) WHERE v.name IS NOT NULL ON CONFLICT (name) DO NOTHING`).execute(t);
      const joins = eventNameColumns.map((c) => `LEFT JOIN event_names n_${c} ON n_${c}.name = i.${c}`).join(' ');
      const values = writtenColumns.map((c) => (isName(c) ? `n_${c}.id` : `i.${c}`)).join(', ');
      const merged = await sql<{ inserted: string; updated: string }>`
        WITH merged AS (
          ${sql.raw(`INSERT INTO event_rows (${writtenRowColumns.join(', ')}) SELECT ${values} FROM events_incoming i ${joins}`)}
          ON CONFLICT (dataset, event_id) DO UPDATE SET ${sql.raw(updateColumns.map((c) => `${c} = excluded.${c}`).join(', '))}
          WHERE ${sql.raw(changedCondition('IS DISTINCT FROM'))}
          RETURNING (xmax = 0) AS fresh
        )
        SELECT count(*) FILTER (WHERE fresh) AS inserted, count(*) FILTER (WHERE NOT fresh) AS updated FROM merged`.execute(t);
      const counts = merged.rows[0];
      return { outcome, inserted: Number(counts?.inserted ?? 0), updated: Number(counts?.updated ?? 0) };
    }));
  } catch (err) {
    broken = err as Error;
    throw err;
  } finally {
    await db.destroy();
    client.release = release;
    // A connection left mid-COPY by an error is not handed back to the pool for reuse.
    release(broken);
  }
}

/** One row in COPY's text format: tab-separated, \N for null, backslash escapes. */
function copyLine(values: Array<string | number | null>): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i > 0) line += '\t';
    if (v === null || v === undefined) line += '\\N';
    else if (typeof v === 'number') line += String(v);
    else line += String(v).replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
  }
  return line + '\n';
}

async function countEvents(trx: Kysely<Database>, dataset: string): Promise<number> {
  const row = await trx.selectFrom('event_rows').select((eb) => eb.fn.countAll().as('n')).where('dataset', '=', dataset).executeTakeFirstOrThrow();
  return Number(row.n);
}
