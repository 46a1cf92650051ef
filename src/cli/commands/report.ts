// deeds report CASE_ID [--as-of D] --format html|pdf|md|stix|csv --out FILE: a briefing (HTML,
// PDF, Markdown) or an export (STIX 2.1, evidence CSV) of a stored case (docs/reports.md).
import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { REPORT_FORMATS, type ReportFormat } from '../../report/formats.js';
import { print, useStore, UserError, withDb, type DbOptions } from '../context.js';
import { today } from './assess.js';

type Options = DbOptions & { asOf?: string; knownAt?: string; since?: string; format: ReportFormat; out: string; allowRed?: boolean };

export function reportCommand(): Command {
  return withDb(new Command('report'))
    .description('a briefing (html, pdf, md) or an export (stix, csv) of a case as of a date')
    .argument('<case-id>')
    .option('--as-of <date>', 'write the briefing with what was known on this date (ISO 8601; default: today, UTC)')
    .option('--known-at <date>', 'with what was known on this date about the as-of date (default: the as-of date)')
    .option('--since <date>', 'add what changed since this date (the last review) to the briefing')
    .addOption(new Option('--format <format>', 'output format').choices(REPORT_FORMATS).makeOptionMandatory())
    .requiredOption('--out <file>', 'file to write')
    .option('--allow-red', 'export a TLP:RED case (its information is for named recipients only)')
    .action(async (caseId: string, options: Options) => {
      const asOf = options.asOf ?? today();
      // The renderers, the store and zod are imported here, so that `--help` loads none of them.
      const [{ datePattern }, { getCase }, { ChromiumMissingError, gatherReportInput, PdfRenderError, renderReport }] =
        await Promise.all([import('../../case/schema.js'), import('../../store/cases.js'), import('../../report/index.js')]);
      if (!datePattern.test(asOf)) throw new UserError(`--as-of: "${asOf}" is not an ISO date such as 2021-09-01`, 2);
      if (options.since !== undefined && !datePattern.test(options.since)) throw new UserError(`--since: "${options.since}" is not an ISO date such as 2021-09-01`, 2);
      if (options.knownAt !== undefined && !datePattern.test(options.knownAt)) throw new UserError(`--known-at: "${options.knownAt}" is not an ISO date such as 2021-09-01`, 2);
      const input = await useStore(options, async (store) => {
        const c = await getCase(store, caseId);
        if (!c) throw new UserError(`no case "${caseId}" in the database (deeds case list shows what is there; deeds case load adds one)`);
        if (c.case.marking === 'TLP:RED' && !options.allowRed) {
          throw new UserError(`case "${caseId}" is marked TLP:RED: its information is for named recipients only; add --allow-red to export it anyway`);
        }
        return options.format === 'csv' ? { case: c, asOf, knownAt: options.knownAt } : gatherReportInput(store, c, asOf, options.knownAt, options.since);
      });
      const report = await renderReport(input, options.format).catch((err: unknown) => {
        if (err instanceof ChromiumMissingError || err instanceof PdfRenderError) throw new UserError(err.message);
        throw err;
      });
      await writeFile(options.out, report.body);
      print(`wrote ${options.out} (${options.format}, case ${caseId} as of ${asOf})`);
    });
}
