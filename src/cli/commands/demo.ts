// deeds demo: a fresh demo database with the bundled Afghanistan case, the event and sanctions
// data it can find, a demo account, the headline findings, and the server with the web UI.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import type { FetchKind } from '../../import/events-fetch.js';
import type { Store } from '../../store/open.js';
import { print, UserError, warn } from '../context.js';
import { today } from './assess.js';

export const BUNDLED_CASE = fileURLToPath(new URL('../../../cases/afghanistan-doha', import.meta.url));
const DEMO_DB = './deeds-demo.db';
const DEMO_USER = 'demo';

/** What the demo imports from a data directory laid out like ../shared/data (see its INDEX.md). */
export const DEMO_DATA: readonly { kind: string; file: string }[] = [
  { kind: 'ucdp-ged', file: 'ucdp-ged/ged_sample_lilinduo_afghanistan.csv' },
  { kind: 'un-sanctions', file: 'un-sc-consolidated/consolidated_2020-12-01.xml' },
  { kind: 'un-sanctions', file: 'un-sc-consolidated/consolidated_2026-02-27.xml' },
  { kind: 'ofac-sdn', file: 'ofac-sdn/watchman-bench-2021-07/sdn.csv' },
];

/** Fetched when there is no data directory: the current UN list and Afghanistan's UCDP events. */
const DEMO_FETCHES: readonly { kind: FetchKind; countries?: string[] }[] = [
  { kind: 'un-sanctions' },
  { kind: 'ucdp-ged', countries: ['AF'] },
];

interface DemoOptions {
  db: string;
  case: string;
  dataDir?: string;
  fetch: boolean;
  serve: boolean;
  host: string;
  port: string;
}

export function demoCommand(): Command {
  return new Command('demo')
    .description(`create a demo database (${DEMO_DB}, made anew each time), load the bundled case and the data it can find, create a demo account and serve the web UI`)
    .option('--db <path>', 'SQLite file for the demo database', DEMO_DB)
    .option('--case <path>', 'case file or directory to load instead of the bundled one', BUNDLED_CASE)
    .option('--data-dir <dir>', 'folder of event and sanctions data (default: $DEEDS_DATA_DIR, else ../shared/data beside the repository)')
    .option('--no-fetch', 'without a data directory, do not try to download the data (deeds fetch)')
    .option('--no-serve', 'stop after loading and summarising, without starting the server')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--port <port>', 'port to listen on (0: any free port; default: $DEEDS_PORT, else 8080)', process.env['DEEDS_PORT'] || '8080')
    .action(async (options: DemoOptions) => {
      // Everything else is imported here, so that `deeds demo --help` loads none of it.
      const [{ readCase }, { formatProblem }, { objectLists }, { assess, formatAssessment }, { addUser, grantRole }, { getCase, loadCase }, { openStore }, { serverSettings, serveUntilStopped }] = await Promise.all([
        import('../../case/read.js'), import('../../case/errors.js'), import('../../case/schema.js'), import('../../assess/index.js'),
        import('../../accounts/index.js'), import('../../store/cases.js'), import('../../store/open.js'), import('../serving.js'),
      ]);
      const settings = serverSettings({ host: options.host, port: options.port });
      const parsed = await readCase(options.case);
      if (!parsed.ok) throw new UserError(`the case does not validate:\n${parsed.problems.map(formatProblem).join('\n')}`);
      for (const suffix of ['', '-wal', '-shm']) await rm(options.db + suffix, { force: true });
      const store = await openStore(options.db);
      try {
        const summary = await loadCase(store, parsed.value, { actor: 'demo' });
        const c = await getCase(store, summary.case);
        if (!c) throw new Error('the demo case vanished after loading');
        print(`deeds demo: loaded "${c.case.title}" into ${options.db}`);
        print(`  (the demo database is made anew on each run; to keep your work, load the case into your own database and serve it: node bin/deeds case load ${options.case === BUNDLED_CASE ? 'cases/afghanistan-doha' : options.case} --db deeds.db && node bin/deeds serve --db deeds.db)`);
        for (const list of objectLists) if (c[list].length > 0) print(`  ${list.padEnd(14)} ${c[list].length}`);
        await importDemoData(store, dataDirOf(options), options.fetch);
        print('');
        print(formatAssessment(assess(c, today())).split('\nCommitments (')[0] ?? '');
        const password = randomBytes(12).toString('base64url');
        await addUser(store, DEMO_USER, password, { actor: 'demo' });
        await grantRole(store, DEMO_USER, c.case.id, 'owner', 'demo');
        if (!options.serve) {
          print(`Demo account: ${DEMO_USER} / ${password} (owner of "${c.case.id}"); start the server with: node bin/deeds serve --db ${options.db}`);
          return;
        }
        await serveUntilStopped(store, settings, (url) => {
          print(`\nOpen ${url} and sign in as ${DEMO_USER} with the password ${password}`);
          print('Press Ctrl+C to stop.');
        });
      } finally {
        await store.close();
      }
    });
}

function dataDirOf(options: DemoOptions): string | undefined {
  const dir = options.dataDir ?? process.env['DEEDS_DATA_DIR'] ?? fileURLToPath(new URL('../../../../shared/data', import.meta.url));
  return existsSync(dir) ? resolve(dir) : undefined;
}

/** Imports what it finds, else fetches it when online, and says what it could not; the demo goes on without it. */
async function importDemoData(store: Store, dataDir: string | undefined, fetchWhenMissing: boolean): Promise<void> {
  const [{ importKinds }, { fetchAndImport }] = await Promise.all([import('../../import/registry.js'), import('../../import/events-fetch.js')]);
  if (!dataDir) {
    if (!fetchWhenMissing) {
      warn('deeds demo: no data directory (set DEEDS_DATA_DIR, or run `deeds fetch ucdp-ged` and `deeds fetch un-sanctions` later): indicators and screening will be empty');
      return;
    }
    warn('deeds demo: no data directory (DEEDS_DATA_DIR): trying to download the data instead');
    for (const { kind, countries } of DEMO_FETCHES) {
      try {
        const s = await fetchAndImport(store, kind, importKinds, { actor: 'demo', ...(countries ? { countries } : {}) });
        print(`  fetched ${kind}: ${s.read} read, ${s.inserted} new, ${s.rejected} rejected`);
      } catch (err) {
        warn(`deeds demo: could not fetch ${kind} (${(err as Error).message}); run \`deeds fetch ${kind}\` when online. Going on without it.`);
      }
    }
    return;
  }
  for (const { kind, file } of DEMO_DATA) {
    const path = join(dataDir, file);
    const importer = importKinds.find((k) => k.kind === kind);
    if (!importer || !existsSync(path)) {
      warn(`deeds demo: skipped ${kind} ${file}: ${importer ? 'not in the data directory' : 'this build cannot import it'}`);
      continue;
    }
    try {
      const s = await importer.importFile(store, path, { actor: 'demo' });
      print(`  imported ${kind} ${file}: ${s.read} read, ${s.inserted} new, ${s.rejected} rejected`);
    } catch (err) {
      warn(`deeds demo: could not import ${kind} ${file}: ${(err as Error).message}`);
    }
  }
}
