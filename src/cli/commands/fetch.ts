// deeds fetch KIND: download the official current file, cache it, import it (docs/events.md).
import { Command } from 'commander';
import type { FetchKind } from '../../import/events-fetch.js';
import type { ImportKind } from '../../import/kinds.js';
import { cliActor, print, printJson, useStore, UserError, withDb, type DbOptions } from '../context.js';
import { progressBar } from '../progress.js';

interface Options extends DbOptions {
  json?: boolean;
  baseUrl?: string;
  url?: string;
  cacheDir?: string;
  gedVersion?: string;
  country?: string[];
  api?: boolean;
  refresh?: boolean;
}

/** `kinds` are every import kind; `fetchable` the ones downloaded, named without loading the downloader. */
export function fetchCommand(kinds: ImportKind[], fetchable: string[]): Command {
  return withDb(new Command('fetch'))
    .description('download the official current file for KIND, keep it in the cache and import it (needs internet)')
    .argument('<kind>', fetchable.join(' | '))
    .option('--country <codes...>', 'events only: keep only these countries (ISO code such as AF, or the dataset\'s name; UCDP API: Gleditsch-Ward number such as 700)')
    .option('--ged-version <version>', 'ucdp-ged: the GED version to download, e.g. 25.1 (default 25.1)')
    .option('--api', 'ucdp-ged: read the UCDP API (token in $UCDP_API_TOKEN) instead of the CSV zip')
    .option('--base-url <url>', 'replace the origin of the official URLs (default: $DEEDS_FETCH_BASE_URL), e.g. a mirror')
    .option('--url <url>', 'download from this URL instead')
    .option('--cache-dir <dir>', 'where downloads are kept (default: $DEEDS_CACHE_DIR, else .deeds/cache)')
    .option('--refresh', 'download again even if the cached copy is current')
    .option('--json', 'print the result as JSON')
    .action(async (kindName: string, options: Options) => {
      if (!fetchable.includes(kindName)) throw new UserError(`unknown fetch kind "${kindName}"; use one of: ${fetchable.join(', ')}`, 2);
      const kind = kindName as FetchKind;
      // The downloader and the error types it throws load only when a download runs.
      const [{ fetchAndImport, FetchError }, { SanctionsInputError }] = await Promise.all([import('../../import/events-fetch.js'), import('../../sanctions/errors.js')]);
      const bar = progressBar(`importing ${kind}`);
      const result = await useStore(options, (store) => fetchAndImport(store, kind, kinds, {
        actor: cliActor(), baseUrl: options.baseUrl, url: options.url, cacheDir: options.cacheDir, version: options.gedVersion,
        countries: options.country, api: options.api, refresh: options.refresh, onProgress: bar.update,
      })).catch((err: unknown) => {
        if (err instanceof FetchError || err instanceof SanctionsInputError) throw new UserError(err.message);
        throw err;
      }).finally(() => bar.stop());
      const shown = { ...result, rejects: result.rejects.slice(0, 20) };
      if (options.json) return printJson(shown);
      print(`${kind}: ${result.from_cache ? 'cached copy is current' : `downloaded ${result.downloaded_bytes} bytes`} from ${result.source_url} → ${result.cached_file}`);
      print(`${kind}: read ${result.read}, inserted ${result.inserted}, updated ${result.updated}, unchanged ${result.unchanged}, rejected ${result.rejected}`);
      for (const r of shown.rejects) print(`  rejected ${r.file}:${r.line}: ${r.reason}`);
      if (result.rejects.length > shown.rejects.length) print(`  … ${result.rejects.length - shown.rejects.length} more rejects (see --json or re-run \`deeds import\` on the cached file)`);
    });
}
