// deeds serve: the HTTP API and the web UI.
import { Command } from 'commander';
import { buildServer } from '../../server/app.js';
import { openStore, resolveDbSpec } from '../../store/open.js';
import { print, UserError, warn, type DbOptions } from '../context.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the HTTP API (under /api/, OpenAPI at /api/openapi.json) and the web UI')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on', '8080')
    .option('--db <path-or-url>', 'SQLite file or postgres:// URL (default: $DEEDS_DB, else ./deeds.db)')
    .option('--secure-cookies', 'mark cookies Secure (when served over HTTPS)')
    .option('--log', 'log every request to stderr')
    .action(async (options: DbOptions & { host: string; port: string; secureCookies?: boolean; log?: boolean }) => {
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UserError(`--port: "${options.port}" is not a port number`, 2);
      const store = await openStore(resolveDbSpec(options.db));
      const app = await buildServer({ store, logger: options.log ?? false, secureCookies: options.secureCookies ?? false });
      try {
        await app.listen({ host: options.host, port });
      } catch (err) {
        await app.close();
        await store.close();
        throw new UserError(`cannot listen on ${options.host}:${port}: ${(err as Error).message}`);
      }
      const address = app.server.address();
      const actualPort = typeof address === 'object' && address ? address.port : port;
      const host = options.host.includes(':') ? `[${options.host}]` : options.host;
      print(`deeds is serving ${store.location} at http://${host}:${actualPort}/`);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      warn('deeds: shutting down');
      await app.close();
      await store.close();
    });
}
