// The same tests run against both databases: a fresh SQLite file, or a fresh PostgreSQL database
// in the server started by test/setup/postgres.ts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from '../../src/store/migrations/index.js';
import { openStore, type OpenOptions, type Store } from '../../src/store/open.js';
import type { Database as Schema } from '../../src/store/schema.js';

export type StoreKind = 'sqlite' | 'postgres';
export const storeKinds: StoreKind[] = ['sqlite', 'postgres'];

/** A database spec (file path or URL) for a new, empty database of the given kind. */
export async function freshDbSpec(kind: StoreKind): Promise<string> {
  if (kind === 'sqlite') return join(mkdtempSync(join(tmpdir(), 'deeds-test-')), 'deeds.db');
  const admin = new URL(inject('pgUrl'));
  const name = `deeds_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  admin.pathname = `/${name}`;
  return admin.toString();
}

export async function freshStore(kind: StoreKind, options: OpenOptions = {}): Promise<Store> {
  return openStore(await freshDbSpec(kind), options);
}

/**
 * A new database of `kind` brought up to the migration named `last` only, to write data as the
 * code of that time did; open its `spec` with openStore afterwards to run the later migrations.
 * The handle is typed with today's schema: cast it for tables that have changed since.
 */
export async function dbMigratedTo(kind: StoreKind, last: string): Promise<{ spec: string; db: Kysely<Schema> }> {
  const spec = await freshDbSpec(kind);
  const db = kind === 'sqlite'
    ? new Kysely<Schema>({ dialect: new SqliteDialect({ database: new Database(spec) }) })
    : new Kysely<Schema>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: spec, max: 2 }) }) });
  const { error } = await new Migrator({ db, provider: migrationProvider(kind) }).migrateTo(last);
  if (error) {
    await db.destroy();
    throw error;
  }
  return { spec, db };
}
