// A database the store can live in, behind one interface, as Kysely's own `Dialect` is for its
// queries: each implementation (sqlite/, postgres/) knows how to open its database and how a
// write transaction waits for other writers. Code outside src/store/dialects asks the adapter
// (src/store/dialects/index.ts: dialectFor) instead of comparing `store.dialect` with a name.
//
// Two places keep per-dialect code of their own, on purpose:
// - the migrations (src/store/migrations/0*.ts) hold the DDL each database ran; they are history
//   and do not change;
// - bulk event imports (src/store/events.ts, runEventImport) take the fastest path each database
//   has: SQLite writes through prepared statements on the import's own connection, PostgreSQL
//   through COPY into a staging table merged by one INSERT … ON CONFLICT. A new dialect adds its
//   bulk path there, beside those two.
import type { Kysely, RawBuilder } from 'kysely';
import type { Database } from '../schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** An open database: the Kysely instance, where it is (for messages), and how to close it. */
export interface Connection {
  db: Kysely<Database>;
  /** Where the data lives, with any password removed. */
  location: string;
  /** PostgreSQL only: the connection pool, for COPY (src/store/events.ts). */
  pool?: import('pg').Pool;
  close(): Promise<void>;
}

/** What a write transaction runs against: a store, or an import's own connection to it. */
export interface WriteTarget {
  db: Kysely<Database>;
  dialect: Dialect;
  busyTimeoutMs: number;
}

export interface StoreDialect {
  readonly name: Dialect;
  /** Whether a --db / DEEDS_DB value names a database of this kind. */
  accepts(spec: string): boolean;
  /** Opens the database (the schema is brought up to date afterwards, by src/store/open.ts). */
  open(spec: string, busyTimeoutMs: number): Promise<Connection>;
  /**
   * Runs `work` in one write transaction that waits at most `target.busyTimeoutMs` for other
   * writers (then StoreBusyError), and rolls back if `work` throws.
   */
  writeTransaction<T>(target: WriteTarget, work: (trx: Kysely<Database>) => Promise<T>): Promise<T>;
  /**
   * Whether rows a write transaction reads must be locked (SELECT … FOR UPDATE) to keep other
   * writers off them: PostgreSQL locks rows; SQLite's write lock already covers the database.
   */
  readonly locksRowsRead: boolean;
  /** A text column compared without regard to ASCII case. */
  caseFolded(column: string): RawBuilder<string>;
}
