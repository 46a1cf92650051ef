// Runs the HTTP server until SIGINT or SIGTERM, for `deeds serve` and `deeds demo`.
import { buildServer, caseCreatorChoices, type CaseCreators } from '../server/app.js';
import type { Store } from '../store/open.js';
import { print, UserError, warn } from './context.js';

export interface ServeOptions {
  host: string;
  port: string;
  secureCookies?: boolean;
  log?: boolean;
  caseCreators?: string;
  signInAttempts?: string;
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port: "${value}" is not a port number`, 2);
  return port;
}

/** Who may create cases on this server: `admins` (default) or `signed-in`. */
export function parseCaseCreators(value: string): CaseCreators {
  const found = caseCreatorChoices.find((c) => c === value);
  if (!found) throw new UserError(`--case-creators: "${value}" is not one of ${caseCreatorChoices.join(', ')}`, 2);
  return found;
}

/** Sign-in attempts allowed per minute for one address and user name (default 10). */
export function parseSignInAttempts(value: string): number {
  const n = Number(value);
  if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(n) || n < 1) throw new UserError(`--sign-in-attempts: "${value}" is not a whole number of 1 or more`, 2);
  return n;
}

/** The server's settings from the command line and the environment, checked before anything is opened. */
export interface ServerSettings {
  host: string;
  port: number;
  log: boolean;
  secureCookies: boolean;
  caseCreators: CaseCreators;
  loginAttemptsPerMinute: number;
}

export function serverSettings(options: ServeOptions): ServerSettings {
  return {
    host: options.host,
    port: parsePort(options.port),
    log: options.log ?? false,
    secureCookies: options.secureCookies ?? false,
    caseCreators: parseCaseCreators(options.caseCreators ?? process.env['DEEDS_CASE_CREATORS'] ?? 'admins'),
    loginAttemptsPerMinute: parseSignInAttempts(options.signInAttempts ?? process.env['DEEDS_SIGN_IN_ATTEMPTS'] ?? '10'),
  };
}

/** Serves `store` and resolves once a signal asked the server to stop; `onListening` gets the address. */
export async function serveUntilStopped(store: Store, settings: ServerSettings, onListening?: (url: string) => void): Promise<void> {
  const { host: listenHost, port } = settings;
  const app = await buildServer({ store, logger: settings.log, secureCookies: settings.secureCookies, caseCreators: settings.caseCreators, loginAttemptsPerMinute: settings.loginAttemptsPerMinute });
  try {
    await app.listen({ host: listenHost, port });
  } catch (err) {
    await app.close();
    throw new UserError(`cannot listen on ${listenHost}:${port}: ${(err as Error).message}`);
  }
  const address = app.server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const host = listenHost.includes(':') ? `[${listenHost}]` : listenHost;
  const url = `http://${host}:${actualPort}/`;
  print(`deeds is serving ${store.location} at ${url}`);
  onListening?.(url);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  warn('deeds: shutting down');
  await app.close();
}
