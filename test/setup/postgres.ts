// Starts one real PostgreSQL server for the whole test run; each test creates its own databases
// in it. Set DEEDS_TEST_PG_URL to use a server of your own instead.
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../helpers/postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const given = process.env['DEEDS_TEST_PG_URL'];
  if (given) {
    project.provide('pgUrl', given);
    return async () => {};
  }
  const server = await startPostgres();
  project.provide('pgUrl', server.url);
  return () => server.stop();
}
