// The same tests run against both databases: a fresh SQLite file, or a fresh PostgreSQL database
// in the server started by test/setup/postgres.ts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { openStore, type OpenOptions, type Store } from '../../src/store/open.js';

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
