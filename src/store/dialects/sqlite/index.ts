// SQLite through better-sqlite3: any --db value that is not a PostgreSQL URL is a file path.
import { sql } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import { openSqlite } from './open.js';
import { sqliteWrite } from './write.js';

export const sqlite: StoreDialect = {
  name: 'sqlite',
  accepts: () => true,
  open: openSqlite,
  writeTransaction: sqliteWrite,
  locksRowsRead: false,
  // NOCASE folds ASCII only, as PostgreSQL's lower() does for our comparisons (names are ASCII-folded).
  caseFolded: (column) => sql<string>`${sql.ref(column)} COLLATE NOCASE`,
};
