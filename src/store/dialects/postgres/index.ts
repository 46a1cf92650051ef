// PostgreSQL through pg: a --db value starting with postgres:// or postgresql://.
import { sql } from 'kysely';
import type { StoreDialect } from '../dialect.js';
import { isPostgresUrl, openPostgres } from './open.js';
import { postgresWrite } from './write.js';

export { isPostgresUrl };

export const postgres: StoreDialect = {
  name: 'postgres',
  accepts: isPostgresUrl,
  open: (url) => openPostgres(url),
  writeTransaction: postgresWrite,
  locksRowsRead: true,
  caseFolded: (column) => sql<string>`lower(${sql.ref(column)})`,
};
