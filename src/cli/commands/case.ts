// deeds case validate|load|export|list|schema
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command } from 'commander';
import type { CaseProblem } from '../../case/errors.js';
import type { CaseFile, objectLists as ObjectListsValue } from '../../case/schema.js';
import { cliActor, print, printJson, useStore, UserError, withDb, type DbOptions } from '../context.js';

// The case modules (zod, yaml) and the store (Kysely, the drivers) are imported inside the
// actions: `deeds case --help` and the commands that need neither start faster (see main.ts).

interface JsonOption { json?: boolean }

export function caseCommand(): Command {
  const cmd = new Command('case').description('validate, load, export and list cases');

  cmd.command('validate')
    .description('check a case file or directory; prints every problem with file, line and key path; writes nothing')
    .argument('<path>', 'a YAML file or a directory of YAML files')
    .option('--json', 'print the result as JSON')
    .action(async (path: string, options: JsonOption) => {
      const c = await validOrReport(path, options);
      const { objectLists } = await import('../../case/schema.js');
      if (options.json) printJson({ valid: true, case: c.case.id, counts: counts(c, objectLists) });
      else print(`${path}: valid case "${c.case.id}" (${describeCounts(c, objectLists)})`);
    });

  withDb(cmd.command('load'))
    .description('validate and load a case (insert or update by id) in one transaction; nothing is written if anything is wrong')
    .argument('<path>', 'a YAML file or a directory of YAML files')
    .option('--json', 'print the result as JSON')
    .action(async (path: string, options: JsonOption & DbOptions) => {
      const c = await validOrReport(path, options);
      const [{ loadCase }, { progressBar }] = await Promise.all([import('../../store/cases.js'), import('../progress.js')]);
      const bar = progressBar(`loading ${c.case.id}`);
      const summary = await useStore(options, (store) => loadCase(store, c, { actor: cliActor(), onProgress: bar.update })).finally(() => bar.stop());
      if (options.json) printJson(summary);
      else {
        const verb = summary.created ? 'created' : summary.inserted + summary.updated > 0 ? 'updated' : 'nothing changed in';
        print(`${verb} case "${summary.case}": ${summary.inserted} inserted, ${summary.updated} updated, ${summary.unchanged} unchanged` +
          (summary.new_versions ? ` (${summary.new_versions} evidence item${summary.new_versions === 1 ? '' : 's'} changed: new versions added, old ones kept)` : ''));
      }
    });

  withDb(cmd.command('export'))
    .description('write a case from the database back as YAML files; loading them gives the same case')
    .argument('<case-id>', 'the case to export')
    .requiredOption('--out <dir>', 'directory to write (created if missing; must not hold other YAML files)')
    .option('--force', 'overwrite YAML files already in the directory')
    .action(async (caseId: string, options: DbOptions & { out: string; force?: boolean }) => {
      const [{ getCase }, { caseToYaml }] = await Promise.all([import('../../store/cases.js'), import('../../case/export.js')]);
      const c = await useStore(options, (store) => getCase(store, caseId));
      if (!c) throw new UserError(`no case "${caseId}" in the database (see: deeds case list)`);
      await mkdir(options.out, { recursive: true });
      const existing = (await readdir(options.out)).filter((f) => /\.ya?ml$/i.test(f));
      if (existing.length > 0 && !options.force) {
        throw new UserError(`${options.out} already holds YAML files (${existing.slice(0, 3).join(', ')}${existing.length > 3 ? ', …' : ''}); they would be merged on load. Use an empty directory or --force`);
      }
      const files = caseToYaml(c);
      for (const [name, text] of files) await writeFile(join(options.out, name), text);
      print(`wrote case "${caseId}" to ${options.out} (${[...files.keys()].join(', ')})`);
    });

  withDb(cmd.command('list'))
    .description('the cases in the database')
    .option('--json', 'print the result as JSON')
    .action(async (options: JsonOption & DbOptions) => {
      const { listCases } = await import('../../store/cases.js');
      const cases = await useStore(options, listCases);
      if (options.json) return printJson({ cases });
      if (cases.length === 0) return print('no cases yet: load one with `deeds case load PATH`');
      for (const c of cases) print(`${c.id}\t${c.marking}\t${c.title}`);
    });

  cmd.command('schema')
    .description('print the JSON Schema of the case format, for editors that validate and autocomplete YAML')
    .action(async () => {
      // The build writes the schema to dist/case/case-schema.json; from the sources (tsx) it is
      // made on the spot. Both are the same conversion of the same zod schemas.
      const built = await readFile(new URL('../../case/case-schema.json', import.meta.url), 'utf8').catch(() => undefined);
      if (built !== undefined) return void process.stdout.write(built);
      printJson((await import('../../case/json-schema.js')).caseJsonSchema());
    });

  return cmd;
}

async function validOrReport(path: string, options: JsonOption): Promise<CaseFile> {
  const { readCase } = await import('../../case/read.js');
  const result = await readCase(path);
  if (result.ok) return result.value;
  if (options.json) {
    printJson({ valid: false, problems: result.problems });
    throw new UserError('', 1);
  }
  const { formatProblem } = await import('../../case/errors.js');
  throw new UserError(problemsText(result.problems, formatProblem));
}

function problemsText(problems: CaseProblem[], formatProblem: (p: CaseProblem) => string): string {
  return `the case is not valid; nothing was written (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` + problems.map(formatProblem).join('\n');
}

type ObjectLists = typeof ObjectListsValue;

function counts(c: CaseFile, objectLists: ObjectLists): Record<string, number> {
  return Object.fromEntries(objectLists.map((l) => [l, c[l].length]));
}

function describeCounts(c: CaseFile, objectLists: ObjectLists): string {
  return objectLists.filter((l) => c[l].length > 0).map((l) => `${c[l].length} ${l}`).join(', ') || 'no objects';
}
