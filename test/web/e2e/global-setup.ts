// Starts one server for the whole browser run; the tests read its address from the environment.
import { startServer } from './server';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startServer();
  process.env.DEEDS_E2E_URL = server.url;
  return server.stop;
}
