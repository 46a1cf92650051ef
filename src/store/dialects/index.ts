// The dialects the store knows, and the few questions the rest of the store asks them.
import type { Dialect, StoreDialect } from './dialect.js';
import { postgres } from './postgres/index.js';
import { sqlite } from './sqlite/index.js';

export type { Connection, Dialect, StoreDialect, WriteTarget } from './dialect.js';
export { isPostgresUrl } from './postgres/index.js';

/** In the order a --db value is tried: the first that accepts it opens it (SQLite takes any path). */
const dialects: readonly StoreDialect[] = [postgres, sqlite];

const byName: Readonly<Record<Dialect, StoreDialect>> = { sqlite, postgres };

export function dialectFor(name: Dialect): StoreDialect {
  return byName[name];
}

export function dialectForSpec(spec: string): StoreDialect {
  return dialects.find((d) => d.accepts(spec)) ?? sqlite;
}

/** Locks the rows a write transaction reads where the database locks rows (FOR UPDATE); else the query as it is. */
export function lockRowsRead<Q extends { forUpdate(): Q }>(dialect: Dialect, query: Q): Q {
  return dialectFor(dialect).locksRowsRead ? query.forUpdate() : query;
}
