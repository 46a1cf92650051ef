// Opening PostgreSQL: a pool of up to ten connections, checked once so that a wrong URL fails here
// and not at the first query; the URL's password never reaches a message.
import { Kysely, PostgresDialect } from 'kysely';
import { StoreOpenError } from '../../errors.js';
import type { Database } from '../../schema.js';
import type { Connection } from '../dialect.js';

export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

export async function openPostgres(url: string): Promise<Connection> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const location = redact(url);
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end();
    throw new StoreOpenError(`cannot connect to PostgreSQL at ${location}: ${(err as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, location, pool, close: () => db.destroy() };
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}
