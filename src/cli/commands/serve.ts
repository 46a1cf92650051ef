// deeds serve: the HTTP API and the web UI.
import { Command } from 'commander';
import type { DbOptions } from '../context.js';
import type { ServeOptions } from '../serving.js';

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the HTTP API (under /api/, OpenAPI at /api/openapi.json) and the web UI')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port; default: $DEEDS_PORT, else 8080)', process.env['DEEDS_PORT'] || '8080')
    .option('--db <path-or-url>', 'SQLite file or postgres:// URL (default: $DEEDS_DB, else ./deeds.db)')
    .option('--busy-timeout <ms>', 'how long a write waits for another writer before answering 503 (default: $DEEDS_BUSY_TIMEOUT, else 5000)')
    .option('--secure-cookies', 'mark cookies Secure (when served over HTTPS)')
    .option('--log', 'log every request to stderr')
    .option('--sign-in-attempts <n>', 'sign-in attempts allowed per minute for one address and user name; more get 429 (default: $DEEDS_SIGN_IN_ATTEMPTS, else 10)')
    .option('--case-creators <who>', 'who may create a case: admins, or signed-in (any signed-in user, who becomes its owner) (default: $DEEDS_CASE_CREATORS, else admins)')
    .action(async (options: DbOptions & ServeOptions & { busyTimeout?: string }) => {
      // The server and the store are imported here, so that `deeds serve --help` loads neither.
      const [{ openStore, resolveBusyTimeout, resolveDbSpec }, { serverSettings, serveUntilStopped }] = await Promise.all([import('../../store/open.js'), import('../serving.js')]);
      // A wrong setting is refused before the database is opened (or created).
      const settings = serverSettings(options);
      const store = await openStore(resolveDbSpec(options.db), { busyTimeoutMs: resolveBusyTimeout(options.busyTimeout) });
      try {
        await serveUntilStopped(store, settings);
      } finally {
        await store.close();
      }
    });
}
