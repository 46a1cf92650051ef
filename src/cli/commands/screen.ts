// deeds screen [NAME…] [--file F] [--case CASE_ID] [--threshold X] [--json]: sanctions screening
// against the newest imported version of every list (docs/cli.md, docs/sanctions.md).
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import { MATCH_DEFAULTS } from '../../sanctions/defaults.js';
import type { ScreenInput, ScreenResult } from '../../sanctions/screen.js';
import { cliActor, print, printJson, useStore, UserError, withDb, type DbOptions } from '../context.js';

type Options = DbOptions & { file?: string; case?: string; threshold?: string; lists?: string; json?: boolean };

export function screenCommand(): Command {
  return withDb(new Command('screen'))
    .description('screen names against the newest imported sanctions lists: names given, a file of names, or every person of a case')
    .argument('[names...]', 'names to screen')
    .option('--file <file>', 'names one a line, or CSV with a `name` column and optional `birth_date`, `nationality`')
    .option('--case <case-id>', 'screen every person of a case (aliases, birth date and nationality included); the run is stored and compared with the previous one')
    .option('--threshold <score>', `report matches from this score (default ${MATCH_DEFAULTS.candidate}; "strong" from ${MATCH_DEFAULTS.strong})`)
    .option('--lists <lists>', 'only these lists, comma-separated: list keys (un, ofac, opensanctions) or the datasets of FtM entries (eu_fsf, gb_hmt_sanctions …)')
    .option('--json', 'print the result as JSON')
    .action(async (names: string[], options: Options) => {
      const threshold = parseThreshold(options.threshold);
      const lists = options.lists?.split(',').map((l) => l.trim()).filter(Boolean);
      if (lists && lists.length === 0) throw new UserError('--lists: name at least one list or dataset', 2);
      // A case's stored runs are compared with each other: they always cover every list.
      if (lists && options.case) throw new UserError('--lists cannot be used with --case: a case is always screened against every list, so that its runs compare', 2);
      const inputs: ScreenInput[] = names.map((n) => n.trim()).filter(Boolean).map((query) => ({ query }));
      if (options.file) inputs.push(...(await readNamesFile(options.file)));
      if (inputs.length === 0 && !options.case) throw new UserError('nothing to screen: give names, --file or --case', 2);
      // The matcher and the store are imported here, so that `--help` loads neither.
      const [{ screen }, { loadScreeningIndex, NoListsError, screenCase, UnknownCaseError }] = await Promise.all([
        import('../../sanctions/screen.js'),
        import('../../screening/screening.js'),
      ]);
      const out = await useStore(options, async (store) => {
        try {
          const loaded = await loadScreeningIndex(store);
          if (lists) {
            const known = loaded.index.listNames();
            const unknown = lists.filter((l) => !known.has(l));
            if (unknown.length) throw new UserError(`--lists: no imported entry belongs to ${unknown.map((u) => `"${u}"`).join(', ')}; known: ${[...known.keys()].sort().join(', ')}`);
          }
          const results: ScreenResult[] = screen(loaded.index, inputs, { threshold, ...(lists ? { lists } : {}) });
          const versions = Object.fromEntries(loaded.versions.map((v) => [v.list, v.id]));
          if (!options.case) return { versions, ...(lists ? { lists } : {}), results };
          const run = await screenCase(store, options.case, { threshold, actor: cliActor(), loaded });
          return { case: run.case, screened_at: run.screened_at, versions, results: [...results, ...run.results] };
        } catch (err) {
          if (err instanceof NoListsError || err instanceof UnknownCaseError) throw new UserError(err.message);
          throw err;
        }
      });
      if (options.json) return printJson(out);
      print(`lists: ${Object.values(out.versions).join(', ')}${lists ? ` (only ${lists.join(', ')})` : ''}; threshold ${threshold}`);
      for (const r of out.results) printResult(r);
    });
}

function parseThreshold(text: string | undefined): number {
  if (text === undefined) return MATCH_DEFAULTS.candidate;
  const x = Number(text);
  if (!/^\s*\d*\.?\d+\s*$/.test(text) || !(x >= 0 && x <= 1)) throw new UserError(`--threshold: "${text}" is not a score between 0 and 1`);
  return x;
}

/** One name a line, or a CSV whose header has a `name` column. */
export async function readNamesFile(file: string): Promise<ScreenInput[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new UserError(`cannot read ${file}: ${(err as Error).message}`);
  }
  text = text.replace(/^\uFEFF/, '');
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const header = first.split(',').map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  if (!header.includes('name')) {
    return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((query) => ({ query }));
  }
  const [{ parse }, { countryCodes }] = await Promise.all([import('csv-parse/sync'), import('../../util/countries.js')]);
  let rows: Array<Record<string, string>>;
  try {
    rows = parse<Record<string, string>>(text, { columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()), skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (err) {
    throw new UserError(`${file}: not a readable CSV file: ${(err as Error).message}`);
  }
  const out: ScreenInput[] = [];
  rows.forEach((r, i) => {
    const query = r['name'] ?? '';
    if (!query) return;
    const birth = r['birth_date'] ?? '';
    if (birth && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(birth)) throw new UserError(`${file}:${i + 2}: birth_date "${birth}" is not YYYY, YYYY-MM or YYYY-MM-DD`);
    const nationality = countryCodes((r['nationality'] ?? '').split(/[;|/]/).map((x) => x.trim()).filter(Boolean));
    out.push({ query, ...(birth ? { birth_date: birth } : {}), ...(nationality.length ? { nationality } : {}) });
  });
  return out;
}

function printResult(r: ScreenResult): void {
  print(`${r.person ? `${r.person}: ` : ''}${r.query} — ${r.matches.length === 0 ? 'no match' : `${r.matches.length} match${r.matches.length === 1 ? '' : 'es'}`}`);
  for (const m of r.matches) {
    const decision = m.decision ? ` [${m.decision.decision} by ${m.decision.actor} ${m.decision.decided_at}: ${m.decision.reason}]` : '';
    print(`  ${m.score.toFixed(2)}${m.strong ? ' strong' : ''}  ${m.list} ${m.ref}  ${m.name}${m.matched_name !== m.name ? ` (as "${m.matched_name}")` : ''}${decision}`);
    print(`        ${m.explanation}`);
  }
  for (const d of r.declared_refs ?? []) print(`  declared ${d.ref}: ${d.listed ? `on ${d.list} as "${d.name}"` : 'not on the newest lists'}`);
  const c = r.changes;
  if (c) {
    const parts = [
      ...c.added.map((a) => `new ${a.list} ${a.ref} ${a.score.toFixed(2)}`),
      ...c.removed.map((a) => `gone ${a.list} ${a.ref} (was ${a.score.toFixed(2)})`),
      ...c.rescored.map((a) => `${a.list} ${a.ref} ${a.before.toFixed(2)}→${a.after.toFixed(2)}`),
    ];
    print(`  since ${c.since}: ${parts.length ? parts.join('; ') : 'no change'}`);
  }
}
